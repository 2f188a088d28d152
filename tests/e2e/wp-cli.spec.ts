/**
 * `wp korea-checkout check` and `wp korea-checkout order <id> [--recheck]` run by WP-CLI against the native
 * store and the sandbox: the connection with the saved key, with a malformed one and with one the service
 * refuses (set through the environment, which wins over the saved key), an order that does not exist or has no
 * payment, and an order whose webhooks the store refused (the sandbox signed them with a wrong secret) brought
 * up to date by --recheck.
 */
import { randomBytes } from 'node:crypto';
import { test, expect } from './support/test.ts';
import { wpCli } from './support/wp-cli.ts';
import { sessionIdFromCheckoutUrl } from '../support/sandbox.ts';
import { placeOrder } from '../support/store-api.ts';

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

test.beforeAll( async ( { sandbox } ) => {
	await sandbox.clearFaults();
} );

test.afterAll( async ( { sandbox } ) => {
	await sandbox.clearFaults();
} );

test.describe( 'wp korea-checkout', () => {
	test( 'checks the connection with the saved key and shows the sandbox shop', async ( {
		stack,
	} ) => {
		const table = await wpCli( stack, [ 'korea-checkout', 'check' ] );
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

		const json = await wpCli( stack, [
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

	test( 'says what is wrong, and exits 1, for a malformed key and for a key the service refuses', async ( {
		stack,
	} ) => {
		// Keys set in the environment win over the saved one (and are shown as locked on the settings page).
		const malformed = `sk_test_${ 'x'.repeat( 32 ) }`;
		const local = await wpCli( stack, [ 'korea-checkout', 'check' ], {
			KOREA_CHECKOUT_API_KEY: malformed,
		} );
		expect( local.status ).toBe( 1 );
		expect( local.stderr ).toMatch(
			/^Error: \[key_format\] The saved API key is not a whole key/m
		);

		const unknown = `sk_test_${ randomBytes( 32 ).toString( 'hex' ) }`;
		const refused = await wpCli( stack, [ 'korea-checkout', 'check' ], {
			KOREA_CHECKOUT_API_KEY: unknown,
		} );
		expect( refused.status ).toBe( 1 );
		expect( refused.stderr ).toMatch(
			/^Error: \[bad_key\] Korea Checkout refused the key\./m
		);
		const json = await wpCli(
			stack,
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

	test( 'refuses an order that does not exist or was not paid with Korea Checkout', async ( {
		stack,
		product,
	} ) => {
		const missing = await wpCli( stack, [
			'korea-checkout',
			'order',
			'99999999',
		] );
		expect( missing.status ).toBe( 1 );
		expect( missing.stderr ).toContain(
			'Error: There is no order 99999999.'
		);

		const { result } = await placeOrder( stack.storeUrl, 'cod', [
			{ id: product( 'KC-NOTE' ).id },
		] );
		const cod = await wpCli( stack, [
			'korea-checkout',
			'order',
			String( result.order_id ),
		] );
		expect( cod.status ).toBe( 1 );
		expect( cod.stderr ).toContain(
			`Error: Order ${ String( result.order_id ) } has no Korea Checkout payment.`
		);
	} );

	test( 'shows a pending payment and brings it up to date with --recheck when the webhooks were refused', async ( {
		stack,
		sandbox,
		product,
		wp,
	} ) => {
		const { result } = await placeOrder( stack.storeUrl, 'korea_checkout', [
			{ id: product( 'KC-TEA' ).id },
		] );
		const orderId = result.order_id;
		const sessionId = sessionIdFromCheckoutUrl(
			result.payment_result.redirect_url
		);
		// The sandbox's bad-signature fault spoils the first attempt of a delivery only; its first retry follows
		// 5 s later, rightly signed, and on a busy machine paid the order before --recheck ran. So until the
		// recheck the store also expects another secret: every attempt of this payment is refused.
		const secret = await wp< string >(
			"return (string) ( get_option( 'korea_checkout_settings' )['webhook_secret'] ?? '' );"
		);
		const setSecret = ( value: string ): Promise< unknown > =>
			wp(
				`$settings = get_option( 'korea_checkout_settings' );
				$settings['webhook_secret'] = ${ JSON.stringify( value ) };
				return update_option( 'korea_checkout_settings', $settings );`
			);
		await setSecret( `whsec_${ randomBytes( 24 ).toString( 'hex' ) }` );
		try {
			await sandbox.fault( {
				target: 'webhook',
				mode: 'bad-signature',
				count: 20,
			} );
			await sandbox.pay( sessionId, 'card' );
			await expect
				.poll(
					async () =>
						( await sandbox.deliveries( sessionId ) )[ 0 ]?.attempts
							.length ?? 0,
					{
						message: 'the first webhook delivery answered',
						timeout: 20_000,
						intervals: [ 250 ],
					}
				)
				.toBeGreaterThan( 0 );
			const [ refused ] = await sandbox.deliveries( sessionId );
			expect( refused?.attempts[ 0 ]?.status ).toBe( 400 );

			const before = await wpCli( stack, [
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

			const recheck = await wpCli( stack, [
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

			const order = await wp< { status: string; transaction: string } >(
				`$order = wc_get_order( ${ String( orderId ) } );
				return array( 'status' => $order->get_status(), 'transaction' => $order->get_transaction_id() );`
			);
			expect( order ).toEqual( {
				status: 'processing',
				transaction: after.transaction_id,
			} );
		} finally {
			await setSecret( secret );
		}
	} );
} );
