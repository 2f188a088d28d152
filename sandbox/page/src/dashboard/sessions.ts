/** The sessions list of the dashboard, each with the control surface's actions its status allows. */
import type { Locale, MessageKey, Translate } from '../i18n/index.ts';
import type { Session } from '../lib/api.ts';
import { h } from '../lib/dom.ts';
import { FAILURE_CODES } from '../lib/failures.ts';
import { METHOD_IDS } from '../lib/methods.ts';
import { formatDateTime, formatMoney } from '../lib/money.ts';

export type SessionAction =
	| { kind: 'pay'; method: string }
	| { kind: 'fail'; code: string; message: string }
	| { kind: 'cancel' | 'deposit' | 'expire' }
	| { kind: 'refund'; amount: number | undefined };

export type RunAction = (
	sessionId: string,
	action: SessionAction,
	label: string
) => void;

function button(
	id: string,
	label: string,
	onClick: () => void,
	className = 'button button--secondary button--small'
): HTMLButtonElement {
	return h(
		'button',
		{ type: 'button', class: className, id, onclick: onClick },
		label
	);
}

function actionsFor(
	session: Session,
	t: Translate,
	run: RunAction
): HTMLElement[] {
	const id = session.sessionId;
	const controls: HTMLElement[] = [];
	if ( session.status === 'pending' ) {
		const method = h(
			'select',
			{ id: `method-${ id }`, 'aria-label': t( 'dash.method' ) },
			METHOD_IDS.map( ( m ) =>
				h( 'option', { value: m }, t( `method.${ m }` as MessageKey ) )
			)
		);
		const code = h(
			'select',
			{ id: `code-${ id }`, 'aria-label': t( 'checkout.failReason' ) },
			FAILURE_CODES.map( ( c ) => h( 'option', { value: c }, c ) )
		);
		controls.push(
			h(
				'span',
				{ class: 'control' },
				method,
				button( `pay-${ id }`, t( 'dash.pay' ), () =>
					run(
						id,
						{ kind: 'pay', method: method.value },
						t( 'dash.pay' )
					)
				)
			),
			h(
				'span',
				{ class: 'control' },
				code,
				button( `fail-${ id }`, t( 'dash.fail' ), () =>
					run(
						id,
						{
							kind: 'fail',
							code: code.value,
							message: t(
								`failure.${ code.value }` as MessageKey
							),
						},
						t( 'dash.fail' )
					)
				)
			),
			button( `cancel-${ id }`, t( 'dash.cancel' ), () =>
				run( id, { kind: 'cancel' }, t( 'dash.cancel' ) )
			)
		);
	}
	if ( session.status === 'processing' ) {
		controls.push(
			button(
				`deposit-${ id }`,
				t( 'dash.deposit' ),
				() => run( id, { kind: 'deposit' }, t( 'dash.deposit' ) ),
				'button button--primary button--small'
			)
		);
	}
	if ( session.status === 'pending' || session.status === 'processing' ) {
		controls.push(
			button( `expire-${ id }`, t( 'dash.expire' ), () =>
				run( id, { kind: 'expire' }, t( 'dash.expire' ) )
			)
		);
	}
	if (
		session.status === 'completed' ||
		session.status === 'partially_refunded'
	) {
		const amount = h( 'input', {
			type: 'number',
			id: `refund-amount-${ id }`,
			min: 0,
			step: session.currency === 'KRW' ? 1 : 0.01,
			inputmode: 'decimal',
			'aria-label': t( 'dash.refundAmount' ),
			placeholder: t( 'dash.refundPlaceholder' ),
		} );
		controls.push(
			h(
				'span',
				{ class: 'control' },
				amount,
				button( `refund-${ id }`, t( 'dash.refund' ), () =>
					run(
						id,
						{
							kind: 'refund',
							amount:
								amount.value.trim() === ''
									? undefined
									: Number( amount.value ),
						},
						t( 'dash.refund' )
					)
				)
			)
		);
	}
	return controls;
}

export function sessionsView(
	sessions: Session[],
	locale: Locale,
	t: Translate,
	run: RunAction
): HTMLElement {
	const list = sessions.map( ( session ) => {
		const id = session.sessionId;
		const refunded = session.refundedAmount
			? ` (−${ formatMoney( session.refundedAmount, session.currency, locale ) })`
			: '';
		const status = t( `status.${ session.status }` as MessageKey );
		return h(
			'li',
			{ class: 'row', 'data-session': id },
			h(
				'div',
				{ class: 'row__head' },
				h(
					'span',
					{
						class: `pill pill--${ session.status }`,
						'data-testid': 'status',
					},
					status.startsWith( 'status.' ) ? session.status : status
				),
				h(
					'a',
					{
						href: `/checkout/${ encodeURIComponent( id ) }`,
						class: 'mono',
					},
					id
				),
				h(
					'strong',
					{ class: 'row__amount' },
					formatMoney(
						session.totalAmount,
						session.currency,
						locale
					),
					refunded
				)
			),
			h(
				'p',
				{ class: 'muted row__meta' },
				`${ t( 'dash.order' ) } ${ session.platformOrderId } · ${ t( 'dash.method' ) } ${ session.paymentMethod ? t( `method.${ session.paymentMethod }` as MessageKey ) : '—' } · ${ t( 'dash.created' ) } ${ formatDateTime( session.createdAt, locale ) }`
			),
			h( 'div', { class: 'row__actions' }, actionsFor( session, t, run ) )
		);
	} );
	return h(
		'section',
		{ class: 'card', 'aria-labelledby': 'sessions-title' },
		h(
			'h2',
			{ id: 'sessions-title' },
			t( 'dash.sessions' ),
			` (${ sessions.length })`
		),
		sessions.length === 0
			? h( 'p', { class: 'muted' }, t( 'dash.noSessions' ) )
			: h( 'ul', { class: 'rows' }, list )
	);
}
