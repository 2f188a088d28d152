import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { REPO_ROOT, SANDBOX_ROOT } from './config.ts';

export const DIST_DIR = path.join( SANDBOX_ROOT, 'dist' );
const VITE_CONFIG = path.join( SANDBOX_ROOT, 'vite.config.ts' );

/**
 * The pages load only their own scripts, styles and images. Theme colours reach the page through the CSSOM,
 * which this policy allows, so no inline style or script is ever needed.
 */
export const PAGE_CSP = [
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data:",
	"font-src 'self'",
	"connect-src 'self'",
	"form-action 'self' http: https:",
	"base-uri 'none'",
	"frame-ancestors 'none'",
].join( '; ' );

export function pagesBuilt(): boolean {
	return (
		fs.existsSync( path.join( DIST_DIR, 'checkout.html' ) ) &&
		fs.existsSync( path.join( DIST_DIR, 'dashboard.html' ) )
	);
}

/**
 * Build the pages with Vite when sandbox/dist is missing. Several sandboxes may start at once (tests), so each
 * builds into its own folder and moves it into place in one rename; whoever is first wins.
 */
export async function buildPagesIfMissing(
	log: ( message: string ) => void
): Promise< void > {
	if ( pagesBuilt() || ! fs.existsSync( VITE_CONFIG ) ) {
		return;
	}
	const scratch = path.join(
		REPO_ROOT,
		'node_modules',
		'.cache',
		'korea-checkout-sandbox',
		`dist-${ process.pid }-${ Date.now() }`
	);
	fs.mkdirSync( path.dirname( scratch ), { recursive: true } );
	log(
		'Building the hosted checkout page and the dashboard with Vite (first start) ...'
	);
	const { build } = await import( 'vite' );
	await build( {
		configFile: VITE_CONFIG,
		logLevel: 'warn',
		build: { outDir: scratch, emptyOutDir: true },
	} );
	try {
		if ( fs.existsSync( DIST_DIR ) && ! pagesBuilt() ) {
			fs.rmSync( DIST_DIR, { recursive: true, force: true } );
		}
		fs.renameSync( scratch, DIST_DIR );
	} catch {
		// Another sandbox finished first: use its build.
		fs.rmSync( scratch, { recursive: true, force: true } );
	}
}

function setPageHeaders( reply: FastifyReply ): FastifyReply {
	return reply
		.header( 'content-security-policy', PAGE_CSP )
		.header( 'x-content-type-options', 'nosniff' )
		.header( 'referrer-policy', 'no-referrer' )
		.header( 'x-frame-options', 'DENY' )
		.header( 'cache-control', 'no-store' );
}

function notBuilt( reply: FastifyReply ): FastifyReply {
	return setPageHeaders( reply )
		.code( 503 )
		.type( 'text/plain; charset=utf-8' )
		.send(
			'The sandbox pages are not built yet.\n' +
				( fs.existsSync( VITE_CONFIG )
					? 'Run `npm run build:sandbox` and restart the sandbox (it also builds them itself when sandbox/dist is missing at start).\n'
					: 'sandbox/vite.config.ts does not exist yet, so there is nothing to build.\n' ) +
				'The API (/api/...) and the control surface (/sandbox/...) work without them.\n'
		);
}

/** GET /checkout/:sessionId, GET /sandbox/ and the built assets under /assets/. */
export async function pageRoutes( app: FastifyInstance ): Promise< void > {
	await app.register( fastifyStatic, {
		root: path.join( DIST_DIR, 'assets' ),
		prefix: '/assets/',
		wildcard: true,
		index: false,
		decorateReply: true,
		cacheControl: false,
		setHeaders: ( response ) => {
			response.setHeader( 'x-content-type-options', 'nosniff' );
			response.setHeader( 'cache-control', 'public, max-age=3600' );
		},
	} );

	const sendPage = ( reply: FastifyReply, file: string ) => {
		if ( ! pagesBuilt() ) {
			return notBuilt( reply );
		}
		return setPageHeaders( reply )
			.type( 'text/html; charset=utf-8' )
			.sendFile( file, DIST_DIR );
	};

	app.get( '/checkout/:sessionId', ( _request, reply ) =>
		sendPage( reply, 'checkout.html' )
	);
	app.get( '/sandbox/', ( _request, reply ) =>
		sendPage( reply, 'dashboard.html' )
	);
	app.get( '/sandbox', ( _request, reply ) =>
		reply.redirect( '/sandbox/', 302 )
	);
}
