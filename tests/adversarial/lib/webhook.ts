/**
 * Webhook deliveries made by a case itself: signed as the service signs them (api-contract.md: `t=<unix>,v1=<hex>`,
 * HMAC-SHA256 of `"<t>." + raw body` keyed by the secret's exact bytes), or deliberately not.
 */
import { createHmac } from 'node:crypto';
import type { SandboxDelivery } from '../../support/sandbox.ts';
import { advStack, webhookUrl } from './stack.ts';

export function nowSeconds(): number {
	return Math.floor( Date.now() / 1000 );
}

/** The signature header for a body at time t. */
export function signature(
	body: string,
	t: number = nowSeconds(),
	secret: string = advStack().webhookSecret
): string {
	const mac = createHmac( 'sha256', Buffer.from( secret, 'utf8' ) )
		.update( `${ t }.` )
		.update( body )
		.digest( 'hex' );
	return `t=${ t },v1=${ mac }`;
}

export interface WebhookAnswer {
	status: number;
	json: Record< string, unknown > | null;
	text: string;
	retryAfter: string | null;
	/** The web node that answered (nginx's X-KC-Node on the production stack), '' when not said. */
	node: string;
	ms: number;
}

export interface DeliverOptions {
	/** The signature header: a string as it is, null for none; default a valid one for now. */
	signature?: string | null;
	timeoutMs?: number;
}

/** POSTs a raw body to the store's webhook endpoint, as the service would. */
export async function deliver(
	body: string,
	options: DeliverOptions = {}
): Promise< WebhookAnswer > {
	const headers: Record< string, string > = {
		'content-type': 'application/json',
		'user-agent': 'KoreaCheckout-Adversarial/1.0',
	};
	const header =
		options.signature === undefined ? signature( body ) : options.signature;
	if ( header !== null ) {
		headers[ 'x-korea-checkout-signature' ] = header;
	}
	const started = performance.now();
	const response = await fetch( webhookUrl(), {
		method: 'POST',
		headers,
		body,
		redirect: 'manual',
		signal: AbortSignal.timeout( options.timeoutMs ?? 120_000 ),
	} );
	const text = await response.text();
	let json: Record< string, unknown > | null = null;
	try {
		const parsed: unknown = JSON.parse( text );
		json =
			typeof parsed === 'object' && parsed !== null
				? ( parsed as Record< string, unknown > )
				: null;
	} catch {
		json = null;
	}
	return {
		status: response.status,
		json,
		text,
		retryAfter: response.headers.get( 'retry-after' ),
		node: response.headers.get( 'x-kc-node' ) ?? '',
		ms: performance.now() - started,
	};
}

/** The raw body the sandbox sent for a delivery (it lists the body parsed; it wrote it with JSON.stringify). */
export function rawBody( delivery: SandboxDelivery ): string {
	if ( ! ( 'body' in delivery ) ) {
		throw new Error( `delivery ${ delivery.id } lists no body` );
	}
	return JSON.stringify( delivery.body );
}

/** The signature header the sandbox sent with one attempt of a delivery (same secret, same second). */
export function capturedSignature(
	delivery: SandboxDelivery,
	attempt = 0
): string {
	const time = delivery.attempts[ attempt ]?.time;
	if ( time === undefined ) {
		throw new Error(
			`delivery ${ delivery.id } has no attempt ${ attempt }`
		);
	}
	return signature(
		rawBody( delivery ),
		Math.floor( Date.parse( time ) / 1000 )
	);
}

/** The `error.code` and `error.details.reason` of a refusal. */
export function errorOf( answer: WebhookAnswer ): {
	code: string;
	reason: string;
} {
	const error = ( answer.json?.error ?? {} ) as {
		code?: unknown;
		details?: { reason?: unknown };
	};
	return {
		code: typeof error.code === 'string' ? error.code : '',
		reason:
			typeof error.details?.reason === 'string'
				? error.details.reason
				: '',
	};
}
