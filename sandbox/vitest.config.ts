import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The sandbox's own tests: contract tests over real HTTP against started sandboxes (sandbox/tests/contract)
 * and the hosted page in Chromium (sandbox/tests/page). Run with `npm run test:sandbox`.
 */
export default defineConfig( {
	root: fileURLToPath( new URL( '..', import.meta.url ) ),
	test: {
		environment: 'node',
		include: [ 'sandbox/tests/**/*.test.ts' ],
		testTimeout: 60_000,
		hookTimeout: 200_000,
		pool: 'forks',
		maxWorkers: 2,
		fileParallelism: true,
		reporters: [ 'default' ],
	},
} );
