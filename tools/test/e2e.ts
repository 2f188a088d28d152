/**
 * `npm run test:e2e`: the end-to-end suite (tests/e2e, playwright-core + Debian's Chromium) against one native
 * store and sandbox that its global setup starts. Builds the plugin's assets first when build/ is missing. Prints
 * `skipped: <why>` (exit 0) when this machine lacks a part. Extra arguments go to Vitest (e.g. a spec name).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../stack/config.ts';
import { missingSources } from '../stack/fixtures.ts';
import { missingPackages } from '../stack/packages.ts';
import { CHROMIUM_PATH } from '../../tests/support/browser.ts';

function skip( why: string ): never {
	console.log( `skipped: ${ why }` );
	process.exit( 0 );
}

const specs = readdirSync( join( REPO_ROOT, 'tests', 'e2e' ), {
	recursive: true,
} ).filter( ( name ) => String( name ).endsWith( '.e2e.test.ts' ) );
if ( specs.length === 0 ) {
	skip( 'no end-to-end specs in tests/e2e' );
}
const noSources = missingSources();
if ( noSources !== null ) {
	skip( noSources );
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const missing = missingPackages();
if ( missing.length > 0 && ! isRoot ) {
	skip(
		`Debian packages missing and not root to install them: ${ missing.join( ' ' ) }`
	);
}
if ( ! existsSync( CHROMIUM_PATH ) && ! isRoot ) {
	skip( `no Chromium at ${ CHROMIUM_PATH }` );
}

if (
	! existsSync( join( REPO_ROOT, 'build' ) ) ||
	readdirSync( join( REPO_ROOT, 'build' ) ).length === 0
) {
	console.log( '[e2e] build/ is missing: npm run build' );
	const build = spawnSync( 'npm', [ 'run', 'build' ], {
		cwd: REPO_ROOT,
		stdio: 'inherit',
	} );
	if ( build.status !== 0 ) {
		console.error( '[e2e] npm run build failed' );
		process.exit( 1 );
	}
}

const junit = process.env.KC_JUNIT_FILE;
const args = [
	'run',
	'--config',
	'tests/e2e/vitest.config.ts',
	'--reporter=default',
];
if ( junit ) {
	args.push( '--reporter=junit', `--outputFile.junit=${ junit }` );
}
const result = spawnSync(
	join( REPO_ROOT, 'node_modules', '.bin', 'vitest' ),
	[ ...args, ...process.argv.slice( 2 ) ],
	{ cwd: REPO_ROOT, stdio: 'inherit' }
);
process.exit( result.status ?? 1 );
