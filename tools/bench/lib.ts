/**
 * What the benchmark's parts share: statistics, timed HTTP requests that carry the probe's headers
 * (tools/bench/mu-plugins/kc-bench.php), a shopper on the Store API, and the probe's metrics file.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/* ---------- statistics ---------- */

export function median( values: number[] ): number {
	return percentile( values, 50 );
}

/** Linear-interpolated percentile (p in 0..100); NaN for no values. */
export function percentile( values: number[], p: number ): number {
	if ( values.length === 0 ) {
		return Number.NaN;
	}
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const at = ( p / 100 ) * ( sorted.length - 1 );
	const low = Math.floor( at );
	const high = Math.ceil( at );
	const lowValue = sorted[ low ] ?? Number.NaN;
	const highValue = sorted[ high ] ?? Number.NaN;
	return lowValue + ( highValue - lowValue ) * ( at - low );
}

/**
 * A 95 % interval of median(a) / median(b) by bootstrap over the measured values (fixed seed, so a run's table
 * is reproducible from its samples).
 */
export function ratioInterval(
	a: number[],
	b: number[],
	rounds = 1000
): [ number, number ] {
	if ( a.length === 0 || b.length === 0 ) {
		return [ Number.NaN, Number.NaN ];
	}
	let seed = 12345;
	const random = (): number => {
		seed = ( seed * 1103515245 + 12345 ) % 2147483648;
		return seed / 2147483648;
	};
	const resample = ( values: number[] ): number[] =>
		values.map( () => values[ Math.floor( random() * values.length ) ]! );
	const ratios: number[] = [];
	for ( let i = 0; i < rounds; i++ ) {
		ratios.push( median( resample( a ) ) / median( resample( b ) ) );
	}
	return [ percentile( ratios, 2.5 ), percentile( ratios, 97.5 ) ];
}

/** Fisher–Yates with Math.random: the order of the variants within one round. */
export function shuffled< T >( items: T[] ): T[] {
	const copy = [ ...items ];
	for ( let i = copy.length - 1; i > 0; i-- ) {
		const j = Math.floor( Math.random() * ( i + 1 ) );
		[ copy[ i ], copy[ j ] ] = [ copy[ j ]!, copy[ i ]! ];
	}
	return copy;
}

export function round( value: number, digits = 3 ): number {
	const factor = 10 ** digits;
	return Math.round( value * factor ) / factor;
}

/* ---------- requests ---------- */

export interface ProbeOptions {
	/** Run this request without Korea Checkout. */
	pluginOff?: boolean;
	/** Have the probe log this request's figures under this id (see readMetrics). */
	id?: string;
	/** Have the probe list every query with its caller. */
	queries?: boolean;
}

export function probeHeaders(
	options: ProbeOptions
): Record< string, string > {
	const headers: Record< string, string > = {};
	if ( options.pluginOff ) {
		headers[ 'X-KC-Bench-Plugin' ] = 'off';
	}
	if ( options.id ) {
		headers[ 'X-KC-Bench-Id' ] = options.id;
	}
	if ( options.queries ) {
		headers[ 'X-KC-Bench-Queries' ] = '1';
	}
	return headers;
}

export function requestId( prefix: string ): string {
	return `${ prefix }-${ randomBytes( 6 ).toString( 'hex' ) }`;
}

export interface TimedResponse {
	status: number;
	ms: number;
	body: string;
	headers: Headers;
}

/** One request, timed from sending to the last byte of the answer; redirects are not followed. */
export async function timedFetch(
	url: string,
	init: RequestInit & { headers?: Record< string, string > }
): Promise< TimedResponse > {
	const started = performance.now();
	const response = await fetch( url, {
		redirect: 'manual',
		signal: AbortSignal.timeout( 120_000 ),
		...init,
	} );
	const body = await response.text();
	return {
		status: response.status,
		ms: performance.now() - started,
		body,
		headers: response.headers,
	};
}

/** What the probe wrote about one request. */
export interface RequestMetrics {
	id: string;
	node: string;
	uri: string;
	status: number;
	plugin: boolean;
	queries: number;
	/** Rows MariaDB read for the request (its Handler_read_* counters). */
	rowsRead: number;
	memory: number;
	cpu: number;
	wall: number;
	dbMs?: number;
	log?: Array< { sql: string; ms: number; caller: string } >;
}

/** Every line of the probe's metrics file, by request id. */
export function readMetrics( wpRoot: string ): Map< string, RequestMetrics > {
	const file = join( wpRoot, 'wp-content', 'kc-bench', 'metrics.jsonl' );
	const map = new Map< string, RequestMetrics >();
	if ( ! existsSync( file ) ) {
		return map;
	}
	for ( const line of readFileSync( file, 'utf8' ).split( '\n' ) ) {
		if ( line.trim() === '' ) {
			continue;
		}
		try {
			const metrics = JSON.parse( line ) as RequestMetrics;
			map.set( metrics.id, metrics );
		} catch {
			// A line cut short by a worker that was stopped: skip it.
		}
	}
	return map;
}

/* ---------- webhooks ---------- */

/** The service's signature header for a body, at time t (Unix seconds). */
export function sign(
	body: string,
	secret: string,
	t = Math.floor( Date.now() / 1000 )
): string {
	const mac = createHmac( 'sha256', secret )
		.update( `${ t }.${ body }` )
		.digest( 'hex' );
	return `t=${ t },v1=${ mac }`;
}

export const SIGNATURE_HEADER = 'X-Korea-Checkout-Signature';

/* ---------- the Store API ---------- */

export const SEOUL = {
	first_name: 'Jiwoo',
	last_name: 'Kim',
	company: '',
	address_1: '110 Sejong-daero',
	address_2: 'Jung-gu',
	city: 'Seoul',
	state: '',
	postcode: '04524',
	country: 'KR',
	phone: '010-1234-5678',
};

/** A shopper with a Store API cart of its own (Cart-Token and Nonce kept), for one checkout. */
export class Shopper {
	private readonly headers: Record< string, string >;

	constructor(
		private readonly storeUrl: string,
		probe: ProbeOptions = {}
	) {
		this.headers = {
			Accept: 'application/json',
			'Content-Type': 'application/json',
			...probeHeaders( { pluginOff: probe.pluginOff } ),
		};
	}

	async call(
		method: string,
		path: string,
		body?: unknown,
		probe: ProbeOptions = {}
	): Promise< TimedResponse > {
		const response = await timedFetch(
			`${ this.storeUrl }/wp-json/wc/store/v1${ path }`,
			{
				method,
				headers: { ...this.headers, ...probeHeaders( probe ) },
				body: body === undefined ? undefined : JSON.stringify( body ),
			}
		);
		const token = response.headers.get( 'Cart-Token' );
		const nonce = response.headers.get( 'Nonce' );
		if ( token ) {
			this.headers[ 'Cart-Token' ] = token;
		}
		if ( nonce ) {
			this.headers.Nonce = nonce;
		}
		if ( response.status >= 400 ) {
			throw new Error(
				`${ method } ${ path } answered ${ response.status }: ${ response.body.slice( 0, 300 ) }`
			);
		}
		return response;
	}

	/** A cart holding one product (not timed). */
	async fillCart( productId: number ): Promise< void > {
		await this.call( 'GET', '/cart' );
		await this.call( 'POST', '/cart/add-item', {
			id: productId,
			quantity: 1,
		} );
	}

	/** The headers this shopper's next Store API request would carry (Cart-Token, Nonce, the plugin switch). */
	requestHeaders(): Record< string, string > {
		return { ...this.headers };
	}

	/** The body of a checkout with this payment method, as the Checkout block sends it. */
	static checkoutBody( paymentMethod: string ): string {
		return JSON.stringify( {
			billing_address: { ...SEOUL, email: 'jiwoo.kim@example.com' },
			shipping_address: SEOUL,
			payment_method: paymentMethod,
		} );
	}

	/** The checkout request, timed: the order is placed and (for a redirecting gateway) the redirect URL known. */
	async checkout(
		paymentMethod: string,
		probe: ProbeOptions = {}
	): Promise< {
		response: TimedResponse;
		orderId: number;
		redirectUrl: string;
	} > {
		const response = await this.call(
			'POST',
			'/checkout',
			JSON.parse( Shopper.checkoutBody( paymentMethod ) ),
			probe
		);
		const data = JSON.parse( response.body ) as {
			order_id: number;
			payment_result?: { redirect_url?: string };
		};
		return {
			response,
			orderId: data.order_id,
			redirectUrl: data.payment_result?.redirect_url ?? '',
		};
	}
}

/* ---------- page weight ---------- */

export interface PageAssets {
	/** Same-origin script and style URLs the page loads (scripts, module preloads, stylesheets). */
	scripts: string[];
	styles: string[];
	inlineScript: string;
	inlineStyle: string;
}

const attr = ( tag: string, name: string ): string | null => {
	const match = new RegExp(
		`\\s${ name }\\s*=\\s*(["'])(.*?)\\1`,
		'is'
	).exec( tag );
	return match ? match[ 2 ]!.replace( /&amp;/g, '&' ) : null;
};

/**
 * An asset URL as the same file's URL whatever the page: on the local stacks the plugin folder is a link to the
 * repository, which holds the stack itself, so with the plugin active WordPress writes other plugins' asset URLs
 * through it (`/wp-content/plugins/korea-checkout/.stack/<stack>/site/wp-content/plugins/woocommerce/…`).
 */
export function canonicalAsset( url: string ): string {
	return url.replace(
		/\/wp-content\/plugins\/korea-checkout\/\.stack\/[^/]+\/site\//,
		'/'
	);
}

/** The scripts and styles of an HTML page, as the browser would load them before anything is clicked. */
export function pageAssets( html: string, base: string ): PageAssets {
	const scripts: string[] = [];
	const styles: string[] = [];
	let inlineScript = '';
	let inlineStyle = '';
	for ( const match of html.matchAll(
		/<script\b([^>]*)>([\s\S]*?)<\/script>/gi
	) ) {
		const open = `<script${ match[ 1 ] ?? '' }>`;
		const src = attr( open, 'src' );
		const type = attr( open, 'type' );
		if ( src ) {
			scripts.push( canonicalAsset( new URL( src, base ).href ) );
		} else if (
			type === null ||
			/javascript|module/i.test( type ) ||
			type === 'importmap'
		) {
			inlineScript += match[ 2 ] ?? '';
		}
	}
	for ( const match of html.matchAll( /<link\b[^>]*>/gi ) ) {
		const rel = ( attr( match[ 0 ], 'rel' ) ?? '' ).toLowerCase();
		const href = attr( match[ 0 ], 'href' );
		if ( ! href ) {
			continue;
		}
		if ( rel === 'stylesheet' ) {
			styles.push( canonicalAsset( new URL( href, base ).href ) );
		} else if ( rel === 'modulepreload' ) {
			scripts.push( canonicalAsset( new URL( href, base ).href ) );
		}
	}
	for ( const match of html.matchAll(
		/<style\b[^>]*>([\s\S]*?)<\/style>/gi
	) ) {
		inlineStyle += match[ 1 ] ?? '';
	}
	// WordPress nonces (ten hex digits) differ between any two requests; the same length either way.
	// The stack's detour through the plugin's folder (see canonicalAsset) shows in inline data too.
	const steady = ( text: string ): string =>
		text
			.replace( /\b[0-9a-f]{10}\b/g, 'nnnnnnnnnn' )
			.replace(
				/\\?\/wp-content\\?\/plugins\\?\/korea-checkout\\?\/\.stack\\?\/[^/\\]+\\?\/site\\?\//g,
				'/'
			);
	return {
		scripts,
		styles,
		inlineScript: steady( inlineScript ),
		inlineStyle: steady( inlineStyle ),
	};
}

export function gzipBytes( text: string | Buffer ): number {
	return text.length === 0 ? 0 : gzipSync( text, { level: 9 } ).length;
}
