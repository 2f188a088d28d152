/**
 * A store owner sets Korea Checkout up from empty settings through WooCommerce > Korea Checkout in Chromium:
 * a wrong key is refused with its sentence and nothing is saved; the sandbox's key is accepted and shown only
 * as its mask; the connection test shows the sandbox shop.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/test.ts';
import { loginAsAdmin, screenshot } from './support/browser.ts';

interface StoredSettings {
	api_key?: string;
	webhook_secret?: string;
	api_url?: string;
	mode?: string;
	enabled_methods?: string[];
}

test.describe( 'WooCommerce > Korea Checkout', () => {
	// One owner on one page: each step goes on from where the last one left the settings screen.
	test.describe.configure( { mode: 'serial' } );
	let page: Page;
	/** The settings the stack installed, put back afterwards for the specs that follow. */
	let saved: unknown;

	test.beforeAll( async ( { browser, stack, wp } ) => {
		saved = await wp( "return get_option( 'korea_checkout_settings' );" );
		await wp(
			"delete_option( 'korea_checkout_settings' ); delete_transient( 'korea_checkout_connection' ); return true;"
		);
		page = await browser.newPage( {
			viewport: { width: 1280, height: 900 },
		} );
		await loginAsAdmin( page, stack );
	} );

	test.afterAll( async ( { wp } ) => {
		await page?.context().close();
		await wp(
			`update_option( 'korea_checkout_settings', json_decode( ${ JSON.stringify(
				JSON.stringify( saved )
			) }, true ) ); delete_transient( 'korea_checkout_connection' ); return true;`
		);
	} );

	function storedSettings(
		wp: < T >( code: string ) => Promise< T >
	): Promise< StoredSettings | false > {
		return wp< StoredSettings | false >(
			"return get_option( 'korea_checkout_settings' );"
		);
	}

	async function openSettings( adminUrl: string ): Promise< void > {
		await page.goto( `${ adminUrl }/admin.php?page=korea-checkout` );
		await page.locator( '.kc-settings' ).waitFor( { timeout: 30_000 } );
	}

	async function save(): Promise< void > {
		await page.getByRole( 'button', { name: 'Save changes' } ).click();
		await page.locator( '.kc-page-notice' ).waitFor( { timeout: 30_000 } );
	}

	test( 'starts empty: no key saved, the connection test waits for one', async ( {
		stack,
	} ) => {
		await openSettings( stack.adminUrl );
		const keyField = page.locator( '.kc-field-api_key' );
		await expect( keyField.innerText() ).resolves.toContain(
			'Nothing saved yet.'
		);
		await expect(
			page.getByRole( 'button', { name: 'Test connection' } ).isDisabled()
		).resolves.toBe( true );
		await expect(
			page.locator( '.kc-connection' ).innerText()
		).resolves.toContain( 'Save an API key first.' );
		await expect(
			page.locator( '#kc-webhook-url' ).inputValue()
		).resolves.toBe(
			`${ stack.storeUrl }/wp-json/korea-checkout/v1/webhook`
		);
	} );

	test( 'refuses a wrong key with its sentence and saves nothing', async ( {
		wp,
	} ) => {
		await page
			.getByLabel( 'API key', { exact: true } )
			.fill( 'sk_test_1234' );
		await save();
		const error = page.locator( '.kc-field-error[data-field="api_key"]' );
		await expect( error.innerText() ).resolves.toContain(
			'This is not a whole API key'
		);
		await expect(
			page.locator( '.kc-page-notice' ).innerText()
		).resolves.toContain( 'nothing was saved' );
		await expect(
			page.getByLabel( 'API key', { exact: true } ).inputValue()
		).resolves.toBe( 'sk_test_1234' );
		await screenshot( page, 'admin-settings-wrong-key' );
		expect( await storedSettings( wp ) ).toBe( false );

		await page
			.getByLabel( 'API key', { exact: true } )
			.fill( `sk_live_${ 'a'.repeat( 64 ) }` );
		await save();
		await expect( error.innerText() ).resolves.toContain(
			'Sandbox mode needs a test key'
		);
		expect( await storedSettings( wp ) ).toBe( false );
	} );

	test( 'accepts the sandbox key, shows only its mask and tests the connection', async ( {
		stack,
		wp,
	} ) => {
		expect( stack.sandboxUrl ).not.toBeNull();
		await page
			.getByLabel( 'API key', { exact: true } )
			.fill( stack.apiKey );
		await page
			.getByLabel( 'Webhook signing secret', { exact: true } )
			.fill( stack.webhookSecret );
		const apiAddress = page.getByLabel( 'API address', { exact: true } );
		if ( await apiAddress.isEnabled() ) {
			await apiAddress.fill( stack.sandboxUrl ?? '' );
		}
		await save();
		await expect(
			page.locator( '.kc-page-notice' ).innerText()
		).resolves.toContain( 'Settings saved.' );

		const mask = `sk_test_••••${ stack.apiKey.slice( -4 ) }`;
		await expect(
			page
				.getByLabel( 'API key', { exact: true } )
				.getAttribute( 'placeholder' )
		).resolves.toBe( mask );
		await expect(
			page.getByLabel( 'API key', { exact: true } ).inputValue()
		).resolves.toBe( '' );
		const stored = await storedSettings( wp );
		expect( stored && stored.api_key ).toBe( stack.apiKey );

		// Saving the key tests the connection; the shop appears.
		const shopName = page.locator( '.kc-shop-name' );
		await shopName.waitFor( { timeout: 30_000 } );
		await expect( shopName.innerText() ).resolves.toContain(
			'Sandbox Shop'
		);

		// And the button asks again.
		await page.getByRole( 'button', { name: 'Test connection' } ).click();
		await page
			.locator( '.kc-connection__when' )
			.filter( { hasText: 'Checked at' } )
			.waitFor();
		const facts = await page.locator( '.kc-shop-facts' ).innerText();
		expect( facts ).toContain( 'Sandbox Shop' );
		expect( facts ).toContain( 'Verified' );
		expect( facts ).toContain( 'KakaoPay' );
		expect( facts ).toMatch( /\d+ of 100 requests left this minute/ );

		const html = await page.content();
		expect( html ).not.toContain( stack.apiKey.slice( 8 ) );
		expect( html ).not.toContain( stack.webhookSecret );

		const shot = await screenshot( page, 'admin-settings-connected' );
		console.log( `[e2e] settings page after setup: ${ shot }` );
	} );

	test( 'keeps the shopper’s order of the methods it saves', async ( {
		stack,
		wp,
	} ) => {
		await openSettings( stack.adminUrl );
		await page.locator( '.kc-shop-name' ).waitFor( { timeout: 30_000 } );
		await page
			.locator( '.kc-methods__item[data-method="bank_transfer"]' )
			.locator( 'input[type="checkbox"]' )
			.uncheck();
		await page.getByRole( 'button', { name: 'Move KakaoPay up' } ).click();
		await save();
		await expect(
			page.locator( '.kc-page-notice' ).innerText()
		).resolves.toContain( 'Settings saved.' );
		const stored = await storedSettings( wp );
		expect( stored && stored.enabled_methods ).toEqual( [
			'card',
			'kakao_pay',
			'virtual_account',
			'naver_pay',
			'toss_pay',
			'samsung_pay',
		] );
	} );
} );
