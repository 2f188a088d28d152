/**
 * `npm run test:php-unit`: PHPUnit over tests/php/unit (pure logic, no WordPress). Extra arguments go to PHPUnit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../lib/root.ts';
import { junitArgs, phpunitBinary } from './phpunit-bin.ts';

const phpunit = phpunitBinary();
if ( phpunit === null ) {
	console.log( 'skipped: no PHPUnit (run composer install)' );
	process.exit( 0 );
}
if ( ! existsSync( join( REPO_ROOT, 'vendor', 'autoload.php' ) ) ) {
	console.log(
		'skipped: vendor/autoload.php is missing (run composer install)'
	);
	process.exit( 0 );
}
console.log( `php-unit: ${ phpunit.note }` );
const result = spawnSync(
	phpunit.path,
	[ '-c', 'phpunit.xml.dist', ...junitArgs(), ...process.argv.slice( 2 ) ],
	{ cwd: REPO_ROOT, stdio: 'inherit' }
);
process.exit( result.status ?? 1 );
