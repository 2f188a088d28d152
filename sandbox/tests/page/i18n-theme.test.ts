/** Languages and store themes on the hosted page, in real Chromium against a real sandbox. */
import { describe, expect, it } from 'vitest';
import {
	createSession,
	openPage,
	PHONE,
	screenshot,
	pageStackForFile,
} from './harness.ts';

const stack = pageStackForFile();

const HANGUL = /[\uAC00-\uD7A3]/;

describe( 'languages', () => {
	it.each( [
		{
			locale: 'en',
			lang: 'en',
			pay: 'Pay ₩81,000',
			card: 'Credit or debit card',
			banner: 'SANDBOX',
		},
		{
			locale: 'ja',
			lang: 'ja',
			pay: '₩81,000 を支払う',
			card: 'クレジット・デビットカード',
			banner: 'サンドボックス',
		},
		{
			locale: 'zh',
			lang: 'zh-Hans',
			pay: '支付 ₩81,000',
			card: '信用卡 / 借记卡',
			banner: '沙盒',
		},
	] )(
		'metadata locale $locale translates the whole page',
		async ( { locale, lang, pay, card, banner } ) => {
			const id = await createSession( stack.sandbox, stack.store, {
				items: [ { name: 'Green tea set', price: 81000, quantity: 1 } ],
				metadata: { locale },
			} );
			const { page, problems, close } = await openPage(
				stack.browser,
				PHONE
			);
			await page.goto( `${ stack.sandbox.url }/checkout/${ id }` );
			await page.locator( '#pay' ).waitFor();
			expect( await page.locator( 'html' ).getAttribute( 'lang' ) ).toBe(
				lang
			);
			expect(
				( await page.locator( '#pay' ).textContent() )?.replace(
					'￦',
					'₩'
				)
			).toBe( pay );
			expect(
				await page.locator( 'label[for="method-card"]' ).textContent()
			).toBe( card );
			expect(
				await page.getByTestId( 'sandbox-banner' ).textContent()
			).toContain( banner );
			// Every string on the page comes from this language's catalogue (the item and shop names are the store's).
			const text = await page.locator( 'body' ).innerText();
			expect(
				text.match( new RegExp( HANGUL.source, 'g' ) )?.join( '' ) ?? ''
			).toBe( '한국어' );
			await screenshot( page, `checkout-${ locale }-phone` );
			expect( problems ).toEqual( [] );
			await close();
		}
	);

	it( 'switches language on the page and keeps the choice on reload', async () => {
		const id = await createSession( stack.sandbox, stack.store );
		const { page, close } = await openPage( stack.browser, PHONE );
		await page.goto( `${ stack.sandbox.url }/checkout/${ id }` );
		await page.locator( '#pay' ).waitFor();
		expect( await page.locator( '#pay' ).textContent() ).toBe(
			'81,000원 결제하기'
		);
		await page.selectOption( '#lang', 'en' );
		expect( await page.locator( 'html' ).getAttribute( 'lang' ) ).toBe(
			'en'
		);
		expect( await page.locator( '#pay' ).textContent() ).toBe(
			'Pay ₩81,000'
		);
		expect(
			await page.evaluate( () => document.querySelector( ':focus' )?.id )
		).toBe( 'lang' );
		await page.reload();
		await page.locator( '#pay' ).waitFor();
		expect( await page.locator( '#pay' ).textContent() ).toBe(
			'Pay ₩81,000'
		);
		await close();
	} );

	it( 'writes dollars with cents and offers no installments', async () => {
		const id = await createSession( stack.sandbox, stack.store, {
			currency: 'USD',
			items: [ { name: 'Tea', price: 19.99, quantity: 3 } ],
			metadata: { locale: 'en', paymentMethod: 'card' },
		} );
		const { page, close } = await openPage( stack.browser, PHONE );
		await page.goto( `${ stack.sandbox.url }/checkout/${ id }` );
		await page.locator( '#pay' ).waitFor();
		expect( await page.getByTestId( 'total' ).textContent() ).toBe(
			'$59.97'
		);
		expect( await page.locator( '#installments' ).isVisible() ).toBe(
			false
		);
		await close();
	} );
} );

describe( 'store theme', () => {
	it( 'applies safe custom properties', async () => {
		const id = await createSession( stack.sandbox, stack.store, {
			metadata: {
				theme: JSON.stringify( {
					'--primary-color': '#d6336c',
					'--button-radius': '2px',
					// What the plugin's korea_checkout_css_vars sends by default: keeps the page's own fonts.
					'--font-family': 'inherit',
				} ),
			},
		} );
		const { page, problems, close } = await openPage(
			stack.browser,
			PHONE
		);
		await page.goto( `${ stack.sandbox.url }/checkout/${ id }` );
		await page.locator( '#pay' ).waitFor();
		const style = await page.locator( '#pay' ).evaluate( ( button ) => {
			const computed = getComputedStyle( button );
			return {
				background: computed.backgroundColor,
				radius: computed.borderTopLeftRadius,
				font: getComputedStyle( document.body ).fontFamily,
			};
		} );
		expect( style ).toMatchObject( {
			background: 'rgb(214, 51, 108)',
			radius: '2px',
		} );
		expect( style.font ).toContain( 'system-ui' );
		await screenshot( page, 'checkout-theme-phone' );
		expect( problems ).toEqual( [] );
		await close();
	} );

	it( 'drops values that could load a resource or leave their declaration, and keeps the rest', async () => {
		const evil = `${ stack.store.url }/evil.png`;
		const id = await createSession( stack.sandbox, stack.store, {
			metadata: {
				theme: JSON.stringify( {
					'--primary-color': `url(${ evil })`,
					'--surface-color': `white; background-image: url(${ evil })`,
					'--background-color': `image-set("${ evil }" 1x)`,
					'--text-color': '#111',
					'--button-radius': '3px',
					'--Bad-Name': '#000',
				} ),
			},
		} );
		const { page, requested, close } = await openPage(
			stack.browser,
			PHONE
		);
		await page.goto( `${ stack.sandbox.url }/checkout/${ id }` );
		await page.locator( '#pay' ).waitFor();
		const root = await page.evaluate( () => {
			const s = document.documentElement.style;
			return [
				'--primary-color',
				'--surface-color',
				'--background-color',
				'--text-color',
				'--button-radius',
				'--Bad-Name',
			].map( ( n ) => s.getPropertyValue( n ) );
		} );
		expect( root ).toEqual( [ '', '', '', '#111', '3px', '' ] );
		// The default colour stays, and nothing was fetched from the theme.
		expect(
			await page
				.locator( '#pay' )
				.evaluate( ( b ) => getComputedStyle( b ).backgroundColor )
		).toBe( 'rgb(0, 100, 255)' );
		expect( requested.filter( ( url ) => url.includes( 'evil' ) ) ).toEqual(
			[]
		);
		expect(
			stack.store.requests.filter( ( r ) => r.url.includes( 'evil' ) )
		).toEqual( [] );
		await close();
	} );
} );
