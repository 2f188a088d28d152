/**
 * The lint layer: ESLint (WordPress rules, Prettier formatting) over the TypeScript, Prettier over every
 * other formatted file, Stylelint over styles, PHP_CodeSniffer (WordPress + WooCommerce sniffs) and
 * PHPStan over the PHP. Each tool is one check. Run alone with `npm run test:lint`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

import { runCommand } from './lib/process.ts';
import { repositoryRoot, type CheckResult } from './lib/layer.ts';

const CODE_DIRS = [ 'src', 'sandbox', 'tests', 'tools' ];
const SKIP_DIRS = new Set( [
	'node_modules',
	'vendor',
	'build',
	'dist',
	'.cache',
	'.stack',
	'.sandbox',
	'artifacts',
] );

function filesUnder( root: string, dirs: string[], pattern: RegExp ): string[] {
	const found: string[] = [];
	const walk = ( dir: string ) => {
		for ( const name of readdirSync( dir ) ) {
			const full = join( dir, name );
			if ( statSync( full ).isDirectory() ) {
				if ( ! SKIP_DIRS.has( name ) ) {
					walk( full );
				}
			} else if ( pattern.test( name ) ) {
				found.push( relative( root, full ) );
			}
		}
	};
	for ( const dir of dirs ) {
		if ( existsSync( join( root, dir ) ) ) {
			walk( join( root, dir ) );
		}
	}
	return found;
}

function bin( root: string, name: string ): string {
	return join( root, 'node_modules/.bin', name );
}

async function check(
	name: string,
	command: string,
	args: string[],
	root: string
): Promise< CheckResult > {
	const result = await runCommand( command, args, { cwd: root } );
	return {
		name,
		status: result.code === 0 ? 'passed' : 'failed',
		seconds: result.seconds,
		note: result.code === 0 ? '' : `exit ${ result.code }`,
	};
}

function skipped( name: string, why: string ): CheckResult {
	return { name, status: 'skipped', seconds: 0, note: why };
}

export async function lintChecks(
	root = repositoryRoot
): Promise< CheckResult[] > {
	const results: CheckResult[] = [];
	const dirs = CODE_DIRS.filter( ( dir ) => existsSync( join( root, dir ) ) );

	const scripts = filesUnder( root, dirs, /\.(?:[cm]?[jt]sx?)$/ );
	results.push(
		scripts.length
			? await check(
					'eslint',
					bin( root, 'wp-scripts' ),
					[
						'lint-js',
						'--no-error-on-unmatched-pattern',
						...dirs,
						'eslint.config.cjs',
					],
					root
				)
			: skipped( 'eslint', 'no JavaScript or TypeScript files yet' )
	);

	results.push(
		await check(
			'prettier',
			bin( root, 'prettier' ),
			[
				'--check',
				'--no-error-on-unmatched-pattern',
				'--ignore-path',
				'.prettierignore',
				...dirs,
			],
			root
		)
	);

	const styles = filesUnder(
		root,
		[ 'src', 'sandbox/page' ],
		/\.(?:s?css)$/
	);
	if ( styles.length ) {
		results.push(
			await check(
				'stylelint',
				bin( root, 'wp-scripts' ),
				[ 'lint-style', ...styles ],
				root
			)
		);
	}

	const php = join( root, 'vendor/bin' );
	results.push(
		existsSync( join( php, 'phpcs' ) )
			? await check(
					'phpcs',
					join( php, 'phpcs' ),
					[ '-q', '--report=full', '--report-summary' ],
					root
				)
			: skipped( 'phpcs', 'vendor/bin/phpcs missing (composer install)' )
	);
	results.push(
		existsSync( join( php, 'phpstan' ) )
			? await check(
					'phpstan',
					join( php, 'phpstan' ),
					[
						'analyse',
						'-c',
						'phpstan.neon.dist',
						'--no-progress',
						'--memory-limit=2G',
						'--error-format=table',
					],
					root
				)
			: skipped(
					'phpstan',
					'vendor/bin/phpstan missing (composer install)'
				)
	);
	return results;
}

if ( import.meta.url === pathToFileURL( process.argv[ 1 ] ?? '' ).href ) {
	const results = await lintChecks();
	for ( const result of results ) {
		const note = result.note ? ` (${ result.note })` : '';
		console.log(
			`lint ${ result.name }: ${ result.status }${ note } in ${ result.seconds.toFixed( 1 ) } s`
		);
	}
	process.exit(
		results.some( ( result ) => result.status === 'failed' ) ? 1 : 0
	);
}
