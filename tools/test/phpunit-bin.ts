/**
 * Which PHPUnit to run: the Composer dev dependency (reproducible), else Debian's /usr/bin/phpunit (said so).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../lib/root.ts';

export function phpunitBinary(): { path: string; note: string } | null {
	const vendor = join( REPO_ROOT, 'vendor', 'bin', 'phpunit' );
	if ( existsSync( vendor ) ) {
		return { path: vendor, note: 'vendor/bin/phpunit (Composer)' };
	}
	if ( existsSync( '/usr/bin/phpunit' ) ) {
		return {
			path: '/usr/bin/phpunit',
			note: '/usr/bin/phpunit (Debian; run composer install for the pinned one)',
		};
	}
	return null;
}

/** PHPUnit arguments for a JUnit report when the layer runner asks for one (KC_JUNIT_FILE). */
export function junitArgs(): string[] {
	const file = process.env.KC_JUNIT_FILE;
	return file ? [ '--log-junit', file ] : [];
}
