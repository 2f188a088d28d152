/**
 * End-to-end suite: real Chromium (playwright-core + /usr/bin/chromium) against one native store and sandbox that
 * the global setup starts for the run. Specs are tests/e2e/**\/*.e2e.test.ts and run one after another.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = ( path: string ): string =>
	fileURLToPath( new URL( path, import.meta.url ) );

export default defineConfig( {
	root: here( '../..' ),
	test: {
		environment: 'node',
		include: [ 'tests/e2e/**/*.e2e.test.ts' ],
		globalSetup: [ here( './setup/global-setup.ts' ) ],
		testTimeout: 120_000,
		hookTimeout: 300_000,
		teardownTimeout: 120_000,
		fileParallelism: false,
		maxWorkers: 1,
		sequence: { concurrent: false },
		retry: 0,
	},
} );
