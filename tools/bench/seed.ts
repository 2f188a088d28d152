/**
 * Seeds a stack's store with Korea Checkout orders and stored webhook events (tools/bench/php/seed.php does the
 * work inside the stack's WordPress).
 *
 *   npx tsx tools/bench/seed.ts --orders=50000 --events=500000 [--storage=hpos|posts] [--processes=2] [--batch=500]
 *
 * The stack is the one in KC_STACK_DIR (default .stack/bench); it must be installed (its database running). The
 * orders are split over --processes PHP processes seeding at once; --storage first makes that order storage the
 * store's own. Ends by emptying the object cache and recounting WooCommerce's orders.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stackDirFrom } from '../stack/config.ts';
import { ToolError } from '../lib/process.ts';
import { REPO_ROOT } from '../lib/root.ts';

export const SEED_SCRIPT = join( REPO_ROOT, 'tools/bench/php/seed.php' );

export interface SeedOptions {
	/** The store's WordPress folder (`<stack>/site`). */
	wpRoot: string;
	orders: number;
	events: number;
	/** Make this the authoritative order storage first; absent: keep the store's. */
	storage?: 'hpos' | 'posts';
	processes?: number;
	batch?: number;
	/** Progress lines (default: console.log). */
	say?: ( line: string ) => void;
}

export interface SeedResult {
	orders: number;
	events: number;
	storage: string;
	seconds: number;
}

interface PartResult {
	storage: string;
	orders: Record< string, number >;
	events: number;
}

/** Runs seed.php with the given arguments; resolves with the JSON of its last line. */
function runSeedPhp< T >(
	wpRoot: string,
	args: string[],
	say: ( line: string ) => void
): Promise< T > {
	return new Promise( ( resolve, reject ) => {
		const child = spawn(
			'php',
			[ '-d', 'memory_limit=1G', SEED_SCRIPT, ...args ],
			{
				env: { ...process.env, KC_WP_ROOT: wpRoot },
				stdio: [ 'ignore', 'pipe', 'pipe' ],
			}
		);
		let out = '';
		let err = '';
		child.stdout.on( 'data', ( chunk: Buffer ) => ( out += chunk ) );
		child.stderr.on( 'data', ( chunk: Buffer ) => {
			err += chunk;
			const lines = err.split( '\n' );
			err = lines.pop() ?? '';
			for ( const line of lines ) {
				if ( line.startsWith( '[seed]' ) ) {
					say( line );
				} else if ( line.trim() !== '' ) {
					say( `[seed] php: ${ line }` );
				}
			}
		} );
		child.on( 'error', reject );
		child.on( 'close', ( code ) => {
			const last = out.trim().split( '\n' ).pop() ?? '';
			if ( code !== 0 ) {
				reject(
					new ToolError(
						`seed.php ${ args.join( ' ' ) } failed (exit ${ String( code ) }):\n${ out }${ err }`
					)
				);
				return;
			}
			try {
				resolve( JSON.parse( last ) as T );
			} catch {
				reject(
					new ToolError( `seed.php printed no summary:\n${ out }` )
				);
			}
		} );
	} );
}

/** Seeds `orders` orders and `events` events into the store at wpRoot. */
export async function seedStore( options: SeedOptions ): Promise< SeedResult > {
	const say = options.say ?? ( ( line: string ) => console.log( line ) );
	const started = performance.now();
	if ( options.storage ) {
		await runSeedPhp(
			options.wpRoot,
			[ `storage=${ options.storage }` ],
			say
		);
	}
	const processes = Math.max(
		1,
		Math.min( options.processes ?? 2, Math.max( 1, options.orders ) )
	);
	const parts: Array< Promise< PartResult > > = [];
	for ( let part = 0; part < processes; part++ ) {
		const share = ( total: number ): number =>
			Math.floor( total / processes ) +
			( part < total % processes ? 1 : 0 );
		parts.push(
			runSeedPhp< PartResult >(
				options.wpRoot,
				[
					`orders=${ share( options.orders ) }`,
					`events=${ share( options.events ) }`,
					`batch=${ options.batch ?? 500 }`,
					`part=${ part }`,
					`parts=${ processes }`,
				],
				( line ) =>
					say(
						processes > 1
							? `${ line } (process ${ part + 1 })`
							: line
					)
			)
		);
	}
	const results = await Promise.all( parts );
	await runSeedPhp( options.wpRoot, [ 'flush' ], say );
	const orders = results.reduce(
		( sum, result ) =>
			sum + Object.values( result.orders ).reduce( ( a, b ) => a + b, 0 ),
		0
	);
	return {
		orders,
		events: results.reduce( ( sum, result ) => sum + result.events, 0 ),
		storage: results[ 0 ]?.storage ?? options.storage ?? '',
		seconds: ( performance.now() - started ) / 1000,
	};
}

function flag( name: string ): string | undefined {
	return process.argv
		.find( ( arg ) => arg.startsWith( `--${ name }=` ) )
		?.slice( name.length + 3 );
}

function count( name: string, fallback: number ): number {
	const raw = flag( name );
	const value = raw === undefined ? fallback : Number( raw );
	if ( ! Number.isInteger( value ) || value < 0 ) {
		throw new ToolError( `--${ name } must be a whole number` );
	}
	return value;
}

async function main(): Promise< void > {
	if ( process.argv.includes( '--help' ) ) {
		console.log(
			'usage: npx tsx tools/bench/seed.ts --orders=N --events=M [--storage=hpos|posts] [--processes=2] [--batch=500]\n' +
				'Seeds the store of the stack in KC_STACK_DIR (default .stack/bench).'
		);
		return;
	}
	const storage = flag( 'storage' );
	if ( storage !== undefined && storage !== 'hpos' && storage !== 'posts' ) {
		throw new ToolError( '--storage must be hpos or posts' );
	}
	const wpRoot = join(
		stackDirFrom( process.env.KC_STACK_DIR ?? '.stack/bench' ),
		'site'
	);
	const result = await seedStore( {
		wpRoot,
		orders: count( 'orders', 1000 ),
		events: count( 'events', 0 ),
		storage,
		processes: count( 'processes', 2 ),
		batch: count( 'batch', 500 ),
	} );
	console.log(
		`[seed] ${ result.orders } orders and ${ result.events } events (${ result.storage }) in ${ result.seconds.toFixed( 1 ) } s`
	);
}

if ( import.meta.url === pathToFileURL( process.argv[ 1 ] ?? '' ).href ) {
	main().catch( ( error: unknown ) => {
		console.error( error instanceof Error ? error.message : error );
		process.exitCode = 1;
	} );
}
