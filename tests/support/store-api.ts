/**
 * A shopper talking to the WooCommerce Store API (/wp-json/wc/store/v1) the way the Checkout block does: it keeps
 * the Cart-Token and Nonce headers the store hands out and sends them back, so a cart lasts across requests.
 */

export interface StoreAddress {
	first_name: string;
	last_name: string;
	company?: string;
	address_1: string;
	address_2: string;
	city: string;
	state: string;
	postcode: string;
	country: string;
	email?: string;
	phone: string;
}

/** A shopper in Seoul, valid for both checkouts. */
export const SEOUL_ADDRESS: StoreAddress & { email: string } = {
	first_name: 'Jiwoo',
	last_name: 'Kim',
	company: '',
	address_1: '110 Sejong-daero',
	address_2: 'Jung-gu',
	city: 'Seoul',
	state: '',
	postcode: '04524',
	country: 'KR',
	email: 'jiwoo.kim@example.com',
	phone: '010-1234-5678',
};

export interface CheckoutResult {
	order_id: number;
	status: string;
	order_key: string;
	payment_method: string;
	payment_result: {
		payment_status: string;
		payment_details: Array< { key: string; value: string } >;
		redirect_url: string;
	};
	[ key: string ]: unknown;
}

export class StoreApiError extends Error {
	override name = 'StoreApiError';
	constructor(
		message: string,
		readonly status: number,
		readonly body: unknown
	) {
		super( message );
	}
}

export interface CartResponse {
	items: Array< {
		key: string;
		id: number;
		quantity: number;
		name: string;
		prices: Record< string, unknown >;
	} >;
	totals: {
		total_price: string;
		currency_code: string;
		currency_minor_unit: number;
		[ key: string ]: unknown;
	};
	payment_methods: string[];
	[ key: string ]: unknown;
}

export class StoreApiClient {
	private cartToken: string | null = null;
	private nonce: string | null = null;

	constructor( readonly storeUrl: string ) {}

	/** Sends one Store API request with the cart's headers; throws StoreApiError on a non-2xx answer. */
	async request< T >(
		method: 'GET' | 'POST' | 'PUT' | 'DELETE',
		path: string,
		body?: unknown
	): Promise< T > {
		if ( this.nonce === null && method !== 'GET' ) {
			await this.getCart();
		}
		const headers: Record< string, string > = {
			Accept: 'application/json',
		};
		if ( body !== undefined ) {
			headers[ 'Content-Type' ] = 'application/json';
		}
		if ( this.cartToken !== null ) {
			headers[ 'Cart-Token' ] = this.cartToken;
		}
		if ( this.nonce !== null ) {
			headers.Nonce = this.nonce;
		}
		const response = await fetch(
			`${ this.storeUrl }/wp-json/wc/store/v1${ path }`,
			{
				method,
				headers,
				body: body === undefined ? undefined : JSON.stringify( body ),
				signal: AbortSignal.timeout( 60_000 ),
			}
		);
		this.cartToken = response.headers.get( 'Cart-Token' ) ?? this.cartToken;
		this.nonce = response.headers.get( 'Nonce' ) ?? this.nonce;
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse( text );
		} catch {
			// Keep the text: a PHP error page, for the message below.
		}
		if ( ! response.ok ) {
			const message =
				typeof parsed === 'object' &&
				parsed !== null &&
				'message' in parsed
					? String( ( parsed as { message: unknown } ).message )
					: text.slice( 0, 500 );
			throw new StoreApiError(
				`${ method } ${ path } answered ${ response.status }: ${ message }`,
				response.status,
				parsed
			);
		}
		return parsed as T;
	}

	getCart(): Promise< CartResponse > {
		return this.request< CartResponse >( 'GET', '/cart' );
	}

	addItem( productId: number, quantity = 1 ): Promise< CartResponse > {
		return this.request< CartResponse >( 'POST', '/cart/add-item', {
			id: productId,
			quantity,
		} );
	}

	/**
	 * Places the order with a payment method (as the Checkout block does) and returns the Store API's answer; for a
	 * redirecting gateway `payment_result.redirect_url` is where the shopper goes next.
	 */
	checkout(
		paymentMethod: string,
		options: {
			address?: StoreAddress & { email: string };
			paymentData?: Record< string, string >;
			customerNote?: string;
		} = {}
	): Promise< CheckoutResult > {
		const address = options.address ?? SEOUL_ADDRESS;
		const { email: _email, ...shipping } = address;
		return this.request< CheckoutResult >( 'POST', '/checkout', {
			billing_address: address,
			shipping_address: shipping,
			customer_note: options.customerNote ?? '',
			payment_method: paymentMethod,
			payment_data: Object.entries( options.paymentData ?? {} ).map(
				( [ key, value ] ) => ( { key, value } )
			),
		} );
	}
}

/** Puts products in a fresh cart and checks out with a payment method; returns the result and the seconds it took. */
export async function placeOrder(
	storeUrl: string,
	paymentMethod: string,
	items: Array< { id: number; quantity?: number } >,
	options: Parameters< StoreApiClient[ 'checkout' ] >[ 1 ] = {}
): Promise< {
	result: CheckoutResult;
	checkoutSeconds: number;
	client: StoreApiClient;
} > {
	const client = new StoreApiClient( storeUrl );
	for ( const item of items ) {
		await client.addItem( item.id, item.quantity ?? 1 );
	}
	const started = performance.now();
	const result = await client.checkout( paymentMethod, options );
	return {
		result,
		checkoutSeconds: ( performance.now() - started ) / 1000,
		client,
	};
}
