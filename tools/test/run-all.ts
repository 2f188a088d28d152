/**
 * `npm test`: every layer in order, one summary line each, then a table, the closing line
 * `tests: N passed, N failed, N skipped` and the names of the failed tests. Exit code 1 when anything failed.
 * The counts come from each layer's JUnit report (tools/test/layers.ts).
 *
 * Options: `--only lint,types` runs some layers; `--list` names them.
 */
import { layers, runLayer } from './layers.ts';
import type { LayerResult } from './lib/layer.ts';

function option( name: string ): string | undefined {
	const args = process.argv.slice( 2 );
	const index = args.indexOf( name );
	if ( index >= 0 ) {
		return args[ index + 1 ];
	}
	const inline = args.find( ( arg ) => arg.startsWith( `${ name }=` ) );
	return inline?.slice( name.length + 1 );
}

if ( process.argv.includes( '--list' ) ) {
	for ( const layer of layers ) {
		console.log( `${ layer.name.padEnd( 16 ) } ${ layer.what }` );
	}
	process.exit( 0 );
}

const only = option( '--only' )
	?.split( ',' )
	.map( ( name ) => name.trim() )
	.filter( Boolean );
const unknown = ( only ?? [] ).filter(
	( name ) => ! layers.some( ( layer ) => layer.name === name )
);
if ( unknown.length ) {
	console.error(
		`Unknown layer(s): ${ unknown.join( ', ' ) }. Layers: ${ layers.map( ( l ) => l.name ).join( ', ' ) }`
	);
	process.exit( 2 );
}
const chosen = layers.filter(
	( layer ) => ! only || only.includes( layer.name )
);

const rows: Array< LayerResult & { name: string; seconds: number } > = [];
const started = performance.now();

for ( const layer of chosen ) {
	console.log( `\n━━ ${ layer.name }: ${ layer.what }` );
	const layerStart = performance.now();
	let result: LayerResult;
	try {
		result = await runLayer( layer );
	} catch ( error ) {
		result = {
			status: 'failed',
			passed: 0,
			failed: 1,
			skipped: 0,
			note: String( error ),
		};
	}
	const seconds = ( performance.now() - layerStart ) / 1000;
	rows.push( { ...result, name: layer.name, seconds } );
	const counts =
		result.status === 'skipped'
			? `skipped: ${ result.note }`
			: `${ result.status }: ${ result.passed } passed, ${ result.failed } failed${
					result.skipped ? `, ${ result.skipped } skipped` : ''
				}${ result.note ? ` (${ result.note })` : '' }`;
	console.log(
		`━━ ${ layer.name } ${ counts } in ${ seconds.toFixed( 1 ) } s`
	);
}

const total = rows.reduce(
	( sum, row ) => ( {
		passed: sum.passed + row.passed,
		failed: sum.failed + row.failed,
		skipped: sum.skipped + row.skipped,
	} ),
	{ passed: 0, failed: 0, skipped: 0 }
);

console.log( '\nlayer            result    passed  failed  skipped   seconds' );
for ( const row of rows ) {
	console.log(
		`${ row.name.padEnd( 16 ) } ${ row.status.padEnd( 8 ) } ${ String( row.passed ).padStart( 7 ) } ${ String(
			row.failed
		).padStart(
			7
		) } ${ String( row.skipped ).padStart( 8 ) } ${ row.seconds.toFixed( 1 ).padStart( 9 ) }${
			row.status === 'skipped' ? `  skipped: ${ row.note }` : ''
		}`
	);
}
console.log(
	`all layers: ${ ( ( performance.now() - started ) / 1000 ).toFixed( 1 ) } s`
);
const failures = rows.flatMap( ( row ) =>
	( row.failures ?? [] ).map( ( failure ) => `  ${ row.name }: ${ failure }` )
);
if ( failures.length ) {
	// Repeated here so that the tail of a long CI log names what failed.
	console.log( `failed tests (${ failures.length }):` );
	for ( const failure of failures.slice( 0, 40 ) ) {
		console.log( failure );
	}
}
const anyFailed = rows.some( ( row ) => row.status === 'failed' );
console.log(
	`tests: ${ total.passed } passed, ${ total.failed } failed, ${ total.skipped } skipped`
);
process.exit( anyFailed ? 1 : 0 );
