/** A small JSON client over real HTTP, as a store would call the sandbox. */
export interface Answer< T = any > {
	status: number;
	headers: Headers;
	body: T;
	text: string;
	ms: number;
}

export interface CallOptions {
	body?: unknown;
	/** Sent as is (no JSON encoding); use for malformed bodies. */
	raw?: string | Buffer;
	headers?: Record< string, string >;
	/** Leave out x-api-key. */
	noKey?: boolean;
	key?: string;
}

export class Client {
	readonly base: string;
	readonly apiKey: string;

	constructor( base: string, apiKey: string ) {
		this.base = base;
		this.apiKey = apiKey;
	}

	async call< T = any >(
		method: string,
		path: string,
		options: CallOptions = {}
	): Promise< Answer< T > > {
		const headers: Record< string, string > = { ...options.headers };
		if ( path.startsWith( '/api/' ) && options.noKey !== true ) {
			headers[ 'x-api-key' ] = options.key ?? this.apiKey;
		}
		let body: string | Buffer | undefined;
		if ( options.raw !== undefined ) {
			body = options.raw;
		} else if ( options.body !== undefined ) {
			body = JSON.stringify( options.body );
			headers[ 'content-type' ] ??= 'application/json';
		}
		const started = Date.now();
		const response = await fetch( this.base + path, {
			method,
			headers,
			body:
				typeof body === 'string' || body === undefined
					? body
					: new Uint8Array( body ),
		} );
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text === '' ? undefined : JSON.parse( text );
		} catch {
			parsed = text;
		}
		return {
			status: response.status,
			headers: response.headers,
			body: parsed as T,
			text,
			ms: Date.now() - started,
		};
	}

	get< T = any >( path: string, options?: CallOptions ) {
		return this.call< T >( 'GET', path, options );
	}

	post< T = any >( path: string, body?: unknown, options: CallOptions = {} ) {
		return this.call< T >( 'POST', path, { ...options, body } );
	}

	patch< T = any >(
		path: string,
		body?: unknown,
		options: CallOptions = {}
	) {
		return this.call< T >( 'PATCH', path, { ...options, body } );
	}
}

/** A valid create-session body; override any field. */
export function sessionBody(
	overrides: Record< string, unknown > = {}
): Record< string, unknown > {
	return {
		platform: 'woocommerce',
		platformOrderId: '1001',
		items: [
			{
				name: '유기농 녹차 세트',
				price: 25000,
				quantity: 1,
				productId: '77',
			},
			{ name: '배송비', price: 3000, quantity: 1, productId: 'shipping' },
		],
		customer: {
			name: '홍길동',
			email: 'customer@example.com',
			phone: '010-1234-5678',
		},
		totalAmount: 28000,
		currency: 'KRW',
		returnUrl:
			'http://localhost:8080/checkout/order-received/1001/?key=wc_order_abc',
		cancelUrl: 'http://localhost:8080/cart/',
		metadata: { orderId: '1001', locale: 'ko' },
		...overrides,
	};
}

export async function createSession(
	client: Client,
	overrides: Record< string, unknown > = {}
): Promise< string > {
	const answer = await client.post(
		'/api/checkout/create-session',
		sessionBody( overrides )
	);
	if ( answer.status !== 200 ) {
		throw new Error(
			`create-session answered ${ answer.status }: ${ answer.text }`
		);
	}
	return answer.body.sessionId as string;
}

export const sleep = ( ms: number ) =>
	new Promise( ( resolve ) => setTimeout( resolve, ms ) );

/** Poll until the check returns a value other than undefined. */
export async function waitFor< T >(
	check: () => Promise< T | undefined > | T | undefined,
	timeoutMs = 30_000,
	what = 'condition'
): Promise< T > {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if ( value !== undefined ) {
			return value;
		}
		if ( Date.now() > deadline ) {
			throw new Error(
				`Timed out after ${ timeoutMs } ms waiting for ${ what }`
			);
		}
		await sleep( 50 );
	}
}
