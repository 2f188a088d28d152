/** The sandbox control surface (sandbox.md) as the pages use it: same-origin JSON, no API key. */
export interface Item {
	name: string;
	price: number;
	quantity: number;
	productId?: string;
	description?: string;
}

export interface VirtualAccount {
	bankName: string;
	accountNumber: string;
	accountHolder: string;
	dueDate: string;
}

export interface Refund {
	refundId: string;
	amount: number;
	reason?: string;
	status: string;
	processedAt: string;
}

export interface Shop {
	shopId: string;
	name: string;
	paymentMethods: string[];
	customDomain?: string | null;
}

export interface Session {
	sessionId: string;
	status: string;
	platformOrderId: string;
	totalAmount: number;
	currency: string;
	paymentMethod?: string | null;
	createdAt: string;
	expiresAt: string;
	completedAt?: string | null;
	refundedAmount?: number;
	refunds?: Refund[];
	virtualAccount?: VirtualAccount | null;
	items: Item[];
	metadata?: Record< string, string >;
	returnUrl: string;
	cancelUrl: string;
	shop?: Shop;
	/** Set on a failed session: the code and message the payment failed with. */
	failure?: { code: string; message: string } | null;
}

export interface Attempt {
	at?: string;
	time?: string;
	status?: number | null;
	ms?: number;
}

export interface Delivery {
	id: string;
	eventId: string;
	event: string;
	url: string;
	sessionId?: string;
	state: string;
	attempts: Attempt[];
}

export interface ActionAnswer {
	status: string;
	redirectUrl?: string;
}

/** A failed request: `status` 0 means the server could not be reached. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string
	) {
		super( message );
	}
}

async function request< T >(
	method: 'GET' | 'POST',
	path: string,
	body?: unknown
): Promise< T > {
	let response: Response;
	try {
		response = await fetch( path, {
			method,
			headers:
				body === undefined
					? { accept: 'application/json' }
					: {
							accept: 'application/json',
							'content-type': 'application/json',
						},
			body: body === undefined ? null : JSON.stringify( body ),
			cache: 'no-store',
		} );
	} catch {
		throw new ApiError( 0, 'network', 'network' );
	}
	const payload: unknown = await response.json().catch( () => null );
	if ( ! response.ok ) {
		const error = (
			payload as { error?: { code?: string; message?: string } } | null
		 )?.error;
		throw new ApiError(
			response.status,
			error?.code ?? `http_${ response.status }`,
			error?.message ?? response.statusText
		);
	}
	return payload as T;
}

const enc = encodeURIComponent;

export const api = {
	session: ( id: string ) =>
		request< Session >( 'GET', `/sandbox/sessions/${ enc( id ) }` ),
	sessions: () =>
		request< { sessions: Session[] } >( 'GET', '/sandbox/sessions' ),
	deliveries: () =>
		request< { deliveries: Delivery[] } >( 'GET', '/sandbox/deliveries' ),
	pay: ( id: string, method: string, installments?: number ) =>
		request< ActionAnswer >(
			'POST',
			`/sandbox/sessions/${ enc( id ) }/pay`,
			installments ? { method, installments } : { method }
		),
	fail: ( id: string, code: string, message?: string ) =>
		request< ActionAnswer >(
			'POST',
			`/sandbox/sessions/${ enc( id ) }/fail`,
			message ? { code, message } : { code }
		),
	cancel: ( id: string ) =>
		request< ActionAnswer >(
			'POST',
			`/sandbox/sessions/${ enc( id ) }/cancel`,
			{}
		),
	deposit: ( id: string ) =>
		request< ActionAnswer >(
			'POST',
			`/sandbox/sessions/${ enc( id ) }/deposit`,
			{}
		),
	expire: ( id: string ) =>
		request< ActionAnswer >(
			'POST',
			`/sandbox/sessions/${ enc( id ) }/expire`,
			{}
		),
	refund: ( id: string, amount?: number ) =>
		request< unknown >(
			'POST',
			`/sandbox/sessions/${ enc( id ) }/refund`,
			amount === undefined ? {} : { amount }
		),
	redeliver: ( id: string ) =>
		request< Delivery >(
			'POST',
			`/sandbox/deliveries/${ enc( id ) }/redeliver`,
			{}
		),
	reset: () => request< { ok: boolean } >( 'POST', '/sandbox/reset', {} ),
};

/**
 * A session whose time is up, even before the sandbox has marked it expired.
 * @param session The session as the control surface shows it.
 */
export function isPastExpiry( session: Session ): boolean {
	const expires = Date.parse( session.expiresAt );
	return Number.isFinite( expires ) && expires <= Date.now();
}

/**
 * Where a link "back to the store" goes for a session already decided, as the contract's redirect would.
 * @param session The session as the control surface shows it.
 */
export function storeLink( session: Session ): string | null {
	const cancelled = session.status === 'cancelled';
	const base = cancelled ? session.cancelUrl : session.returnUrl;
	if ( ! base ) {
		return null;
	}
	try {
		const url = new URL( base );
		url.searchParams.set( 'sessionId', session.sessionId );
		url.searchParams.set( 'status', session.status );
		if ( session.status === 'failed' && session.failure ) {
			url.searchParams.set( 'code', session.failure.code );
			url.searchParams.set( 'message', session.failure.message );
		}
		return url.protocol === 'http:' || url.protocol === 'https:'
			? url.toString()
			: null;
	} catch {
		return null;
	}
}
