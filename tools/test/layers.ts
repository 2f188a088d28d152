/**
 * The layers of `npm test`, in the order they run: fast static checks first, the real-store suites last. Each is
 * an npm script that runs alone too (`npm run test:<layer>`); run here, it writes a JUnit report to KC_JUNIT_FILE
 * (Vitest scripts get the reporter as arguments), and the counts and failed tests come from that report only.
 * A script that prints `skipped: <why>` and exits 0 marks its layer skipped.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { lastLines, runCommand } from '../lib/process.ts';
import { REPO_ROOT } from '../lib/root.ts';
import { readJUnit } from './lib/junit.ts';
import type { Layer, LayerResult } from './lib/layer.ts';

export const layers: Layer[] = [
	{
		name: 'lint',
		what: 'ESLint + Prettier (wp-scripts), Stylelint, PHPCS (WordPress, WooCommerce), PHPStan: the lint:* scripts',
		script: 'test:lint',
	},
	{
		name: 'types',
		what: 'tsc --noEmit (strict TypeScript)',
		script: 'test:types',
	},
	{
		name: 'js',
		what: 'Vitest + jsdom component tests (tests/js)',
		script: 'test:js',
		vitest: true,
	},
	{
		name: 'sandbox',
		what: "the sandbox's contract tests over HTTP (sandbox/tests)",
		script: 'test:sandbox',
		vitest: true,
	},
	{
		name: 'php-unit',
		what: 'PHPUnit without WordPress (tests/php/unit)',
		script: 'test:php-unit',
	},
	{
		name: 'php-integration',
		what: 'PHPUnit in real WordPress + WooCommerce + MariaDB (tests/php/integration)',
		script: 'test:php-integration',
	},
	{
		name: 'playground',
		what: 'WordPress Playground: the zip installed, the lock and exactly-once payment on SQLite, boot on PHP 8.1 and 8.4 (tests/playground)',
		script: 'test:playground',
	},
	{
		name: 'e2e',
		what: 'Playwright + Chromium against the production stack (nginx, two PHP-FPM nodes, MariaDB, Redis) and the sandbox (tests/e2e)',
		script: 'test:e2e',
	},
	{
		name: 'adversarial',
		what: 'hostile deliveries, races and faults against the production stack (tests/adversarial)',
		script: 'test:adversarial',
	},
];

function npmScripts(): Record< string, string > {
	const manifest = JSON.parse(
		readFileSync( join( REPO_ROOT, 'package.json' ), 'utf8' )
	) as { scripts?: Record< string, string > };
	return manifest.scripts ?? {};
}

function skip( why: string ): LayerResult {
	return { status: 'skipped', passed: 0, failed: 0, skipped: 0, note: why };
}

/** Runs one layer's script and reads its JUnit report. */
export async function runLayer( layer: Layer ): Promise< LayerResult > {
	if ( ! npmScripts()[ layer.script ] ) {
		return skip( `no "${ layer.script }" script in package.json yet` );
	}
	const reports = mkdtempSync( join( tmpdir(), 'kc-test-' ) );
	const junit = join( reports, `${ layer.name }.xml` );
	const args = [ 'run', '--silent', layer.script ];
	if ( layer.vitest ) {
		args.push(
			'--',
			'--reporter=default',
			'--reporter=junit',
			`--outputFile.junit=${ junit }`
		);
	}
	try {
		const result = await runCommand( 'npm', args, {
			cwd: REPO_ROOT,
			env: { KC_JUNIT_FILE: junit, KC_TEST_RUN_ALL: '1' },
		} );
		const skipLine = /^skipped: (.+)$/m.exec( result.output );
		if ( result.code === 0 && skipLine ) {
			return skip( skipLine[ 1 ] ?? 'skipped' );
		}
		const counts = readJUnit( junit );
		if ( ! counts ) {
			// Nothing ran (a stack that did not start, say): its last words are what the summary can name.
			return {
				status: 'failed',
				passed: 0,
				failed: 1,
				skipped: 0,
				note: `${ layer.script } wrote no JUnit report (exit ${ result.code })`,
				failures: [
					`${ layer.script } ran no test; its last lines:`,
					...lastLines( result.output, 15 ),
				],
			};
		}
		// A runner that failed after its tests passed (a crash in teardown) still fails the layer, and says why.
		const crashed = result.code !== 0 && counts.failed === 0;
		const failed = crashed ? 1 : counts.failed;
		return {
			status: failed ? 'failed' : 'passed',
			passed: counts.passed,
			failed,
			skipped: counts.skipped,
			failures: crashed
				? [
						`${ layer.script } exited with ${ result.code } after its tests; its last lines:`,
						...lastLines( result.output, 15 ),
					]
				: ( counts.failures ?? [] ),
			note: crashed
				? `${ layer.script } exited with ${ result.code }`
				: '',
		};
	} finally {
		rmSync( reports, { recursive: true, force: true } );
	}
}
