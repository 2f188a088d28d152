/**
 * One order through WooCommerce's Store API, as the Checkout block places it (a cart kept by its Cart-Token, the
 * Nonce sent back), for the start scripts: the timed Cash-on-delivery checkout and `npm run start:check`.
 */
import { ToolError } from './process.ts';

export interface PlacedOrder {
	orderId: number;
	status: string;
	/** Where a redirecting gateway sends the shopper (the hosted checkout page). */
	redirectUrl: string;
	/** How long the checkout request took. */
	seconds: number;
}

const SEOUL = {
	first_name: 'Jiwoo',
	last_name: 'Kim',
	address_1: '110 Sejong-daero',
	address_2: 'Jung-gu',
	city: 'Seoul',
	state: '',
	postcode: '04524',
	country: 'KR',
	phone: '010-1234-5678',
};

export async function placeOrder(
	storeUrl: string,
	paymentMethod: string,
	productId: number,
	quantity = 1
): Promise< PlacedOrder > {
	const headers: Record< string, string > = {
		Accept: 'application/json',
		'Content-Type': 'application/json',
	};
	const call = async (
		method: string,
		path: string,
		body?: unknown
	): Promise< Record< string, unknown > > => {
		const response = await fetch(
			`${ storeUrl }/wp-json/wc/store/v1${ path }`,
			{
				method,
				headers,
				body: body === undefined ? undefined : JSON.stringify( body ),
				signal: AbortSignal.timeout( 120_000 ),
			}
		);
		headers[ 'Cart-Token' ] =
			response.headers.get( 'Cart-Token' ) ??
			headers[ 'Cart-Token' ] ??
			'';
		headers.Nonce = response.headers.get( 'Nonce' ) ?? headers.Nonce ?? '';
		const text = await response.text();
		if ( ! response.ok ) {
			throw new ToolError(
				`${ method } ${ path } answered ${ response.status }: ${ text.slice( 0, 300 ) }`
			);
		}
		return JSON.parse( text ) as Record< string, unknown >;
	};
	await call( 'GET', '/cart' );
	await call( 'POST', '/cart/add-item', { id: productId, quantity } );
	const started = performance.now();
	const result = ( await call( 'POST', '/checkout', {
		billing_address: { ...SEOUL, email: 'jiwoo.kim@example.com' },
		shipping_address: SEOUL,
		payment_method: paymentMethod,
	} ) ) as {
		order_id: number;
		status: string;
		payment_result?: { redirect_url?: string };
	};
	return {
		orderId: result.order_id,
		status: result.status,
		redirectUrl: result.payment_result?.redirect_url ?? '',
		seconds: ( performance.now() - started ) / 1000,
	};
}
