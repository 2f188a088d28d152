/**
 * The shopper's side of the checkout in Chromium against real WooCommerce: the Korean address search (with a
 * local stand-in for the Daum postcode script, served by intercepting its URL), the payment-method choice, a
 * field and a CSS variable added by a theme's filters (a must-use plugin installed for this spec), in the block
 * and the classic checkout, at phone (360 px) and desktop widths. Orders are checked in WordPress and the
 * session in the sandbox afterwards. Screenshots land in tests/e2e/artifacts/checkout-*.png.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, Request } from '@playwright/test';
import { test, expect, type E2eFixtures } from './support/test.ts';
import { ARTIFACTS, screenshot } from './support/browser.ts';
import { clickPlaceOrder } from './support/block-checkout.ts';
import { addToCartFromProductPage } from './support/cart.ts';
import { chooseClassicPaymentMethod } from './support/classic-checkout.ts';
import { sessionIdFromCheckoutUrl } from '../support/sandbox.ts';

const fixtures = fileURLToPath( new URL( './fixtures/', import.meta.url ) );
const FAKE_POSTCODE = readFileSync(
	join( fixtures, 'fake-daum-postcode.js' ),
	'utf8'
);
const THEME_GREEN = 'rgb(3, 199, 90)';

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };

/** The run's store and browser (fixtures), kept for the helpers below; each test opens its own page. */
let stack: E2eFixtures[ 'stack' ];
let sandbox: E2eFixtures[ 'sandbox' ];
let wp: E2eFixtures[ 'wp' ];
let browser: Browser;
let muPlugin: string;
let page: Page;

interface OrderFacts {
	method: string;
	paymentMethod: string;
	shipping: Record< string, string >;
	billing: Record< string, string >;
	customField: string;
	deliveryMemo: string;
	sessionId: string;
}

function orderFacts( orderId: number ): Promise< OrderFacts > {
	return wp< OrderFacts >(
		`$order = wc_get_order( ${ String( orderId ) } );
		$fields = \\KoreaCheckout\\Checkout\\Fields::definitions();
		return array(
			'method'        => (string) $order->get_meta( '_korea_checkout_method' ),
			'paymentMethod' => $order->get_payment_method(),
			'shipping'      => $order->get_address( 'shipping' ),
			'billing'       => $order->get_address( 'billing' ),
			'customField'   => \\KoreaCheckout\\Checkout\\Fields::value( $order, $fields['custom_field'] ),
			'deliveryMemo'  => \\KoreaCheckout\\Checkout\\Fields::value( $order, $fields['delivery_memo'] ),
			'sessionId'     => (string) $order->get_meta( '_korea_checkout_session_id' ),
		);`
	);
}

/** The newest order's id (the one the browser just placed). */
function newestOrderId(): Promise< number > {
	return wp< number >(
		`return (int) wc_get_orders( array( 'limit' => 1, 'orderby' => 'id', 'order' => 'DESC', 'return' => 'ids' ) )[0];`
	);
}

async function newPage(
	viewport: { width: number; height: number },
	postcode: 'fake' | 'down' = 'fake'
): Promise< { requests: string[] } > {
	await page?.context().close();
	const context = await browser.newContext( { viewport, locale: 'en-US' } );
	page = await context.newPage();
	// The store runs on php -S beside other stacks: give it time.
	page.setDefaultNavigationTimeout( 120_000 );
	page.setDefaultTimeout( 60_000 );
	const requests: string[] = [];
	page.on( 'request', ( request: Request ) =>
		requests.push( request.url() )
	);
	// The Daum script's URL is answered here: the page never reaches the internet.
	await page.route( 'https://t1.daumcdn.net/**', ( route ) =>
		postcode === 'fake'
			? route.fulfill( {
					status: 200,
					contentType: 'application/javascript; charset=utf-8',
					body: FAKE_POSTCODE,
				} )
			: route.abort( 'connectionrefused' )
	);
	return { requests };
}

async function addToCart( sku: string ): Promise< void > {
	const product = stack.store.products.find(
		( candidate ) => candidate.sku === sku
	);
	expect( product, sku ).toBeDefined();
	await addToCartFromProductPage( page, stack.storeUrl, product?.id ?? 0 );
}

async function openBlockCheckout(): Promise< void > {
	await page.goto( `${ stack.storeUrl }/checkout/` );
	await page
		.locator( '.wc-block-checkout__form' )
		.waitFor( { timeout: 60_000 } );
}

/** Our button's computed background and the theme's root value of the same property (must not leak). */
function themeColours(
	selector: string
): Promise< { button: string; radius: string; rootVar: string } > {
	return page.evaluate( ( css ) => {
		const button = document.querySelector( css );
		if ( ! button ) {
			throw new Error( `no ${ css }` );
		}
		const style = getComputedStyle( button );
		return {
			button: style.backgroundColor,
			radius: style.borderTopLeftRadius,
			rootVar: getComputedStyle( document.documentElement )
				.getPropertyValue( '--primary-color' )
				.trim(),
		};
	}, selector );
}

test.beforeAll(
	async ( { stack: run, sandbox: control, wp: php, browser: chromium } ) => {
		stack = run;
		sandbox = control;
		wp = php;
		browser = chromium;
		muPlugin = join(
			stack.wpRoot,
			'wp-content',
			'mu-plugins',
			'kc-e2e-checkout-theme.php'
		);
		mkdirSync( join( stack.wpRoot, 'wp-content', 'mu-plugins' ), {
			recursive: true,
		} );
		copyFileSync( join( fixtures, 'checkout-theme.php' ), muPlugin );
	}
);

test.afterAll( async () => {
	rmSync( muPlugin, { force: true } );
} );

test.afterEach( async () => {
	await page?.context().close();
} );

test.describe( 'checkout UI', () => {
	test( 'loads nothing of ours on pages without a checkout, and the postcode script only on first use', async () => {
		test.setTimeout( 300_000 );
		const { requests } = await newPage( DESKTOP );
		await page.goto( `${ stack.storeUrl }/` );
		await page.waitForLoadState( 'networkidle' );
		// Our handles all start with korea-checkout (WooCommerce's own files also sit under plugins/ here).
		const ours = await page.evaluate( () =>
			[
				...document.querySelectorAll(
					'script, link[rel="stylesheet"], style'
				),
			]
				.filter(
					( element ) =>
						element.id.startsWith( 'korea-checkout' ) ||
						/\/korea-checkout\/build\//.test(
							element.getAttribute( 'src' ) ??
								element.getAttribute( 'href' ) ??
								''
						)
				)
				.map(
					( element ) =>
						element.id || element.outerHTML.slice( 0, 120 )
				)
		);
		expect( ours ).toEqual( [] );
		expect(
			await page.locator( 'style#korea-checkout-ui-inline-css' ).count()
		).toBe( 0 );

		await addToCart( 'KC-TEA' );
		await openBlockCheckout();
		await page
			.getByRole( 'button', { name: 'Find address' } )
			.first()
			.waitFor();
		expect(
			requests.some( ( url ) =>
				url.includes( '/korea-checkout/build/address-search.js' )
			)
		).toBe( true );
		expect(
			requests.some( ( url ) =>
				url.includes( '/korea-checkout/build/payment-method.js' )
			)
		).toBe( true );
		expect(
			requests.some(
				( url ) =>
					url.includes( 'daumcdn' ) ||
					url.includes( 'postcode-layer' )
			)
		).toBe( false );
	} );

	test( 'completes a block checkout with a searched address, a field and a method, at phone width', async () => {
		test.setTimeout( 420_000 );
		await newPage( PHONE );
		await addToCart( 'KC-TEA' );
		await openBlockCheckout();

		await page.fill( '#email', 'minji.park@example.com' );
		await expect
			.poll( () => page.locator( '#shipping-country' ).inputValue() )
			.toBe( 'KR' );
		const find = page
			.locator( '.wp-block-woocommerce-checkout-shipping-address-block' )
			.getByRole( 'button', { name: 'Find address' } );
		const colours = await themeColours(
			'.wp-block-woocommerce-checkout-shipping-address-block .korea-checkout-address-search__button'
		);
		expect( colours.button ).toBe( THEME_GREEN );
		expect( colours.radius ).toBe( '20px' );
		expect( colours.rootVar ).toBe( '' );

		// Esc closes the layer and gives focus back to the button.
		await find.click();
		const dialog = page.getByRole( 'dialog', {
			name: 'Find your address',
		} );
		await dialog.waitFor();
		await page.keyboard.press( 'Escape' );
		await expect.poll( () => dialog.count() ).toBe( 0 );
		// The checkout may redraw the button just after (its address push answering): the new one takes it back.
		await expect
			.poll(
				() =>
					page.evaluate( () => {
						const active = document.activeElement;
						return active?.id
							? `#${ active.id }`
							: ( active?.outerHTML.slice( 0, 160 ) ?? 'none' );
					} ),
				{ timeout: 10_000 }
			)
			.toBe( '#korea-checkout-address-search-shipping-button' );

		await find.click();
		await dialog.waitFor();
		const box = await dialog.boundingBox();
		expect( box?.width ).toBeLessThanOrEqual( 360 );
		await page.screenshot( {
			path: join( ARTIFACTS, 'checkout-block-360-address-layer.png' ),
		} );
		await page.getByRole( 'button', { name: /테헤란로 152/ } ).click();
		await expect.poll( () => dialog.count() ).toBe( 0 );

		await expect
			.poll( () => page.locator( '#shipping-postcode' ).inputValue() )
			.toBe( '06236' );
		expect( await page.locator( '#shipping-address_1' ).inputValue() ).toBe(
			'152, Teheran-ro, Gangnam-gu, Seoul'
		);
		expect( await page.locator( '#shipping-city' ).inputValue() ).toBe(
			'Gangnam-gu, Seoul'
		);
		await expect
			.poll( () => page.evaluate( () => document.activeElement?.id ) )
			.toBe( 'shipping-address_2' );
		// Let WooCommerce finish pushing the new address (totals, shipping) before typing into the form it redraws.
		await page.waitForLoadState( 'networkidle' );
		await page.keyboard.type( '12층', { delay: 80 } );
		await expect
			.poll( () => page.locator( '#shipping-address_2' ).inputValue() )
			.toBe( '12층' );

		await page.fill( '#shipping-first_name', '민지' );
		await page.fill( '#shipping-last_name', '박' );
		await page.fill( '#shipping-phone', '010-2345-6789' );
		await page
			.getByLabel( 'Custom Field (optional)' )
			.fill( 'Block theme value' );
		await page.getByLabel( /Delivery request/ ).selectOption( 'door' );

		await page
			.locator(
				'label[for="radio-control-wc-payment-method-options-korea_checkout"]'
			)
			.click();
		const methods = page.getByRole( 'group', {
			name: 'Choose how to pay',
		} );
		await methods.waitFor();
		await methods.getByRole( 'radio', { name: /KakaoPay/ } ).check();
		await page.waitForLoadState( 'networkidle' );
		await screenshot( page, 'checkout-block-360-filled' );

		await clickPlaceOrder( page );
		await page.waitForURL(
			( url ) =>
				url.href.startsWith(
					`${ stack.sandboxUrl ?? '' }/checkout/cs_`
				),
			{ timeout: 90_000 }
		);
		const sessionId = sessionIdFromCheckoutUrl( page.url() );

		const facts = await orderFacts( await newestOrderId() );
		expect( facts.sessionId ).toBe( sessionId );
		expect( facts.paymentMethod ).toBe( 'korea_checkout' );
		expect( facts.method ).toBe( 'kakao_pay' );
		expect( facts.shipping ).toMatchObject( {
			postcode: '06236',
			address_1: '152, Teheran-ro, Gangnam-gu, Seoul',
			address_2: '12층',
			city: 'Gangnam-gu, Seoul',
			country: 'KR',
		} );
		expect( facts.customField ).toBe( 'Block theme value' );
		expect( facts.deliveryMemo ).toBe( 'door' );

		const session = await sandbox.session( sessionId );
		const metadata = session.metadata as Record< string, string >;
		expect( metadata.paymentMethod ).toBe( 'kakao_pay' );
		expect( metadata.field_custom_field ).toBe( 'Block theme value' );
		expect( metadata.field_delivery_memo ).toBe( 'door' );
		expect( JSON.parse( metadata.theme ?? '{}' ) ).toMatchObject( {
			'--primary-color': '#03c75a',
			'--button-radius': '20px',
		} );

		// Pay, then the order-received page shows what the shopper entered.
		// As the hosted page would: pay, then follow the redirect the sandbox hands back.
		const paid = await sandbox.pay( sessionId, 'kakao_pay' );
		expect( paid.redirectUrl ).toBeTruthy();
		await page.goto( paid.redirectUrl ?? '' );
		await page.waitForURL( /order-received/, { timeout: 60_000 } );
		await page.waitForLoadState( 'networkidle' );
		await screenshot( page, 'checkout-block-360-order-received' );
		await page.getByText( 'Block theme value' ).first().waitFor();
		await page.getByText( 'Please leave it at the door' ).first().waitFor();
		await screenshot( page, 'checkout-block-360-order-received' );
	} );

	test( 'shows the block checkout at desktop width and tells the shopper when the search cannot load', async () => {
		test.setTimeout( 300_000 );
		await newPage( DESKTOP, 'down' );
		await addToCart( 'KC-CUP' );
		await openBlockCheckout();
		const find = page
			.locator( '.wp-block-woocommerce-checkout-shipping-address-block' )
			.getByRole( 'button', { name: 'Find address' } );
		await find.click();
		const alert = page.locator(
			'.wp-block-woocommerce-checkout-shipping-address-block [role="alert"]'
		);
		await alert.waitFor( { timeout: 30_000 } );
		expect( await alert.textContent() ).toBe(
			'The address search could not be loaded. Please type your address in the fields.'
		);
		expect( await page.getByRole( 'dialog' ).count() ).toBe( 0 );
		await page.fill( '#shipping-postcode', '04524' );
		await page.fill( '#shipping-address_1', '서울 중구 세종대로 110' );
		expect( await page.locator( '#shipping-address_1' ).inputValue() ).toBe(
			'서울 중구 세종대로 110'
		);
		await page
			.locator(
				'label[for="radio-control-wc-payment-method-options-korea_checkout"]'
			)
			.click();
		await page
			.getByRole( 'group', { name: 'Choose how to pay' } )
			.waitFor();
		await screenshot( page, 'checkout-block-1280-search-unavailable' );
	} );

	test( 'completes a classic checkout with a searched lot-number address, a field and a method', async () => {
		test.setTimeout( 420_000 );
		await newPage( PHONE );
		await addToCart( 'KC-NOTE' );
		await page.goto( `${ stack.storeUrl }/classic-checkout/` );
		await page
			.locator( '#billing_first_name' )
			.waitFor( { timeout: 60_000 } );
		const find = page
			.locator( '#billing_postcode_field' )
			.getByRole( 'button', { name: 'Find address' } );
		await find.waitFor();
		expect(
			(
				await themeColours(
					'#billing_postcode_field .korea-checkout-address-search__button'
				)
			).button
		).toBe( THEME_GREEN );

		await find.click();
		await page
			.getByRole( 'dialog', { name: 'Find your address' } )
			.waitFor();
		await page.getByRole( 'button', { name: /반포동 20-43/ } ).click();
		await expect
			.poll( () => page.locator( '#billing_postcode' ).inputValue() )
			.toBe( '06505' );
		expect( await page.locator( '#billing_address_1' ).inputValue() ).toBe(
			'20-43, Banpo-dong, Seocho-gu, Seoul'
		);
		expect( await page.locator( '#billing_city' ).inputValue() ).toBe(
			'Seocho-gu, Seoul'
		);
		expect( await page.evaluate( () => document.activeElement?.id ) ).toBe(
			'billing_address_2'
		);
		await page.keyboard.type( '101동 1001호', { delay: 50 } );
		await expect
			.poll( () => page.locator( '#billing_address_2' ).inputValue() )
			.toBe( '101동 1001호' );

		await page.fill( '#billing_first_name', '서준' );
		await page.fill( '#billing_last_name', '이' );
		await page.fill( '#billing_phone', '010-3456-7890' );
		await page.fill( '#billing_email', 'seojun.lee@example.com' );
		await page.fill(
			'#korea_checkout_field_custom_field',
			'Classic theme value'
		);
		await page.selectOption(
			'#korea_checkout_field_delivery_memo',
			'call_first'
		);
		// WooCommerce redraws the payment section after each address change: the helper waits for it.
		await chooseClassicPaymentMethod( page, 'korea_checkout', /NaverPay/ );
		await screenshot( page, 'checkout-classic-360-filled' );

		await page.locator( '#place_order' ).click();
		await page.waitForURL(
			( url ) =>
				url.href.startsWith(
					`${ stack.sandboxUrl ?? '' }/checkout/cs_`
				),
			{ timeout: 90_000 }
		);
		const sessionId = sessionIdFromCheckoutUrl( page.url() );
		const facts = await orderFacts( await newestOrderId() );
		expect( facts.sessionId ).toBe( sessionId );
		expect( facts.method ).toBe( 'naver_pay' );
		expect( facts.billing ).toMatchObject( {
			postcode: '06505',
			address_1: '20-43, Banpo-dong, Seocho-gu, Seoul',
			address_2: '101동 1001호',
			city: 'Seocho-gu, Seoul',
			country: 'KR',
		} );
		expect( facts.customField ).toBe( 'Classic theme value' );
		expect( facts.deliveryMemo ).toBe( 'call_first' );
		const metadata = ( await sandbox.session( sessionId ) )
			.metadata as Record< string, string >;
		expect( metadata.paymentMethod ).toBe( 'naver_pay' );
		expect( metadata.field_custom_field ).toBe( 'Classic theme value' );
	} );

	test( 'refuses a classic order whose postcode is not five digits, with the message next to the form', async () => {
		test.setTimeout( 300_000 );
		await newPage( DESKTOP );
		await addToCart( 'KC-NOTE' );
		await page.goto( `${ stack.storeUrl }/classic-checkout/` );
		await page
			.locator( '#billing_first_name' )
			.waitFor( { timeout: 60_000 } );
		await page.fill( '#billing_first_name', '서준' );
		await page.fill( '#billing_last_name', '이' );
		await page.fill( '#billing_postcode', '135-080' );
		await page.fill( '#billing_address_1', '서울 강남구 테헤란로 152' );
		await page.fill( '#billing_city', '서울 강남구' );
		await page.fill( '#billing_phone', '010-3456-7890' );
		await page.fill( '#billing_email', 'seojun.lee@example.com' );
		await chooseClassicPaymentMethod( page, 'cod' );
		await page.locator( '#place_order' ).click();
		const error = page
			.locator(
				'.woocommerce-error, .woocommerce-NoticeGroup-checkout [role="alert"]'
			)
			.first();
		await error.waitFor( { timeout: 60_000 } );
		expect( ( await error.textContent() ) ?? '' ).toMatch( /postcode/i );
		await screenshot( page, 'checkout-classic-1280-bad-postcode' );
	} );
} );
