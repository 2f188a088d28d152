import type { SandboxContext } from './context.ts';
import { ApiError, sessionNotFound } from './errors.ts';
import { digits, newId } from './ids.ts';
import { fromMinor, toMinor } from './money.ts';
import { redirectUrl } from './redirect.ts';
import { getShop } from './shops.ts';
import type {
	Delivery,
	PaymentMethod,
	Refund,
	Session,
	SessionStatus,
	WebhookEvent,
} from './types.ts';

/** Which Korean gateway the sandbox routes each method to. */
const GATEWAYS: Record< PaymentMethod, string > = {
	card: 'toss',
	virtual_account: 'kcp',
	bank_transfer: 'inicis',
	kakao_pay: 'kcp',
	naver_pay: 'inicis',
	toss_pay: 'toss',
	samsung_pay: 'kcp',
};

const VIRTUAL_ACCOUNT_BANKS = [
	'신한은행',
	'국민은행',
	'우리은행',
	'하나은행',
	'농협은행',
];

/** English default messages for the failure codes the hosted page offers. */
export const FAILURE_MESSAGES: Record< string, string > = {
	REJECT_CARD_COMPANY: 'The card company declined the payment.',
	PAY_PROCESS_ABORTED: 'The payment was aborted before it completed.',
	PAY_PROCESS_CANCELED:
		'The shopper cancelled the payment at the card company.',
	EXCEED_MAX_DAILY_PAYMENT_COUNT:
		'The daily number of payments for this card has been exceeded.',
	NOT_ENOUGH_BALANCE: 'The balance is not enough for this payment.',
	INVALID_CARD_EXPIRATION: 'The card has expired.',
	EXCEED_MAX_AMOUNT: 'The amount exceeds the limit of this payment method.',
};

const PAYABLE: SessionStatus[] = [ 'pending', 'failed' ];

/**
 * A payment the shopper has started and not finished (a wallet app's approval, a card company's
 * authentication): `processing` without a virtual account. The contract's "shopper is paying".
 */
function isInProgress( session: Session ): boolean {
	return (
		session.status === 'processing' &&
		session.paymentMethod !== 'virtual_account'
	);
}

/** Pending, failed with time left, or a payment in progress: the shopper may still pay, fail or give up. */
function isOpen( session: Session ): boolean {
	return PAYABLE.includes( session.status ) || isInProgress( session );
}

export function wrongStatus( session: Session, action: string ): ApiError {
	return new ApiError(
		400,
		'invalid_session_status',
		`A session that is ${ session.status } cannot be ${ action }.`,
		{
			sessionId: session.sessionId,
			status: session.status,
		}
	);
}

function nowIso( ctx: SandboxContext ): string {
	return new Date( ctx.now() ).toISOString();
}

export function refundedMinor( session: Session ): number {
	return session.refunds.reduce(
		( sum, entry ) =>
			sum + ( toMinor( entry.amount, session.currency ) ?? 0 ),
		0
	);
}

/** The `data` object of GET /api/checkout/session/{id}. */
export function sessionData( session: Session ): Record< string, unknown > {
	const data: Record< string, unknown > = {
		sessionId: session.sessionId,
		status: session.status,
		platformOrderId: session.platformOrderId,
		totalAmount: session.totalAmount,
		currency: session.currency,
		customer: session.customer,
		paymentMethod: session.paymentMethod,
		gateway: session.gateway,
		gatewayTransactionId: session.gatewayTransactionId,
		// Not in the contract's list: the store reads metadata.orderKeyHash back to check the session is its own.
		metadata: session.metadata,
		createdAt: session.createdAt,
		expiresAt: session.expiresAt,
		completedAt: session.completedAt,
		refundedAmount: fromMinor( refundedMinor( session ), session.currency ),
		refunds: session.refunds.map( refundView ),
		shopId: session.shopId,
		checkoutUrl: session.checkoutUrl,
	};
	if ( session.virtualAccount !== null ) {
		data.virtualAccount = session.virtualAccount;
	}
	if ( session.installments !== null ) {
		data.installments = session.installments;
	}
	if ( session.failure !== null ) {
		data.failure = session.failure;
	}
	if ( session.coupon !== null ) {
		data.coupon = session.coupon;
	}
	return data;
}

/** A refund as the API and webhooks show it: the contract's five fields, without the sandbox's own notes. */
export function refundView(
	entry: Refund
): Omit< Refund, 'source' | 'notify_customer' > {
	const { source: _source, notify_customer: _notify, ...view } = entry;
	return view;
}

/** GET /sandbox/sessions/{id}: the API's data at the top level plus what the hosted page and testers need. */
export function controlView(
	ctx: SandboxContext,
	session: Session
): Record< string, unknown > {
	const shop = ctx.store.state.shops[ session.shopId ];
	const deliveries = Object.values( ctx.store.state.deliveries )
		.filter( ( delivery ) => delivery.sessionId === session.sessionId )
		.sort( ( a, b ) => a.createdAt.localeCompare( b.createdAt ) );
	return {
		...sessionData( session ),
		items: session.items,
		metadata: session.metadata,
		returnUrl: session.returnUrl,
		cancelUrl: session.cancelUrl,
		webhookUrl: session.webhookUrl,
		refunds: session.refunds,
		deliveries: deliveries.map( deliveryView ),
		shop:
			shop === undefined
				? null
				: {
						shopId: shop.id,
						name: shop.name,
						paymentMethods: shop.payment_methods,
						customDomain: shop.custom_domain,
					},
	};
}

export function deliveryView( delivery: Delivery ): Record< string, unknown > {
	const { payload, badSignatureAttempts: _bad, ...rest } = delivery;
	return {
		...rest,
		shape: delivery.shape ?? 'full',
		body: JSON.parse( payload ) as unknown,
	};
}

function webhookData(
	session: Session,
	extra: Record< string, unknown > = {}
): Record< string, unknown > {
	return {
		sessionId: session.sessionId,
		platformOrderId: session.platformOrderId,
		totalAmount: session.totalAmount,
		currency: session.currency,
		paymentMethod: session.paymentMethod,
		customer: session.customer,
		completedAt: session.completedAt,
		status: session.status,
		gateway: session.gateway,
		gatewayTransactionId: session.gatewayTransactionId,
		refundedAmount: fromMinor( refundedMinor( session ), session.currency ),
		metadata: session.metadata,
		...( session.virtualAccount === null
			? {}
			: { virtualAccount: session.virtualAccount } ),
		...( session.installments === null
			? {}
			: { installments: session.installments } ),
		...( session.coupon === null ? {} : { coupon: session.coupon } ),
		...extra,
	};
}

/** Work that goes on after the answer: its failure is reported, never left as an unhandled rejection. */
function inBackground( work: Promise< unknown > ): void {
	work.catch( ( error: unknown ) =>
		process.stderr.write( `Korea Checkout sandbox: ${ String( error ) }\n` )
	);
}

function emit(
	ctx: SandboxContext,
	session: Session,
	event: WebhookEvent,
	extra: Record< string, unknown > = {}
) {
	return ctx.webhooks.emit(
		session.sessionId,
		session.webhookUrl,
		event,
		webhookData( session, extra )
	);
}

/** Pending sessions, and virtual accounts still waiting for a deposit, expire at expiresAt. */
function isDue( ctx: SandboxContext, session: Session ): boolean {
	const waiting =
		session.status === 'pending' || session.status === 'processing';
	return waiting && Date.parse( session.expiresAt ) <= ctx.now();
}

async function expireNow(
	ctx: SandboxContext,
	session: Session
): Promise< void > {
	ctx.store.mutate( () => {
		session.status = 'expired';
		session.updatedAt = nowIso( ctx );
	} );
	await emit( ctx, session, 'session.expired' );
}

/**
 * PATCH `expiresAt`, checked before anything of the PATCH is applied: a session's expiry may only be brought
 * forward. Returns the new expiry in ms, or null when it is the current one (a retried PATCH is not refused).
 */
export function earlierExpiry(
	session: Session,
	expiresAt: string
): number | null {
	const at = Date.parse( expiresAt );
	const current = Date.parse( session.expiresAt );
	if ( Number.isNaN( at ) ) {
		throw new ApiError(
			400,
			'invalid_parameter',
			'expiresAt must be an ISO 8601 time.',
			{ field: 'expiresAt' }
		);
	}
	if ( at > current ) {
		throw new ApiError(
			400,
			'invalid_parameter',
			`expiresAt can only be brought forward: this session expires at ${ session.expiresAt }.`,
			{ field: 'expiresAt', expiresAt: session.expiresAt }
		);
	}
	return at === current ? null : at;
}

/**
 * A time at or before now ends the session at once (`expired`, `session.expired`), which is how a store retires
 * a session it replaces; a time still ahead shortens its life. The webhook goes out in the background, as for
 * API refunds: the store that asked may be a single worker that can take it only after this answer.
 */
export function bringExpiryForward(
	ctx: SandboxContext,
	session: Session,
	at: number
): void {
	const now = ctx.now();
	ctx.store.mutate( () => {
		session.expiresAt = new Date( Math.max( at, now ) ).toISOString();
		session.updatedAt = new Date( now ).toISOString();
	} );
	if ( at <= now ) {
		inBackground( expireNow( ctx, session ) );
	}
}

/** Expire every session that is due; run on a timer and before any read. */
export function expireDueSessions( ctx: SandboxContext ): void {
	for ( const session of Object.values( ctx.store.state.sessions ) ) {
		if ( isDue( ctx, session ) ) {
			inBackground( expireNow( ctx, session ) );
		}
	}
}

export function findSession( ctx: SandboxContext, sessionId: string ): Session {
	const session = Object.hasOwn( ctx.store.state.sessions, sessionId )
		? ctx.store.state.sessions[ sessionId ]
		: undefined;
	if ( session === undefined ) {
		throw sessionNotFound( sessionId );
	}
	if ( isDue( ctx, session ) ) {
		inBackground( expireNow( ctx, session ) );
	}
	return session;
}

export interface ActionResult {
	status: SessionStatus;
	redirectUrl?: string;
}

function returnTo(
	session: Session,
	extra: Record< string, string > = {}
): string {
	return redirectUrl( session.returnUrl, {
		sessionId: session.sessionId,
		status: session.status,
		...extra,
	} );
}

/** Refuses a payment the session cannot take now; answers the session's shop. */
function assertCanPay(
	ctx: SandboxContext,
	session: Session,
	method: PaymentMethod,
	action: string
): ReturnType< typeof getShop > {
	if ( ! isOpen( session ) ) {
		throw wrongStatus( session, action );
	}
	if ( Date.parse( session.expiresAt ) <= ctx.now() ) {
		throw new ApiError(
			400,
			'session_expired',
			'This session has expired.',
			{ sessionId: session.sessionId }
		);
	}
	const shop = getShop( ctx, session.shopId );
	if ( ! shop.payment_methods.includes( method ) ) {
		throw new ApiError(
			400,
			'payment_method_not_available',
			`The shop does not offer ${ method }.`,
			{ field: 'method', method }
		);
	}
	return shop;
}

/**
 * The shopper starts paying and has not finished (approving in a wallet app, authenticating with the card
 * company): `processing`, with the method, and no webhook (the service sends none for it). `pay`, `fail`,
 * `cancel` and `expire` end it; PATCH answers `session_not_modifiable` meanwhile.
 */
export function begin(
	ctx: SandboxContext,
	sessionId: string,
	method: PaymentMethod
): ActionResult {
	const session = findSession( ctx, sessionId );
	if ( isInProgress( session ) ) {
		throw wrongStatus( session, 'begun' );
	}
	assertCanPay( ctx, session, method, 'begun' );
	ctx.store.mutate( () => {
		session.status = 'processing';
		session.paymentMethod = method;
		session.gateway = GATEWAYS[ method ];
		session.failure = null;
		session.updatedAt = nowIso( ctx );
	} );
	return { status: session.status };
}

export async function pay(
	ctx: SandboxContext,
	sessionId: string,
	method: PaymentMethod,
	installments: number | undefined
): Promise< ActionResult > {
	const session = findSession( ctx, sessionId );
	const shop = assertCanPay( ctx, session, method, 'paid' );
	if ( installments !== undefined && method !== 'card' ) {
		throw new ApiError(
			400,
			'invalid_parameter',
			'installments applies to card payments only.',
			{ field: 'installments' }
		);
	}
	const gateway = GATEWAYS[ method ];
	if ( method === 'virtual_account' ) {
		ctx.store.mutate( () => {
			session.status = 'processing';
			session.paymentMethod = method;
			session.gateway = gateway;
			session.failure = null;
			session.virtualAccount = {
				bankName:
					VIRTUAL_ACCOUNT_BANKS[
						Number( digits( 1 ) ) % VIRTUAL_ACCOUNT_BANKS.length
					] ?? '신한은행',
				accountNumber: `${ digits( 3 ) }-${ digits( 6 ) }-${ digits( 5 ) }`,
				accountHolder: shop.name,
				dueDate: session.expiresAt,
			};
			session.updatedAt = nowIso( ctx );
		} );
		return { status: session.status, redirectUrl: returnTo( session ) };
	}
	ctx.store.mutate( () => {
		session.status = 'completed';
		session.paymentMethod = method;
		session.installments = method === 'card' ? ( installments ?? 0 ) : null;
		session.gateway = gateway;
		session.gatewayTransactionId = `${ gateway }_tx_${ newId( '', 10 ).slice( 1 ) }`;
		session.completedAt = nowIso( ctx );
		session.failure = null;
		session.updatedAt = session.completedAt;
	} );
	await emit( ctx, session, 'payment.completed' );
	return { status: session.status, redirectUrl: returnTo( session ) };
}

export async function fail(
	ctx: SandboxContext,
	sessionId: string,
	code: string,
	message: string | undefined
): Promise< ActionResult > {
	const session = findSession( ctx, sessionId );
	if ( ! isOpen( session ) ) {
		throw wrongStatus( session, 'failed' );
	}
	const text = message ?? FAILURE_MESSAGES[ code ] ?? 'The payment failed.';
	ctx.store.mutate( () => {
		session.status = 'failed';
		session.failure = { code, message: text };
		session.updatedAt = nowIso( ctx );
	} );
	await emit( ctx, session, 'payment.failed', { failure: session.failure } );
	return {
		status: session.status,
		redirectUrl: returnTo( session, { code, message: text } ),
	};
}

export function cancel( ctx: SandboxContext, sessionId: string ): ActionResult {
	const session = findSession( ctx, sessionId );
	if ( ! isOpen( session ) ) {
		throw wrongStatus( session, 'cancelled' );
	}
	ctx.store.mutate( () => {
		session.status = 'cancelled';
		session.updatedAt = nowIso( ctx );
	} );
	return {
		status: session.status,
		redirectUrl: redirectUrl( session.cancelUrl, {
			sessionId: session.sessionId,
			status: session.status,
		} ),
	};
}

export async function deposit(
	ctx: SandboxContext,
	sessionId: string
): Promise< ActionResult > {
	const session = findSession( ctx, sessionId );
	if (
		session.status !== 'processing' ||
		session.paymentMethod !== 'virtual_account'
	) {
		throw new ApiError(
			400,
			'invalid_session_status',
			'Only a virtual account waiting for its deposit can receive one.',
			{
				sessionId,
				status: session.status,
			}
		);
	}
	ctx.store.mutate( () => {
		session.status = 'completed';
		session.gatewayTransactionId = `${ session.gateway ?? 'kcp' }_tx_${ newId( '', 10 ).slice( 1 ) }`;
		session.completedAt = nowIso( ctx );
		session.updatedAt = session.completedAt;
	} );
	await emit( ctx, session, 'payment.completed' );
	return { status: session.status };
}

export async function expire(
	ctx: SandboxContext,
	sessionId: string
): Promise< ActionResult > {
	const session = findSession( ctx, sessionId );
	const waiting =
		session.status === 'pending' || session.status === 'processing';
	if ( ! waiting ) {
		throw wrongStatus( session, 'expired' );
	}
	ctx.store.mutate( () => {
		session.expiresAt = nowIso( ctx );
	} );
	await expireNow( ctx, session );
	return { status: session.status };
}

/** A refund from the API or the dashboard; settled before it answers, as the service does. */
export async function refund(
	ctx: SandboxContext,
	sessionId: string,
	amount: number | undefined,
	reason: string,
	source: Refund[ 'source' ],
	notifyCustomer: boolean | null = null
): Promise< Refund > {
	const session = findSession( ctx, sessionId );
	if (
		! [ 'completed', 'partially_refunded', 'refunded' ].includes(
			session.status
		)
	) {
		throw new ApiError(
			400,
			'session_not_paid',
			'This session was never paid, so there is nothing to refund.',
			{
				sessionId,
				status: session.status,
			}
		);
	}
	const total = toMinor( session.totalAmount, session.currency ) ?? 0;
	const remaining = total - refundedMinor( session );
	let minor = remaining;
	if ( amount !== undefined ) {
		const asked = toMinor( amount, session.currency );
		if ( asked === null ) {
			throw new ApiError(
				400,
				'invalid_amount',
				`amount has more decimals than ${ session.currency } allows.`,
				{ field: 'amount' }
			);
		}
		minor = asked;
	}
	if ( minor <= 0 && remaining > 0 ) {
		throw new ApiError(
			400,
			'invalid_amount',
			'amount must be above zero.',
			{ field: 'amount' }
		);
	}
	if ( minor > remaining || remaining <= 0 ) {
		throw new ApiError(
			400,
			'refund_exceeds_remaining',
			'The refund is larger than what is left to refund.',
			{
				field: 'amount',
				requested: fromMinor( minor, session.currency ),
				remaining: fromMinor( remaining, session.currency ),
			}
		);
	}
	const entry: Refund = {
		refundId: newId( 'ref' ),
		amount: fromMinor( minor, session.currency ),
		reason,
		status: 'completed',
		processedAt: nowIso( ctx ),
		source,
		notify_customer: notifyCustomer,
	};
	ctx.store.mutate( () => {
		session.refunds.push( entry );
		session.status =
			minor === remaining ? 'refunded' : 'partially_refunded';
		session.updatedAt = entry.processedAt;
	} );
	const delivery = emit( ctx, session, 'payment.refunded', {
		refund: refundView( entry ),
	} );
	// The store that asked for the refund may be a single PHP worker: it cannot take the webhook before this
	// answer reaches it, so API refunds answer at once while the delivery goes on; the dashboard waits for it.
	if ( source === 'dashboard' ) {
		await delivery;
	} else {
		inBackground( delivery );
	}
	return entry;
}
