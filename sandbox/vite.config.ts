/**
 * Builds the sandbox's pages: the hosted checkout page and the /sandbox/ dashboard, into sandbox/dist/
 * (served by sandbox/server: /checkout/:id -> checkout.html, /sandbox/ -> dashboard.html, assets from /assets/).
 * No inline script or style is emitted, so the server's strict Content-Security-Policy holds.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = ( file: string ) =>
	fileURLToPath( new URL( `./page/${ file }`, import.meta.url ) );

export default defineConfig( {
	root: page( '' ),
	base: '/',
	publicDir: false,
	build: {
		outDir: fileURLToPath( new URL( './dist', import.meta.url ) ),
		emptyOutDir: true,
		target: 'es2022',
		modulePreload: { polyfill: false },
		assetsInlineLimit: 0,
		rolldownOptions: {
			input: {
				checkout: page( 'checkout.html' ),
				dashboard: page( 'dashboard.html' ),
			},
		},
	},
	server: {
		host: '127.0.0.1',
		port: 4171,
		strictPort: true,
		// While developing the pages, `vite --config sandbox/vite.config.ts` forwards the data calls to a
		// sandbox started on this lane's port (SANDBOX_DEV_TARGET to change it).
		proxy: {
			'/sandbox/sessions':
				process.env.SANDBOX_DEV_TARGET ?? 'http://127.0.0.1:4170',
			'/sandbox/deliveries':
				process.env.SANDBOX_DEV_TARGET ?? 'http://127.0.0.1:4170',
			'/sandbox/reset':
				process.env.SANDBOX_DEV_TARGET ?? 'http://127.0.0.1:4170',
		},
	},
} );
