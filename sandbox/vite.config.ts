/**
 * Builds the sandbox's pages: the hosted checkout page and the /sandbox/ dashboard, into sandbox/dist/
 * (served by sandbox/server: /checkout/:id -> checkout.html, /sandbox/ -> dashboard.html, assets from /assets/).
 * No inline script or style is emitted, so the server's strict Content-Security-Policy holds.
 *
 * While working on the pages: start a sandbox (`npm run sandbox -- --port 4010`), then
 * `SANDBOX_DEV_TARGET=http://127.0.0.1:4010 npx vite --config sandbox/vite.config.ts` and open
 * http://127.0.0.1:4171/checkout/<sessionId> or http://127.0.0.1:4171/sandbox/ (hot reload; data from that sandbox).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const page = ( file: string ) =>
	fileURLToPath( new URL( `./page/${ file }`, import.meta.url ) );

const devTarget = process.env.SANDBOX_DEV_TARGET ?? 'http://127.0.0.1:4010';

/** The dev server answers the same page URLs as the sandbox does. */
function sandboxRoutes(): Plugin {
	return {
		name: 'korea-checkout-sandbox-routes',
		configureServer( server ) {
			server.middlewares.use( ( request, _response, next ) => {
				const url = request.url ?? '/';
				if ( /^\/checkout\/[^/?]+(\?.*)?$/.test( url ) ) {
					request.url = '/checkout.html';
				} else if ( /^\/sandbox\/(\?.*)?$/.test( url ) ) {
					request.url = '/dashboard.html';
				}
				next();
			} );
		},
	};
}

export default defineConfig( {
	root: page( '' ),
	base: '/',
	publicDir: false,
	plugins: [ sandboxRoutes() ],
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
			output: { chunkFileNames: 'assets/shared-[hash].js' },
		},
	},
	server: {
		host: '127.0.0.1',
		port: 4171,
		strictPort: true,
		proxy: {
			'/sandbox/sessions': devTarget,
			'/sandbox/deliveries': devTarget,
			'/sandbox/reset': devTarget,
		},
	},
} );
