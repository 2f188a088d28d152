/**
 * The layers of `npm test`, in the order they run: fast static checks first, the real-store suites last.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	fromJUnit,
	fromOutput,
	fromVitestJson,
	type Counts,
} from './lib/counts.ts';
import {
	repositoryRoot as root,
	skip,
	type Layer,
	type LayerResult,
} from './lib/layer.ts';
import { runCommand } from './lib/process.ts';
import { lintChecks } from './lint.ts';

const reports = mkdtempSync( join( tmpdir(), 'kc-test-' ) );

function bin( name: string ): string {
	return join( root, 'node_modules/.bin', name );
}

function fromCounts( counts: Counts, code: number, what: string ): LayerResult {
	const failed = code !== 0 && counts.failed === 0 ? 1 : counts.failed;
	return {
		status: failed ? 'failed' : 'passed',
		passed: counts.passed,
		failed,
		skipped: counts.skipped,
		failures: counts.failures ?? [],
		note:
			code !== 0 && counts.failed === 0
				? `${ what } exited with ${ code }`
				: '',
	};
}

function hasTests( dir: string ): boolean {
	const full = join( root, dir );
	if ( ! existsSync( full ) ) {
		return false;
	}
	return readdirSync( full, { recursive: true } ).some( ( name ) =>
		/\.(?:test|spec)\.[cm]?[jt]sx?$/.test( String( name ) )
	);
}

/** Runs Vitest once over `dir`, with the folder's own config when it has one. */
async function vitest(
	dir: string,
	configs: string[],
	label: string
): Promise< LayerResult > {
	if ( ! hasTests( dir ) ) {
		return skip( `no test files in ${ dir }/ yet` );
	}
	const config = configs.find( ( file ) => existsSync( join( root, file ) ) );
	const report = join( reports, `${ label }.json` );
	const args = [
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${ report }`,
	];
	args.push( ...( config ? [ '--config', config ] : [ dir ] ) );
	const result = await runCommand( bin( 'vitest' ), args, { cwd: root } );
	const counts = fromVitestJson( report ) ?? fromOutput( result.output );
	if ( ! counts ) {
		return {
			status: 'failed',
			passed: 0,
			failed: 1,
			skipped: 0,
			note: `vitest wrote no report (exit ${ result.code })`,
		};
	}
	return fromCounts( counts, result.code, 'vitest' );
}

function npmScripts(): Record< string, string > {
	const manifest = JSON.parse(
		readFileSync( join( root, 'package.json' ), 'utf8' )
	) as {
		scripts?: Record< string, string >;
	};
	return manifest.scripts ?? {};
}

/**
 * Runs another team's layer script (`npm run <script>`). It gets KC_JUNIT_FILE, where a PHPUnit run writes
 * `--log-junit`; without that file the counts come from the summary line it prints.
 */
async function npmLayer(
	script: string,
	label: string
): Promise< LayerResult > {
	if ( ! npmScripts()[ script ] ) {
		return skip( `no "${ script }" script in package.json yet` );
	}
	const junit = join( reports, `${ label }.xml` );
	const result = await runCommand( 'npm', [ 'run', '--silent', script ], {
		cwd: root,
		env: { KC_JUNIT_FILE: junit, KC_TEST_RUN_ALL: '1' },
	} );
	const skipLine = /^skipped: (.+)$/m.exec( result.output );
	if ( result.code === 0 && skipLine ) {
		return skip( skipLine[ 1 ] ?? 'skipped' );
	}
	const counts = fromJUnit( junit ) ?? fromOutput( result.output );
	if ( ! counts ) {
		return result.code === 0
			? {
					status: 'failed',
					passed: 0,
					failed: 1,
					skipped: 0,
					note: `${ script } printed no test counts`,
				}
			: {
					status: 'failed',
					passed: 0,
					failed: 1,
					skipped: 0,
					note: `${ script } exited with ${ result.code }`,
				};
	}
	return fromCounts( counts, result.code, script );
}

export const layers: Layer[] = [
	{
		name: 'lint',
		what: 'ESLint + Prettier (wp-scripts), PHPCS (WordPress, WooCommerce), PHPStan',
		run: async () => {
			const checks = await lintChecks( root );
			const failed = checks.filter(
				( check ) => check.status === 'failed'
			);
			const passed = checks.filter(
				( check ) => check.status === 'passed'
			);
			const skipped = checks.filter(
				( check ) => check.status === 'skipped'
			);
			const note = checks
				.map(
					( check ) =>
						`${ check.name } ${ check.status }${ check.note ? ` (${ check.note })` : '' }`
				)
				.join( ', ' );
			let status: LayerResult[ 'status' ] = 'skipped';
			if ( failed.length ) {
				status = 'failed';
			} else if ( passed.length ) {
				status = 'passed';
			}
			return {
				status,
				passed: passed.length,
				failed: failed.length,
				skipped: skipped.length,
				note,
			};
		},
	},
	{
		name: 'types',
		what: 'tsc --noEmit (strict TypeScript)',
		run: async () => {
			const result = await runCommand(
				bin( 'tsc' ),
				[ '--noEmit', '-p', 'tsconfig.json' ],
				{ cwd: root }
			);
			if ( result.output.includes( 'TS18003' ) ) {
				return skip( 'no TypeScript files yet' );
			}
			return fromCounts(
				{
					passed: result.code === 0 ? 1 : 0,
					failed: result.code === 0 ? 0 : 1,
					skipped: 0,
				},
				result.code,
				'tsc'
			);
		},
	},
	{
		name: 'js',
		what: 'Vitest + jsdom component tests (tests/js)',
		run: () =>
			vitest(
				'tests/js',
				[ 'tests/js/vitest.config.ts', 'tests/js/vitest.config.mts' ],
				'js'
			),
	},
	{
		name: 'sandbox',
		what: "the sandbox's contract tests over HTTP (sandbox/tests)",
		run: () =>
			vitest(
				'sandbox/tests',
				[
					'sandbox/vitest.config.ts',
					'sandbox/tests/vitest.config.ts',
				],
				'sandbox'
			),
	},
	{
		name: 'php-unit',
		what: 'PHPUnit without WordPress (npm run test:php-unit)',
		run: () => npmLayer( 'test:php-unit', 'php-unit' ),
	},
	{
		name: 'php-integration',
		what: 'PHPUnit in real WordPress + WooCommerce + MariaDB (npm run test:php-integration)',
		run: () => npmLayer( 'test:php-integration', 'php-integration' ),
	},
	{
		name: 'playground',
		what: 'WordPress Playground: the zip installed, the lock and exactly-once payment on SQLite, boot on PHP 8.1 and 8.4 (tests/playground)',
		run: () =>
			vitest(
				'tests/playground',
				[ 'tests/playground/vitest.config.ts' ],
				'playground'
			),
	},
	{
		name: 'e2e',
		what: 'Chromium against the native store and the sandbox (npm run test:e2e)',
		run: () => npmLayer( 'test:e2e', 'e2e' ),
	},
];
