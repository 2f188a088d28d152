/**
 * The money assertions every case ends with: what the order, its stock, its e-mails and the
 * `korea_checkout_payment_complete` counter say.
 */
import { expect } from 'vitest';
import { emailsOf, type OrderFacts } from './shop.ts';

/** Paid exactly once: processing, one payment_complete, stock taken once, one e-mail of each kind. */
export function expectPaidOnce(
	order: OrderFacts,
	quantity: number,
	stockBefore: number
): void {
	expect(
		{
			status: order.status,
			paymentComplete: order.paymentComplete,
			reducedStock: order.reducedStock,
			stock: Object.values( order.stock )[ 0 ],
			customerEmails: emailsOf( order, 'customer_processing_order' ),
			adminEmails: emailsOf( order, 'new_order' ),
		},
		`order ${ order.id }: notes ${ JSON.stringify( order.notes ) }`
	).toEqual( {
		status: 'processing',
		paymentComplete: 1,
		reducedStock: quantity,
		stock: stockBefore - quantity,
		customerEmails: 1,
		adminEmails: 1,
	} );
}

/** Not paid at all: no payment_complete, no stock taken, no payment e-mail to the shopper. */
export function expectUnpaid(
	order: OrderFacts,
	stockBefore: number,
	status = 'pending'
): void {
	expect(
		{
			status: order.status,
			paymentComplete: order.paymentComplete,
			reducedStock: order.reducedStock,
			stock: Object.values( order.stock )[ 0 ],
			customerEmails: emailsOf( order, 'customer_processing_order' ),
		},
		`order ${ order.id }: notes ${ JSON.stringify( order.notes ) }`
	).toEqual( {
		status,
		paymentComplete: 0,
		reducedStock: 0,
		stock: stockBefore,
		customerEmails: 0,
	} );
}

/**
 * The WooCommerce refunds of an order, as (amount, refund id) pairs sorted by refund id: refunds recorded in the
 * same second have no order of their own.
 */
export function refundsOf(
	order: OrderFacts
): Array< { amount: number; refundId: string | undefined } > {
	return sortedRefunds(
		order.refunds.map( ( refund ) => ( {
			amount: refund.amount,
			refundId: refund.refundId,
		} ) )
	);
}

export function sortedRefunds< T extends { refundId?: string } >(
	refunds: T[]
): T[] {
	return [ ...refunds ].sort( ( a, b ) =>
		String( a.refundId ).localeCompare( String( b.refundId ) )
	);
}

/** Each refund told the shopper at most once (WooCommerce's refund e-mail is never doubled). */
export function expectRefundEmailsAtMostOnce( order: OrderFacts ): void {
	expect(
		order.emails.filter(
			( mail ) => mail.emailId === 'customer_refunded_order'
		).length,
		'refund e-mails'
	).toBeLessThanOrEqual( order.refunds.length );
}
