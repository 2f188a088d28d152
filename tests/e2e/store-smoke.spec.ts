/**
 * The store of the end-to-end stack works as a shop: products listed, a product in the cart, the block checkout
 * rendered by WooCommerce, and a Cash-on-delivery order placed through the Store API. On the production stack,
 * both web nodes answer and WordPress keeps its object cache in Redis (when the stack runs with one).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/test.ts';
import { screenshot } from './support/browser.ts';
import { placeOrder } from '../support/store-api.ts';

test.describe( 'the store', () => {
	// The first three go on on one page: the cart the second one fills is the checkout the third one shows.
	test.describe.configure( { mode: 'serial' } );
	let page: Page;

	test.beforeAll( async ( { browser } ) => {
		page = await browser.newPage( {
			viewport: { width: 1280, height: 900 },
		} );
	} );

	test.afterAll( async () => {
		await page?.context().close();
	} );

	test( 'lists the sample products with prices in won', async ( {
		stack,
	} ) => {
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

	test( 'puts a product into the cart', async ( { stack, product } ) => {
		const scarf = product( 'KC-SCARF' );
		await page.goto( `${ stack.storeUrl }/?p=${ String( scarf.id ) }` );
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

	test( 'renders the block checkout for that cart', async ( { stack } ) => {
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

	test( 'takes a Cash-on-delivery order through the Store API', async ( {
		stack,
		product,
		wp,
	} ) => {
		const tea = product( 'KC-TEA' );
		// Other specs buy from the same store: compare with the stock just before this order.
		const stockBefore = await wp< number >(
			`return wc_get_product( ${ String( tea.id ) } )->get_stock_quantity();`
		);
		const { result, checkoutSeconds } = await placeOrder(
			stack.storeUrl,
			'cod',
			[ { id: tea.id, quantity: 2 } ]
		);
		console.log(
			`[e2e] Cash-on-delivery Store API checkout took ${ checkoutSeconds.toFixed( 3 ) } s`
		);
		expect( result.payment_result.payment_status ).toBe( 'success' );
		expect( result.status ).toBe( 'processing' );

		const order = await wp< {
			status: string;
			total: string;
			currency: string;
			method: string;
			stock: number;
		} >(
			`$order = wc_get_order( ${ String( result.order_id ) } );
			return array(
				'status'   => $order->get_status(),
				'total'    => $order->get_total(),
				'currency' => $order->get_currency(),
				'method'   => $order->get_payment_method(),
				'stock'    => wc_get_product( ${ String( tea.id ) } )->get_stock_quantity(),
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

test.describe( 'the production stack', () => {
	test( 'spreads requests over both web nodes, each marking its answers', async ( {
		stack,
	} ) => {
		test.skip( stack.kind !== 'production', 'php -S has one node' );
		const nodes = new Set< string >();
		for ( let request = 0; request < 6; request++ ) {
			const response = await fetch( `${ stack.storeUrl }/wp-json/`, {
				signal: AbortSignal.timeout( 60_000 ),
			} );
			await response.arrayBuffer();
			expect( response.status ).toBe( 200 );
			nodes.add( response.headers.get( 'x-kc-node' ) ?? 'none' );
		}
		expect( [ ...nodes ].sort() ).toEqual( [ 'a', 'b' ] );
	} );

	test( 'keeps WordPress’s object cache in Redis when it runs with one', async ( {
		stack,
		wp,
	} ) => {
		test.skip( stack.objectCache !== 'redis', 'no object cache' );
		const cache = await wp< { external: boolean; redis: boolean } >(
			`global $wp_object_cache;
			return array(
				'external' => wp_using_ext_object_cache(),
				'redis'    => method_exists( $wp_object_cache, 'redis_status' ) && $wp_object_cache->redis_status(),
			);`
		);
		expect( cache ).toEqual( { external: true, redis: true } );
	} );
} );
