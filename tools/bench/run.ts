/**
 * `npm run bench [-- --quick] [-- --keep]`: what Korea Checkout costs a store, measured on the production stack
 * (nginx, two PHP-FPM web nodes, MariaDB, Redis as the object cache) with the sandbox. Not part of `npm test`.
 *
 * Every figure is a ratio against a baseline measured in the same run, the two interleaved (each round runs every
 * variant once, in a shuffled order), so that what the machine's other work does to the clock falls on both
 * alike; the medians are compared, a bootstrap gives a 95 % interval, and a baseline measured against itself
 * (A against A) shows the noise left. Each timed request also reports, through a must-use probe
 * (tools/bench/mu-plugins/kc-bench.php, installed for the run and removed afterwards), its queries, peak PHP
 * memory and PHP CPU time. Sections:
 *   1. page weight and queries: script and style bytes (gzip) and database queries with the plugin on and off
 *      (the probe switches it per request), on the home page, a product page, the cart and both checkouts, and
 *      the queries the plugin adds with their callers;
 *   2. checkout: a Korea Checkout checkout (Store API, through to the redirect URL) against a Cash-on-delivery
 *      one, and a COD checkout with the plugin against without;
 *   3. webhook: a verified new event for a paid order, the same event again and a bad signature against a REST
 *      route that does nothing;
 *   4. peak PHP memory of those requests;
 *   5. deliveries: tests/bench/webhook-throughput.ts (1,000 deliveries, a quarter duplicates, 20 at a time across
 *      both nodes: throughput, p50, p99, lost, doubled);
 *   6. growth: the webhook, the return and a checkout with 1,000 orders, then with 50,000 orders and 500,000
 *      stored events (tools/bench/seed.ts), each as a ratio to its cost at 1,000 (normalised by the bare route
 *      measured beside it), and EXPLAIN of the plugin's lookups by session id and event id.
 * Prints a table with the budgets met or not and writes bench/results.json. --quick: fewer rounds, 200
 * deliveries, growth to 5,000 orders and 50,000 events. Stack: KC_STACK_DIR (.stack/bench), KC_NATIVE_PORT
 * (8150), KC_SANDBOX_PORT (4150); installed afresh each run and stopped at the end unless --keep. The store runs
 * a copy of the repository's HEAD built in <stack>/plugin (or KC_PLUGIN_DIR), not the work tree.
 * --object-cache=none: the same stack without Redis.
 */
import {
	copyFileSync,
	existsSync,
	symlinkSync,
	mkdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensurePackages } from '../stack/packages.ts';
import { evalPhp } from '../lib/php.ts';
import { ToolError } from '../lib/process.ts';
import { REPO_ROOT } from '../lib/root.ts';
import {
	downStack,
	startProductionStack,
	type RunningStack,
} from '../stack/index.ts';
import { stackDirFrom } from '../stack/config.ts';
import {
	gzipBytes,
	median,
	pageAssets,
	probeHeaders,
	ratioInterval,
	readMetrics,
	requestId,
	round,
	Shopper,
	shuffled,
	sign,
	SIGNATURE_HEADER,
	timedFetch,
	type RequestMetrics,
} from './lib.ts';
import { runCgi, type CgiRequest, type CgiTarget } from './instructions.ts';
import { seedStore } from './seed.ts';

const QUICK = process.argv.includes( '--quick' );
const KEEP = process.argv.includes( '--keep' );
const OBJECT_CACHE = process.argv.includes( '--object-cache=none' )
	? 'none'
	: 'redis';

const PLAN = QUICK
	? {
			pageRounds: 3,
			checkoutRounds: 12,
			webhookRounds: 20,
			growthRounds: 12,
			deliveries: 200,
			instructionReps: 2,
			growthOrders: 5000,
			growthEvents: 50_000,
		}
	: {
			pageRounds: 5,
			checkoutRounds: 30,
			webhookRounds: 60,
			growthRounds: 20,
			deliveries: 1000,
			instructionReps: 3,
			growthOrders: 50_000,
			growthEvents: 500_000,
		};

const BUDGET = {
	offCheckoutQueries: 0,
	offCheckoutBytes: 0,
	codWithPlugin: 1.02,
	kcVsCod: 1.1,
	blockCheckoutBytes: 8 * 1024,
	classicCheckoutBytes: 10 * 1024,
	webhookVsBare: 1.25,
	growth: 1.1,
};

function say( line: string ): void {
	process.stdout.write( `[bench] ${ line }\n` );
}

/** The plugin the run measures (set when the stack starts). */
let PLUGIN = { dir: '', source: '' };

/** While true, every timed request also has the probe log its queries (their time is the request's DB time). */
let logQueries = false;

/* ---------- load of the machine while the bench runs ---------- */

const loadSamples: number[] = [];
const loadTimer = setInterval(
	() => loadSamples.push( loadavg()[ 0 ]! ),
	5000
);
loadTimer.unref();

/* ---------- interleaved measurement ---------- */

interface Sample {
	ms: number;
	id: string;
}

interface Variant {
	name: string;
	run: () => Promise< Sample >;
}

/** Runs every variant once per round, in a new shuffled order each round, after `warmup` unrecorded rounds. */
async function interleave(
	label: string,
	variants: Variant[],
	rounds: number,
	warmup = 2
): Promise< Record< string, Sample[] > > {
	const samples: Record< string, Sample[] > = {};
	for ( const variant of variants ) {
		samples[ variant.name ] = [];
	}
	for ( let r = 0; r < warmup + rounds; r++ ) {
		for ( const variant of shuffled( variants ) ) {
			const sample = await variant.run();
			if ( r >= warmup ) {
				samples[ variant.name ]!.push( sample );
			}
		}
		if ( ( r + 1 ) % 10 === 0 ) {
			say(
				`${ label }: round ${ r + 1 - warmup } of ${ rounds } (load ${ loadavg()[ 0 ]!.toFixed( 1 ) })`
			);
		}
	}
	return samples;
}

interface Timing {
	/** Median wall time of the request as the client saw it, ms. */
	ms: number;
	/** Median time of its database queries (only when the probe logged them), ms. */
	dbMs: number | null;
	/** Median PHP CPU time of the request (from the probe), ms. */
	cpuMs: number;
	queries: number;
	rowsRead: number;
	memory: number;
	n: number;
	samples: number[];
}

function timing(
	samples: Sample[],
	metrics: Map< string, RequestMetrics >
): Timing {
	const probe = samples
		.map( ( sample ) => metrics.get( sample.id ) )
		.filter( ( m ): m is RequestMetrics => m !== undefined );
	return {
		ms: round( median( samples.map( ( s ) => s.ms ) ), 1 ),
		dbMs: probe.some( ( m ) => m.dbMs !== undefined )
			? round( median( probe.map( ( m ) => m.dbMs ?? 0 ) ), 1 )
			: null,
		cpuMs: round( median( probe.map( ( m ) => m.cpu * 1000 ) ), 1 ),
		queries: median( probe.map( ( m ) => m.queries ) ),
		rowsRead: median( probe.map( ( m ) => m.rowsRead ?? Number.NaN ) ),
		memory: median( probe.map( ( m ) => m.memory ) ),
		n: samples.length,
		samples: samples.map( ( s ) => round( s.ms, 1 ) ),
	};
}

interface Comparison {
	figure: string;
	value: Timing;
	baseline: Timing;
	baselineName: string;
	ratio: number;
	interval: [ number, number ];
	cpuRatio: number;
	budget: number | null;
	met: boolean | null;
}

function compare(
	figure: string,
	value: Timing,
	baseline: Timing,
	baselineName: string,
	budget: number | null,
	rawValue: Sample[],
	rawBaseline: Sample[]
): Comparison {
	const ratio = round( value.ms / baseline.ms );
	const interval = ratioInterval(
		rawValue.map( ( s ) => s.ms ),
		rawBaseline.map( ( s ) => s.ms )
	).map( ( x ) => round( x ) ) as [ number, number ];
	return {
		figure,
		value,
		baseline,
		baselineName,
		ratio,
		interval,
		cpuRatio: round( value.cpuMs / baseline.cpuMs ),
		budget,
		met: budget === null ? null : ratio <= budget,
	};
}

/* ---------- setup ---------- */

/**
 * The plugin the store runs: KC_PLUGIN_DIR when set, else a copy of the repository's HEAD with its own build, so
 * that a run measures one commit, whatever is being edited in the work tree meanwhile. Returns the folder and a
 * description (commit) for the results.
 */
function pluginSnapshot( stackDir: string ): { dir: string; source: string } {
	if ( process.env.KC_PLUGIN_DIR ) {
		return {
			dir: process.env.KC_PLUGIN_DIR,
			source: `KC_PLUGIN_DIR ${ process.env.KC_PLUGIN_DIR }`,
		};
	}
	const commit = spawnSync( 'git', [ 'rev-parse', 'HEAD' ], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
	} ).stdout.trim();
	const dir = join( stackDir, 'plugin' );
	rmSync( dir, { recursive: true, force: true } );
	mkdirSync( dir, { recursive: true } );
	const archive = spawnSync(
		'sh',
		[ '-c', `git archive HEAD | tar -x -C '${ dir }'` ],
		{ cwd: REPO_ROOT, encoding: 'utf8' }
	);
	if ( archive.status !== 0 ) {
		throw new Error( `git archive HEAD failed: ${ archive.stderr }` );
	}
	symlinkSync(
		join( REPO_ROOT, 'node_modules' ),
		join( dir, 'node_modules' )
	);
	say(
		`plugin: HEAD ${ commit.slice( 0, 10 ) } copied to ${ dir }; building its assets`
	);
	const build = spawnSync(
		join( REPO_ROOT, 'node_modules', '.bin', 'wp-scripts' ),
		[ 'build', '--config', 'webpack.config.cjs' ],
		{ cwd: dir, encoding: 'utf8' }
	);
	if ( build.status !== 0 ) {
		throw new Error(
			`building the copy of HEAD failed:\n${ build.stdout }${ build.stderr }`
		);
	}
	return { dir, source: `commit ${ commit }` };
}

async function startStack(): Promise< RunningStack > {
	const dir = stackDirFrom( process.env.KC_STACK_DIR ?? '.stack/bench' );
	PLUGIN = pluginSnapshot( dir );
	process.env.KC_PLUGIN_DIR = PLUGIN.dir;
	// The sandbox must start with the bench's settings: no rate limit in the way, and a delivery the store refused
	// retried only after a day (the delivery run sends the events itself).
	process.env.SANDBOX_RATE_LIMIT = '1000000';
	process.env.SANDBOX_RETRY_SCHEDULE = '86400';
	await downStack( dir );
	return startProductionStack( {
		dir,
		port: Number( process.env.KC_NATIVE_PORT ?? 8150 ),
		sandboxPort: Number( process.env.KC_SANDBOX_PORT ?? 4150 ),
		objectCache: OBJECT_CACHE,
		freshDatabase: true,
	} );
}

const PROBE_SOURCE = join( REPO_ROOT, 'tools/bench/mu-plugins/kc-bench.php' );

function probeFile( stack: RunningStack ): string {
	return join( stack.paths.site, 'wp-content', 'mu-plugins', 'kc-bench.php' );
}

async function installProbe(
	stack: RunningStack
): Promise< { productId: number; productUrl: string } > {
	mkdirSync( join( stack.paths.site, 'wp-content', 'mu-plugins' ), {
		recursive: true,
	} );
	copyFileSync( PROBE_SOURCE, probeFile( stack ) );
	rmSync( join( stack.paths.site, 'wp-content', 'kc-bench' ), {
		recursive: true,
		force: true,
	} );
	// php-cgi's compiled scripts: never trusted across runs (they are not checked against the files).
	rmSync( cgiTarget( stack ).opcacheDir, { recursive: true, force: true } );
	return evalPhp< { productId: number; productUrl: string } >(
		stack.paths.site,
		`kc_bench_install();
		$id = wc_get_product_id_by_sku( 'KC-BENCH' );
		if ( ! $id ) {
			$product = new WC_Product_Simple();
			$product->set_props( array( 'name' => 'Bench item', 'sku' => 'KC-BENCH', 'regular_price' => '12000', 'status' => 'publish', 'manage_stock' => false ) );
			$id = $product->save();
		}
		return array( 'productId' => $id, 'productUrl' => get_permalink( $id ) );`
	);
}

/* ---------- 1. page weight and queries ---------- */

interface PageFigure {
	page: string;
	path: string;
	queriesOn: number;
	queriesOff: number;
	addedQueries: number;
	bytesOn: number;
	bytesOff: number;
	addedBytes: number;
	addedAssets: Array< { url: string; gzip: number } >;
	addedInline: { script: number; style: number };
	queryCallers: Array< { sql: string; caller: string } >;
}

function cookieHeader( headers: Headers, jar: Map< string, string > ): void {
	for ( const cookie of headers.getSetCookie() ) {
		const [ pair ] = cookie.split( ';' );
		const at = pair!.indexOf( '=' );
		if ( at > 0 ) {
			jar.set(
				pair!.slice( 0, at ).trim(),
				pair!.slice( at + 1 ).trim()
			);
		}
	}
}

const normaliseSql = ( sql: string ): string =>
	sql
		.replace( /'(?:[^'\\]|\\.)*'/g, '?' )
		.replace( /\b\d+\b/g, 'N' )
		.replace( /\s+/g, ' ' )
		.trim();

async function measurePages(
	stack: RunningStack,
	productUrl: string,
	productId: number
): Promise< PageFigure[] > {
	const base = stack.storeUrl;
	const jar = new Map< string, string >();
	const added = await timedFetch( `${ base }/?add-to-cart=${ productId }`, {
		method: 'GET',
	} );
	cookieHeader( added.headers, jar );
	const cookie = (): string =>
		[ ...jar ].map( ( [ k, v ] ) => `${ k }=${ v }` ).join( '; ' );
	const pages = [
		{ page: 'home', path: '/', cart: false },
		{ page: 'product', path: new URL( productUrl ).pathname, cart: false },
		{ page: 'cart', path: '/cart/', cart: true },
		{ page: 'block checkout', path: '/checkout/', cart: true },
		{ page: 'classic checkout', path: '/classic-checkout/', cart: true },
	];
	const ids: Record< string, { on: string[]; off: string[] } > = {};
	const html: Record< string, { on: string; off: string } > = {};
	const logIds: Record< string, { on: string; off: string } > = {};
	const get = async (
		path: string,
		withCart: boolean,
		off: boolean,
		id: string,
		queries = false
	) => {
		const response = await timedFetch( `${ base }${ path }`, {
			method: 'GET',
			headers: {
				...probeHeaders( { pluginOff: off, id, queries } ),
				...( withCart ? { Cookie: cookie() } : {} ),
			},
		} );
		if ( response.status !== 200 ) {
			throw new Error( `GET ${ path } answered ${ response.status }` );
		}
		return response.body;
	};
	// Warm every page both ways first (caches, OPcache on both nodes).
	for ( let i = 0; i < 4; i++ ) {
		for ( const page of pages ) {
			await get( page.path, page.cart, i % 2 === 1, requestId( 'warm' ) );
		}
	}
	for ( let r = 0; r < PLAN.pageRounds; r++ ) {
		for ( const page of shuffled( pages ) ) {
			ids[ page.page ] ??= { on: [], off: [] };
			for ( const off of shuffled( [ false, true ] ) ) {
				const id = requestId( off ? 'page-off' : 'page-on' );
				const body = await get( page.path, page.cart, off, id );
				ids[ page.page ]![ off ? 'off' : 'on' ].push( id );
				html[ page.page ] ??= { on: '', off: '' };
				html[ page.page ]![ off ? 'off' : 'on' ] = body;
			}
		}
	}
	for ( const page of pages ) {
		const on = requestId( 'log-on' );
		const off = requestId( 'log-off' );
		await get( page.path, page.cart, false, on, true );
		await get( page.path, page.cart, true, off, true );
		logIds[ page.page ] = { on, off };
	}
	const metrics = readMetrics( stack.paths.site );
	const sizes = new Map< string, number >();
	const assetSize = async ( url: string ): Promise< number > => {
		if ( ! sizes.has( url ) ) {
			const response = await fetch( url );
			sizes.set(
				url,
				response.ok
					? gzipBytes( Buffer.from( await response.arrayBuffer() ) )
					: 0
			);
		}
		return sizes.get( url )!;
	};
	const figures: PageFigure[] = [];
	for ( const page of pages ) {
		const queries = ( list: string[] ) =>
			median(
				list.map( ( id ) => metrics.get( id )?.queries ?? Number.NaN )
			);
		const on = pageAssets( html[ page.page ]!.on, base );
		const off = pageAssets( html[ page.page ]!.off, base );
		const total = async ( assets: typeof on ) => {
			let sum =
				gzipBytes( assets.inlineScript ) +
				gzipBytes( assets.inlineStyle );
			for ( const url of new Set( [
				...assets.scripts,
				...assets.styles,
			] ) ) {
				sum += await assetSize( url );
			}
			return sum;
		};
		const offUrls = new Set( [ ...off.scripts, ...off.styles ] );
		const addedAssets: Array< { url: string; gzip: number } > = [];
		for ( const url of new Set( [ ...on.scripts, ...on.styles ] ) ) {
			if ( ! offUrls.has( url ) ) {
				addedAssets.push( {
					url: url.replace( base, '' ),
					gzip: await assetSize( url ),
				} );
			}
		}
		const logOn = metrics.get( logIds[ page.page ]!.on )?.log ?? [];
		const logOff = metrics.get( logIds[ page.page ]!.off )?.log ?? [];
		const offCount = new Map< string, number >();
		for ( const q of logOff ) {
			const key = normaliseSql( q.sql );
			offCount.set( key, ( offCount.get( key ) ?? 0 ) + 1 );
		}
		const queryCallers: Array< { sql: string; caller: string } > = [];
		for ( const q of logOn ) {
			const key = normaliseSql( q.sql );
			const left = offCount.get( key ) ?? 0;
			if ( left > 0 ) {
				offCount.set( key, left - 1 );
			} else {
				queryCallers.push( {
					sql: q.sql.replace( /\s+/g, ' ' ).slice( 0, 240 ),
					caller: q.caller.split( ', ' ).slice( -8 ).join( ', ' ),
				} );
			}
		}
		const bytesOn = await total( on );
		const bytesOff = await total( off );
		const queriesOn = queries( ids[ page.page ]!.on );
		const queriesOff = queries( ids[ page.page ]!.off );
		figures.push( {
			page: page.page,
			path: page.path,
			queriesOn,
			queriesOff,
			addedQueries: queriesOn - queriesOff,
			bytesOn,
			bytesOff,
			addedBytes: bytesOn - bytesOff,
			addedAssets,
			addedInline: {
				script:
					gzipBytes( on.inlineScript ) -
					gzipBytes( off.inlineScript ),
				style:
					gzipBytes( on.inlineStyle ) - gzipBytes( off.inlineStyle ),
			},
			queryCallers,
		} );
	}
	return figures;
}

/* ---------- 2. checkout ---------- */

function checkoutVariant(
	stack: RunningStack,
	productId: number,
	name: string,
	method: string,
	pluginOff: boolean,
	orders?: Array< { orderId: number; redirectUrl: string } >
): Variant {
	return {
		name,
		run: async () => {
			const shopper = new Shopper( stack.storeUrl, { pluginOff } );
			await shopper.fillCart( productId );
			const id = requestId( name );
			const result = await shopper.checkout( method, {
				id,
				queries: logQueries,
			} );
			if (
				method === 'korea_checkout' &&
				! result.redirectUrl.includes( '/checkout/' )
			) {
				throw new Error(
					`a Korea Checkout checkout gave no hosted page: ${ result.response.body.slice( 0, 300 ) }`
				);
			}
			orders?.push( {
				orderId: result.orderId,
				redirectUrl: result.redirectUrl,
			} );
			return { ms: result.response.ms, id };
		},
	};
}

/* ---------- 3. webhook ---------- */

interface PaidOrder {
	orderId: number;
	sessionId: string;
	returnUrl: string;
	keyHash: string;
}

/** Orders placed with Korea Checkout and paid in the sandbox (its webhook pays them); their return URLs. */
async function paidOrders(
	stack: RunningStack,
	productId: number,
	count: number
): Promise< PaidOrder[] > {
	const sandbox = stack.sandboxUrl!;
	const made: PaidOrder[] = [];
	for ( let i = 0; i < count; i++ ) {
		const shopper = new Shopper( stack.storeUrl );
		await shopper.fillCart( productId );
		const { orderId, redirectUrl } =
			await shopper.checkout( 'korea_checkout' );
		const sessionId = decodeURIComponent(
			new URL( redirectUrl ).pathname.split( '/' ).pop()!
		);
		const paid = await fetch(
			`${ sandbox }/sandbox/sessions/${ encodeURIComponent( sessionId ) }/pay`,
			{
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify( { method: 'card' } ),
			}
		);
		const answer = ( await paid.json() ) as { redirectUrl?: string };
		made.push( {
			orderId,
			sessionId,
			returnUrl: answer.redirectUrl ?? '',
			keyHash: '',
		} );
	}
	const state = await evalPhp<
		Record< string, { paid: boolean; hash: string } >
	>(
		stack.paths.site,
		`$out = array();
		foreach ( json_decode( '${ JSON.stringify( made.map( ( m ) => m.orderId ) ) }', true ) as $id ) {
			$order = wc_get_order( $id );
			$out[ $id ] = array( 'paid' => $order->is_paid(), 'hash' => hash( 'sha256', $order->get_order_key() ) );
		}
		return $out;`
	);
	for ( const order of made ) {
		order.keyHash = state[ String( order.orderId ) ]?.hash ?? '';
		if ( ! state[ String( order.orderId ) ]?.paid ) {
			throw new Error(
				`order ${ order.orderId } was not paid by the sandbox's webhook`
			);
		}
	}
	return made;
}

function eventBody( order: PaidOrder, id: string ): string {
	return JSON.stringify( {
		id,
		event: 'payment.completed',
		createdAt: new Date().toISOString(),
		data: {
			sessionId: order.sessionId,
			platformOrderId: String( order.orderId ),
			status: 'completed',
			metadata: {
				orderId: String( order.orderId ),
				orderKeyHash: order.keyHash,
			},
		},
	} );
}

function webhookVariants(
	stack: RunningStack,
	orders: PaidOrder[]
): Variant[] {
	const url = `${ stack.storeUrl }/wp-json/korea-checkout/v1/webhook`;
	const bare = `${ stack.storeUrl }/wp-json/kc-bench/v1/bare`;
	let next = 0;
	const done: string[] = [];
	const post = async (
		target: string,
		body: string,
		secret: string,
		name: string
	): Promise< Sample > => {
		const id = requestId( name );
		const response = await timedFetch( target, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				[ SIGNATURE_HEADER ]: sign( body, secret ),
				...probeHeaders( { id, queries: logQueries } ),
			},
			body,
		} );
		if ( response.status >= 500 ) {
			throw new Error(
				`${ name }: ${ target } answered ${ response.status }: ${ response.body.slice( 0, 300 ) }`
			);
		}
		return { ms: response.ms, id };
	};
	const newEvent = ( prefix: string ): string =>
		eventBody(
			orders[ next++ % orders.length ]!,
			`evt_${ requestId( prefix ).replace( /-/g, '_' ) }`
		);
	return [
		{
			name: 'bare',
			run: () =>
				post(
					bare,
					newEvent( 'bare' ),
					stack.credentials.webhookSecret,
					'bare'
				),
		},
		{
			name: 'bare again',
			run: () =>
				post(
					bare,
					newEvent( 'bare' ),
					stack.credentials.webhookSecret,
					'bare2'
				),
		},
		{
			name: 'new event',
			run: async () => {
				const body = newEvent( 'new' );
				done.push( body );
				return post(
					url,
					body,
					stack.credentials.webhookSecret,
					'new'
				);
			},
		},
		{
			name: 'same event again',
			run: () =>
				post(
					url,
					done.length > 0
						? done[ done.length - 1 ]!
						: newEvent( 'dup' ),
					stack.credentials.webhookSecret,
					'dup'
				),
		},
		{
			name: 'bad signature',
			run: () =>
				post( url, newEvent( 'bad' ), 'whsec_not_the_secret', 'bad' ),
		},
	];
}

function returnVariant( orders: PaidOrder[] ): Variant {
	let next = 0;
	return {
		name: 'return',
		run: async () => {
			const id = requestId( 'return' );
			const order = orders[ next++ % orders.length ]!;
			const response = await timedFetch( order.returnUrl, {
				method: 'GET',
				headers: probeHeaders( { id, queries: logQueries } ),
			} );
			if ( response.status !== 302 && response.status !== 303 ) {
				throw new Error( `the return answered ${ response.status }` );
			}
			return { ms: response.ms, id };
		},
	};
}

/* ---------- instructions (callgrind) ---------- */

interface CountedVariant {
	name: string;
	make: () => Promise< CgiRequest >;
	/** The status the request must answer with. */
	expect: number;
}

interface Counted {
	/** Median instructions. */
	instructions: number;
	/** Every count, for the spread. */
	counts: number[];
	/** (max − min) / median of the counts. */
	spread: number;
	/** Median queries and rows MariaDB read of the counted requests (from the probe). */
	queries: number;
	rowsRead: number;
}

/** Runs each variant once uncounted (warming OPcache's file cache), then `reps` times under callgrind, two at a time. */
async function countInstructions(
	target: CgiTarget,
	variants: CountedVariant[],
	reps: number,
	label: string,
	workers = 2
): Promise< Record< string, Counted > > {
	for ( const variant of variants ) {
		const result = await runCgi( target, await variant.make(), false );
		if ( result.status !== variant.expect ) {
			throw new Error(
				`${ label } ${ variant.name }: php-cgi answered ${ result.status }, not ${ variant.expect }: ${ result.output.slice( 0, 400 ) }`
			);
		}
	}
	const jobs: CountedVariant[] = [];
	for ( let r = 0; r < reps; r++ ) {
		jobs.push( ...shuffled( variants ) );
	}
	const counts: Record< string, number[] > = {};
	const ids: Record< string, string[] > = {};
	let next = 0;
	let finished = 0;
	const worker = async (): Promise< void > => {
		while ( next < jobs.length ) {
			const variant = jobs[ next++ ]!;
			const request = await variant.make();
			const result = await runCgi( target, request, true );
			( ids[ variant.name ] ??= [] ).push(
				request.headers?.[ 'X-KC-Bench-Id' ] ?? ''
			);
			if ( result.status !== variant.expect ) {
				throw new Error(
					`${ label } ${ variant.name }: php-cgi answered ${ result.status }, not ${ variant.expect }`
				);
			}
			( counts[ variant.name ] ??= [] ).push( result.instructions! );
			finished++;
			if ( finished % 5 === 0 ) {
				say( `${ label }: ${ finished } of ${ jobs.length } counted` );
			}
		}
	};
	await Promise.all( Array.from( { length: workers }, () => worker() ) );
	const metrics = readMetrics( target.site );
	const out: Record< string, Counted > = {};
	for ( const [ name, list ] of Object.entries( counts ) ) {
		const mid = median( list );
		const probe = ( ids[ name ] ?? [] )
			.map( ( id ) => metrics.get( id ) )
			.filter( ( m ): m is RequestMetrics => m !== undefined );
		out[ name ] = {
			queries: median( probe.map( ( m ) => m.queries ) ),
			rowsRead: median( probe.map( ( m ) => m.rowsRead ) ),
			instructions: mid,
			counts: list,
			spread: round(
				( Math.max( ...list ) - Math.min( ...list ) ) / mid,
				4
			),
		};
	}
	return out;
}

function cgiTarget( stack: RunningStack ): CgiTarget {
	return {
		site: stack.paths.site,
		port: stack.config.port,
		opcacheDir: join( stack.paths.site, '..', 'opcache-cgi' ),
	};
}

function countedCheckout(
	stack: RunningStack,
	productId: number,
	name: string,
	method: string,
	pluginOff: boolean
): CountedVariant {
	return {
		name,
		expect: 200,
		make: async () => {
			const shopper = new Shopper( stack.storeUrl, { pluginOff } );
			await shopper.fillCart( productId );
			return {
				method: 'POST',
				uri: '/wp-json/wc/store/v1/checkout',
				body: Shopper.checkoutBody( method ),
				headers: {
					...shopper.requestHeaders(),
					...probeHeaders( { id: requestId( `cg-${ name }` ) } ),
				},
			};
		},
	};
}

function countedWebhooks(
	stack: RunningStack,
	orders: PaidOrder[]
): CountedVariant[] {
	const secret = stack.credentials.webhookSecret;
	let next = 0;
	let doneBody = '';
	const signed = (
		uri: string,
		body: string,
		key: string,
		name: string
	): CgiRequest => ( {
		method: 'POST',
		uri,
		body,
		headers: {
			[ SIGNATURE_HEADER ]: sign( body, key ),
			...probeHeaders( { id: requestId( `cg-${ name }` ) } ),
		},
	} );
	const fresh = (): string =>
		eventBody(
			orders[ next++ % orders.length ]!,
			`evt_${ requestId( 'cg' ).replace( /-/g, '_' ) }`
		);
	return [
		{
			name: 'bare',
			expect: 200,
			make: async () =>
				signed( '/wp-json/kc-bench/v1/bare', fresh(), secret, 'bare' ),
		},
		{
			name: 'new event',
			expect: 200,
			make: async () => {
				const body = fresh();
				if ( doneBody === '' ) {
					doneBody = body;
				}
				return signed(
					'/wp-json/korea-checkout/v1/webhook',
					body,
					secret,
					'new'
				);
			},
		},
		{
			name: 'same event again',
			expect: 200,
			make: async () =>
				signed(
					'/wp-json/korea-checkout/v1/webhook',
					doneBody || fresh(),
					secret,
					'dup'
				),
		},
		{
			name: 'bad signature',
			expect: 400,
			make: async () =>
				signed(
					'/wp-json/korea-checkout/v1/webhook',
					fresh(),
					'whsec_not_the_secret',
					'bad'
				),
		},
	];
}

function countedReturn( orders: PaidOrder[] ): CountedVariant {
	let next = 0;
	return {
		name: 'return',
		expect: 302,
		make: async () => {
			const url = new URL( orders[ next++ % orders.length ]!.returnUrl );
			return {
				method: 'GET',
				uri: `${ url.pathname }${ url.search }`,
				headers: probeHeaders( { id: requestId( 'cg-return' ) } ),
			};
		},
	};
}

/* ---------- 5. deliveries ---------- */

function runDeliveries( stack: RunningStack ): Record< string, unknown > {
	const out = join( stack.paths.site, '..', 'deliveries.json' );
	rmSync( out, { force: true } );
	const result = spawnSync(
		join( REPO_ROOT, 'node_modules', '.bin', 'tsx' ),
		[
			'tests/bench/webhook-throughput.ts',
			`--deliveries=${ PLAN.deliveries }`,
			'--duplicates=0.25',
			'--concurrency=20',
			`--json=${ out }`,
		],
		{
			cwd: REPO_ROOT,
			env: { ...process.env, KC_STACK_FILE: stack.paths.state },
			stdio: 'inherit',
		}
	);
	if ( ! existsSync( out ) ) {
		throw new Error(
			`the delivery run failed (exit ${ String( result.status ) })`
		);
	}
	return JSON.parse( readFileSync( out, 'utf8' ) ) as Record<
		string,
		unknown
	>;
}

/* ---------- 6. growth ---------- */

async function orderCount( stack: RunningStack ): Promise< number > {
	return evalPhp< number >(
		stack.paths.site,
		`global $wpdb; return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}wc_orders WHERE type = 'shop_order'" );`
	);
}

/**
 * Runs what Action Scheduler has waiting, as a store's queue runner does every minute; returns how many jobs ran.
 *
 * WooCommerce Analytics queues an import job for each order saved, and on every order save it searches the pending
 * ones (ImportScheduler::has_existing_jobs, 20 to 30 times in a checkout): the rows that search reads follow the
 * number of pending jobs. On the bench stack WP-Cron runs the queue only now and then, so without this the rows of a
 * checkout would follow when WP-Cron last ran and how many requests came since, not the number of orders.
 */
async function settleJobQueue( stack: RunningStack ): Promise< number > {
	const ran = await evalPhp< { ran: number; left: number } >(
		stack.paths.site,
		`if ( ! class_exists( 'ActionScheduler' ) ) { return array( 'ran' => 0, 'left' => 0 ); }
		$store = ActionScheduler::store();
		$runner = ActionScheduler::runner();
		$waiting = static function () use ( $store ) {
			$due = $store->query_actions( array( 'status' => ActionScheduler_Store::STATUS_PENDING, 'date' => as_get_datetime_object(), 'date_compare' => '<=', 'per_page' => 100 ) );
			$imports = $store->query_actions( array( 'status' => ActionScheduler_Store::STATUS_PENDING, 'hook' => 'wc-admin_import_orders', 'per_page' => 100 ) );
			return array_values( array_unique( array_map( 'intval', array_merge( $due, $imports ) ) ) );
		};
		$ran = 0;
		$until = microtime( true ) + 120;
		while ( microtime( true ) < $until && ( $ids = $waiting() ) ) {
			foreach ( $ids as $id ) {
				$runner->process_action( $id, 'Korea Checkout bench' );
				++$ran;
			}
		}
		return array( 'ran' => $ran, 'left' => count( $waiting() ) );`
	);
	if ( ran.left > 0 ) {
		throw new ToolError(
			`Action Scheduler still has ${ ran.left } due jobs after 120 s; the growth stages would not start alike`
		);
	}
	return ran.ran;
}

/** A growth variant that starts from a settled job queue (the settling is not timed). */
function afterSettling( stack: RunningStack, variant: Variant ): Variant {
	return {
		name: variant.name,
		run: async () => {
			await settleJobQueue( stack );
			return variant.run();
		},
	};
}

/** The same for a request counted under callgrind. */
function countedAfterSettling(
	stack: RunningStack,
	variant: CountedVariant
): CountedVariant {
	return {
		...variant,
		make: async () => {
			await settleJobQueue( stack );
			return variant.make();
		},
	};
}

async function growthStage(
	stack: RunningStack,
	productId: number,
	orders: PaidOrder[],
	label: string
): Promise<
	Record< string, Timing > & {
		raw: Record< string, Sample[] >;
		paired: Record< string, number >;
		counted: Record< string, Counted >;
	}
> {
	const hooks = webhookVariants( stack, orders );
	// Each request starts from an empty job queue, in both stages, so that what differs is the store's size.
	const variants = [
		hooks.find( ( v ) => v.name === 'bare' )!,
		hooks.find( ( v ) => v.name === 'new event' )!,
		returnVariant( orders ),
		checkoutVariant(
			stack,
			productId,
			'checkout',
			'korea_checkout',
			false
		),
	].map( ( variant ) => afterSettling( stack, variant ) );
	logQueries = true;
	const raw = await interleave(
		`growth ${ label }`,
		variants,
		PLAN.growthRounds
	);
	logQueries = false;
	const metrics = readMetrics( stack.paths.site );
	const result: Record< string, Timing > = {};
	for ( const [ name, samples ] of Object.entries( raw ) ) {
		result[ name ] = timing( samples, metrics );
	}
	// Each variant's time over the bare route's in the same round: what the machine's load did to both cancels.
	const paired: Record< string, number > = {};
	for ( const name of [ 'new event', 'return', 'checkout' ] ) {
		paired[ name ] = median(
			raw[ name ]!.map( ( sample, i ) => sample.ms / raw.bare![ i ]!.ms )
		);
	}
	// One request at a time: a second worker's request would queue jobs while a checkout is counted.
	const counted = await countInstructions(
		cgiTarget( stack ),
		[
			countedWebhooks( stack, orders ).find(
				( v ) => v.name === 'new event'
			)!,
			countedReturn( orders ),
			countedCheckout(
				stack,
				productId,
				'checkout',
				'korea_checkout',
				false
			),
		].map( ( variant ) => countedAfterSettling( stack, variant ) ),
		PLAN.instructionReps,
		`growth ${ label } instructions`,
		1
	);
	return Object.assign( result, { raw, paired, counted } );
}

async function explainLookups( stack: RunningStack ): Promise< unknown > {
	return evalPhp(
		stack.paths.site,
		`global $wpdb;
		$s = $wpdb->prefix . 'korea_checkout_sessions';
		$e = $wpdb->prefix . 'korea_checkout_events';
		$session = (string) $wpdb->get_var( "SELECT session_id FROM {$s} ORDER BY id DESC LIMIT 1" );
		$event = (string) $wpdb->get_var( "SELECT event_key FROM {$e} ORDER BY last_seen DESC LIMIT 1" );
		$order = (int) $wpdb->get_var( "SELECT order_id FROM {$s} ORDER BY id DESC LIMIT 1" );
		$now = gmdate( 'Y-m-d H:i:s' );
		$queries = array(
			'session id -> order (SessionOwner::order_id_of)' => $wpdb->prepare( "SELECT order_id FROM {$s} WHERE session_id = %s", $session ),
			'sessions of an order (SessionOwner::sessions_of)' => $wpdb->prepare( "SELECT session_id, status, created_at FROM {$s} WHERE order_id = %d ORDER BY id DESC", $order ),
			'API slot (SessionOwner::may_ask_api)' => $wpdb->prepare( "UPDATE {$s} SET checked_at = %s WHERE session_id = %s AND ( checked_at IS NULL OR checked_at <= %s )", $now, $session, $now ),
			'claim (EventStore::claim INSERT IGNORE)' => $wpdb->prepare( "INSERT IGNORE INTO {$e} (event_key, event_type, session_id, state, attempts, lease_until, first_seen, last_seen) VALUES (%s, 'payment.completed', %s, 'processing', 1, %s, %s, %s)", $event, $session, $now, $now, $now ),
			'event by key (EventStore::row)' => $wpdb->prepare( "SELECT state, attempts, lease_until, result, last_error FROM {$e} WHERE event_key = %s", $event ),
			'finish (EventStore::finish)' => $wpdb->prepare( "UPDATE {$e} SET state = 'done', lease_until = NULL, last_seen = %s, result = 'x', last_error = '' WHERE event_key = %s AND attempts = 1 AND state = 'processing'", $now, $event ),
			'prune (EventStore::prune)' => $wpdb->prepare( "SELECT event_key FROM {$e} WHERE last_seen < %s ORDER BY last_seen ASC LIMIT 1000", gmdate( 'Y-m-d H:i:s', time() - 30 * DAY_IN_SECONDS ) ),
		);
		$handlers = static function () use ( $wpdb ) {
			$out = array();
			foreach ( (array) $wpdb->get_results( "SHOW SESSION STATUS LIKE 'Handler\\_%'", ARRAY_N ) as $row ) {
				$out[ $row[0] ] = (int) $row[1];
			}
			return $out;
		};
		$out = array();
		$calibration = null;
		foreach ( array_merge( array( 'calibration' => 'SELECT 1' ), $queries ) as $what => $sql ) {
			$rows = $wpdb->get_results( 'EXPLAIN ' . $sql, ARRAY_A );
			// What the statement made MariaDB do, from its handler counters (run in a transaction, rolled back).
			$wpdb->query( 'START TRANSACTION' );
			$before = $handlers();
			$wpdb->query( $sql );
			$after = $handlers();
			$wpdb->query( 'ROLLBACK' );
			$did = array();
			foreach ( $after as $name => $value ) {
				// Less what reading the counters itself adds (measured around SELECT 1).
				$delta = $value - ( $before[ $name ] ?? 0 ) - ( $calibration[ $name ] ?? 0 );
				if ( $delta > 0 && ! in_array( $name, array( 'Handler_commit', 'Handler_rollback', 'Handler_prepare', 'Handler_tmp_write', 'Handler_tmp_update' ), true ) ) {
					$did[ $name ] = $delta;
				}
			}
			if ( null === $calibration ) {
				$calibration = array();
				foreach ( $after as $name => $value ) {
					$calibration[ $name ] = $value - ( $before[ $name ] ?? 0 );
				}
				continue;
			}
			$out[] = array(
				'lookup' => $what,
				'sql' => $sql,
				'explain' => $rows ? $rows : 'EXPLAIN refused: ' . $wpdb->last_error,
				'handlers' => $did,
			);
		}
		$out[] = array( 'indexes' => array(
			'sessions' => $wpdb->get_results( "SHOW INDEX FROM {$s}", ARRAY_A ),
			'events' => $wpdb->get_results( "SHOW INDEX FROM {$e}", ARRAY_A ),
		) );
		return $out;`
	);
}

/* ---------- the table ---------- */

interface Row {
	figure: string;
	measured: string;
	baseline: string;
	ratio: string;
	budget: string;
	verdict: string;
}

function printTable( rows: Row[] ): string {
	const head: Row = {
		figure: 'figure',
		measured: 'measured',
		baseline: 'baseline',
		ratio: 'ratio [95 %]',
		budget: 'budget',
		verdict: '',
	};
	const all = [ head, ...rows ];
	const width = ( key: keyof Row ) =>
		Math.max( ...all.map( ( row ) => row[ key ].length ) );
	const keys: Array< keyof Row > = [
		'figure',
		'measured',
		'baseline',
		'ratio',
		'budget',
		'verdict',
	];
	const lines = all.map( ( row ) =>
		keys
			.map( ( key ) => row[ key ].padEnd( width( key ) ) )
			.join( '  ' )
			.trimEnd()
	);
	lines.splice(
		1,
		0,
		keys.map( ( key ) => '-'.repeat( width( key ) ) ).join( '  ' )
	);
	return lines.join( '\n' );
}

function verdict( met: boolean | null ): string {
	if ( met === null ) {
		return '';
	}
	return met ? 'met' : 'NOT MET';
}
function bytesBudgetText( bytes: number | null ): string {
	if ( bytes === null ) {
		return '';
	}
	return bytes === 0 ? '0 B' : `≤ ${ kb( bytes ) }`;
}
const mi = ( instructions: number ): string =>
	`${ ( instructions / 1e6 ).toFixed( 1 ) } M instr`;
const kb = ( bytes: number ): string => `${ ( bytes / 1024 ).toFixed( 1 ) } KB`;
const mb = ( bytes: number ): string =>
	`${ ( bytes / 1048576 ).toFixed( 1 ) } MB`;
const ms = ( t: Timing ): string =>
	`${ t.ms.toFixed( 0 ) } ms (cpu ${ t.cpuMs.toFixed( 0 ) })`;
const ratioText = ( c: Comparison ): string =>
	`${ c.ratio.toFixed( 3 ) } [${ c.interval[ 0 ].toFixed( 2 ) }–${ c.interval[ 1 ].toFixed( 2 ) }]`;

function comparisonRow( c: Comparison ): Row {
	return {
		figure: c.figure,
		measured: ms( c.value ),
		baseline: `${ ms( c.baseline ) } ${ c.baselineName }`,
		ratio: ratioText( c ),
		budget: c.budget === null ? '' : `≤ ${ c.budget.toFixed( 2 ) }×`,
		verdict: verdict( c.met ),
	};
}

/* ---------- main ---------- */

async function main(): Promise< void > {
	const started = new Date();
	const loadStart = loadavg();
	say(
		`${ QUICK ? 'quick run' : 'full run' }; load ${ loadStart.map( ( l ) => l.toFixed( 2 ) ).join( ' ' ) } on ${ cpus().length } cores`
	);
	const stack = await startStack();
	let stopping = false;
	const stop = async () => {
		if ( stopping ) {
			return;
		}
		stopping = true;
		rmSync( probeFile( stack ), { force: true } );
		if ( ! KEEP ) {
			await stack.stop();
		}
	};
	process.once( 'SIGINT', () => {
		void stop().then( () => process.exit( 130 ) );
	} );
	try {
		const { productId, productUrl } = await installProbe( stack );

		say( 'pages: weight and queries with the plugin on and off' );
		const pages = await measurePages( stack, productUrl, productId );

		say(
			'checkout: Korea Checkout, COD, COD without the plugin, COD again (A against A)'
		);
		const checkoutRaw = await interleave(
			'checkout',
			[
				checkoutVariant( stack, productId, 'cod', 'cod', false ),
				checkoutVariant( stack, productId, 'cod again', 'cod', false ),
				checkoutVariant(
					stack,
					productId,
					'korea checkout',
					'korea_checkout',
					false
				),
				checkoutVariant(
					stack,
					productId,
					'cod without plugin',
					'cod',
					true
				),
			],
			PLAN.checkoutRounds
		);

		say(
			'webhook: paying 12 orders in the sandbox for the webhook and return figures'
		);
		const orders = await paidOrders( stack, productId, 12 );
		const webhookRaw = await interleave(
			'webhook',
			webhookVariants( stack, orders ),
			PLAN.webhookRounds
		);

		say(
			'instructions: the same requests through php-cgi under callgrind'
		);
		ensurePackages( [ 'php8.2-cgi', 'valgrind' ] );
		const counted = await countInstructions(
			cgiTarget( stack ),
			[
				countedCheckout( stack, productId, 'cod', 'cod', false ),
				countedCheckout(
					stack,
					productId,
					'cod without plugin',
					'cod',
					true
				),
				countedCheckout(
					stack,
					productId,
					'korea checkout',
					'korea_checkout',
					false
				),
				...countedWebhooks( stack, orders ),
			],
			PLAN.instructionReps,
			'instructions'
		);
		const instr = (
			figure: string,
			name: string,
			baseline: string,
			baselineName: string,
			budget: number | null
		) => {
			const ratio = round(
				counted[ name ]!.instructions /
					counted[ baseline ]!.instructions,
				4
			);
			return {
				figure,
				value: counted[ name ]!,
				baseline: counted[ baseline ]!,
				baselineName,
				ratio,
				budget,
				met: budget === null ? null : ratio <= budget,
			};
		};
		const instructions = {
			kcVsCod: instr(
				'checkout: Korea Checkout vs COD',
				'korea checkout',
				'cod',
				'COD',
				BUDGET.kcVsCod
			),
			codWithPlugin: instr(
				'checkout: COD, plugin on vs off',
				'cod',
				'cod without plugin',
				'plugin off',
				BUDGET.codWithPlugin
			),
			newEvent: instr(
				'webhook: verified new event, paid order',
				'new event',
				'bare',
				'bare route',
				BUDGET.webhookVsBare
			),
			sameEvent: instr(
				'webhook: same event again',
				'same event again',
				'bare',
				'bare route',
				null
			),
			badSignature: instr(
				'webhook: bad signature',
				'bad signature',
				'bare',
				'bare route',
				null
			),
		};

		say(
			`deliveries: ${ PLAN.deliveries }, a quarter duplicates, 20 at a time`
		);
		const deliveries = runDeliveries( stack );

		const metrics = readMetrics( stack.paths.site );
		const t = ( raw: Record< string, Sample[] >, name: string ) =>
			timing( raw[ name ]!, metrics );
		const checkout = {
			kcVsCod: compare(
				'checkout: Korea Checkout vs COD',
				t( checkoutRaw, 'korea checkout' ),
				t( checkoutRaw, 'cod' ),
				'COD',
				BUDGET.kcVsCod,
				checkoutRaw[ 'korea checkout' ]!,
				checkoutRaw.cod!
			),
			codWithPlugin: compare(
				'checkout: COD, plugin on vs off',
				t( checkoutRaw, 'cod' ),
				t( checkoutRaw, 'cod without plugin' ),
				'COD, plugin off',
				BUDGET.codWithPlugin,
				checkoutRaw.cod!,
				checkoutRaw[ 'cod without plugin' ]!
			),
			noise: compare(
				'noise: COD vs COD (A vs A)',
				t( checkoutRaw, 'cod again' ),
				t( checkoutRaw, 'cod' ),
				'COD',
				null,
				checkoutRaw[ 'cod again' ]!,
				checkoutRaw.cod!
			),
		};
		const webhook = {
			newEvent: compare(
				'webhook: verified new event, paid order',
				t( webhookRaw, 'new event' ),
				t( webhookRaw, 'bare' ),
				'bare route',
				BUDGET.webhookVsBare,
				webhookRaw[ 'new event' ]!,
				webhookRaw.bare!
			),
			sameEvent: compare(
				'webhook: same event again',
				t( webhookRaw, 'same event again' ),
				t( webhookRaw, 'bare' ),
				'bare route',
				null,
				webhookRaw[ 'same event again' ]!,
				webhookRaw.bare!
			),
			badSignature: compare(
				'webhook: bad signature',
				t( webhookRaw, 'bad signature' ),
				t( webhookRaw, 'bare' ),
				'bare route',
				null,
				webhookRaw[ 'bad signature' ]!,
				webhookRaw.bare!
			),
			noise: compare(
				'noise: bare vs bare (A vs A)',
				t( webhookRaw, 'bare again' ),
				t( webhookRaw, 'bare' ),
				'bare route',
				null,
				webhookRaw[ 'bare again' ]!,
				webhookRaw.bare!
			),
		};
		const memory = [
			{
				figure: 'peak memory: COD checkout, plugin on vs off',
				value: checkout.codWithPlugin.value.memory,
				baseline: checkout.codWithPlugin.baseline.memory,
				baselineName: 'plugin off',
			},
			{
				figure: 'peak memory: Korea Checkout vs COD checkout',
				value: checkout.kcVsCod.value.memory,
				baseline: checkout.kcVsCod.baseline.memory,
				baselineName: 'COD',
			},
			{
				figure: 'peak memory: webhook new event vs bare route',
				value: webhook.newEvent.value.memory,
				baseline: webhook.newEvent.baseline.memory,
				baselineName: 'bare route',
			},
		];

		say( 'growth: 1,000 orders' );
		const have = await orderCount( stack );
		if ( have < 1000 ) {
			const seeded = await seedStore( {
				wpRoot: stack.paths.site,
				orders: 1000 - have,
				events: 0,
				say,
			} );
			say(
				`seeded ${ seeded.orders } orders in ${ seeded.seconds.toFixed( 0 ) } s`
			);
		}
		const small = { orders: await orderCount( stack ) };
		say(
			`growth: ${ await settleJobQueue( stack ) } queued jobs run first`
		);
		const stage1 = await growthStage(
			stack,
			productId,
			orders,
			`${ small.orders } orders`
		);
		say(
			`growth: seeding to ${ PLAN.growthOrders } orders and ${ PLAN.growthEvents } events`
		);
		const seed = await seedStore( {
			wpRoot: stack.paths.site,
			orders: PLAN.growthOrders - small.orders,
			events: PLAN.growthEvents,
			say,
		} );
		say(
			`seeded ${ seed.orders } orders and ${ seed.events } events in ${ seed.seconds.toFixed( 0 ) } s`
		);
		const large = { orders: await orderCount( stack ) };
		say(
			`growth: ${ await settleJobQueue( stack ) } queued jobs run first`
		);
		const stage2 = await growthStage(
			stack,
			productId,
			orders,
			`${ large.orders } orders`
		);
		const growth = [ 'new event', 'return', 'checkout' ].map( ( name ) => {
			const before = stage1[ name ]!;
			const after = stage2[ name ]!;
			const countBefore = stage1.counted[ name ]!;
			const countAfter = stage2.counted[ name ]!;
			const instructionsRatio = round(
				countAfter.instructions / countBefore.instructions,
				4
			);
			const rowsRatio = round(
				countAfter.rowsRead / Math.max( 1, countBefore.rowsRead ),
				3
			);
			return {
				figure: `growth: ${ name === 'new event' ? 'webhook (new event)' : name }, ${ large.orders.toLocaleString( 'en' ) } vs ${ small.orders.toLocaleString( 'en' ) } orders`,
				before,
				after,
				instructions: [
					countBefore.instructions,
					countAfter.instructions,
				],
				instructionsRatio,
				rowsRead: [ countBefore.rowsRead, countAfter.rowsRead ],
				rowsRatio,
				wallPaired: round(
					stage2.paired[ name ]! / stage1.paired[ name ]!
				),
				wallRaw: round( after.ms / before.ms ),
				dbMs: [ before.dbMs, after.dbMs ],
				queries: [ before.queries, after.queries ],
				budget: BUDGET.growth,
				met:
					instructionsRatio <= BUDGET.growth &&
					rowsRatio <= BUDGET.growth,
			};
		} );
		const explain = await explainLookups( stack ).catch(
			( error: unknown ) => ( {
				error: error instanceof Error ? error.message : String( error ),
			} )
		);

		/* table */
		const rows: Row[] = [];
		for ( const page of pages ) {
			const off = page.page === 'home' || page.page === 'product';
			const bytesBudget = off
				? BUDGET.offCheckoutBytes
				: ( {
						'block checkout': BUDGET.blockCheckoutBytes,
						'classic checkout': BUDGET.classicCheckoutBytes,
					}[ page.page ] ?? null );
			rows.push( {
				figure: `${ page.page }: script+style added (gzip)`,
				measured: `${ page.addedBytes } B`,
				baseline: `${ kb( page.bytesOff ) } without`,
				ratio: '',
				budget: bytesBudgetText( bytesBudget ),
				verdict: verdict(
					bytesBudget === null ? null : page.addedBytes <= bytesBudget
				),
			} );
			rows.push( {
				figure: `${ page.page }: queries added`,
				measured: String( page.addedQueries ),
				baseline: `${ page.queriesOff } without`,
				ratio: '',
				budget: off ? '0' : '',
				verdict: verdict(
					off ? page.addedQueries <= BUDGET.offCheckoutQueries : null
				),
			} );
		}
		const both = (
			i: ( typeof instructions )[ keyof typeof instructions ],
			c: Comparison
		) => {
			rows.push( {
				figure: i.figure,
				measured: mi( i.value.instructions ),
				baseline: `${ mi( i.baseline.instructions ) } ${ i.baselineName }`,
				ratio: `${ i.ratio.toFixed( 3 ) } (±${ (
					Math.max( i.value.spread, i.baseline.spread ) * 100
				).toFixed( 1 ) } %)`,
				budget:
					i.budget === null ? '' : `≤ ${ i.budget.toFixed( 2 ) }×`,
				verdict: verdict( i.met ),
			} );
			rows.push( {
				...comparisonRow( c ),
				figure: '  wall time, interleaved',
				budget: '',
				verdict: '',
			} );
		};
		both( instructions.kcVsCod, checkout.kcVsCod );
		both( instructions.codWithPlugin, checkout.codWithPlugin );
		rows.push( {
			...comparisonRow( checkout.noise ),
			budget: '',
			verdict: '',
		} );
		both( instructions.newEvent, webhook.newEvent );
		both( instructions.sameEvent, webhook.sameEvent );
		both( instructions.badSignature, webhook.badSignature );
		rows.push( {
			...comparisonRow( webhook.noise ),
			budget: '',
			verdict: '',
		} );
		for ( const m of memory ) {
			rows.push( {
				figure: m.figure,
				measured: mb( m.value ),
				baseline: `${ mb( m.baseline ) } ${ m.baselineName }`,
				ratio: ( m.value / m.baseline ).toFixed( 3 ),
				budget: '',
				verdict: '',
			} );
		}
		const d = deliveries as {
			deliveries: number;
			perSecond: number;
			p50Ms: number;
			p99Ms: number;
			lost: number;
			doubled: number;
			nodes: Record< string, number >;
			statuses: Record< string, number >;
			retries: number;
		};
		rows.push( {
			figure: `deliveries: ${ d.deliveries }, ¼ duplicates, 20 at a time`,
			measured: `${ d.perSecond.toFixed( 1 ) }/s, p50 ${ d.p50Ms.toFixed( 0 ) } ms, p99 ${ d.p99Ms.toFixed( 0 ) } ms`,
			baseline: `nodes ${ Object.entries( d.nodes )
				.map( ( [ k, v ] ) => `${ k } ${ v }` )
				.join( ', ' ) }`,
			ratio: '',
			budget: '',
			verdict: '',
		} );
		rows.push( {
			figure: 'deliveries: lost',
			measured: String( d.lost ),
			baseline: '',
			ratio: '',
			budget: '0',
			verdict: verdict( d.lost === 0 ),
		} );
		rows.push( {
			figure: 'deliveries: doubled',
			measured: String( d.doubled ),
			baseline: '',
			ratio: '',
			budget: '0',
			verdict: verdict( d.doubled === 0 ),
		} );
		for ( const g of growth ) {
			rows.push( {
				figure: g.figure,
				measured: `${ mi( g.instructions[ 1 ]! ) }, ${ g.rowsRead[ 1 ] } rows`,
				baseline: `${ mi( g.instructions[ 0 ]! ) }, ${ g.rowsRead[ 0 ] } rows`,
				ratio: `${ g.instructionsRatio.toFixed( 3 ) }, rows ${ g.rowsRatio.toFixed( 2 ) }`,
				budget: `≤ ${ g.budget.toFixed( 2 ) }×`,
				verdict: verdict( g.met ),
			} );
			rows.push( {
				figure: '  wall time, over the bare route in each round',
				measured: `${ g.after.ms.toFixed( 0 ) } ms, db ${ g.after.dbMs ?? '?' } ms`,
				baseline: `${ g.before.ms.toFixed( 0 ) } ms, db ${ g.before.dbMs ?? '?' } ms`,
				ratio: g.wallPaired.toFixed( 3 ),
				budget: '',
				verdict: '',
			} );
		}
		const loadEnd = loadavg();
		const ended = new Date();
		const header = `Korea Checkout cost, ${ started.toISOString().replace( 'T', ' ' ).slice( 0, 16 ) } UTC, ${ QUICK ? 'npm run bench -- --quick' : 'npm run bench' }, ${ Math.round( ( ended.getTime() - started.getTime() ) / 60000 ) } min
plugin: ${ PLUGIN.source }
stack: nginx + 2 PHP-FPM nodes × 4 workers + MariaDB + ${ OBJECT_CACHE === 'redis' ? 'Redis object cache' : 'no object cache' }, ${ cpus().length } cores (${ cpus()[ 0 ]?.model ?? '?' })
load (1-min average): ${ loadStart[ 0 ]!.toFixed( 1 ) } at start, ${ loadEnd[ 0 ]!.toFixed( 1 ) } at end, mean ${ ( loadSamples.reduce( ( a, b ) => a + b, 0 ) / Math.max( 1, loadSamples.length ) ).toFixed( 1 ) }, max ${ Math.max( 0, ...loadSamples ).toFixed( 1 ) }
verdicts on cost: PHP instructions per request (php-cgi under callgrind, median of ${ PLAN.instructionReps }; ± the spread of the counts); growth also on rows MariaDB read
wall time: median as the client saw it, interleaved (cpu: PHP CPU time); ratio of medians [bootstrap 95 %]; A vs A shows the noise`;
		const table = printTable( rows );
		console.log( `\n${ header }\n\n${ table }\n` );
		for ( const page of pages.filter(
			( p ) => p.queryCallers.length > 0 || p.addedAssets.length > 0
		) ) {
			console.log(
				`${ page.page }: ${ page.addedAssets.map( ( a ) => `${ a.url.split( '?' )[ 0 ] } ${ a.gzip } B` ).join( ', ' ) || 'no added assets' }; inline script ${ page.addedInline.script } B, style ${ page.addedInline.style } B`
			);
			for ( const q of page.queryCallers ) {
				console.log(
					`  query: ${ q.sql.slice( 0, 140 ) }\n    from ${ q.caller }`
				);
			}
		}

		const results = {
			date: started.toISOString(),
			command: QUICK ? 'npm run bench -- --quick' : 'npm run bench',
			plugin: PLUGIN.source,
			minutes: round(
				( ended.getTime() - started.getTime() ) / 60000,
				1
			),
			machine: {
				cores: cpus().length,
				cpu: cpus()[ 0 ]?.model ?? '',
				load: {
					start: loadStart,
					end: loadEnd,
					mean: round(
						loadSamples.reduce( ( a, b ) => a + b, 0 ) /
							Math.max( 1, loadSamples.length ),
						2
					),
					max: Math.max( 0, ...loadSamples ),
				},
				node: process.version,
			},
			stack: {
				kind: 'production',
				nodes: 2,
				workersPerNode: 4,
				objectCache: OBJECT_CACHE,
				storeUrl: stack.storeUrl,
			},
			plan: PLAN,
			budgets: BUDGET,
			table,
			pages,
			checkout,
			webhook,
			instructions,
			memory,
			deliveries,
			growth: {
				small,
				large,
				seeded: seed,
				stage1,
				stage2,
				figures: growth,
			},
			explain,
		};
		mkdirSync( join( REPO_ROOT, 'bench' ), { recursive: true } );
		const file =
			OBJECT_CACHE === 'redis'
				? 'results.json'
				: 'results-no-object-cache.json';
		writeFileSync(
			join( REPO_ROOT, 'bench', file ),
			`${ JSON.stringify( results, null, '\t' ) }\n`
		);
		say( `wrote bench/${ file }` );
	} finally {
		await stop();
	}
}

main().catch( ( error: unknown ) => {
	console.error(
		error instanceof Error ? ( error.stack ?? error.message ) : error
	);
	process.exitCode = 1;
} );
