/**
 * Exactly once, on the native stack with several PHP workers: duplicated, late and out-of-order webhooks and a
 * shopper's return racing its webhook never pay an order twice. Every order here is placed through the Store API,
 * paid in the sandbox, and then hit from several sides at the same moment. Afterwards the test counts how often
 * `korea_checkout_payment_complete` fired for the order (a test mu-plugin records each call as its own database
 * row, so concurrent calls cannot hide one another) and how far the product's stock went down.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type E2eFixtures } from './support/test.ts';
import {
	sessionIdFromCheckoutUrl,
	type SandboxDelivery,
} from '../support/sandbox.ts';
import { placeOrder } from '../support/store-api.ts';

/** The run's store (fixtures), kept for the helpers below. */
let stack: E2eFixtures[ 'stack' ];
let sandbox: E2eFixtures[ 'sandbox' ];
let wp: E2eFixtures[ 'wp' ];
let counterPlugin: string;
const QUANTITY = 2;
let productId = 0;

/** Records every korea_checkout_payment_complete call as an options row of its own (an INSERT never loses a count). */
const COUNTER_SOURCE = `<?php
/* Written by tests/e2e/concurrency-webhooks.e2e.test.ts and removed after it. */
add_action( 'korea_checkout_payment_complete', static function ( $order_id, $payment_data ) {
	global $wpdb;
	$wpdb->insert( $wpdb->options, array(
		'option_name'  => 'kc_e2e_paid_' . (int) $order_id . '_' . wp_generate_password( 12, false ),
		'option_value' => (string) wp_json_encode( array( 'session' => $payment_data['sessionId'] ?? '', 'pid' => getmypid() ) ),
		'autoload'     => 'off',
	) );
}, 10, 2 );
`;

interface OrderOutcome {
	status: string;
	hookCalls: number;
	stock: number;
	refunds: string[];
	stockNotes: number;
}

/** What became of some orders, read in one PHP process. */
function outcomes( orderIds: number[] ): Promise< OrderOutcome[] > {
	return wp< OrderOutcome[] >(
		`global $wpdb;
		$result = array();
		foreach ( json_decode( '${ JSON.stringify( orderIds ) }', true ) as $id ) {
			$order    = wc_get_order( $id );
			$notes    = wp_list_pluck( wc_get_order_notes( array( 'order_id' => $id ) ), 'content' );
			$result[] = array(
				'status'     => $order->get_status(),
				'hookCalls'  => (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( 'kc_e2e_paid_' . $id . '_' ) . '%' ) ),
				'stock'      => (int) wc_get_product( ${ String( productId ) } )->get_stock_quantity(),
				'refunds'    => array_map( static fn( $refund ) => (string) $refund->get_meta( '_korea_checkout_refund_id' ), $order->get_refunds() ),
				'stockNotes' => count( array_filter( $notes, static fn( $note ) => str_contains( $note, 'Stock levels reduced' ) ) ),
			);
		}
		return $result;`
	);
}

async function outcome( orderId: number ): Promise< OrderOutcome > {
	const [ result ] = await outcomes( [ orderId ] );
	if ( result === undefined ) {
		throw new Error( `no outcome for order ${ String( orderId ) }` );
	}
	return result;
}

function stockNow(): Promise< number > {
	return wp< number >(
		`return (int) wc_get_product( ${ String( productId ) } )->get_stock_quantity();`
	);
}

/** Places an order for QUANTITY of the test product; returns its id and session id. */
async function newOrder(): Promise< { orderId: number; sessionId: string } > {
	const { result } = await placeOrder( stack.storeUrl, 'korea_checkout', [
		{ id: productId, quantity: QUANTITY },
	] );
	expect( result.payment_result.redirect_url ).toContain( '/checkout/cs_' );
	return {
		orderId: result.order_id,
		sessionId: sessionIdFromCheckoutUrl(
			result.payment_result.redirect_url
		),
	};
}

async function settledDeliveries(
	sessionId: string,
	count: number
): Promise< SandboxDelivery[] > {
	let list: SandboxDelivery[] = [];
	await expect( async () => {
		list = await sandbox.deliveries( sessionId );
		expect(
			list.length >= count &&
				list.every( ( delivery ) => delivery.state !== 'pending' ),
			`${ String( count ) } settled deliveries of ${ sessionId }: ${ JSON.stringify( list.map( ( delivery ) => delivery.state ) ) }`
		).toBe( true );
	} ).toPass( { timeout: 60_000, intervals: [ 250 ] } );
	return list;
}

/** The shopper's browser arriving at the return URL (it follows no redirect: the order-received page is not needed). */
async function shopperReturns( redirectUrl: string ): Promise< number > {
	const response = await fetch( redirectUrl, {
		redirect: 'manual',
		signal: AbortSignal.timeout( 60_000 ),
	} );
	await response.arrayBuffer();
	return response.status;
}

/** Arms one webhook fault of the sandbox (sandbox.md: duplicate, delay, reorder). */
function webhookFault(
	mode: 'duplicate' | 'delay' | 'reorder',
	count = 1,
	delayMs?: number
): Promise< unknown > {
	return sandbox.call( 'POST', '/sandbox/faults', {
		target: 'webhook',
		mode,
		count,
		...( delayMs === undefined ? {} : { delayMs } ),
	} );
}

/** The order is paid, the hook fired once, the stock went down once by the order's quantity. */
async function expectPaidOnce(
	orderId: number,
	stockBefore: number
): Promise< OrderOutcome > {
	const result = await outcome( orderId );
	expect( result ).toMatchObject( {
		status: 'processing',
		hookCalls: 1,
		stock: stockBefore - QUANTITY,
		stockNotes: 1,
	} );
	return result;
}

test.describe( 'exactly once under concurrent webhooks and returns', () => {
	test.beforeAll( async ( { stack: run, sandbox: control, wp: php } ) => {
		stack = run;
		sandbox = control;
		wp = php;
		counterPlugin = join(
			stack.wpRoot,
			'wp-content',
			'mu-plugins',
			'kc-e2e-payment-counter.php'
		);
		expect(
			stack.sandboxUrl,
			'the e2e stack runs a sandbox'
		).not.toBeNull();
		mkdirSync( join( stack.wpRoot, 'wp-content', 'mu-plugins' ), {
			recursive: true,
		} );
		writeFileSync( counterPlugin, COUNTER_SOURCE );
		productId = await wp< number >(
			`$product = new WC_Product_Simple();
			$product->set_props( array( 'name' => 'Concurrency test bowl', 'sku' => 'KC-E2E-RACE-' . wp_generate_password( 6, false ), 'regular_price' => '15000', 'status' => 'publish', 'manage_stock' => true, 'stock_quantity' => 200 ) );
			return $product->save();`
		);
	} );

	test.afterAll( async () => {
		rmSync( counterPlugin, { force: true } );
		await sandbox.call( 'DELETE', '/sandbox/faults' );
	} );

	test.beforeEach( async () => {
		await sandbox.call( 'DELETE', '/sandbox/faults' );
	} );

	test( 'a duplicated webhook plus three simultaneous redeliveries pay once', async () => {
		const before = await stockNow();
		const { orderId, sessionId } = await newOrder();
		await webhookFault( 'duplicate' );

		await sandbox.pay( sessionId, 'card' );
		const first = await settledDeliveries( sessionId, 2 );
		await Promise.all(
			[ 0, 1, 2 ].map( () => sandbox.redeliver( first[ 0 ]?.id ?? '' ) )
		);
		const all = await settledDeliveries( sessionId, 5 );

		expect( all.map( ( delivery ) => delivery.state ) ).toEqual(
			Array( 5 ).fill( 'delivered' )
		);
		expect(
			new Set( all.map( ( delivery ) => delivery.eventId ) ).size
		).toBe( 1 );
		await expectPaidOnce( orderId, before );
	} );

	test( 'the return racing several deliveries of its webhook pays once', async () => {
		const before = await stockNow();
		const { orderId, sessionId } = await newOrder();
		// Hold the first attempt back a little, so that it lands in the middle of the race below.
		await webhookFault( 'delay', 1, 300 );

		const paid = await sandbox.pay( sessionId, 'kakao_pay' );
		const [ delivery ] = await sandbox.deliveries( sessionId );
		expect(
			delivery,
			'the payment.completed delivery is recorded'
		).toBeDefined();
		const statuses = await Promise.all( [
			shopperReturns( paid.redirectUrl ?? '' ),
			shopperReturns( paid.redirectUrl ?? '' ),
			sandbox.redeliver( delivery?.id ?? '' ),
			sandbox.redeliver( delivery?.id ?? '' ),
			sandbox.redeliver( delivery?.id ?? '' ),
		] );
		expect(
			statuses
				.slice( 0, 2 )
				.every(
					( status ) =>
						status === 302 || status === 303 || status === 200
				)
		).toBe( true );
		const all = await settledDeliveries( sessionId, 4 );

		expect( all.every( ( item ) => item.state === 'delivered' ) ).toBe(
			true
		);
		await expectPaidOnce( orderId, before );
	} );

	test( 'a webhook arriving late, after the return already paid the order, changes nothing', async () => {
		const before = await stockNow();
		const { orderId, sessionId } = await newOrder();
		await webhookFault( 'delay', 1, 4000 );

		const paid = await sandbox.pay( sessionId, 'card' );
		await shopperReturns( paid.redirectUrl ?? '' );
		const afterReturn = await outcome( orderId );
		expect( afterReturn ).toMatchObject( {
			status: 'processing',
			hookCalls: 1,
		} );

		const [ late ] = await settledDeliveries( sessionId, 1 );
		expect( late?.state ).toBe( 'delivered' );
		await expectPaidOnce( orderId, before );
	} );

	test( 'out of order: a refund webhook before its payment webhook records the payment and the refund once each', async () => {
		const before = await stockNow();
		const { orderId, sessionId } = await newOrder();
		await webhookFault( 'reorder' );

		await sandbox.pay( sessionId, 'naver_pay' );
		// payment.completed is held; the dashboard refund's payment.refunded overtakes it and releases it.
		await sandbox.refund( sessionId, 5000, 'Out-of-order test' );
		const deliveries = await settledDeliveries( sessionId, 2 );

		expect(
			deliveries.map( ( delivery ) => delivery.event ).sort()
		).toEqual( [ 'payment.completed', 'payment.refunded' ] );
		const refunded = deliveries.find(
			( delivery ) => delivery.event === 'payment.refunded'
		);
		const completed = deliveries.find(
			( delivery ) => delivery.event === 'payment.completed'
		);
		expect(
			Date.parse( refunded?.attempts[ 0 ]?.time ?? '' )
		).toBeLessThanOrEqual(
			Date.parse( completed?.attempts[ 0 ]?.time ?? '' )
		);
		const result = await expectPaidOnce( orderId, before );
		expect( result.refunds ).toHaveLength( 1 );
		expect( result.refunds[ 0 ] ).toMatch( /^ref_/ );
	} );

	test( 'out of order: a failure delivered after the payment that followed it leaves the order paid', async () => {
		const before = await stockNow();
		const { orderId, sessionId } = await newOrder();
		await webhookFault( 'reorder' );

		await sandbox.fail( sessionId, 'REJECT_CARD_COMPANY', 'Card refused' );
		await sandbox.pay( sessionId, 'card' );
		const deliveries = await settledDeliveries( sessionId, 2 );

		expect(
			deliveries.map( ( delivery ) => delivery.event ).sort()
		).toEqual( [ 'payment.completed', 'payment.failed' ] );
		await expectPaidOnce( orderId, before );
	} );

	test( 'three orders paid at once, each with a duplicated webhook and a racing return, are each paid once', async () => {
		test.setTimeout( 300_000 );
		const before = await stockNow();
		const orders = await Promise.all( [
			newOrder(),
			newOrder(),
			newOrder(),
		] );
		await webhookFault( 'duplicate', orders.length );

		await Promise.all(
			orders.map( async ( { sessionId } ) => {
				const paid = await sandbox.pay( sessionId, 'card' );
				await shopperReturns( paid.redirectUrl ?? '' );
			} )
		);
		await Promise.all(
			orders.map( ( { sessionId } ) => settledDeliveries( sessionId, 2 ) )
		);

		const results = await outcomes(
			orders.map( ( { orderId } ) => orderId )
		);
		for ( const result of results ) {
			expect( result ).toMatchObject( {
				status: 'processing',
				hookCalls: 1,
				stockNotes: 1,
			} );
		}
		expect( results[ 0 ]?.stock ).toBe( before - orders.length * QUANTITY );
	} );
} );
