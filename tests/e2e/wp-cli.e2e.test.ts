/**
 * `wp korea-checkout check` and `wp korea-checkout order <id> [--recheck]` run by WP-CLI against the native
 * store and the sandbox: the connection with the saved key, with a malformed one and with one the service
 * refuses (set through the environment, which wins over the saved key), an order that does not exist or has no
 * payment, and an order whose webhooks the store refused (the sandbox signed them with a wrong secret) brought
 * up to date by --recheck.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eStack } from '../support/e2e.ts';
import {
	SandboxControl,
	sessionIdFromCheckoutUrl,
} from '../support/sandbox.ts';
import { placeOrder } from '../support/store-api.ts';
import { waitUntil } from '../support/wait.ts';
import { wpEval } from '../support/wp.ts';
import { wpCli } from '../support/wp-cli.ts';

const stack = e2eStack();
const sandbox = new SandboxControl( stack.sandboxUrl ?? '' );

/** The field/value pairs WP-CLI prints as a table (tab-separated when not on a terminal). */
function pairs( stdout: string ): Record< string, string > {
	return Object.fromEntries(
		stdout
			.split( '\n' )
			.map( ( line ) => line.split( '\t' ) )
			.filter(
				( cells ): cells is [ string, string ] =>
					cells.length === 2 && cells[ 0 ] !== 'field'
			)
	);
}

function productId( sku: string ): number {
	const product = stack.store.products.find(
		( candidate ) => candidate.sku === sku
	);
	if ( ! product ) {
		throw new Error( `no product ${ sku }` );
	}
	return product.id;
}

beforeAll( async () => {
	await sandbox.clearFaults();
} );

afterAll( async () => {
	await sandbox.clearFaults();
} );

describe( 'wp korea-checkout', () => {
	it( 'checks the connection with the saved key and shows the sandbox shop', async () => {
		const table = await wpCli( stack.wpRoot, [
			'korea-checkout',
			'check',
		] );
		expect( table.status, table.stderr ).toBe( 0 );
		const rows = pairs( table.stdout );
		expect( rows.mode ).toBe( 'sandbox' );
		expect( rows.api_url ).toBe( stack.sandboxUrl );
		expect( rows.shop ).toMatch( /^Sandbox Shop \(shop_[0-9a-f]+\)$/ );
		expect( rows.payment_methods?.split( ', ' ) ).toEqual(
			expect.arrayContaining( [ 'card', 'virtual_account', 'kakao_pay' ] )
		);
		expect( rows.rate_limit ).toMatch( /^\d+ of 100 left, resets / );
		expect( table.stdout ).toContain(
			'Success: Korea Checkout answered with the saved key.'
		);
		// The key itself is never printed.
		expect( table.stdout + table.stderr ).not.toContain( stack.apiKey );

		const json = await wpCli( stack.wpRoot, [
			'korea-checkout',
			'check',
			'--format=json',
		] );
		expect( json.status, json.stderr ).toBe( 0 );
		const parsed = JSON.parse( json.stdout ) as {
			ok: boolean;
			shop: { name: string; business_verified: boolean };
		};
		expect( parsed.ok ).toBe( true );
		expect( parsed.shop.name ).toBe( 'Sandbox Shop' );
		expect( json.stdout ).not.toContain( stack.apiKey );
	} );

	it( 'says what is wrong, and exits 1, for a malformed key and for a key the service refuses', async () => {
		// Keys set in the environment win over the saved one (and are shown as locked on the settings page).
		const malformed = `sk_test_${ 'x'.repeat( 32 ) }`;
		const local = await wpCli(
			stack.wpRoot,
			[ 'korea-checkout', 'check' ],
			{ KOREA_CHECKOUT_API_KEY: malformed }
		);
		expect( local.status ).toBe( 1 );
		expect( local.stderr ).toMatch(
			/^Error: \[key_format\] The saved API key is not a whole key/m
		);

		const unknown = `sk_test_${ randomBytes( 32 ).toString( 'hex' ) }`;
		const refused = await wpCli(
			stack.wpRoot,
			[ 'korea-checkout', 'check' ],
			{ KOREA_CHECKOUT_API_KEY: unknown }
		);
		expect( refused.status ).toBe( 1 );
		expect( refused.stderr ).toMatch(
			/^Error: \[bad_key\] Korea Checkout refused the key\./m
		);
		const json = await wpCli(
			stack.wpRoot,
			[ 'korea-checkout', 'check', '--format=json' ],
			{ KOREA_CHECKOUT_API_KEY: unknown }
		);
		expect( json.status ).toBe( 1 );
		expect( JSON.parse( json.stdout ) ).toMatchObject( {
			ok: false,
			problem: { code: 'bad_key' },
		} );
		for ( const run of [ local, refused, json ] ) {
			expect( run.stdout + run.stderr ).not.toMatch(
				new RegExp( `${ malformed }|${ unknown }` )
			);
		}
	} );

	it( 'refuses an order that does not exist or was not paid with Korea Checkout', async () => {
		const missing = await wpCli( stack.wpRoot, [
			'korea-checkout',
			'order',
			'99999999',
		] );
		expect( missing.status ).toBe( 1 );
		expect( missing.stderr ).toContain(
			'Error: There is no order 99999999.'
		);

		const { result } = await placeOrder( stack.storeUrl, 'cod', [
			{ id: productId( 'KC-NOTE' ) },
		] );
		const cod = await wpCli( stack.wpRoot, [
			'korea-checkout',
			'order',
			String( result.order_id ),
		] );
		expect( cod.status ).toBe( 1 );
		expect( cod.stderr ).toContain(
			`Error: Order ${ String( result.order_id ) } has no Korea Checkout payment.`
		);
	} );

	it( 'shows a pending payment and brings it up to date with --recheck when the webhooks were refused', async () => {
		const { result } = await placeOrder( stack.storeUrl, 'korea_checkout', [
			{ id: productId( 'KC-TEA' ) },
		] );
		const orderId = result.order_id;
		const sessionId = sessionIdFromCheckoutUrl(
			result.payment_result.redirect_url
		);
		// Every delivery of this payment (first try and any retry within the test) arrives badly signed.
		await sandbox.fault( {
			target: 'webhook',
			mode: 'bad-signature',
			count: 20,
		} );
		await sandbox.pay( sessionId, 'card' );
		const [ refused ] = await waitUntil(
			'the first webhook delivery answered',
			() => sandbox.deliveries( sessionId ),
			( list ) => ( list[ 0 ]?.attempts.length ?? 0 ) > 0
		);
		expect( refused?.attempts[ 0 ]?.status ).toBe( 400 );

		const before = await wpCli( stack.wpRoot, [
			'korea-checkout',
			'order',
			String( orderId ),
		] );
		expect( before.status, before.stderr ).toBe( 0 );
		expect( pairs( before.stdout ) ).toMatchObject( {
			order: String( orderId ),
			order_status: 'pending',
			payment_method: 'korea_checkout',
			session_id: sessionId,
			// 12,000 for the tea and the 3,000 flat-rate shipping, in whole won.
			total: '15000 KRW',
		} );

		const recheck = await wpCli( stack.wpRoot, [
			'korea-checkout',
			'order',
			String( orderId ),
			'--recheck',
		] );
		expect( recheck.status, recheck.stderr ).toBe( 0 );
		expect( recheck.stdout ).toContain(
			'Success: Korea Checkout says the payment is completed; the order went from pending to processing.'
		);
		const after = pairs( recheck.stdout );
		expect( after.order_status ).toBe( 'processing' );
		expect( after.transaction_id ).not.toBe( '-' );

		const order = await wpEval< { status: string; transaction: string } >(
			stack,
			`$order = wc_get_order( ${ String( orderId ) } );
			return array( 'status' => $order->get_status(), 'transaction' => $order->get_transaction_id() );`
		);
		expect( order ).toEqual( {
			status: 'processing',
			transaction: after.transaction_id,
		} );
	} );
} );
