#!/usr/bin/env node
/**
 * First-run helper behind `npm start` and `npm test`.
 *
 * Plain Node.js (no dependencies), because in a fresh clone nothing is installed yet. It installs what is
 * missing, says what it does, then hands over to the TypeScript entry point:
 *   - npm packages: `npm ci` when node_modules is missing, `npm install` when it lacks what the lock names;
 *   - Composer dev tools (`composer install`) when vendor/ lacks a package composer.json requires;
 *   - for `test`, the WP-CLI framework of tools/wp-cli/composer.json when it is not installed;
 *   - Debian packages, for `test`, through the stacks' own list (tools/stack/packages.ts);
 * then runs tools/start/playground.ts (start) or tools/test/run-all.ts (test) with tsx's loader and the
 * rest of the arguments.
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/**
 * Names the first package that package.json or package-lock.json wants and node_modules does not have at
 * that version, or returns null when node_modules matches.
 *
 * @return {string|null} What is out of date.
 */
function npmDrift() {
	const read = ( path ) =>
		JSON.parse( readFileSync( join( root, path ), 'utf8' ) );
	// npm writes node_modules/.package-lock.json (what is installed) at the end of every install.
	const installed = read( 'node_modules/.package-lock.json' ).packages ?? {};
	const manifest = read( 'package.json' );
	for ( const name of Object.keys( {
		...manifest.dependencies,
		...manifest.devDependencies,
	} ) ) {
		if ( ! installed[ `node_modules/${ name }` ] ) {
			return name;
		}
	}
	if ( ! existsSync( join( root, 'package-lock.json' ) ) ) {
		return null;
	}
	const locked = read( 'package-lock.json' ).packages ?? {};
	for ( const [ path, entry ] of Object.entries( locked ) ) {
		if ( ! path || entry.optional || entry.link ) {
			continue;
		}
		if ( installed[ path ]?.version !== entry.version ) {
			return `${ path.replace( /^.*node_modules\//, '' ) }@${ entry.version }`;
		}
	}
	return null;
}

/** Installs npm packages when node_modules is missing or does not match package.json and the lock file. */
function ensureNpm() {
	const hasLock = existsSync( join( root, 'package-lock.json' ) );
	if ( ! existsSync( join( root, 'node_modules/.package-lock.json' ) ) ) {
		say(
			'node_modules is missing: installing npm packages (first run only).'
		);
		run( 'npm', [ hasLock ? 'ci' : 'install', '--no-audit', '--no-fund' ] );
		return;
	}
	const drift = npmDrift();
	if ( drift ) {
		say( `node_modules lacks ${ drift }: updating npm packages.` );
		run( 'npm', [ 'install', '--no-audit', '--no-fund' ] );
	}
}

/**
 * Names the first package composer.json requires that vendor/ lacks, or returns null.
 *
 * @return {string|null} What is missing.
 */
function composerDrift() {
	const installedFile = join( root, 'vendor/composer/installed.json' );
	if ( ! existsSync( installedFile ) ) {
		return 'vendor/';
	}
	const installed = JSON.parse( readFileSync( installedFile, 'utf8' ) );
	const names = new Set(
		( installed.packages ?? installed ).map( ( entry ) => entry.name )
	);
	const manifest = JSON.parse(
		readFileSync( join( root, 'composer.json' ), 'utf8' )
	);
	return (
		Object.keys( {
			...manifest.require,
			...manifest[ 'require-dev' ],
		} ).find( ( name ) => name.includes( '/' ) && ! names.has( name ) ) ??
		null
	);
}

/** Installs the Composer dev tools (PHPCS, PHPStan, PHPUnit) when vendor/ lacks any of them. */
function ensureComposer() {
	const drift = composerDrift();
	if ( ! drift ) {
		return;
	}
	if ( ! has( 'composer' ) ) {
		say(
			'Composer is not installed: the PHP layers will say they are skipped (apt-get install composer).'
		);
		return;
	}
	say(
		`${ drift } missing: installing the Composer dev tools (PHPCS, PHPStan, PHPUnit).`
	);
	run( 'composer', [ 'install', '--no-interaction', '--no-progress' ] );
}

/** Installs the WP-CLI framework the end-to-end suite runs `wp korea-checkout` with (tools/wp-cli), when missing. */
function ensureWpCli() {
	if (
		existsSync( join( root, 'tools/wp-cli/vendor/wp-cli/wp-cli' ) ) ||
		! existsSync( join( root, 'tools/wp-cli/composer.json' ) )
	) {
		return;
	}
	if ( ! has( 'composer' ) ) {
		say(
			'Composer is not installed: the WP-CLI end-to-end spec will fail (apt-get install composer).'
		);
		return;
	}
	say( 'tools/wp-cli/vendor is missing: installing WP-CLI for the tests.' );
	run( 'composer', [
		'install',
		'--working-dir=tools/wp-cli',
		'--no-interaction',
		'--no-progress',
	] );
}

/**
 * Installs the Debian packages the test layers use (PHP, MariaDB, nginx, PHP-FPM, Redis, Chromium…) through the
 * stacks' own list, which installs only what dpkg-query says is missing. Without root it only reports.
 */
function ensureDebianPackages() {
	run( join( root, 'node_modules/.bin/tsx' ), [
		'tools/stack/cli.ts',
		'packages',
	] );
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
	ensureWpCli();
	ensureDebianPackages();
}

// One Node process with tsx's loader (not the tsx wrapper, which force-kills a child that is slow to
// acknowledge Ctrl-C), so that the entry point's own signal handlers stop what it started. Ctrl-C reaches
// the child directly (same process group); we wait for it and exit with its code.
const child = spawn( process.execPath, [ '--import', 'tsx', entry, ...rest ], {
	cwd: root,
	stdio: 'inherit',
} );
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
