/**
 * Paying with Korea Checkout in Chromium: from the block checkout and the classic checkout to the sandbox's
 * hosted page and back, for a card payment, a failure, a cancellation and a virtual account with its deposit.
 * Every order is checked in WordPress (status, transaction id, stock) after the browser is done.
 */
import type { Page } from '@playwright/test';
import { test, expect, type E2eFixtures } from './support/test.ts';
import { screenshot } from './support/browser.ts';
import { clickPlaceOrder } from './support/block-checkout.ts';
import { addToCartFromProductPage } from './support/cart.ts';
import { chooseClassicPaymentMethod } from './support/classic-checkout.ts';
import { sessionIdFromCheckoutUrl } from '../support/sandbox.ts';

/** The run's store (fixtures) and this test's page, kept for the helpers below. */
let stack: E2eFixtures[ 'stack' ];
let sandbox: E2eFixtures[ 'sandbox' ];
let wp: E2eFixtures[ 'wp' ];
let page: Page;

interface OrderFacts {
	status: string;
	paid: boolean;
	transactionId: string;
	sessionId: string;
	total: string;
	needsPayment: boolean;
}

function orderFacts( orderId: number ): Promise< OrderFacts > {
	return wp< OrderFacts >(
		`$order = wc_get_order( ${ String( orderId ) } );
		return array(
			'status'        => $order->get_status(),
			'paid'          => $order->is_paid(),
			'transactionId' => $order->get_transaction_id(),
			'sessionId'     => (string) $order->get_meta( '_korea_checkout_session_id' ),
			'total'         => $order->get_total(),
			'needsPayment'  => $order->needs_payment(),
		);`
	);
}

function orderIdFromReceivedUrl( url: string ): number {
	const match = /order-received\/(\d+)/.exec( url );
	if ( ! match?.[ 1 ] ) {
		throw new Error( `not an order-received URL: ${ url }` );
	}
	return Number( match[ 1 ] );
}

async function addToCart( sku: string, quantity = 1 ): Promise< void > {
	const product = stack.store.products.find(
		( candidate ) => candidate.sku === sku
	);
	expect( product, sku ).toBeDefined();
	await addToCartFromProductPage(
		page,
		stack.storeUrl,
		product?.id ?? 0,
		quantity
	);
}

/** Fills the block checkout as a Seoul shopper, picks Korea Checkout and places the order; ends on the hosted page. */
async function placeBlockOrder(): Promise< string > {
	await page.goto( `${ stack.storeUrl }/checkout/` );
	await page.locator( '.wc-block-checkout__form' ).waitFor();
	// A shopper coming back after a failed payment sees the address as a card: it is kept, nothing to type.
	if ( await page.locator( '#shipping-first_name' ).isVisible() ) {
		await page.fill( '#email', 'minji.park@example.com' );
		await page.fill( '#shipping-first_name', '민지' );
		await page.fill( '#shipping-last_name', '박' );
		await page.fill( '#shipping-postcode', '04524' );
		await page.fill(
			'#shipping-address_1',
			'서울특별시 중구 세종대로 110'
		);
		await page.fill( '#shipping-city', '서울' );
		await page.fill( '#shipping-phone', '010-2345-6789' );
	}
	await page
		.locator(
			'label[for="radio-control-wc-payment-method-options-korea_checkout"]'
		)
		.click();
	await expect
		.poll(
			() =>
				page
					.locator(
						'#radio-control-wc-payment-method-options-korea_checkout'
					)
					.isChecked(),
			{ timeout: 30_000 }
		)
		.toBe( true );
	try {
		await clickPlaceOrder( page );
		// The first Store API checkout of a cold php -S store on a busy machine can take minutes.
		await page.waitForURL(
			( url ) =>
				url.href.startsWith(
					`${ stack.sandboxUrl ?? '' }/checkout/cs_`
				),
			{ timeout: 240_000 }
		);
	} catch ( error ) {
		console.log(
			`[e2e] block checkout did not reach the hosted page: ${ await screenshot( page, 'payments-block-place-order-stuck' ) }`
		);
		throw error;
	}
	await page.locator( '#pay' ).waitFor();
	return sessionIdFromCheckoutUrl( page.url() );
}

/** The same from the classic checkout page. */
async function placeClassicOrder(): Promise< string > {
	await page.goto( `${ stack.storeUrl }/classic-checkout/` );
	await page.locator( '#billing_first_name' ).waitFor( { timeout: 30_000 } );
	await page.fill( '#billing_first_name', '서준' );
	await page.fill( '#billing_last_name', '이' );
	await page.fill( '#billing_postcode', '06236' );
	await page.fill( '#billing_address_1', '서울특별시 강남구 테헤란로 152' );
	await page.fill( '#billing_city', '서울' );
	await page.fill( '#billing_phone', '010-3456-7890' );
	await page.fill( '#billing_email', 'seojun.lee@example.com' );
	await chooseClassicPaymentMethod( page, 'korea_checkout' );
	await page.locator( '#place_order' ).click();
	await page.waitForURL(
		( url ) =>
			url.href.startsWith( `${ stack.sandboxUrl ?? '' }/checkout/cs_` ),
		{ timeout: 120_000 }
	);
	await page.locator( '#pay' ).waitFor();
	return sessionIdFromCheckoutUrl( page.url() );
}

/** On the hosted page: choose a method and pay; ends back in the store. */
async function payOnHostedPage( method: string ): Promise< void > {
	await page.locator( `#method-${ method }` ).check( { force: true } );
	await page.locator( '#pay' ).click();
	await page.waitForURL( ( url ) => url.href.startsWith( stack.storeUrl ), {
		timeout: 120_000,
	} );
	await page.waitForLoadState( 'networkidle' );
}

/** Chromium against php -S on a shared 2-core machine: one flow takes minutes when the machine is busy. */
const FLOW_TIMEOUT = 600_000;

test.beforeEach(
	async ( { stack: run, sandbox: control, wp: php, page: shopper } ) => {
		stack = run;
		sandbox = control;
		wp = php;
		page = shopper;
		// The store runs on php -S on a busy machine: give navigations and waits room.
		page.setDefaultNavigationTimeout( 120_000 );
		page.setDefaultTimeout( 60_000 );
		await sandbox.clearFaults();
	}
);

test.afterEach( async () => {
	await sandbox.clearFaults();
} );

test.describe( 'paying with Korea Checkout', () => {
	test( 'pays by card from the block checkout and lands on a paid order', async () => {
		test.setTimeout( FLOW_TIMEOUT );
		await addToCart( 'KC-SCARF', 2 );
		const sessionId = await placeBlockOrder();
		await screenshot( page, 'payments-block-hosted-page' );
		const session = await sandbox.session( sessionId );
		expect( session.totalAmount ).toBe( 61000 );
		expect( session.customer ).toMatchObject( {
			name: '박민지',
			email: 'minji.park@example.com',
		} );

		await payOnHostedPage( 'card' );
		expect( page.url() ).toContain( '/order-received/' );
		const orderId = orderIdFromReceivedUrl( page.url() );
		await expect( page.locator( 'main' ).innerText() ).resolves.toMatch(
			/₩61,000/
		);
		await screenshot( page, 'payments-block-card-paid' );

		const order = await orderFacts( orderId );
		const paidSession = await sandbox.session( sessionId );
		expect( order ).toMatchObject( {
			status: 'processing',
			paid: true,
			sessionId,
			total: '61000',
		} );
		expect( order.transactionId ).toBe( paidSession.gatewayTransactionId );
	} );

	test( 'pays by card from the classic checkout', async () => {
		test.setTimeout( FLOW_TIMEOUT );
		await addToCart( 'KC-CUP' );
		const sessionId = await placeClassicOrder();
		expect( ( await sandbox.session( sessionId ) ).totalAmount ).toBe(
			21000
		);
		await payOnHostedPage( 'card' );
		expect( page.url() ).toContain( '/order-received/' );
		await screenshot( page, 'payments-classic-card-paid' );
		const order = await orderFacts( orderIdFromReceivedUrl( page.url() ) );
		expect( order ).toMatchObject( {
			status: 'processing',
			paid: true,
			sessionId,
		} );
	} );

	test( 'comes back to the checkout with the reason when the card company declines', async () => {
		test.setTimeout( FLOW_TIMEOUT );
		await addToCart( 'KC-TEA' );
		const sessionId = await placeBlockOrder();
		await page.selectOption( '#fail-code', 'REJECT_CARD_COMPANY' );
		await page.locator( '#fail' ).click();
		await page.waitForURL(
			( url ) => url.href.startsWith( stack.storeUrl ),
			{ timeout: 120_000 }
		);
		await page.waitForLoadState( 'networkidle' );
		expect( page.url() ).toContain( '/checkout/' );
		await expect(
			page
				.getByText( /card company declined the payment/i )
				.first()
				.isVisible()
		).resolves.toBe( true );
		await screenshot( page, 'payments-block-declined' );

		const orders = await wp<
			Array< { id: number; status: string; needsPayment: boolean } >
		>(
			`return array_map( static fn( $o ) => array( 'id' => $o->get_id(), 'status' => $o->get_status(), 'needsPayment' => $o->needs_payment() ),
				wc_get_orders( array( 'meta_key' => '_korea_checkout_session_id', 'meta_value' => '${ sessionId }', 'limit' => -1 ) ) );`
		);
		expect( orders ).toHaveLength( 1 );
		expect( orders[ 0 ]?.needsPayment ).toBe( true );

		// Paying again from the same checkout reuses that order, with a new session.
		const retrySession = await placeBlockOrder();
		expect( retrySession ).not.toBe( sessionId );
		expect(
			( await sandbox.session( retrySession ) ).platformOrderId
		).toBe( String( orders[ 0 ]?.id ) );
		await payOnHostedPage( 'kakao_pay' );
		expect( page.url() ).toContain(
			`/order-received/${ String( orders[ 0 ]?.id ) }/`
		);
		expect( ( await orderFacts( orders[ 0 ]?.id ?? 0 ) ).paid ).toBe(
			true
		);
	} );

	test( 'comes back to the checkout when the shopper cancels on the hosted page', async () => {
		test.setTimeout( FLOW_TIMEOUT );
		await addToCart( 'KC-NOTE' );
		await placeClassicOrder();
		await page.locator( '#cancel' ).click();
		await page.waitForURL(
			( url ) => url.href.startsWith( stack.storeUrl ),
			{ timeout: 120_000 }
		);
		await page.waitForLoadState( 'networkidle' );
		expect( page.url(), 'back on the checkout it came from' ).toContain(
			'/classic-checkout/'
		);
		await expect(
			page
				.getByText( /You cancelled the payment/i )
				.first()
				.isVisible()
		).resolves.toBe( true );
		await screenshot( page, 'payments-classic-cancelled' );
		await expect(
			page.locator( '#place_order' ).isVisible()
		).resolves.toBe( true );
	} );

	test( 'issues a virtual account, shows it, and marks the order paid after the deposit', async () => {
		test.setTimeout( FLOW_TIMEOUT );
		await addToCart( 'KC-SCARF' );
		const sessionId = await placeBlockOrder();
		// The hosted page shows the issued account with a link back to the store instead of redirecting.
		await page
			.locator( '#method-virtual_account' )
			.check( { force: true } );
		await page.locator( '#pay' ).click();
		const back = page.locator( '[data-testid="back-to-store"]' );
		await back.waitFor();
		await screenshot( page, 'payments-virtual-account-hosted' );
		await back.click();
		await page.waitForURL(
			( url ) => url.href.startsWith( stack.storeUrl ),
			{ timeout: 120_000 }
		);
		await page.waitForLoadState( 'networkidle' );
		expect( page.url() ).toContain( '/order-received/' );
		const orderId = orderIdFromReceivedUrl( page.url() );
		const account = ( await sandbox.session( sessionId ) )
			.virtualAccount as Record< string, string >;
		const box = page.locator( '.korea-checkout-virtual-account' );
		await box.waitFor( { timeout: 30_000 } );
		const text = await box.innerText();
		expect( text ).toContain( account.bankName );
		expect( text ).toContain( account.accountNumber );
		expect( text ).toContain( account.accountHolder );
		await screenshot( page, 'payments-virtual-account-issued' );
		expect( ( await orderFacts( orderId ) ).status ).toBe( 'on-hold' );

		await sandbox.deposit( sessionId );
		let paid: OrderFacts | undefined;
		await expect( async () => {
			paid = await orderFacts( orderId );
			expect( paid.paid, 'the deposit to reach the order' ).toBe( true );
		} ).toPass( { timeout: 30_000, intervals: [ 500 ] } );
		expect( paid?.status ).toBe( 'processing' );
		await page.reload();
		await expect(
			page.locator( '.korea-checkout-virtual-account' ).count()
		).resolves.toBe( 0 );
		await screenshot( page, 'payments-virtual-account-deposited' );
	} );

	test( 'shows a clear message and keeps the cart when the API is down', async () => {
		test.setTimeout( FLOW_TIMEOUT );
		await addToCart( 'KC-TEA' );
		await sandbox.fault( {
			target: 'create-session',
			mode: '500',
			count: 3,
		} );
		await page.goto( `${ stack.storeUrl }/classic-checkout/` );
		await page
			.locator( '#billing_first_name' )
			.waitFor( { timeout: 30_000 } );
		await page.fill( '#billing_first_name', '하늘' );
		await page.fill( '#billing_last_name', '최' );
		await page.fill( '#billing_postcode', '04524' );
		await page.fill( '#billing_address_1', '세종대로 110' );
		await page.fill( '#billing_city', '서울' );
		await page.fill( '#billing_phone', '010-9999-0000' );
		await page.fill( '#billing_email', 'haneul.choi@example.com' );
		await chooseClassicPaymentMethod( page, 'korea_checkout' );
		await page.locator( '#place_order' ).click();
		const error = page
			.locator(
				'.woocommerce-error, .woocommerce-NoticeGroup-checkout, .wc-block-components-notice-banner.is-error'
			)
			.first();
		await error.waitFor( { timeout: 120_000 } );
		await expect( error.innerText() ).resolves.toMatch(
			/payment service is not responding/i
		);
		expect( page.url() ).toContain( '/classic-checkout/' );
		await screenshot( page, 'payments-api-down' );
	} );
} );
