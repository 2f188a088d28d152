/**
 * WCAG 2.2 AA for what the plugin draws, checked by axe-core inside the page (Chromium, the real store): the
 * method choice, the Find address button with its help and messages, the postcode layer, and the classic
 * checkout's phone message, in the block and the classic checkout with the plugin's UI open, at 1280 and 360 px.
 * Only the plugin's own elements are checked (WooCommerce's and the theme's are not ours to fix; the Daum
 * widget inside the layer is Kakao's). Then again with a pale theme colour (#c0ffee, through
 * korea_checkout_css_vars, a must-use plugin installed for this spec): the text on it turns black.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './support/test.ts';
import { screenshot } from './support/browser.ts';
import { addToCartFromProductPage } from './support/cart.ts';
import { chooseClassicPaymentMethod } from './support/classic-checkout.ts';

const AXE = createRequire( import.meta.url ).resolve( 'axe-core/axe.min.js' );
const FIXTURES = fileURLToPath( new URL( './fixtures/', import.meta.url ) );
const FAKE_POSTCODE = readFileSync(
	join( FIXTURES, 'fake-daum-postcode.js' ),
	'utf8'
);
const WIDTHS = [
	{ width: 1280, height: 900 },
	{ width: 360, height: 780 },
];

/** The plugin's own elements: everything it draws carries one of these classes. */
const OURS = [
	'.korea-checkout-ui',
	'.korea-checkout-postcode',
	'.korea-checkout-phone-error',
];
/** Content inside our elements that is not ours: the postcode widget (a stand-in here, Kakao's iframe live). */
const NOT_OURS = [ '[data-fake-daum]' ];

interface Finding {
	rule: string;
	impact: string | null;
	nodes: string[];
}

/** Runs axe-core over the plugin's elements for WCAG 2.0-2.2 A and AA; returns what it found. */
async function axeOnOurElements( page: Page ): Promise< Finding[] > {
	await page.addScriptTag( { path: AXE } );
	return page.evaluate(
		async ( { ours, notOurs } ) => {
			interface AxeResult {
				violations: Array< {
					id: string;
					impact: string | null;
					nodes: Array< {
						target: string[];
						failureSummary?: string;
					} >;
				} >;
			}
			const axe = (
				window as unknown as {
					axe: {
						run: (
							context: unknown,
							options: unknown
						) => Promise< AxeResult >;
					};
				}
			 ).axe;
			const include = ours
				.filter( ( selector ) => document.querySelector( selector ) )
				.map( ( selector ) => [ selector ] );
			if ( include.length === 0 ) {
				return [
					{
						rule: 'nothing of ours on the page',
						impact: null,
						nodes: [],
					},
				];
			}
			const result = await axe.run(
				{
					include,
					exclude: notOurs.map( ( selector ) => [ selector ] ),
				},
				{
					runOnly: {
						type: 'tag',
						values: [
							'wcag2a',
							'wcag2aa',
							'wcag21a',
							'wcag21aa',
							'wcag22aa',
						],
					},
					resultTypes: [ 'violations' ],
				}
			);
			return result.violations.map( ( violation ) => ( {
				rule: violation.id,
				impact: violation.impact,
				nodes: violation.nodes.map(
					( node ) =>
						`${ node.target.join( ' ' ) }: ${ node.failureSummary ?? '' }`
				),
			} ) );
		},
		{ ours: OURS, notOurs: NOT_OURS }
	);
}

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

/** Checks at both widths, then with the postcode layer open; screenshots each. */
async function checkWithUiOpen(
	page: Page,
	name: string,
	findButton: string
): Promise< void > {
	for ( const size of WIDTHS ) {
		await page.setViewportSize( size );
		await page.waitForTimeout( 500 );
		expect(
			await axeOnOurElements( page ),
			`${ name } at ${ size.width } px`
		).toEqual( [] );
		await screenshot( page, `a11y-${ name }-${ size.width }` );
	}
	await page.locator( findButton ).first().click();
	await page.locator( '[data-fake-daum]' ).waitFor();
	expect(
		await axeOnOurElements( page ),
		`${ name } with the address layer open`
	).toEqual( [] );
	await screenshot( page, `a11y-${ name }-layer-360` );
	await page.keyboard.press( 'Escape' );
	await page.setViewportSize( WIDTHS[ 0 ] ?? { width: 1280, height: 900 } );
}

/** Opens the block checkout with Korea Checkout's method choice showing. */
async function openBlockCheckout(
	page: Page,
	storeUrl: string
): Promise< void > {
	await page.goto( `${ storeUrl }/checkout/` );
	await page.locator( '.wc-block-checkout__form' ).waitFor();
	await page
		.locator(
			'label[for="radio-control-wc-payment-method-options-korea_checkout"]'
		)
		.click();
	await page.locator( 'fieldset.korea-checkout-methods__group' ).waitFor();
	await page
		.locator(
			'.wp-block-woocommerce-checkout-shipping-address-block .korea-checkout-address-search__button'
		)
		.waitFor();
}

/** Opens the classic checkout with the method choice and our phone message showing. */
async function openClassicCheckout(
	page: Page,
	storeUrl: string
): Promise< void > {
	await page.goto( `${ storeUrl }/classic-checkout/` );
	await page.locator( '#billing_first_name' ).waitFor();
	await page.fill( '#billing_phone', '555-0100' );
	await page.locator( '#billing_email' ).focus();
	await page.locator( '#billing_phone_korea_checkout_error' ).waitFor();
	await chooseClassicPaymentMethod( page, 'korea_checkout' );
	await page.locator( 'fieldset.korea-checkout-methods__group' ).waitFor();
}

/** The colour of the Find address button's text. */
function buttonTextColour( page: Page, selector: string ): Promise< string > {
	return page
		.locator( selector )
		.first()
		.evaluate( ( element ) => getComputedStyle( element ).color );
}

test.describe( 'accessibility of the plugin’s checkout UI', () => {
	test( 'the block checkout: method choice, Find address and the layer', async ( {
		page,
		stack,
		product,
	} ) => {
		test.setTimeout( 300_000 );
		await fakePostcodeScript( page );
		await addToCartFromProductPage(
			page,
			stack.storeUrl,
			product( 'KC-TEA' ).id
		);
		await openBlockCheckout( page, stack.storeUrl );
		await checkWithUiOpen(
			page,
			'block',
			'.wp-block-woocommerce-checkout-shipping-address-block .korea-checkout-address-search__button'
		);
	} );

	test( 'the classic checkout: method choice, Find address, the phone message and the layer', async ( {
		page,
		stack,
		product,
	} ) => {
		test.setTimeout( 300_000 );
		await fakePostcodeScript( page );
		await addToCartFromProductPage(
			page,
			stack.storeUrl,
			product( 'KC-NOTE' ).id
		);
		await openClassicCheckout( page, stack.storeUrl );
		await checkWithUiOpen(
			page,
			'classic',
			'#billing_postcode_field .korea-checkout-address-search__button'
		);
	} );

	test.describe( 'with a pale theme colour', () => {
		let muPlugin = '';

		test.beforeAll( ( { stack } ) => {
			const folder = join( stack.wpRoot, 'wp-content', 'mu-plugins' );
			mkdirSync( folder, { recursive: true } );
			muPlugin = join( folder, 'kc-e2e-pale-theme.php' );
			copyFileSync( join( FIXTURES, 'pale-theme.php' ), muPlugin );
		} );

		test.afterAll( () => {
			rmSync( muPlugin, { force: true } );
		} );

		test( 'both checkouts draw black text on #c0ffee and pass', async ( {
			page,
			stack,
			product,
		} ) => {
			test.setTimeout( 360_000 );
			await fakePostcodeScript( page );
			await addToCartFromProductPage(
				page,
				stack.storeUrl,
				product( 'KC-TEA' ).id
			);
			await openBlockCheckout( page, stack.storeUrl );
			const blockButton =
				'.wp-block-woocommerce-checkout-shipping-address-block .korea-checkout-address-search__button';
			expect( await buttonTextColour( page, blockButton ) ).toBe(
				'rgb(0, 0, 0)'
			);
			await checkWithUiOpen( page, 'block-pale', blockButton );

			await openClassicCheckout( page, stack.storeUrl );
			const classicButton =
				'#billing_postcode_field .korea-checkout-address-search__button';
			expect( await buttonTextColour( page, classicButton ) ).toBe(
				'rgb(0, 0, 0)'
			);
			await checkWithUiOpen( page, 'classic-pale', classicButton );
		} );
	} );
} );
