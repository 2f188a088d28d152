/**
 * The static-check layers, each check one JUnit test case (KC_JUNIT_FILE, when set):
 *   `tsx tools/test/checks.ts lint`   every `lint:*` script of package.json (ESLint, Prettier, Stylelint, PHPCS,
 *                                     PHPStan); a script on a vendor/bin tool that Composer has not installed is skipped
 *   `tsx tools/test/checks.ts types`  tsc --noEmit, strict
 * Prints one line per check and exits 1 when one failed. `npm run test:lint` / `npm run test:types` run them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../lib/process.ts';
import { REPO_ROOT } from '../lib/root.ts';
import { writeJUnit, type JUnitCase } from './lib/junit.ts';

interface Check {
	name: string;
	command: string;
	args: string[];
	/** Why it cannot run here, or null. */
	missing: string | null;
}

function lintChecks(): Check[] {
	const scripts =
		(
			JSON.parse(
				readFileSync( join( REPO_ROOT, 'package.json' ), 'utf8' )
			) as { scripts?: Record< string, string > }
		 ).scripts ?? {};
	return Object.entries( scripts )
		.filter( ( [ name ] ) => name.startsWith( 'lint:' ) )
		.map( ( [ name, line ] ) => {
			const tool = /^(vendor\/bin\/\S+)/.exec( line )?.[ 1 ];
			return {
				name,
				command: 'npm',
				args: [ 'run', '--silent', name ],
				missing:
					tool && ! existsSync( join( REPO_ROOT, tool ) )
						? `${ tool } missing (composer install)`
						: null,
			};
		} );
}

const CHECKS: Record< string, () => Check[] > = {
	lint: lintChecks,
	types: () => [
		{
			name: 'tsc',
			command: join( REPO_ROOT, 'node_modules/.bin/tsc' ),
			args: [ '--noEmit', '-p', 'tsconfig.json' ],
			missing: null,
		},
	],
};

const suite = process.argv[ 2 ] ?? '';
const checks = CHECKS[ suite ];
if ( ! checks ) {
	console.error(
		`usage: tsx tools/test/checks.ts ${ Object.keys( CHECKS ).join( '|' ) }`
	);
	process.exit( 2 );
}

const cases: JUnitCase[] = [];
for ( const check of checks() ) {
	if ( check.missing !== null ) {
		cases.push( { name: check.name, seconds: 0, skipped: check.missing } );
		console.log(
			`${ suite } ${ check.name }: skipped (${ check.missing })`
		);
		continue;
	}
	const result = await runCommand( check.command, check.args, {
		cwd: REPO_ROOT,
	} );
	cases.push( {
		name: check.name,
		seconds: result.seconds,
		...( result.code === 0
			? {}
			: {
					failure: `exit ${ result.code }\n${ result.output.slice( -20_000 ) }`,
				} ),
	} );
	console.log(
		`${ suite } ${ check.name }: ${ result.code === 0 ? 'passed' : `FAILED (exit ${ result.code })` } in ${ result.seconds.toFixed( 1 ) } s`
	);
}
if ( process.env.KC_JUNIT_FILE ) {
	writeJUnit( process.env.KC_JUNIT_FILE, suite, cases );
}
process.exit( cases.some( ( item ) => item.failure !== undefined ) ? 1 : 0 );
