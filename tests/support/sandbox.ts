/**
 * The sandbox's control surface (/sandbox/..., see ../shared/docs/sandbox.md) over HTTP, for tests that play the
 * shopper on the hosted page or the service's dashboard.
 */

export type SandboxPayMethod =
	| 'card'
	| 'virtual_account'
	| 'bank_transfer'
	| 'kakao_pay'
	| 'naver_pay'
	| 'toss_pay'
	| 'samsung_pay';

export type FaultTarget =
	'create-session' | 'get-session' | 'patch-session' | 'refund' | 'webhook';

export interface FaultSpec {
	target: FaultTarget;
	mode:
		| '500'
		| '429'
		| 'hang'
		| 'duplicate'
		| 'delay'
		| 'reorder'
		| 'bad-signature';
	count: number;
	delayMs?: number;
}

export interface SandboxDelivery {
	id: string;
	eventId: string;
	event: string;
	url: string;
	attempts: Array< { time: string; status: number | null; ms: number } >;
	state: 'pending' | 'delivered' | 'failed';
	[ key: string ]: unknown;
}

export interface ActionResult {
	status: string;
	redirectUrl?: string;
	[ key: string ]: unknown;
}

export class SandboxError extends Error {
	override name = 'SandboxError';
	constructor(
		message: string,
		readonly status: number,
		readonly body: unknown
	) {
		super( message );
	}
}

/** The session id of a checkoutUrl: its last path segment. */
export function sessionIdFromCheckoutUrl( checkoutUrl: string ): string {
	const segment = new URL( checkoutUrl ).pathname
		.split( '/' )
		.filter( Boolean )
		.pop();
	if ( ! segment ) {
		throw new Error( `no session id in ${ checkoutUrl }` );
	}
	return decodeURIComponent( segment );
}

export class SandboxControl {
	constructor( readonly sandboxUrl: string ) {}

	async call< T >(
		method: 'GET' | 'POST' | 'DELETE',
		path: string,
		body?: unknown
	): Promise< T > {
		const response = await fetch( `${ this.sandboxUrl }${ path }`, {
			method,
			headers:
				body === undefined
					? {}
					: { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify( body ),
			signal: AbortSignal.timeout( 60_000 ),
		} );
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text === '' ? null : JSON.parse( text );
		} catch {
			// Keep the text for the error.
		}
		if ( ! response.ok ) {
			throw new SandboxError(
				`${ method } ${ path } answered ${ response.status }: ${ text.slice( 0, 500 ) }`,
				response.status,
				parsed
			);
		}
		return parsed as T;
	}

	health(): Promise< { ok: boolean } > {
		return this.call( 'GET', '/sandbox/health' );
	}

	sessions(): Promise< { sessions: Array< Record< string, unknown > > } > {
		return this.call( 'GET', '/sandbox/sessions' );
	}

	session( id: string ): Promise< Record< string, unknown > > {
		return this.call(
			'GET',
			`/sandbox/sessions/${ encodeURIComponent( id ) }`
		);
	}

	pay(
		id: string,
		method: SandboxPayMethod = 'card',
		installments?: number
	): Promise< ActionResult > {
		return this.call(
			'POST',
			`/sandbox/sessions/${ encodeURIComponent( id ) }/pay`,
			installments === undefined ? { method } : { method, installments }
		);
	}

	/** The shopper starts paying and has not finished (sandbox README: `begin`). */
	begin(
		id: string,
		method: Exclude< SandboxPayMethod, 'virtual_account' > = 'kakao_pay'
	): Promise< ActionResult > {
		return this.call(
			'POST',
			`/sandbox/sessions/${ encodeURIComponent( id ) }/begin`,
			{ method }
		);
	}

	fail(
		id: string,
		code = 'REJECT_CARD_COMPANY',
		message?: string
	): Promise< ActionResult > {
		return this.call(
			'POST',
			`/sandbox/sessions/${ encodeURIComponent( id ) }/fail`,
			message === undefined ? { code } : { code, message }
		);
	}

	cancel( id: string ): Promise< ActionResult > {
		return this.call(
			'POST',
			`/sandbox/sessions/${ encodeURIComponent( id ) }/cancel`
		);
	}

	deposit( id: string ): Promise< ActionResult > {
		return this.call(
			'POST',
			`/sandbox/sessions/${ encodeURIComponent( id ) }/deposit`
		);
	}

	expire( id: string ): Promise< ActionResult > {
		return this.call(
			'POST',
			`/sandbox/sessions/${ encodeURIComponent( id ) }/expire`
		);
	}

	refund(
		id: string,
		amount?: number,
		reason?: string
	): Promise< Record< string, unknown > > {
		const body: Record< string, unknown > = {};
		if ( amount !== undefined ) {
			body.amount = amount;
		}
		if ( reason !== undefined ) {
			body.reason = reason;
		}
		return this.call(
			'POST',
			`/sandbox/sessions/${ encodeURIComponent( id ) }/refund`,
			body
		);
	}

	async deliveries( sessionId?: string ): Promise< SandboxDelivery[] > {
		const query =
			sessionId === undefined
				? ''
				: `?sessionId=${ encodeURIComponent( sessionId ) }`;
		const answer = await this.call< { deliveries: SandboxDelivery[] } >(
			'GET',
			`/sandbox/deliveries${ query }`
		);
		return answer.deliveries;
	}

	redeliver( deliveryId: string ): Promise< SandboxDelivery > {
		return this.call(
			'POST',
			`/sandbox/deliveries/${ encodeURIComponent( deliveryId ) }/redeliver`
		);
	}

	fault( spec: FaultSpec ): Promise< Record< string, unknown > > {
		return this.call( 'POST', '/sandbox/faults', spec );
	}

	clearFaults(): Promise< { ok: boolean } > {
		return this.call( 'DELETE', '/sandbox/faults' );
	}

	reset(): Promise< { ok: boolean } > {
		return this.call( 'POST', '/sandbox/reset' );
	}

	/** Polls until every webhook delivery of the session has left `pending` (or timeoutMs passes). */
	async settledDeliveries(
		sessionId: string,
		timeoutMs = 20_000
	): Promise< SandboxDelivery[] > {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const list = await this.deliveries( sessionId );
			if (
				list.every( ( delivery ) => delivery.state !== 'pending' ) ||
				Date.now() > deadline
			) {
				return list;
			}
			await new Promise( ( resolveWait ) =>
				setTimeout( resolveWait, 200 )
			);
		}
	}
}
