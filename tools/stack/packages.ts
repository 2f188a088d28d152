/**
 * The Debian packages the stacks run on. Checks with dpkg-query; installs only what is missing.
 */
import { spawnSync } from 'node:child_process';
import { run, ToolError } from '../lib/process.ts';
import { say } from './log.ts';

/** What the native stack (php -S, MariaDB) and the browser tests need. */
export const NATIVE_PACKAGES = [
	'mariadb-server',
	'mariadb-client',
	'chromium',
	// Korean, Japanese and Chinese glyphs, so that screenshots of the checkout and the hosted page are legible.
	'fonts-noto-cjk',
	'php8.2-cli',
	'php8.2-mysql',
	'php8.2-sqlite3',
	'php8.2-curl',
	'php8.2-gd',
	'php8.2-zip',
	'php8.2-bcmath',
	'php8.2-intl',
	'php8.2-mbstring',
	'php8.2-xml',
	'xz-utils',
	'unzip',
] as const;

/** The production stack adds nginx, PHP-FPM and Redis with PHP's Redis extension. */
export const PRODUCTION_PACKAGES = [
	...NATIVE_PACKAGES,
	'nginx',
	'php8.2-fpm',
	'redis-server',
	'php8.2-redis',
] as const;

/** The packages of the list that dpkg does not report as installed. */
export function missingPackages(
	packages: readonly string[] = PRODUCTION_PACKAGES
): string[] {
	const result = spawnSync(
		'dpkg-query',
		[ '-W', '-f=${Package} ${Status}\\n', ...packages ],
		{ encoding: 'utf8' }
	);
	if ( result.error ) {
		throw new ToolError(
			`dpkg-query is not available (${ result.error.message }): this stack needs Debian or Ubuntu`
		);
	}
	const installed = new Set(
		String( result.stdout )
			.split( '\n' )
			.filter( ( line ) => line.endsWith( ' install ok installed' ) )
			.map( ( line ) => line.split( ' ' )[ 0 ] )
	);
	return packages.filter( ( name ) => ! installed.has( name ) );
}

/** Installs what is missing (apt-get update + install), as root only; otherwise says what to run. */
export function ensurePackages(
	packages: readonly string[] = PRODUCTION_PACKAGES
): void {
	const missing = missingPackages( packages );
	if ( missing.length === 0 ) {
		say( `Debian packages: all ${ packages.length } present` );
		return;
	}
	if ( typeof process.getuid === 'function' && process.getuid() !== 0 ) {
		throw new ToolError(
			`missing Debian packages: ${ missing.join( ' ' ) }. Install them with: sudo apt-get install -y ${ missing.join( ' ' ) }`
		);
	}
	say( `Debian packages: installing ${ missing.join( ' ' ) }` );
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	run( 'apt-get', [ 'update', '-qq' ], { env, stdio: 'inherit' } );
	run(
		'apt-get',
		[ 'install', '-y', '-qq', '--no-install-recommends', ...missing ],
		{ env, stdio: 'inherit' }
	);
	const still = missingPackages( packages );
	if ( still.length > 0 ) {
		throw new ToolError(
			`apt-get did not install: ${ still.join( ' ' ) }`
		);
	}
}
