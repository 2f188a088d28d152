/**
 * Component tests: jsdom, the real @wordpress packages, and doubles of the small @woocommerce surface we
 * use (those packages are WooCommerce's globals at run time and are not published where we can reach).
 * The end-to-end suite proves the real WooCommerce side.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = ( path: string ) =>
	fileURLToPath( new URL( path, import.meta.url ) );

export default defineConfig( {
	root: here( '../..' ),
	resolve: {
		alias: {
			'@woocommerce/blocks-registry': here(
				'./doubles/blocks-registry.ts'
			),
			'@woocommerce/blocks-checkout': here(
				'./doubles/blocks-checkout.ts'
			),
			'@woocommerce/settings': here( './doubles/settings.ts' ),
		},
	},
	test: {
		environment: 'jsdom',
		include: [ 'tests/js/**/*.test.{ts,tsx}' ],
		setupFiles: [ here( './setup.ts' ) ],
		css: false,
		restoreMocks: true,
		testTimeout: 30_000,
	},
} );
