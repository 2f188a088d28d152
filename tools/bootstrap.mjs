#!/usr/bin/env node
/**
 * First-run helper behind `npm start` and `npm test`.
 *
 * Plain Node.js (no dependencies), because in a fresh clone nothing is installed yet. It installs what is
 * missing, says what it does, then hands over to the TypeScript entry point:
 *   - npm packages: `npm ci` when node_modules is missing, `npm install` when it is older than the lock;
 *   - Composer dev tools (`composer install`) when vendor/ is missing or older than composer.json;
 *   - Debian packages, for `test`, through the native stack's own script when it exists;
 * then runs `tsx tools/start/playground.ts` (start) or `tsx tools/test/run-all.ts` (test) with the rest of
 * the arguments.
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname( dirname( fileURLToPath( import.meta.url ) ) );
const entries = {
	start: 'tools/start/playground.ts',
	test: 'tools/test/run-all.ts',
};

/**
 * Prints one line prefixed with the tool's name.
 *
 * @param {string} message What happens.
 */
function say( message ) {
	process.stdout.write( `[bootstrap] ${ message }\n` );
}

/**
 * Modification time of a path in milliseconds, or 0 when it does not exist.
 *
 * @param {string} path Path relative to the repository.
 * @return {number} The time.
 */
function mtime( path ) {
	const full = join( root, path );
	return existsSync( full ) ? statSync( full ).mtimeMs : 0;
}

/**
 * Whether a command can be found on PATH.
 *
 * @param {string} command Program name.
 * @return {boolean} True when it runs.
 */
function has( command ) {
	return (
		spawnSync( 'sh', [ '-c', `command -v ${ command }` ], {
			stdio: 'ignore',
		} ).status === 0
	);
}

/**
 * Runs a command in the repository, streaming its output; stops the bootstrap when it fails.
 *
 * @param {string}   command Program.
 * @param {string[]} args    Arguments.
 */
function run( command, args ) {
	say( `$ ${ [ command, ...args ].join( ' ' ) }` );
	const result = spawnSync( command, args, { cwd: root, stdio: 'inherit' } );
	if ( result.status !== 0 ) {
		say(
			`'${ command } ${ args.join(
				' '
			) }' failed (exit ${ result.status ?? result.signal }).`
		);
		process.exit( result.status || 1 );
	}
}

/** Installs npm packages when node_modules is missing or older than the lock file. */
function ensureNpm() {
	const hasLock = existsSync( join( root, 'package-lock.json' ) );
	// npm writes node_modules/.package-lock.json at the end of every install.
	const installed = mtime( 'node_modules/.package-lock.json' );
	if ( ! installed ) {
		say(
			'node_modules is missing: installing npm packages (first run only).'
		);
		run( 'npm', [ hasLock ? 'ci' : 'install', '--no-audit', '--no-fund' ] );
		return;
	}
	const wanted = Math.max(
		mtime( 'package-lock.json' ),
		mtime( 'package.json' )
	);
	if ( wanted > installed + 1000 ) {
		say(
			'package.json or package-lock.json changed since the last install: updating node_modules.'
		);
		run( 'npm', [ 'install', '--no-audit', '--no-fund' ] );
	}
}

/** Installs the Composer dev tools (PHPCS, PHPStan, PHPUnit) when vendor/ is missing or stale. */
function ensureComposer() {
	const installed = mtime( 'vendor/composer/installed.json' );
	if ( installed && installed + 1000 >= mtime( 'composer.json' ) ) {
		return;
	}
	if ( ! has( 'composer' ) ) {
		say(
			'Composer is not installed: the PHP layers will say they are skipped (apt-get install composer).'
		);
		return;
	}
	say(
		installed
			? 'composer.json changed: updating the Composer dev tools.'
			: 'vendor/ is missing: installing the Composer dev tools (PHPCS, PHPStan, PHPUnit).'
	);
	run( 'composer', [ 'install', '--no-interaction', '--no-progress' ] );
}

/**
 * Installs the Debian packages the test layers use, through the native stack's script (it knows the list
 * and installs only what is missing). Without that script, or without root, it only reports.
 */
function ensureDebianPackages() {
	const tsx = join( root, 'node_modules/.bin/tsx' );
	if ( existsSync( join( root, 'tools/stack/ensure-packages.ts' ) ) ) {
		run( tsx, [ 'tools/stack/ensure-packages.ts' ] );
		return;
	}
	if ( existsSync( join( root, 'tools/stack/packages.ts' ) ) ) {
		run( tsx, [
			'--eval',
			"import( './tools/stack/packages.ts' ).then( ( m ) => m.ensurePackages() )",
		] );
		return;
	}
	const missing = [ 'php', 'xz', 'chromium' ].filter(
		( command ) => ! has( command )
	);
	if ( missing.length ) {
		say(
			`not installed: ${ missing.join(
				', '
			) } (layers that need them will say skipped; .ci/run installs them).`
		);
	}
}

const [ command = '', ...rest ] = process.argv.slice( 2 );
const entry = entries[ command ];
if ( ! entry ) {
	say(
		`usage: node tools/bootstrap.mjs ${ Object.keys( entries ).join( '|' ) } [options]`
	);
	process.exit( 2 );
}

const major = Number( process.versions.node.split( '.' )[ 0 ] );
if ( major < 20 ) {
	say( `Node.js 20 or newer is needed (this is ${ process.version }).` );
	process.exit( 1 );
}

ensureNpm();
ensureComposer();
if ( command === 'test' ) {
	ensureDebianPackages();
}

// Ctrl-C reaches the child too (same process group); we wait for it to clean up and exit with its code.
const child = spawn(
	join( root, 'node_modules/.bin/tsx' ),
	[ entry, ...rest ],
	{
		cwd: root,
		stdio: 'inherit',
	}
);
for ( const signal of [ 'SIGINT', 'SIGTERM', 'SIGHUP' ] ) {
	process.on( signal, () => {
		if ( signal !== 'SIGINT' ) {
			child.kill( signal );
		}
	} );
}
child.on( 'exit', ( code, signal ) => {
	process.exit( code ?? ( signal === 'SIGINT' ? 130 : 1 ) );
} );
