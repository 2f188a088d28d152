/**
 * What the Chromium tests of the sandbox pages run against: a real sandbox started as a child process
 * (`tsx sandbox/server/main.ts`), a tiny store that stands at returnUrl / cancelUrl / webhookUrl and records
 * what reaches it, and Debian's Chromium through playwright-core. Both listen on a port the system picks
 * (port 0), so parallel test files and other lanes never collide.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, vi } from 'vitest';

export const REPO = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..',
	'..',
	'..'
);
export const SCREENSHOTS = path.join(
	REPO,
	'sandbox',
	'tests',
	'page',
	'screenshots'
);
export const API_KEY = `sk_test_${ '7'.repeat( 64 ) }`;
const WEBHOOK_SECRET = 'whsec_lane7-page-tests';

/**
 * Rebuilds sandbox/dist when it is missing or a page source is newer than the build. Other test files and
 * sandboxes that are starting (they build a missing dist themselves, see server/pages.ts) may be serving or
 * building it at the same time, so the build goes to a folder of its own beside node_modules and is moved into
 * place with a rename: nobody ever sees a half-copied dist, and a fresh build someone else put there first is
 * kept.
 */
export async function buildPagesIfStale(): Promise< void > {
	const dist = path.join( REPO, 'sandbox', 'dist' );
	if ( pagesAreFresh( dist ) ) {
		return;
	}
	const scratch = path.join(
		REPO,
		'node_modules',
		'.cache',
		'korea-checkout-sandbox',
		`pages-test-${ process.pid }-${ Date.now() }`
	);
	fs.mkdirSync( path.dirname( scratch ), { recursive: true } );
	const { build } = await import( 'vite' );
	await build( {
		configFile: path.join( REPO, 'sandbox', 'vite.config.ts' ),
		logLevel: 'warn',
		build: { outDir: scratch, emptyOutDir: true },
	} );
	try {
		if ( pagesAreFresh( dist ) ) {
			return;
		}
		const old = `${ dist }-old-${ process.pid }`;
		if ( fs.existsSync( dist ) ) {
			fs.renameSync( dist, old );
		}
		placeBuild( scratch, dist );
		fs.rmSync( old, { recursive: true, force: true } );
	} finally {
		fs.rmSync( scratch, { recursive: true, force: true } );
	}
}

/** Both pages are built, and after the last change to any page source. */
function pagesAreFresh( dist: string ): boolean {
	const pages = [ 'checkout.html', 'dashboard.html' ].map( ( name ) =>
		path.join( dist, name )
	);
	if ( ! pages.every( ( page ) => fs.existsSync( page ) ) ) {
		return false;
	}
	const built = Math.min(
		...pages.map( ( page ) => fs.statSync( page ).mtimeMs )
	);
	return [
		path.join( REPO, 'sandbox', 'vite.config.ts' ),
		...walk( path.join( REPO, 'sandbox', 'page' ) ),
	].every( ( file ) => fs.statSync( file ).mtimeMs < built );
}

/** Move the finished build to dist in one step; a dist that appeared meanwhile (someone else's build) wins. */
function placeBuild( scratch: string, dist: string ): void {
	try {
		moveInto( scratch, dist );
	} catch ( error ) {
		if ( ( error as NodeJS.ErrnoException ).code !== 'EXDEV' ) {
			throw error;
		}
		// node_modules lives on another file system (a linked checkout): copy beside dist, then rename.
		const beside = `${ dist }-new-${ process.pid }`;
		fs.cpSync( scratch, beside, { recursive: true } );
		try {
			moveInto( beside, dist );
		} finally {
			fs.rmSync( beside, { recursive: true, force: true } );
		}
	}
}

function moveInto( from: string, dist: string ): void {
	try {
		fs.renameSync( from, dist );
	} catch ( error ) {
		if ( ! fs.existsSync( path.join( dist, 'checkout.html' ) ) ) {
			throw error;
		}
	}
}

function walk( dir: string ): string[] {
	return fs
		.readdirSync( dir, { withFileTypes: true } )
		.flatMap( ( entry ) =>
			entry.isDirectory()
				? walk( path.join( dir, entry.name ) )
				: [ path.join( dir, entry.name ) ]
		);
}

export interface Sandbox {
	url: string;
	stop: () => Promise< void >;
}

export async function startSandbox(): Promise< Sandbox > {
	const data = fs.mkdtempSync(
		path.join( os.tmpdir(), 'kc-lane7-sandbox-' )
	);
	const child: ChildProcess = spawn(
		path.join( REPO, 'node_modules', '.bin', 'tsx' ),
		[ 'sandbox/server/main.ts', '--port', '0', '--data', data ],
		{
			cwd: REPO,
			env: {
				...process.env,
				SANDBOX_API_KEY: API_KEY,
				SANDBOX_WEBHOOK_SECRET: WEBHOOK_SECRET,
				SANDBOX_RETRY_SCHEDULE: '1,1',
				SANDBOX_RATE_LIMIT: '1000',
			},
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		}
	);
	let output = '';
	child.stdout?.on( 'data', ( chunk ) => ( output += String( chunk ) ) );
	child.stderr?.on( 'data', ( chunk ) => ( output += String( chunk ) ) );
	const deadline = Date.now() + 60_000;
	let url = '';
	for (;;) {
		if ( child.exitCode !== null ) {
			throw new Error( `The sandbox exited early:\n${ output }` );
		}
		// The banner names the port the system gave it.
		url ||= /URL\s+(http:\/\/127\.0\.0\.1:\d+)/.exec( output )?.[ 1 ] ?? '';
		const ok =
			url !== '' &&
			( await fetch( `${ url }/sandbox/health` ).then(
				( r ) => r.ok,
				() => false
			) );
		if ( ok ) {
			break;
		}
		if ( Date.now() > deadline ) {
			child.kill();
			throw new Error(
				`The sandbox did not answer /sandbox/health within 60 s:\n${ output }`
			);
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 250 ) );
	}
	return {
		url,
		stop: async () => {
			if ( child.exitCode === null ) {
				const exited = new Promise( ( resolve ) =>
					child.once( 'exit', resolve )
				);
				child.kill( 'SIGTERM' );
				await exited;
			}
			fs.rmSync( data, { recursive: true, force: true } );
		},
	};
}

export interface Store {
	url: string;
	/** Every request the store received: method and path with query. */
	requests: Array< { method: string; url: string } >;
	stop: () => Promise< void >;
}

/** The store's side: a page at every path (so the browser lands somewhere real) that records the request. */
export async function startStore(): Promise< Store > {
	const requests: Store[ 'requests' ] = [];
	const server = http.createServer( ( request, response ) => {
		requests.push( {
			method: request.method ?? 'GET',
			url: request.url ?? '/',
		} );
		request.resume();
		response.writeHead( 200, {
			'content-type': 'text/html; charset=utf-8',
		} );
		response.end(
			'<!doctype html><title>Store</title><h1>Test store</h1>'
		);
	} );
	await new Promise< void >( ( resolve ) =>
		server.listen( 0, '127.0.0.1', resolve )
	);
	const { port } = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${ port }`,
		requests,
		stop: () =>
			new Promise( ( resolve ) => server.close( () => resolve() ) ),
	};
}

export interface SessionInput {
	items?: Array< { name: string; price: number; quantity: number } >;
	currency?: 'KRW' | 'USD';
	metadata?: Record< string, string >;
	expiresAt?: string;
}

/** Creates a session through the real API, as a store would. */
export async function createSession(
	sandbox: Sandbox,
	store: Store,
	input: SessionInput = {}
): Promise< string > {
	const items = input.items ?? [
		{ name: '제주 유기농 녹차 세트', price: 39000, quantity: 2 },
		{ name: '배송비', price: 3000, quantity: 1 },
	];
	const currency = input.currency ?? 'KRW';
	const decimals = currency === 'KRW' ? 0 : 2;
	const totalMinor = items.reduce(
		( sum, item ) =>
			sum + Math.round( item.price * 10 ** decimals ) * item.quantity,
		0
	);
	const response = await fetch(
		`${ sandbox.url }/api/checkout/create-session`,
		{
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-api-key': API_KEY,
			},
			body: JSON.stringify( {
				platform: 'woocommerce',
				platformOrderId: String(
					1000 + Math.floor( Math.random() * 9000 )
				),
				items,
				customer: {
					name: '김민지',
					email: 'minji@example.com',
					phone: '010-1234-5678',
				},
				totalAmount: totalMinor / 10 ** decimals,
				currency,
				returnUrl: `${ store.url }/checkout/order-received/?key=wc_order_abc`,
				cancelUrl: `${ store.url }/cart/`,
				webhookUrl: `${ store.url }/wp-json/korea-checkout/v1/webhook`,
				metadata: input.metadata ?? {},
				...( input.expiresAt ? { expiresAt: input.expiresAt } : {} ),
			} ),
		}
	);
	const body = ( await response.json() ) as {
		sessionId?: string;
		error?: unknown;
	};
	if ( ! response.ok || ! body.sessionId ) {
		throw new Error(
			`create-session failed: ${ response.status } ${ JSON.stringify( body ) }`
		);
	}
	return body.sessionId;
}

/** Calls the control surface (sandbox.md) the way a test or a tester does. */
export async function control< T = Record< string, unknown > >(
	sandbox: Sandbox,
	method: 'GET' | 'POST',
	pathname: string,
	body?: unknown
): Promise< T > {
	const response = await fetch( `${ sandbox.url }${ pathname }`, {
		method,
		headers:
			body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify( body ),
	} );
	if ( ! response.ok ) {
		throw new Error(
			`${ method } ${ pathname }: ${ response.status } ${ await response.text() }`
		);
	}
	return ( await response.json() ) as T;
}

export function launchChromium(): Promise< Browser > {
	return chromium.launch( {
		executablePath: '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	} );
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * A fresh page that records Content-Security-Policy violations and script errors (both must stay empty),
 * plus every request it makes (so a test can prove a theme loaded nothing).
 */
export async function openPage(
	browser: Browser,
	viewport = PHONE,
	colorScheme: 'light' | 'dark' = 'light'
) {
	const context = await browser.newContext( {
		viewport,
		colorScheme,
		locale: 'ko-KR',
		timezoneId: 'Asia/Seoul',
	} );
	const page = await context.newPage();
	const problems: string[] = [];
	const requested: string[] = [];
	page.on( 'console', ( message ) => {
		if ( message.type() === 'error' ) {
			problems.push( message.text() );
		}
	} );
	page.on( 'pageerror', ( error ) => problems.push( error.message ) );
	page.on( 'request', ( request ) => requested.push( request.url() ) );
	return { page, problems, requested, close: () => context.close() };
}

export async function screenshot(
	page: Page,
	name: string,
	fullPage = true
): Promise< string > {
	fs.mkdirSync( SCREENSHOTS, { recursive: true } );
	const file = path.join( SCREENSHOTS, `${ name }.png` );
	await page.screenshot( { path: file, fullPage } );
	return file;
}

/** What a page test file runs against, ready once its beforeAll hook has run. */
export interface PageStack {
	readonly sandbox: Sandbox;
	readonly store: Store;
	readonly browser: Browser;
}

/**
 * The start and stop every page test file shares: (re)builds the pages if needed, then starts a sandbox, a store
 * and Chromium before the file's tests and stops them after. Call it at the top of the file; read the parts only
 * inside tests and hooks. `testTimeout` is the file's time for one test (browsers on a busy machine are slow).
 */
export function pageStackForFile( testTimeout = 60_000 ): PageStack {
	vi.setConfig( { testTimeout, hookTimeout: 120_000 } );
	let parts: PageStack | undefined;
	let sandbox: Sandbox | undefined;
	let store: Store | undefined;
	let browser: Browser | undefined;
	beforeAll( async () => {
		await buildPagesIfStale();
		sandbox = await startSandbox();
		store = await startStore();
		browser = await launchChromium();
		parts = { sandbox, store, browser };
	} );
	afterAll( async () => {
		await browser?.close();
		await store?.stop();
		await sandbox?.stop();
	} );
	const ready = (): PageStack => {
		if ( parts === undefined ) {
			throw new Error(
				'The page stack is not started: use it inside tests and hooks only.'
			);
		}
		return parts;
	};
	return {
		get sandbox() {
			return ready().sandbox;
		},
		get store() {
			return ready().store;
		},
		get browser() {
			return ready().browser;
		},
	};
}
