/**
 * Refunds from the order screen in Chromium: part of a card payment, then the rest, each sent to the sandbox and
 * recorded once on the order with the service's refund id.
 */
import type { Page } from '@playwright/test';
import { test, expect, type E2eFixtures } from './support/test.ts';
import { loginAsAdmin, screenshot } from './support/browser.ts';
import { sessionIdFromCheckoutUrl } from '../support/sandbox.ts';
import { placeOrder } from '../support/store-api.ts';

/** The run's store (fixtures) and the admin's page, kept for the helpers below. */
let stack: E2eFixtures[ 'stack' ];
let wp: E2eFixtures[ 'wp' ];
let page: Page;

interface Refunds {
	status: string;
	refunds: Array< { amount: string; refundId: string } >;
}

function refundsOf( orderId: number ): Promise< Refunds > {
	return wp< Refunds >(
		`$order = wc_get_order( ${ String( orderId ) } );
		return array(
			'status'  => $order->get_status(),
			'refunds' => array_map( static fn( $r ) => array( 'amount' => $r->get_amount(), 'refundId' => (string) $r->get_meta( '_korea_checkout_refund_id' ) ), array_reverse( $order->get_refunds() ) ),
		);`
	);
}

async function refundFromOrderScreen(
	orderId: number,
	amount: number
): Promise< void > {
	await page.goto(
		new URL(
			`admin.php?page=wc-orders&action=edit&id=${ String( orderId ) }`,
			stack.adminUrl
		).href
	);
	await page.locator( 'button.refund-items' ).click();
	await page.fill( '#refund_amount', String( amount ) );
	await page.fill( '#refund_reason', 'Size exchange' );
	page.once( 'dialog', ( dialog ) => {
		void dialog.accept();
	} );
	await Promise.all( [
		page.waitForEvent( 'load', { timeout: 120_000 } ),
		page.locator( 'button.do-api-refund' ).click(),
	] );
	await page.waitForLoadState( 'networkidle' );
}

/** Chromium against php -S on a shared 2-core machine: one flow takes minutes when the machine is busy. */
const FLOW_TIMEOUT = 600_000;

test.use( { viewport: { width: 1280, height: 1000 } } );

test.beforeEach( async ( { stack: run, sandbox, wp: php, page: admin } ) => {
	stack = run;
	wp = php;
	page = admin;
	page.setDefaultNavigationTimeout( 120_000 );
	page.setDefaultTimeout( 60_000 );
	await sandbox.clearFaults();
	await loginAsAdmin( page, stack );
} );

test.describe( 'refunds from the order screen', () => {
	test( 'refunds part of a payment and then the rest', async ( {
		sandbox,
	} ) => {
		test.setTimeout( FLOW_TIMEOUT );
		const scarf = stack.store.products.find(
			( product ) => product.sku === 'KC-SCARF'
		);
		const { result } = await placeOrder( stack.storeUrl, 'korea_checkout', [
			{ id: scarf?.id ?? 0, quantity: 1 },
		] );
		const sessionId = sessionIdFromCheckoutUrl(
			result.payment_result.redirect_url ?? ''
		);
		const paid = await sandbox.pay( sessionId, 'card' );
		expect( paid.redirectUrl ).toBeTruthy();
		await page.goto( paid.redirectUrl ?? '' );
		expect( page.url() ).toContain( '/order-received/' );
		const orderId = result.order_id;

		await refundFromOrderScreen( orderId, 12000 );
		let session = await sandbox.session( sessionId );
		expect( session.status ).toBe( 'partially_refunded' );
		expect( session.refundedAmount ).toBe( 12000 );
		let recorded = await refundsOf( orderId );
		expect( recorded.refunds ).toHaveLength( 1 );
		expect( recorded.refunds[ 0 ] ).toEqual( {
			amount: '12000',
			refundId: ( session.refunds as Array< { refundId: string } > )[ 0 ]
				?.refundId,
		} );
		await screenshot( page, 'payments-refund-partial' );

		await refundFromOrderScreen( orderId, 20000 );
		session = await sandbox.session( sessionId );
		expect( session.status ).toBe( 'refunded' );
		expect( session.refundedAmount ).toBe( 32000 );
		recorded = await refundsOf( orderId );
		expect( recorded.status ).toBe( 'refunded' );
		expect( recorded.refunds.map( ( refund ) => refund.amount ) ).toEqual( [
			'12000',
			'20000',
		] );
		expect(
			new Set( recorded.refunds.map( ( refund ) => refund.refundId ) )
				.size
		).toBe( 2 );
		await screenshot( page, 'payments-refund-rest' );
	} );
} );
