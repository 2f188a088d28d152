/**
 * `npm run zip`: builds the assets, then writes dist/korea-checkout.zip with only what a store runs:
 * the main file, uninstall.php, readme.txt, includes/, build/ and languages/, under one korea-checkout/
 * folder, as WordPress expects from an uploaded plugin. Option --no-build zips the build/ that is there;
 * --out=<path> writes the zip there instead (the Playground test installs such a zip).
 */
import { spawnSync } from 'node:child_process';
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	readdirSync,
	statSync,
} from 'node:fs';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { ZipFile } from 'yazl';

import { REPO_ROOT as root } from './lib/root.ts';

const SLUG = 'korea-checkout';
const FILES = [ 'korea-checkout.php', 'uninstall.php', 'readme.txt' ];
const FOLDERS = [ 'includes', 'build', 'languages' ];
/** Never shipped, even inside the folders above. */
const EXCLUDED =
	/(^|\/)(\.[^/]+|.*\.map|.*\.(ts|tsx)|node_modules|tests?)(\/|$)/;

function filesUnder( folder: string ): string[] {
	const full = join( root, folder );
	if ( ! existsSync( full ) ) {
		return [];
	}
	return readdirSync( full, { recursive: true } )
		.map( ( name ) => join( folder, String( name ) ) )
		.filter(
			( path ) =>
				statSync( join( root, path ) ).isFile() &&
				! EXCLUDED.test( path )
		)
		.sort();
}

if ( ! process.argv.includes( '--no-build' ) ) {
	console.log( '[zip] npm run build' );
	const built = spawnSync( 'npm', [ 'run', '--silent', 'build' ], {
		cwd: root,
		stdio: 'inherit',
	} );
	if ( built.status !== 0 ) {
		console.error( '[zip] the build failed; no zip written.' );
		process.exit( 1 );
	}
}

const missing = [ ...FILES, ...FOLDERS ].filter(
	( path ) => ! existsSync( join( root, path ) )
);
if (
	missing.some(
		( path ) =>
			path === 'korea-checkout.php' ||
			path === 'includes' ||
			path === 'build'
	)
) {
	console.error( `[zip] missing ${ missing.join( ', ' ) }; no zip written.` );
	process.exit( 1 );
}
if ( missing.length ) {
	console.warn( `[zip] not there yet, left out: ${ missing.join( ', ' ) }` );
}

const files = [
	...FILES.filter( ( path ) => existsSync( join( root, path ) ) ),
	...FOLDERS.flatMap( filesUnder ),
];
const outArgument = process.argv.find( ( argument ) =>
	argument.startsWith( '--out=' )
);
const output = outArgument
	? resolvePath( outArgument.slice( '--out='.length ) )
	: join( root, 'dist', `${ SLUG }.zip` );
mkdirSync( dirname( output ), { recursive: true } );

const zip = new ZipFile();
for ( const path of files ) {
	zip.addFile( join( root, path ), `${ SLUG }/${ path }` );
}
zip.end();
await new Promise< void >( ( resolve, reject ) => {
	zip.outputStream
		.pipe( createWriteStream( output ) )
		.on( 'close', resolve )
		.on( 'error', reject );
} );
const size = ( statSync( output ).size / 1024 ).toFixed( 0 );
console.log(
	`[zip] ${ relative( root, output ) }: ${ files.length } files, ${ size } KB`
);
