/**
 * The Playground checks: WordPress, WooCommerce and Korea Checkout in WordPress Playground (PHP WebAssembly and
 * SQLite, as `npm start` runs them). Run with `npm run test:playground`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig( {
	root: fileURLToPath( new URL( '../..', import.meta.url ) ),
	test: {
		environment: 'node',
		include: [ 'tests/playground/**/*.test.ts' ],
		// Booting Playground and installing WooCommerce takes about a minute on a quiet 2-core machine.
		testTimeout: 60_000,
		hookTimeout: 600_000,
	},
} );
