/**
 * Issue 14 in Chromium against the real store and the sandbox's hosted page: three shoppers, three languages,
 * each paid on the hosted page by pressing its own pay button.
 *   - the site in Korean: the block checkout speaks Korean, the hosted page too (metadata.locale `ko`);
 *   - a logged-in shopper whose profile language is Japanese, on the site in English: the hosted page speaks
 *     Japanese (metadata.locale `ja`), and the address search fills in the English address;
 *   - the site in Chinese: the classic checkout speaks Chinese, refuses a phone number that cannot be Korean
 *     with our sentence under the field, and the hosted page speaks Chinese.
 * In each, the block checkout's Find address sits beside the postcode field at 1280 and at 360 px. Screenshots
 * of every step at both widths land in tests/e2e/artifacts/shopper-*.png: look at them (fonts-noto-cjk draws the
 * Korean, Japanese and Chinese text). The site's language is put back after each test.
 */
import {
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, type E2eFixtures } from './support/test.ts';
import { screenshot } from './support/browser.ts';
import { clickPlaceOrder } from './support/block-checkout.ts';
import { addToCartFromProductPage } from './support/cart.ts';
import { chooseClassicPaymentMethod } from './support/classic-checkout.ts';
import { sessionIdFromCheckoutUrl } from '../support/sandbox.ts';

const FAKE_POSTCODE = readFileSync(
	fileURLToPath(
		new URL( './fixtures/fake-daum-postcode.js', import.meta.url )
	),
	'utf8'
);
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };
const SHIPPING_STEP = '.wp-block-woocommerce-checkout-shipping-address-block';

type Wp = E2eFixtures[ 'wp' ];

interface GettextParser {
	mo: { compile: ( table: unknown ) => Buffer };
}
const gettext = createRequire( import.meta.url )(
	'gettext-parser'
) as GettextParser;

/** Language files this spec added to the store (removed after the run). */
const added: string[] = [];

/**
 * Makes WordPress count a language as installed, as a store in that language has it: WordPress accepts a site
 * language (and switches to it) only when wp-content/languages holds its core file. A file with just its header
 * is enough here; the plugin's own strings come from the plugin's languages folder.
 */
function installLanguage( wpRoot: string, locale: string ): void {
	const folder = join( wpRoot, 'wp-content', 'languages' );
	const file = join( folder, `${ locale }.mo` );
	if ( existsSync( file ) ) {
		return;
	}
	mkdirSync( folder, { recursive: true } );
	writeFileSync(
		file,
		gettext.mo.compile( {
			charset: 'utf-8',
			headers: {
				'Content-Type': 'text/plain; charset=UTF-8',
				Language: locale,
				'Plural-Forms': 'nplurals=1; plural=0;',
			},
			translations: { '': {} },
		} )
	);
	added.push( file );
}

/**
 * Sets the site's language (WPLANG; '' = English) and returns what WordPress kept: it refuses a language it does
 * not have installed (and get_locale() keeps this request's locale, so the option is what tells).
 */
function setSiteLanguage( wp: Wp, locale: string ): Promise< string > {
	return wp< string >(
		`${ FORGET_LANGUAGE_FILES } update_option( 'WPLANG', '${ locale }' ); return (string) get_option( 'WPLANG' );`
	);
}

/** WordPress keeps the list of installed languages in its object cache (Redis here): make it look again. */
const FORGET_LANGUAGE_FILES =
	"wp_cache_delete( md5( trailingslashit( WP_LANG_DIR ) ), 'translation_files' );";

/** Answers the Daum postcode script's URL with the local stand-in: the page never reaches the internet. */
async function fakePostcodeScript( page: Page ): Promise< void > {
	page.setDefaultTimeout( 60_000 );
	await page.route( 'https://t1.daumcdn.net/**', ( route ) =>
		route.fulfill( {
			status: 200,
			contentType: 'application/javascript; charset=utf-8',
			body: FAKE_POSTCODE,
		} )
	);
}

/**
 * Where a Find address button sits against its postcode input: `beside` (on the input's row, after it), `above`
 * (ending at most 24 px over it), or what else it is.
 */
async function findAddressPlacement(
	page: Page,
	button: string,
	postcode: string
): Promise< string > {
	const buttonBox = await page.locator( button ).boundingBox();
	const postcodeBox = await page.locator( postcode ).boundingBox();
	if ( ! buttonBox || ! postcodeBox ) {
		return 'missing';
	}
	const rowsOverlap =
		buttonBox.y < postcodeBox.y + postcodeBox.height &&
		postcodeBox.y < buttonBox.y + buttonBox.height;
	if ( rowsOverlap && buttonBox.x >= postcodeBox.x + postcodeBox.width ) {
		return 'beside';
	}
	const gap = postcodeBox.y - ( buttonBox.y + buttonBox.height );
	if ( gap >= 0 && gap <= 24 ) {
		return 'above';
	}
	return `elsewhere (button ${ JSON.stringify( buttonBox ) }, postcode ${ JSON.stringify( postcodeBox ) })`;
}

/** Screenshots the page at both widths, ending at the width it started at. */
async function screenshotBothWidths( page: Page, name: string ) {
	const before = page.viewportSize() ?? DESKTOP;
	for ( const size of [ DESKTOP, PHONE ] ) {
		await page.setViewportSize( size );
		// Let container queries and WooCommerce's own layout settle after the resize.
		await page.waitForTimeout( 500 );
		await screenshot( page, `${ name }-${ size.width }` );
	}
	await page.setViewportSize( before );
}

/** Find address is beside (or directly above) the postcode field at 1280 and at 360 px. */
async function expectFindAddressByPostcode(
	page: Page,
	button: string,
	postcode: string
) {
	for ( const size of [ DESKTOP, PHONE ] ) {
		await page.setViewportSize( size );
		await expect
			.poll( () => findAddressPlacement( page, button, postcode ), {
				message: `Find address at ${ size.width } px`,
			} )
			.toMatch( /^(beside|above)$/ );
	}
	await page.setViewportSize( DESKTOP );
}

const BLOCK_FIND = `${ SHIPPING_STEP } .korea-checkout-address-search__button`;
const BLOCK_POSTCODE = '#shipping-postcode';

/** Opens the layer from the step's button, picks the first address, and checks where the cursor went. */
async function searchAddress( page: Page, step: string, type: string ) {
	await page
		.locator( `${ step } .korea-checkout-address-search__button` )
		.click();
	const dialog = page.locator( '.korea-checkout-postcode [role="dialog"]' );
	await dialog.waitFor();
	await page.locator( '[data-fake-daum] button' ).first().click();
	await expect.poll( () => dialog.count() ).toBe( 0 );
	await expect
		.poll( () => page.evaluate( () => document.activeElement?.id ) )
		.toBe( `${ type }-address_2` );
	// WooCommerce pushes the new address (totals, shipping) and redraws the form: let it finish first.
	await page.waitForLoadState( 'networkidle' );
}

/** Fills the rest of the block checkout's shipping address after the search. */
async function fillBlockShipping(
	page: Page,
	person: { first: string; last: string; phone: string; detail: string }
) {
	await page.keyboard.type( person.detail, { delay: 40 } );
	await page.fill( '#shipping-first_name', person.first );
	await page.fill( '#shipping-last_name', person.last );
	await page.fill( '#shipping-phone', person.phone );
}

/** Chooses Korea Checkout and one of its methods in the block checkout. */
async function chooseBlockMethod( page: Page, method: RegExp ) {
	await page
		.locator(
			'label[for="radio-control-wc-payment-method-options-korea_checkout"]'
		)
		.click();
	const group = page.locator( 'fieldset.korea-checkout-methods__group' );
	await group.waitFor();
	await group.getByRole( 'radio', { name: method } ).check();
	await page.waitForLoadState( 'networkidle' );
}

/** Waits for the hosted page of the session the store just made; returns its id. */
async function reachHostedPage(
	page: Page,
	sandboxUrl: string
): Promise< string > {
	await page.waitForURL(
		( url ) => url.href.startsWith( `${ sandboxUrl }/checkout/cs_` ),
		{ timeout: 90_000 }
	);
	await page.locator( '#pay' ).waitFor();
	return sessionIdFromCheckoutUrl( page.url() );
}

/** Pays on the hosted page with its own button and follows it back to the order-received page. */
async function payOnHostedPage( page: Page ) {
	await expect( page.locator( '#pay' ) ).toBeEnabled();
	await page.locator( '#pay' ).click();
	await page.waitForURL( /order-received/, { timeout: 90_000 } );
	await page.waitForLoadState( 'networkidle' );
}

/** The newest order's status, kept language and session id. */
function newestOrder( wp: Wp ) {
	return wp< { status: string; locale: string; session: string } >(
		`$id = (int) wc_get_orders( array( 'limit' => 1, 'orderby' => 'id', 'order' => 'DESC', 'return' => 'ids' ) )[0];
		$order = wc_get_order( $id );
		return array(
			'status'  => $order->get_status(),
			'locale'  => (string) $order->get_meta( '_korea_checkout_locale' ),
			'session' => (string) $order->get_meta( '_korea_checkout_session_id' ),
		);`
	);
}

test.describe( 'the shopper’s language, end to end', () => {
	test.beforeAll( ( { stack } ) => {
		installLanguage( stack.wpRoot, 'ko_KR' );
		installLanguage( stack.wpRoot, 'zh_CN' );
	} );

	test.afterEach( async ( { wp } ) => {
		await setSiteLanguage( wp, '' );
	} );

	test.afterAll( async ( { wp } ) => {
		for ( const file of added.splice( 0 ) ) {
			rmSync( file, { force: true } );
		}
		await wp( `${ FORGET_LANGUAGE_FILES } return true;` );
	} );

	test( 'the site in Korean: block checkout, hosted page and payment in Korean', async ( {
		page,
		stack,
		sandbox,
		wp,
		product,
	} ) => {
		test.setTimeout( 420_000 );
		expect( await setSiteLanguage( wp, 'ko_KR' ) ).toBe( 'ko_KR' );
		await fakePostcodeScript( page );
		await addToCartFromProductPage(
			page,
			stack.storeUrl,
			product( 'KC-TEA' ).id
		);
		await page.goto( `${ stack.storeUrl }/checkout/` );
		await page.locator( '.wc-block-checkout__form' ).waitFor();
		expect(
			await page.evaluate( () => document.documentElement.lang )
		).toBe( 'ko-KR' );

		const find = page.locator(
			`${ SHIPPING_STEP } .korea-checkout-address-search__button`
		);
		await expect( find ).toHaveText( '주소 검색' );
		await expectFindAddressByPostcode( page, BLOCK_FIND, BLOCK_POSTCODE );

		await page.fill( '#email', 'jiwoo.kim@example.com' );
		await searchAddress( page, SHIPPING_STEP, 'shipping' );
		expect( await page.inputValue( '#shipping-address_1' ) ).toBe(
			'서울 강남구 테헤란로 152 (역삼동, 강남파이낸스센터)'
		);
		await fillBlockShipping( page, {
			first: '지우',
			last: '김',
			phone: '01023456789',
			detail: '12층',
		} );
		await chooseBlockMethod( page, /신용·체크카드/ );
		await expect(
			page.locator( 'legend.korea-checkout-methods__legend' )
		).toHaveText( '결제 방법 선택' );
		await screenshotBothWidths( page, 'shopper-ko-block-checkout' );

		await clickPlaceOrder( page );
		const sessionId = await reachHostedPage( page, stack.sandboxUrl ?? '' );
		const session = await sandbox.session( sessionId );
		expect( ( session.metadata as Record< string, string > ).locale ).toBe(
			'ko'
		);
		expect(
			await page.evaluate( () => document.documentElement.lang )
		).toBe( 'ko' );
		await expect( page.locator( '#pay' ) ).toContainText( '결제하기' );
		await screenshotBothWidths( page, 'shopper-ko-hosted-page' );

		await payOnHostedPage( page );
		await screenshotBothWidths( page, 'shopper-ko-order-received' );
		const order = await newestOrder( wp );
		expect( order ).toMatchObject( {
			locale: 'ko',
			session: sessionId,
			status: 'processing',
		} );
	} );

	test( 'a logged-in shopper whose profile is in Japanese: the hosted page speaks Japanese', async ( {
		page,
		stack,
		sandbox,
		wp,
		product,
	} ) => {
		test.setTimeout( 420_000 );
		expect( await setSiteLanguage( wp, '' ) ).toBe( '' );
		const login = `hanako-${ Date.now() }`;
		const password = `Pw-${ Date.now() }-kc`;
		const userId = await wp< number >(
			`return wp_insert_user( array(
				'user_login' => '${ login }',
				'user_pass'  => '${ password }',
				'user_email' => '${ login }@example.com',
				'first_name' => 'Hanako',
				'last_name'  => 'Yamada',
				'role'       => 'customer',
				'locale'     => 'ja',
			) );`
		);
		expect( userId ).toBeGreaterThan( 0 );

		await fakePostcodeScript( page );
		await page.goto( `${ stack.storeUrl }/wp-login.php` );
		await page.fill( '#user_login', login );
		await page.fill( '#user_pass', password );
		await Promise.all( [
			page.waitForURL(
				( url ) => ! url.pathname.endsWith( 'wp-login.php' )
			),
			page.click( '#wp-submit' ),
		] );
		await addToCartFromProductPage(
			page,
			stack.storeUrl,
			product( 'KC-CUP' ).id
		);
		await page.goto( `${ stack.storeUrl }/checkout/` );
		await page.locator( '.wc-block-checkout__form' ).waitFor();
		// The store is in English: the page shows English, and the search fills in the English address.
		expect(
			await page.evaluate( () => document.documentElement.lang )
		).toBe( 'en-US' );
		await expectFindAddressByPostcode( page, BLOCK_FIND, BLOCK_POSTCODE );
		await searchAddress( page, SHIPPING_STEP, 'shipping' );
		expect( await page.inputValue( '#shipping-address_1' ) ).toBe(
			'152, Teheran-ro, Gangnam-gu, Seoul'
		);
		expect( await page.inputValue( '#shipping-city' ) ).toBe(
			'Gangnam-gu, Seoul'
		);
		await fillBlockShipping( page, {
			first: 'Hanako',
			last: 'Yamada',
			phone: '+82 10-9876-5432',
			detail: 'Room 1203',
		} );
		await chooseBlockMethod( page, /KakaoPay/ );
		await screenshotBothWidths( page, 'shopper-ja-block-checkout' );

		await clickPlaceOrder( page );
		const sessionId = await reachHostedPage( page, stack.sandboxUrl ?? '' );
		const session = await sandbox.session( sessionId );
		expect( ( session.metadata as Record< string, string > ).locale ).toBe(
			'ja'
		);
		expect(
			await page.evaluate( () => document.documentElement.lang )
		).toBe( 'ja' );
		await expect( page.locator( '#pay' ) ).toContainText( '支払う' );
		await screenshotBothWidths( page, 'shopper-ja-hosted-page' );

		await payOnHostedPage( page );
		await screenshotBothWidths( page, 'shopper-ja-order-received' );
		expect( await newestOrder( wp ) ).toMatchObject( {
			locale: 'ja',
			session: sessionId,
			status: 'processing',
		} );
	} );

	test( 'the site in Chinese: classic checkout, phone check, hosted page and payment in Chinese', async ( {
		page,
		stack,
		sandbox,
		wp,
		product,
	} ) => {
		test.setTimeout( 420_000 );
		expect( await setSiteLanguage( wp, 'zh_CN' ) ).toBe( 'zh_CN' );
		await fakePostcodeScript( page );
		await addToCartFromProductPage(
			page,
			stack.storeUrl,
			product( 'KC-NOTE' ).id
		);
		await page.goto( `${ stack.storeUrl }/classic-checkout/` );
		await page.locator( '#billing_first_name' ).waitFor();
		expect(
			await page.evaluate( () => document.documentElement.lang )
		).toBe( 'zh-CN' );

		const find = page.locator(
			'#billing_postcode_field .korea-checkout-address-search__button'
		);
		await expect( find ).toHaveText( '查找地址' );
		await expectFindAddressByPostcode(
			page,
			'#billing_postcode_field .korea-checkout-address-search__button',
			'#billing_postcode'
		);
		await find.click();
		await page.locator( '[data-fake-daum] button' ).first().click();
		await expect
			.poll( () => page.inputValue( '#billing_postcode' ) )
			.toBe( '06236' );
		expect( await page.evaluate( () => document.activeElement?.id ) ).toBe(
			'billing_address_2'
		);
		await page.keyboard.type( '1203호', { delay: 40 } );
		await page.fill( '#billing_first_name', '伟' );
		await page.fill( '#billing_last_name', '王' );
		await page.fill( '#billing_email', 'wei.wang@example.com' );

		// A number that cannot be Korean gets our sentence under the field, in Chinese.
		await page.fill( '#billing_phone', '138 0013 8000' );
		await page.locator( '#billing_email' ).focus();
		const phoneError = page.locator(
			'#billing_phone_korea_checkout_error'
		);
		await expect( phoneError ).toHaveText(
			'请输入韩国电话号码，例如 010-1234-5678 或 02-123-4567。'
		);
		await screenshotBothWidths( page, 'shopper-zh-classic-phone-refused' );
		await page.fill( '#billing_phone', '02-123-4567' );
		await expect( phoneError ).toHaveCount( 0 );

		await chooseClassicPaymentMethod( page, 'korea_checkout', /Naver Pay/ );
		await expect(
			page.locator( 'legend.korea-checkout-methods__legend' )
		).toHaveText( '选择支付方式' );
		await screenshotBothWidths( page, 'shopper-zh-classic-checkout' );

		await page.locator( '#place_order' ).click();
		const sessionId = await reachHostedPage( page, stack.sandboxUrl ?? '' );
		const session = await sandbox.session( sessionId );
		expect( ( session.metadata as Record< string, string > ).locale ).toBe(
			'zh'
		);
		expect(
			await page.evaluate( () => document.documentElement.lang )
		).toMatch( /^zh/ );
		await expect( page.locator( '#pay' ) ).toContainText( '支付' );
		await screenshotBothWidths( page, 'shopper-zh-hosted-page' );

		await payOnHostedPage( page );
		await screenshotBothWidths( page, 'shopper-zh-order-received' );
		expect( await newestOrder( wp ) ).toMatchObject( {
			locale: 'zh',
			session: sessionId,
			status: 'processing',
		} );
	} );
} );
