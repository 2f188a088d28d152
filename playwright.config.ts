/**
 * The end-to-end layer (tests/e2e/*.spec.ts) on Playwright Test with Debian's Chromium. `npm run test:e2e` starts
 * one store for the run (tools/test/e2e.ts) and names its details in KC_STACK_FILE; the specs share that store and
 * run one after another, the smoke spec first (it checks the store as the stack set it up). On a failure Playwright
 * keeps the trace and a screenshot in tests/e2e/artifacts/results/<store port>/ (`npx playwright show-trace <zip>`;
 * Playwright empties that folder when a run starts, so lanes running at once keep theirs); the specs' own
 * screenshots are tests/e2e/artifacts/*.png. KC_JUNIT_FILE names the JUnit report.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './tools/lib/chromium.ts';

const SMOKE = /store-smoke\.spec\.ts$/;
const junit = process.env.KC_JUNIT_FILE;

export default defineConfig( {
	testDir: 'tests/e2e',
	testMatch: /\.spec\.ts$/,
	outputDir:
		process.env.KC_E2E_RESULTS ?? 'tests/e2e/artifacts/results/by-hand',
	// A test on a store served to a shared 2-core machine takes up to minutes; slow tests set their own.
	timeout: 120_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !! process.env.CI,
	reporter: [
		[ 'list' ],
		...( junit ? [ [ 'junit', { outputFile: junit } ] as const ] : [] ),
	],
	use: {
		browserName: 'chromium',
		launchOptions: CHROMIUM_LAUNCH,
		viewport: { width: 1280, height: 900 },
		locale: 'en-US',
		actionTimeout: 60_000,
		navigationTimeout: 120_000,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
	},
	// Two projects without dependencies run in order on the one worker: the smoke spec, then the rest.
	projects: [
		{ name: 'smoke', testMatch: SMOKE },
		{ name: 'e2e', testIgnore: SMOKE },
	],
} );
