/**
 * Issue 12: money paths. A session pays only the order it was made for and never twice, a refund happens once and
 * goes to the session that took the money, WooCommerce's unpaid-order job never cancels an order that can still be
 * paid, service coupons are honoured, 29000.4 KRW is not 29,000 KRW, and a throwing listener changes nothing.
 * Each case runs with WooCommerce's HPOS tables and with the legacy posts storage.
 *
 * The order-screen refunds go through admin-ajax (`woocommerce_refund_line_items`) as a logged-in shop manager,
 * with the nonce of the order's edit page: the path and the answer the admin really gets, including WooCommerce
 * deleting its refund record when the gateway reports an error.
 */
import { createHash } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StoreApiError } from '../support/store-api.ts';
import { waitUntil } from '../support/wait.ts';
import { AdminSession } from './lib/admin.ts';
import {
	expectPaidOnce,
	expectRefundEmailsAtMostOnce,
	expectUnpaid,
	refundsOf,
} from './lib/expect.ts';
import {
	heldPayment,
	inStorage,
	paidByWebhook,
	redeliverAndSettle,
	STOCK,
	STORAGES,
} from './lib/flows.ts';
import {
	api,
	backdateOrder,
	clearFaults,
	emailsOf,
	facts,
	holdWebhooks,
	newProduct,
	orderBecomes,
	placeAgain,
	placeOrder,
	reservedStock,
	sandbox,
	sandboxFault,
	sandboxSession,
	sessionsOf,
	settledDeliveries,
	storeFault,
	uniqueTag,
	visit,
} from './lib/shop.ts';
import { webhookUrl } from './lib/stack.ts';
import { wp } from './lib/wp.ts';

/** What an order-screen answer must not say when the money may have moved. */
const REFUSED = /did not refund|could not refund|refund failed|was refused/i;

/** A session made with the store's key for the order's number and amount, but not by the store for it. */
async function foreignSession(
	order: Awaited< ReturnType< typeof placeOrder > >,
	orderKeyHash: string
): Promise< string > {
	const own = await sandboxSession( order.sessionId );
	const made = await api< { sessionId: string } >(
		'POST',
		'/api/checkout/create-session',
		{
			platform: 'woocommerce',
			platformOrderId: String( order.orderId ),
			items: [
				{
					name: 'Same order, another store',
					price: own.totalAmount,
					quantity: 1,
				},
			],
			customer: {
				name: 'Staging Copy',
				email: 'staging@example.com',
			},
			totalAmount: own.totalAmount,
			currency: 'KRW',
			returnUrl: String( own.returnUrl ),
			cancelUrl: String( own.returnUrl ),
			webhookUrl: webhookUrl(),
			metadata: { orderId: String( order.orderId ), orderKeyHash },
		}
	);
	return made.sessionId;
}

/** Pays the foreign session, delivers its webhook and follows its return: the order must stay unpaid. */
async function expectForeignSessionRefused(
	order: Awaited< ReturnType< typeof placeOrder > >,
	sessionId: string
): Promise< void > {
	const paid = await sandbox().pay( sessionId, 'card' );
	expect( paid.redirectUrl ).toContain( `sessionId=${ sessionId }` );
	await settledDeliveries( sessionId, 1 );

	await visit( paid.redirectUrl ?? '' );
	expectUnpaid( await facts( order.orderId ), STOCK );
	expect( ( await sandboxSession( order.sessionId ) ).status ).toBe(
		'pending'
	);
}

describe.each( STORAGES )( 'money paths, %s order storage', ( storage ) => {
	inStorage( storage );
	const admin = new AdminSession();
	beforeAll( () => admin.login() );
	beforeEach( () => clearFaults() );

	it( "a paid session the store did not create (same key, the order's number and amount, unknown orderKeyHash) on the return URL does not pay the order", async () => {
		const product = await newProduct( 26000, STOCK );
		const order = await placeOrder( [ { id: product } ] );
		const other = createHash( 'sha256' )
			.update( `wc_order_${ uniqueTag() }` )
			.digest( 'hex' );
		await expectForeignSessionRefused(
			order,
			await foreignSession( order, other )
		);
	} );

	it( "a paid session a staging copy made (same key and database: the order's own orderKeyHash) is refused: the store never recorded it", async () => {
		const product = await newProduct( 26000, STOCK );
		const order = await placeOrder( [ { id: product } ] );
		const own = createHash( 'sha256' )
			.update( order.orderKey )
			.digest( 'hex' );
		expect(
			( await sandboxSession( order.sessionId ) ).metadata?.orderKeyHash
		).toBe( own );
		await expectForeignSessionRefused(
			order,
			await foreignSession( order, own )
		);
	} );

	it( 'a session the store recorded whose orderKeyHash was changed afterwards (PATCH metadata) does not pay the order', async () => {
		const product = await newProduct( 26000, STOCK );
		const order = await placeOrder( [ { id: product } ] );
		await api( 'PATCH', `/api/checkout/session/${ order.sessionId }`, {
			metadata: {
				orderKeyHash: createHash( 'sha256' )
					.update( `wc_order_${ uniqueTag() }` )
					.digest( 'hex' ),
			},
		} );
		const paid = await sandbox().pay( order.sessionId, 'card' );
		await settledDeliveries( order.sessionId, 1 );
		await visit( paid.redirectUrl ?? '' );
		expectUnpaid( await facts( order.orderId ), STOCK );
	} );

	it( 'fault webhook delay: Place order again after the first session was paid makes no second session; the order is paid and the shopper goes to order-received', async () => {
		const product = await newProduct( 15000, STOCK );
		const order = await placeOrder( [ { id: product } ] );
		await sandboxFault( 'webhook', 'delay', 1, 15_000 );
		await sandbox().pay( order.sessionId, 'card' );

		const again = await placeAgain( order );
		expect( again.order_id ).toBe( order.orderId );
		expect( again.payment_result.redirect_url ).toContain(
			'order-received'
		);
		expect(
			( await sessionsOf( order.orderId ) ).map(
				( session ) => session.sessionId
			)
		).toEqual( [ order.sessionId ] );
		expect( ( await facts( order.orderId ) ).status ).toBe( 'processing' );

		const [ late ] = await settledDeliveries( order.sessionId, 1, 90_000 );
		expect( late?.state ).toBe( 'delivered' );
		expectPaidOnce( await facts( order.orderId ), 1, STOCK );
	} );

	it( 'sandbox begin (the shopper is paying in a wallet app): Place order again is refused with why and makes no second session; the payment then pays the order once', async () => {
		const product = await newProduct( 15000, STOCK );
		const order = await placeOrder( [ { id: product } ] );
		await sandbox().begin( order.sessionId, 'kakao_pay' );

		const refused = await placeAgain( order ).then(
			() => null,
			( error: unknown ) => error
		);
		expect( refused ).toBeInstanceOf( StoreApiError );
		expect( ( refused as StoreApiError ).status ).toBe( 400 );
		expect( JSON.stringify( ( refused as StoreApiError ).body ) ).toMatch(
			/already begun/
		);
		expect(
			( await sessionsOf( order.orderId ) ).map(
				( session ) => session.sessionId
			)
		).toEqual( [ order.sessionId ] );
		expect( ( await sandboxSession( order.sessionId ) ).status ).toBe(
			'processing'
		);
		expectUnpaid( await facts( order.orderId ), STOCK );

		await sandbox().pay( order.sessionId, 'kakao_pay' );
		await settledDeliveries( order.sessionId, 1 );
		expectPaidOnce( await facts( order.orderId ), 1, STOCK );
		expect( await sessionsOf( order.orderId ) ).toHaveLength( 1 );
	} );

	it( 'fault refund hang: an order-screen refund whose answer times out is not reported as refused, and is recorded once', async () => {
		const { order } = await paidByWebhook( 15000 );
		await sandboxFault( 'refund', 'hang', 1, 40_000 );

		const answer = await admin.refund(
			order.orderId,
			5000,
			'Adversarial: answer times out'
		);
		expect(
			answer.success === true || /await|confirm/i.test( answer.message ),
			`the order screen said: ${ answer.raw.slice( 0, 300 ) }`
		).toBe( true );
		expect( answer.message ).not.toMatch( REFUSED );

		const session = await waitUntil(
			'the service refunded',
			() => sandboxSession( order.sessionId ),
			( current ) => ( current.refunds ?? [] ).length > 0,
			30_000
		);
		expect( session.refundedAmount ).toBe( 5000 );
		await settledDeliveries( order.sessionId, 2, 120_000 );
		const after = await orderBecomes(
			'the refund recorded',
			order.orderId,
			( current ) => current.refunds.length > 0,
			90_000
		);
		expect( refundsOf( after ) ).toEqual( [
			{ amount: 5000, refundId: session.refunds?.[ 0 ]?.refundId },
		] );
		expectPaidOnce( after, 1, STOCK );
		expectRefundEmailsAtMostOnce( after );
	} );

	it( "fault refund hang + get-session 500, webhooks held: trying the same refund again refunds once (the service's refundedAmount is the refund, not twice)", async () => {
		const { order } = await paidByWebhook( 15000 );
		await holdWebhooks( 3 );
		await sandboxFault( 'refund', 'hang', 1, 40_000 );
		await sandboxFault( 'get-session', '500', 1 );

		const first = await admin.refund(
			order.orderId,
			5000,
			'Adversarial: refund once'
		);
		expect( first.message ).not.toMatch( REFUSED );
		if ( ( await facts( order.orderId ) ).refunds.length === 0 ) {
			// Not recorded yet: the admin sees no refund on the order and tries the same refund again.
			const second = await admin.refund(
				order.orderId,
				5000,
				'Adversarial: refund once'
			);
			expect( second.message ).not.toMatch( REFUSED );
		}
		const session = await sandboxSession( order.sessionId );
		expect( session.refundedAmount ).toBe( 5000 );
		expect( session.refunds ?? [] ).toHaveLength( 1 );

		// The held payment.refunded deliveries go out now; the store confirms the refund from them at the latest.
		for ( const delivery of await sandbox().deliveries(
			order.sessionId
		) ) {
			if ( delivery.event === 'payment.refunded' ) {
				await sandbox().redeliver( delivery.id );
			}
		}
		const after = await orderBecomes(
			'the refund recorded',
			order.orderId,
			( current ) => current.refunds.length > 0,
			90_000
		);
		expect( refundsOf( after ) ).toEqual( [
			{ amount: 5000, refundId: session.refunds?.[ 0 ]?.refundId },
		] );
		expect(
			( await sandboxSession( order.sessionId ) ).refundedAmount
		).toBe( 5000 );
		expectRefundEmailsAtMostOnce( after );
	} );

	it( "WooCommerce's unpaid-order job (hold stock 1 minute) does not cancel an order whose session can still be paid; the session's expiry cancels it and releases the stock", async () => {
		const product = await newProduct( 15000, STOCK );
		const order = await placeOrder( [ { id: product, quantity: 2 } ] );
		const status = await wp< string >(
			`update_option( 'woocommerce_hold_stock_minutes', '1' );
			return 'ok';`
		);
		expect( status ).toBe( 'ok' );
		try {
			await backdateOrder( order.orderId, 600 );
			await wp( 'wc_cancel_unpaid_orders(); return true;' );
			expectUnpaid( await facts( order.orderId ), STOCK );
		} finally {
			await wp(
				`update_option( 'woocommerce_hold_stock_minutes', '60' ); return true;`
			);
		}

		await sandbox().expire( order.sessionId );
		await settledDeliveries( order.sessionId, 1 );
		const after = await orderBecomes(
			'cancelled by the expiry',
			order.orderId,
			( current ) => current.status === 'cancelled'
		);
		expectUnpaid( after, STOCK, 'cancelled' );
		expect( await reservedStock( order.orderId ) ).toBe( 0 );
	} );

	it( 'service coupon (POST /api/coupons/apply) paid in full: the order is paid with a negative fee named after the coupon code, and its total is what was paid', async () => {
		const code = `ADV${ uniqueTag().toUpperCase() }`;
		await api( 'POST', '/api/coupons/create', {
			code,
			name_ko: '적대적 테스트 쿠폰',
			name_en: 'Adversarial test coupon',
			type: 'fixed_amount',
			discount_value: 3000,
		} );
		const product = await newProduct( 15000, STOCK );
		const order = await placeOrder( [ { id: product } ] );
		const applied = await api< { newTotal: number } >(
			'POST',
			'/api/coupons/apply',
			{ sessionId: order.sessionId, couponCode: code }
		);
		expect( applied.newTotal ).toBe( 15000 );

		await sandbox().pay( order.sessionId, 'card' );
		await settledDeliveries( order.sessionId, 1 );
		const after = await facts( order.orderId );
		expectPaidOnce( after, 1, STOCK );
		expect( after.fees ).toEqual( [
			{ name: expect.stringContaining( code ), total: -3000 },
		] );
		expect( after.total ).toBe(
			( await sandboxSession( order.sessionId ) ).totalAmount
		);
		expect( after.total ).toBe( 15000 );
	} );

	it( 'a refund from the order screen goes to the session that took the money (a virtual account deposited after Place order again), never to another session of the order', async () => {
		const product = await newProduct( 15000, STOCK );
		const order = await placeOrder( [ { id: product } ] );
		// The shopper picks a virtual account (the session waits for the deposit) and places the order again; the
		// store may make a second session or send the shopper to the first one's account details.
		await sandbox().pay( order.sessionId, 'virtual_account' );
		const again = await placeAgain( order );
		expect( again.order_id ).toBe( order.orderId );

		// The deposit arrives on the first session.
		await sandbox().deposit( order.sessionId );
		await settledDeliveries( order.sessionId, 1 );
		expectPaidOnce(
			await orderBecomes(
				'paid by the deposit',
				order.orderId,
				( current ) => current.status === 'processing'
			),
			1,
			STOCK
		);

		const answer = await admin.refund(
			order.orderId,
			5000,
			'Adversarial: refund the paying session'
		);
		expect( answer.success, answer.raw.slice( 0, 300 ) ).toBe( true );
		const sessions = await sessionsOf( order.orderId );
		expect(
			sessions.map( ( session ) => [
				session.sessionId === order.sessionId ? 'paying' : 'other',
				session.refundedAmount ?? 0,
			] ),
			'the refund went to the session that took the money only'
		).toEqual(
			sessions.map( ( session ) =>
				session.sessionId === order.sessionId
					? [ 'paying', 5000 ]
					: [ 'other', 0 ]
			)
		);
		const paying = await sandboxSession( order.sessionId );
		const after = await orderBecomes(
			'the refund recorded',
			order.orderId,
			( current ) => current.refunds.length > 0
		);
		expect( refundsOf( after ) ).toEqual( [
			{ amount: 5000, refundId: paying.refunds?.[ 0 ]?.refundId },
		] );
		expectRefundEmailsAtMostOnce( after );
	} );

	it( 'store fault session_total: 29000.4 KRW for an order of 29,000 KRW is an amount mismatch (on hold, not paid)', async () => {
		const product = await newProduct( 26000, STOCK );
		const order = await placeOrder( [ { id: product } ] );
		expect( ( await facts( order.orderId ) ).total ).toBe( 29000 );
		await storeFault(
			`session_total:${ order.sessionId }`,
			100,
			'29000.4'
		);

		await sandbox().pay( order.sessionId, 'card' );
		await settledDeliveries( order.sessionId, 1 );
		const after = await orderBecomes(
			'the mismatch handled',
			order.orderId,
			( current ) => current.status !== 'pending'
		);
		expect( after.status ).toBe( 'on-hold' );
		expect( after.paymentComplete ).toBe( 0 );
		expect( emailsOf( after, 'customer_processing_order' ) ).toBe( 0 );
		expect(
			after.emails.filter(
				( mail ) =>
					mail.emailId === '' &&
					mail.to.includes( 'admin@example.com' )
			),
			'the admin is alerted'
		).toHaveLength( 1 );
	} );

	it( 'fault webhook duplicate, return at the same moment: a session paid after its order was switched to bank transfer is reported to the admin once and pays nothing', async () => {
		const product = await newProduct( 15000, STOCK );
		const order = await placeOrder( [ { id: product } ] );
		// The shopper switched to bank transfer on the pay page, then paid in the hosted-page tab still open.
		await wp(
			`$order = wc_get_order( ${ order.orderId } ); $order->set_payment_method( 'bacs' ); $order->set_payment_method_title( 'Direct bank transfer' ); $order->set_status( 'on-hold' ); $order->save(); return true;`
		);
		const before = await facts( order.orderId );
		await sandboxFault( 'webhook', 'duplicate', 1 );

		const paid = await sandbox().pay( order.sessionId, 'card' );
		await visit( paid.redirectUrl ?? '' );
		const deliveries = await settledDeliveries( order.sessionId, 1 );
		expect(
			deliveries.map( ( delivery ) => delivery.state ),
			'every delivery acknowledged in the end'
		).toEqual( deliveries.map( () => 'delivered' ) );

		const after = await orderBecomes(
			'the payment reported',
			order.orderId,
			( current ) =>
				current.notes.some( ( note ) =>
					note.includes( 'took a payment' )
				)
		);
		expect( {
			status: after.status,
			paymentComplete: after.paymentComplete,
			reducedStock: after.reducedStock,
			stock: after.stock,
			transactionId: after.transactionId,
		} ).toEqual( {
			status: before.status,
			paymentComplete: 0,
			reducedStock: before.reducedStock,
			stock: before.stock,
			transactionId: '',
		} );
		expect(
			after.notes.filter( ( note ) => note.includes( 'took a payment' ) ),
			'one note, whoever saw the payment first'
		).toHaveLength( 1 );
		expect(
			after.emails.filter( ( mail ) =>
				mail.subject.includes(
					'was paid after it switched payment method'
				)
			),
			'one e-mail to the admin'
		).toHaveLength( 1 );
		expect( ( await sessionsOf( order.orderId ) ).length ).toBe( 1 );
	} );

	it( 'store fault throw_in_payment_complete: a listener that throws leaves the order paid, the action counted once, the webhook answered 200', async () => {
		const held = await heldPayment( 15000 );
		await storeFault( 'throw_in_payment_complete', 100 );

		const settled = await redeliverAndSettle( held.delivery );
		expect( settled?.attempts[ 0 ]?.status ).toBe( 200 );
		await visit( held.redirectUrl );
		await redeliverAndSettle( held.delivery );

		expectPaidOnce( await facts( held.order.orderId ), 1, STOCK );
	} );
} );
