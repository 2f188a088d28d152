/**
 * The store of the end-to-end stack works as a shop: products listed, a product in the cart, the block checkout
 * rendered by WooCommerce, and a Cash-on-delivery order placed through the Store API.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eStack } from '../support/e2e.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { placeOrder } from '../support/store-api.ts';
import { wpEval } from '../support/wp.ts';

const stack = e2eStack();
let browser: Browser;
let page: Page;

beforeAll( async () => {
	browser = await launchBrowser();
	page = await browser.newPage( { viewport: { width: 1280, height: 900 } } );
} );

afterAll( async () => {
	await browser?.close();
} );

describe( 'the native store', () => {
	it( 'lists the sample products with prices in won', async () => {
		await page.goto( `${ stack.storeUrl }/shop/` );
		for ( const product of stack.store.products ) {
			await expect(
				page
					.getByText( product.name, { exact: true } )
					.first()
					.isVisible()
			).resolves.toBe( true );
		}
		const body = await page.locator( 'main' ).innerText();
		expect( body ).toContain( '₩29,000' );
		expect( body ).not.toMatch( /₩29,000\.\d/ );
	} );

	it( 'puts a product into the cart', async () => {
		const scarf = stack.store.products.find(
			( product ) => product.sku === 'KC-SCARF'
		);
		expect( scarf ).toBeDefined();
		await page.goto( `${ stack.storeUrl }/?p=${ String( scarf?.id ) }` );
		await page
			.getByRole( 'button', { name: /add to cart/i } )
			.first()
			.click();
		await page
			.getByText( /has been added to your cart/i )
			.first()
			.waitFor( { timeout: 30_000 } );
		await page.goto( `${ stack.storeUrl }/cart/` );
		const row = page
			.locator( '.wc-block-cart-items__row' )
			.filter( { hasText: 'Silk Hanbok Scarf' } );
		await row.waitFor( { timeout: 30_000 } );
		await expect( row.innerText() ).resolves.toContain( '₩29,000' );
	} );

	it( 'renders the block checkout for that cart', async () => {
		await page.goto( `${ stack.storeUrl }/checkout/` );
		await page
			.locator( '.wc-block-checkout__form' )
			.waitFor( { timeout: 30_000 } );
		await page
			.locator( '.wc-block-checkout__payment-method' )
			.waitFor( { timeout: 30_000 } );
		await page.waitForLoadState( 'networkidle' );
		// The payment options fill in after the rest of the form (a skeleton until then): wait for them.
		await page
			.locator( '.wc-block-checkout__payment-method' )
			.getByText( /Cash on delivery/i )
			.first()
			.waitFor( { timeout: 30_000 } );
		const shot = await screenshot( page, 'block-checkout' );
		console.log( `[e2e] block checkout screenshot: ${ shot }` );
		const form = await page
			.locator( '.wc-block-checkout__form' )
			.innerText();
		expect( form ).toMatch( /Cash on delivery/i );
		await expect(
			page.locator( '.wc-block-components-order-summary' ).innerText()
		).resolves.toContain( 'Silk Hanbok Scarf' );
	} );

	it( 'takes a Cash-on-delivery order through the Store API', async () => {
		const tea = stack.store.products.find(
			( product ) => product.sku === 'KC-TEA'
		);
		expect( tea ).toBeDefined();
		// Other specs buy from the same store: compare with the stock just before this order.
		const stockBefore = await wpEval< number >(
			stack,
			`return wc_get_product( ${ String( tea?.id ?? 0 ) } )->get_stock_quantity();`
		);
		const { result, checkoutSeconds } = await placeOrder(
			stack.storeUrl,
			'cod',
			[ { id: tea?.id ?? 0, quantity: 2 } ]
		);
		console.log(
			`[e2e] Cash-on-delivery Store API checkout took ${ checkoutSeconds.toFixed( 3 ) } s`
		);
		expect( result.payment_result.payment_status ).toBe( 'success' );
		expect( result.status ).toBe( 'processing' );

		const order = await wpEval< {
			status: string;
			total: string;
			currency: string;
			method: string;
			stock: number;
		} >(
			stack,
			`$order = wc_get_order( ${ String( result.order_id ) } );
			return array(
				'status'   => $order->get_status(),
				'total'    => $order->get_total(),
				'currency' => $order->get_currency(),
				'method'   => $order->get_payment_method(),
				'stock'    => wc_get_product( ${ String( tea?.id ?? 0 ) } )->get_stock_quantity(),
			);`
		);
		expect( order ).toEqual( {
			status: 'processing',
			total: '27000',
			currency: 'KRW',
			method: 'cod',
			stock: stockBefore - 2,
		} );
	} );
} );
