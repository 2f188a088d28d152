/**
 * A store owner sets Korea Checkout up from empty settings through WooCommerce > Korea Checkout in Chromium:
 * a wrong key is refused with its sentence and nothing is saved; the sandbox's key is accepted and shown only
 * as its mask; the connection test shows the sandbox shop.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eStack } from '../support/e2e.ts';
import { launchBrowser, loginAsAdmin, screenshot } from '../support/browser.ts';
import { wpEval } from '../support/wp.ts';

const stack = e2eStack();
let browser: Browser;
let page: Page;
/** The settings the stack installed, put back afterwards for the specs that follow. */
let saved: unknown;

interface StoredSettings {
	api_key?: string;
	webhook_secret?: string;
	api_url?: string;
	mode?: string;
	enabled_methods?: string[];
}

function storedSettings(): Promise< StoredSettings | false > {
	return wpEval< StoredSettings | false >(
		stack,
		"return get_option( 'korea_checkout_settings' );"
	);
}

beforeAll( async () => {
	saved = await wpEval(
		stack,
		"return get_option( 'korea_checkout_settings' );"
	);
	await wpEval(
		stack,
		"delete_option( 'korea_checkout_settings' ); delete_transient( 'korea_checkout_connection' ); return true;"
	);
	browser = await launchBrowser();
	page = await browser.newPage( { viewport: { width: 1280, height: 900 } } );
	await loginAsAdmin(
		page,
		stack.storeUrl,
		stack.adminUser,
		stack.adminPassword
	);
} );

afterAll( async () => {
	await browser?.close();
	await wpEval(
		stack,
		`update_option( 'korea_checkout_settings', json_decode( ${ JSON.stringify(
			JSON.stringify( saved )
		) }, true ) ); delete_transient( 'korea_checkout_connection' ); return true;`
	);
} );

async function openSettings(): Promise< void > {
	await page.goto( `${ stack.adminUrl }/admin.php?page=korea-checkout` );
	await page.locator( '.kc-settings' ).waitFor( { timeout: 30_000 } );
}

async function save(): Promise< void > {
	await page.getByRole( 'button', { name: 'Save changes' } ).click();
	await page.locator( '.kc-page-notice' ).waitFor( { timeout: 30_000 } );
}

describe( 'WooCommerce > Korea Checkout', () => {
	it( 'starts empty: no key saved, the connection test waits for one', async () => {
		await openSettings();
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

	it( 'refuses a wrong key with its sentence and saves nothing', async () => {
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
		expect( await storedSettings() ).toBe( false );

		await page
			.getByLabel( 'API key', { exact: true } )
			.fill( `sk_live_${ 'a'.repeat( 64 ) }` );
		await save();
		await expect( error.innerText() ).resolves.toContain(
			'Sandbox mode needs a test key'
		);
		expect( await storedSettings() ).toBe( false );
	} );

	it( 'accepts the sandbox key, shows only its mask and tests the connection', async () => {
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
		const stored = await storedSettings();
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

	it( 'keeps the shopper’s order of the methods it saves', async () => {
		await openSettings();
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
		const stored = await storedSettings();
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
