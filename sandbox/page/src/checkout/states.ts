/** Everything the page shows instead of a pay button: decided sessions, a waiting virtual account, not found, errors. */
import type { MessageKey, Translate } from '../i18n/index.ts';
import { isPastExpiry, storeLink } from '../lib/api.ts';
import { h, svgIcon } from '../lib/dom.ts';
import { isFailureCode } from '../lib/failures.ts';
import { formatDateTime, formatMoney } from '../lib/money.ts';
import type { CheckoutContext } from './context.ts';
import { orderSummary } from './summary.ts';

const FINAL_STATES = [
	'completed',
	'failed',
	'cancelled',
	'expired',
	'refunded',
	'partially_refunded',
	'processing',
] as const;
type FinalState = ( typeof FINAL_STATES )[ number ];

function isFinalState( status: string ): status is FinalState {
	return ( FINAL_STATES as readonly string[] ).includes( status );
}

const CHECK = [ 'M5 12.5l4.5 4.5L19 7.5' ];
const CROSS = [ 'M7 7l10 10', 'M17 7 7 17' ];
const ALERT = [ 'M12 6.5v7', 'M12 17.5v.01' ];
const CLOCK = [
	'M12 7v5l3.5 2',
	'M12 3.5a8.5 8.5 0 1 0 0 17a8.5 8.5 0 1 0 0-17',
];
const RETURN = [ 'M9 8 5 12l4 4', 'M5 12h9.5a4.5 4.5 0 0 0 0-9H12' ];
const MARKS: Record< string, string[] > = {
	completed: CHECK,
	virtual_account: CHECK,
	failed: CROSS,
	cancelled: CROSS,
	expired: CLOCK,
	processing: CLOCK,
	refunded: RETURN,
	partially_refunded: RETURN,
	not_found: ALERT,
};

/** The round mark at the top of a state: decorative, the heading says it in words. */
function mark( state: string ): HTMLElement {
	return h(
		'span',
		{ class: 'state__mark', 'aria-hidden': 'true' },
		svgIcon( MARKS[ state ] ?? ALERT, 'state__icon' )
	);
}

function backLink(
	t: Translate,
	url: string | null | undefined
): HTMLElement | null {
	return url
		? h(
				'a',
				{
					class: 'button button--primary',
					href: url,
					'data-testid': 'back-to-store',
				},
				t( 'checkout.backToStore' )
			)
		: null;
}

function heading( text: string ): HTMLElement {
	// Focusable from script so that the new state is what a screen reader reads next.
	return h( 'h1', { id: 'state-title', tabindex: -1 }, text );
}

/**
 * A decided session. `status` may differ from the session's own (a pending session past its expiry shows "expired").
 * @param ctx      The session, language and translator.
 * @param status   The state to show.
 * @param storeUrl The redirectUrl of the action just taken, when there was one.
 */
export function stateView(
	ctx: CheckoutContext,
	status: string,
	storeUrl?: string
): HTMLElement {
	const { session, locale, t } = ctx;
	const state: FinalState = isFinalState( status ) ? status : 'processing';
	const amount = formatMoney( session.totalAmount, session.currency, locale );
	const refunded = formatMoney(
		session.refundedAmount ?? 0,
		session.currency,
		locale
	);
	const body = t( `state.${ state }.body` as MessageKey, {
		amount,
		refunded,
	} );
	const failure =
		state === 'failed' && session.failure
			? h(
					'p',
					{ class: 'failure-reason' },
					h( 'code', {}, session.failure.code ),
					' ',
					isFailureCode( session.failure.code )
						? t( `failure.${ session.failure.code }` )
						: session.failure.message
				)
			: null;
	const retry =
		state === 'failed' && ! isPastExpiry( session )
			? h(
					'button',
					{
						type: 'button',
						class: 'button button--secondary',
						id: 'retry',
						onclick: ctx.retry,
					},
					t( 'checkout.tryAgain' )
				)
			: null;
	return h(
		'div',
		{ class: 'layout' },
		h(
			'section',
			{
				class: `card state state--${ state }`,
				'data-state': state,
				'aria-labelledby': 'state-title',
			},
			mark( state ),
			heading( t( `state.${ state }.title` as MessageKey ) ),
			h( 'p', {}, body ),
			failure,
			h(
				'div',
				{ class: 'actions' },
				state === 'processing'
					? null
					: backLink(
							t,
							storeUrl ?? storeLink( { ...session, status } )
						),
				retry
			)
		),
		orderSummary( ctx, false )
	);
}

/**
 * A virtual account issued and waiting for its deposit.
 * @param ctx      The session, language and translator.
 * @param storeUrl The redirectUrl of the action just taken, when there was one.
 */
export function virtualAccountView(
	ctx: CheckoutContext,
	storeUrl?: string
): HTMLElement {
	const { session, locale, t } = ctx;
	const account = session.virtualAccount;
	const row = ( label: string, value: string, testid: string ) => [
		h( 'dt', {}, label ),
		h( 'dd', { 'data-testid': testid }, value ),
	];
	return h(
		'div',
		{ class: 'layout' },
		h(
			'section',
			{
				class: 'card state state--virtual-account',
				'data-state': 'virtual_account',
				'aria-labelledby': 'state-title',
			},
			mark( 'virtual_account' ),
			heading( t( 'va.title' ) ),
			h( 'p', {}, t( 'va.intro' ) ),
			h(
				'dl',
				{ class: 'account' },
				row( t( 'va.bank' ), account?.bankName ?? '', 'va-bank' ),
				row(
					t( 'va.accountNumber' ),
					account?.accountNumber ?? '',
					'va-account'
				),
				row(
					t( 'va.holder' ),
					account?.accountHolder ?? '',
					'va-holder'
				),
				row(
					t( 'va.amount' ),
					formatMoney(
						session.totalAmount,
						session.currency,
						locale
					),
					'va-amount'
				),
				row(
					t( 'va.dueDate' ),
					formatDateTime( account?.dueDate, locale ),
					'va-due'
				)
			),
			h( 'p', { class: 'muted' }, t( 'va.sandboxHint' ) ),
			backLink( t, storeUrl ?? storeLink( session ) )
		),
		orderSummary( ctx, false )
	);
}

export function notFoundView( t: Translate ): HTMLElement {
	return h(
		'section',
		{
			class: 'card state state--not-found',
			'data-state': 'not_found',
			'aria-labelledby': 'state-title',
		},
		mark( 'not_found' ),
		heading( t( 'state.notFound.title' ) ),
		h( 'p', {}, t( 'state.notFound.body' ) )
	);
}

export function loadErrorView(
	t: Translate,
	message: string,
	retry: () => void
): HTMLElement {
	return h(
		'section',
		{
			class: 'card state state--error',
			'data-state': 'error',
			role: 'alert',
		},
		h( 'p', {}, message ),
		h(
			'button',
			{
				type: 'button',
				class: 'button button--secondary',
				onclick: retry,
			},
			t( 'common.retry' )
		)
	);
}
