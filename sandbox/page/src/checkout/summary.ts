/** The order summary: shop's items, quantities, total and how long the page stays valid. */
import { h } from '../lib/dom.ts';
import {
	formatDateTime,
	formatMoney,
	formatMoneyMinor,
	lineTotalMinor,
} from '../lib/money.ts';
import type { CheckoutContext } from './context.ts';

export function orderSummary(
	{ session, locale, t }: CheckoutContext,
	showExpiry: boolean
): HTMLElement {
	const { currency } = session;
	const rows = session.items.map( ( item ) =>
		h(
			'li',
			{ class: 'item' },
			h( 'span', { class: 'item__name' }, item.name ),
			h(
				'span',
				{ class: 'item__qty' },
				t( 'checkout.quantity', { count: item.quantity } )
			),
			h(
				'span',
				{ class: 'item__price' },
				formatMoneyMinor(
					lineTotalMinor( item.price, item.quantity, currency ),
					currency,
					locale
				)
			)
		)
	);
	return h(
		'section',
		{ class: 'card summary', 'aria-labelledby': 'summary-title' },
		h( 'h2', { id: 'summary-title' }, t( 'checkout.orderSummary' ) ),
		h(
			'p',
			{ class: 'muted' },
			t( 'checkout.orderNumber', { id: session.platformOrderId } )
		),
		h( 'ul', { class: 'items' }, rows ),
		h(
			'p',
			{ class: 'total' },
			h( 'span', {}, t( 'checkout.total' ) ),
			h(
				'strong',
				{ class: 'total__amount', 'data-testid': 'total' },
				formatMoney( session.totalAmount, currency, locale )
			)
		),
		showExpiry && session.expiresAt
			? h(
					'p',
					{ class: 'muted expiry' },
					t( 'checkout.expiresAt', {
						time: formatDateTime( session.expiresAt, locale ),
					} )
				)
			: null
	);
}
