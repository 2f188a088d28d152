/**
 * The hosted checkout page in real Chromium against a real sandbox: every outcome a tester can pick ends on
 * the store's returnUrl / cancelUrl with the contract's parameters, and the session changes as the contract says.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	control,
	createSession,
	DESKTOP,
	openPage,
	PHONE,
	screenshot,
	pageStackForFile,
} from './harness.ts';

const stack = pageStackForFile();

interface SessionView {
	status: string;
	paymentMethod: string | null;
	installments?: number;
	failure?: { code: string; message: string };
}

const getSession = ( id: string ) =>
	control< SessionView >( stack.sandbox, 'GET', `/sandbox/sessions/${ id }` );

async function open( id: string, viewport = PHONE, query = '' ) {
	const opened = await openPage( stack.browser, viewport );
	await opened.page.goto(
		`${ stack.sandbox.url }/checkout/${ id }${ query }`
	);
	await opened.page
		.locator( '#main [data-state], #main form' )
		.first()
		.waitFor();
	return opened;
}

/** Clicks and waits until the browser has left the sandbox for the store. */
async function leaveFor(
	page: Page,
	click: () => Promise< void >
): Promise< URL > {
	await Promise.all( [
		page.waitForURL( ( url ) => url.origin === stack.store.url ),
		click(),
	] );
	return new URL( page.url() );
}

describe( 'hosted checkout page', () => {
	it( 'pays by card in 3 installments and lands on returnUrl with sessionId and status', async () => {
		const id = await createSession( stack.sandbox, stack.store, {
			metadata: { paymentMethod: 'card' },
		} );
		const { page, problems, close } = await open( id );

		expect( await page.locator( 'html' ).getAttribute( 'lang' ) ).toBe(
			'ko'
		);
		expect(
			await page.getByTestId( 'sandbox-banner' ).textContent()
		).toContain( '실제 돈' );
		expect( await page.getByTestId( 'shop-name' ).textContent() ).toBe(
			'Sandbox Shop'
		);
		expect( await page.getByTestId( 'total' ).textContent() ).toBe(
			'81,000원'
		);
		expect( await page.locator( '.item' ).count() ).toBe( 2 );
		expect( await page.locator( '.item' ).first().textContent() ).toContain(
			'78,000원'
		);
		expect( await page.locator( '#method-card' ).isChecked() ).toBe( true );
		expect( await page.locator( '.method' ).count() ).toBe( 7 );
		expect( await page.locator( '#installments' ).isVisible() ).toBe(
			true
		);
		expect( await page.locator( '#pay' ).textContent() ).toBe(
			'81,000원 결제하기'
		);
		// Nothing wider than a 360-px phone.
		expect(
			await page.evaluate( () => document.documentElement.scrollWidth )
		).toBeLessThanOrEqual( PHONE.width );

		await page.selectOption( '#installments', '3' );
		await screenshot( page, 'checkout-card-phone' );
		const landed = await leaveFor( page, () => page.click( '#pay' ) );

		expect( landed.pathname ).toBe( '/checkout/order-received/' );
		expect( landed.searchParams.get( 'key' ) ).toBe( 'wc_order_abc' );
		expect( landed.searchParams.get( 'sessionId' ) ).toBe( id );
		expect( landed.searchParams.get( 'status' ) ).toBe( 'completed' );
		const session = await getSession( id );
		expect( session.status ).toBe( 'completed' );
		expect( session.paymentMethod ).toBe( 'card' );
		expect( session.installments ).toBe( 3 );
		expect( problems ).toEqual( [] );
		await close();
	} );

	it( 'offers no installments below 50,000 won and sends none', async () => {
		const id = await createSession( stack.sandbox, stack.store, {
			items: [ { name: '머그컵', price: 12000, quantity: 1 } ],
		} );
		const { page, close } = await open( id );
		expect( await page.locator( '#installments' ).isVisible() ).toBe(
			false
		);
		await leaveFor( page, () => page.click( '#pay' ) );
		const session = await getSession( id );
		expect( session.status ).toBe( 'completed' );
		expect( session.installments ?? 0 ).toBe( 0 );
		await close();
	} );

	it( 'fails with the chosen code and its message, then shows the failed state instead of a pay button', async () => {
		const id = await createSession( stack.sandbox, stack.store );
		const { page, problems, close } = await open( id );
		await page.selectOption( '#fail-code', 'NOT_ENOUGH_BALANCE' );
		const landed = await leaveFor( page, () => page.click( '#fail' ) );

		expect( landed.pathname ).toBe( '/checkout/order-received/' );
		expect( landed.searchParams.get( 'sessionId' ) ).toBe( id );
		expect( landed.searchParams.get( 'status' ) ).toBe( 'failed' );
		expect( landed.searchParams.get( 'code' ) ).toBe(
			'NOT_ENOUGH_BALANCE'
		);
		expect( landed.searchParams.get( 'message' ) ).toBe(
			'잔액이 부족합니다.'
		);
		expect( ( await getSession( id ) ).failure?.code ).toBe(
			'NOT_ENOUGH_BALANCE'
		);

		await page.goto( `${ stack.sandbox.url }/checkout/${ id }` );
		await page.locator( '[data-state="failed"]' ).waitFor();
		expect( await page.locator( '#pay' ).count() ).toBe( 0 );
		expect( await page.locator( '.state' ).textContent() ).toContain(
			'NOT_ENOUGH_BALANCE'
		);
		const back = new URL(
			( await page
				.getByTestId( 'back-to-store' )
				.getAttribute( 'href' ) ) ?? ''
		);
		expect( back.searchParams.get( 'status' ) ).toBe( 'failed' );
		expect( back.searchParams.get( 'code' ) ).toBe( 'NOT_ENOUGH_BALANCE' );
		await screenshot( page, 'state-failed-phone' );
		expect( problems ).toEqual( [] );
		await close();
	} );

	it( 'lets a shopper try a failed payment again, in their language', async () => {
		const id = await createSession( stack.sandbox, stack.store, {
			metadata: { locale: 'en' },
		} );
		await control(
			stack.sandbox,
			'POST',
			`/sandbox/sessions/${ id }/fail`,
			{
				code: 'REJECT_CARD_COMPANY',
			}
		);
		const { page, close } = await open( id );
		await page.locator( '[data-state="failed"]' ).waitFor();
		// The reason reads in the page's language, whatever language the failure was recorded in.
		expect( await page.locator( '.failure-reason' ).textContent() ).toBe(
			'REJECT_CARD_COMPANY The card company declined the payment.'
		);
		await page.click( '#retry' );
		await page.locator( '#pay' ).waitFor();
		expect(
			await page.evaluate( () => document.querySelector( ':focus' )?.id )
		).toBe( 'pay-title' );
		const landed = await leaveFor( page, () => page.click( '#pay' ) );
		expect( landed.searchParams.get( 'status' ) ).toBe( 'completed' );
		expect( ( await getSession( id ) ).status ).toBe( 'completed' );
		await close();
	} );

	it( 'cancels to cancelUrl with sessionId and status=cancelled', async () => {
		const id = await createSession( stack.sandbox, stack.store );
		const { page, close } = await open( id );
		const landed = await leaveFor( page, () => page.click( '#cancel' ) );
		expect( landed.pathname ).toBe( '/cart/' );
		expect( landed.searchParams.get( 'sessionId' ) ).toBe( id );
		expect( landed.searchParams.get( 'status' ) ).toBe( 'cancelled' );
		expect( ( await getSession( id ) ).status ).toBe( 'cancelled' );

		await page.goto( `${ stack.sandbox.url }/checkout/${ id }` );
		await page.locator( '[data-state="cancelled"]' ).waitFor();
		expect( await page.locator( '#pay' ).count() ).toBe( 0 );
		expect(
			await page.getByTestId( 'back-to-store' ).getAttribute( 'href' )
		).toContain(
			`${ stack.store.url }/cart/?sessionId=${ id }&status=cancelled`
		);
		await close();
	} );

	it( 'issues a virtual account, shows it, and turns completed by itself after a deposit on the control surface', async () => {
		const id = await createSession( stack.sandbox, stack.store, {
			metadata: { paymentMethod: 'virtual_account' },
		} );
		const { page, problems, close } = await open( id );
		expect(
			await page.locator( '#method-virtual_account' ).isChecked()
		).toBe( true );
		expect( await page.locator( '#installments' ).isVisible() ).toBe(
			false
		);
		expect( await page.locator( '#pay' ).textContent() ).toBe(
			'가상계좌 발급받기'
		);
		await page.click( '#pay' );

		await page.locator( '[data-state="virtual_account"]' ).waitFor();
		expect( page.url() ).toContain( `/checkout/${ id }` );
		expect(
			( await page.getByTestId( 'va-bank' ).textContent() )?.trim()
		).not.toBe( '' );
		expect( await page.getByTestId( 'va-account' ).textContent() ).toMatch(
			/^\d+-\d+-\d+$/
		);
		expect( await page.getByTestId( 'va-holder' ).textContent() ).toBe(
			'Sandbox Shop'
		);
		expect( await page.getByTestId( 'va-amount' ).textContent() ).toBe(
			'81,000원'
		);
		expect(
			( await page.getByTestId( 'va-due' ).textContent() )?.trim()
		).not.toBe( '' );
		const back = new URL(
			( await page
				.getByTestId( 'back-to-store' )
				.getAttribute( 'href' ) ) ?? ''
		);
		expect( back.origin ).toBe( stack.store.url );
		expect( back.searchParams.get( 'sessionId' ) ).toBe( id );
		expect( back.searchParams.get( 'status' ) ).toBe( 'processing' );
		expect( ( await getSession( id ) ).status ).toBe( 'processing' );
		await screenshot( page, 'virtual-account-phone' );

		await control(
			stack.sandbox,
			'POST',
			`/sandbox/sessions/${ id }/deposit`
		);
		// The page asks again every 3 s; give a busy machine the rest of the test's time to show it.
		await page
			.locator( '[data-state="completed"]' )
			.waitFor( { timeout: 40_000 } );
		expect( await page.locator( '#state-title' ).textContent() ).toBe(
			'결제가 완료되었습니다'
		);
		await screenshot( page, 'state-completed-phone' );

		const landed = await leaveFor( page, () =>
			page.getByTestId( 'back-to-store' ).click()
		);
		expect( landed.searchParams.get( 'status' ) ).toBe( 'completed' );
		expect( problems ).toEqual( [] );
		await close();
	} );

	it( 'shows an expired session as expired, with no pay button', async () => {
		const id = await createSession( stack.sandbox, stack.store );
		await control(
			stack.sandbox,
			'POST',
			`/sandbox/sessions/${ id }/expire`
		);
		const { page, close } = await open( id );
		await page.locator( '[data-state="expired"]' ).waitFor();
		expect( await page.locator( '#pay' ).count() ).toBe( 0 );
		expect( await page.locator( '#state-title' ).textContent() ).toBe(
			'결제 기한이 지났습니다'
		);
		await screenshot( page, 'state-expired-phone' );
		await close();
	} );

	it( 'shows full and partial refunds of a paid session', async () => {
		const id = await createSession( stack.sandbox, stack.store );
		await control( stack.sandbox, 'POST', `/sandbox/sessions/${ id }/pay`, {
			method: 'naver_pay',
		} );
		await control(
			stack.sandbox,
			'POST',
			`/sandbox/sessions/${ id }/refund`,
			{
				amount: 10000,
			}
		);
		const { page, close } = await open( id );
		await page.locator( '[data-state="partially_refunded"]' ).waitFor();
		expect( await page.locator( '.state p' ).first().textContent() ).toBe(
			'81,000원 중 10,000원이 환불되었습니다.'
		);
		await control(
			stack.sandbox,
			'POST',
			`/sandbox/sessions/${ id }/refund`
		);
		await page.reload();
		await page.locator( '[data-state="refunded"]' ).waitFor();
		expect( await page.locator( '#pay' ).count() ).toBe( 0 );
		await close();
	} );

	it( 'says so for an unknown session id', async () => {
		const { page, problems, close } = await open( 'cs_doesnotexist000' );
		await page.locator( '[data-state="not_found"]' ).waitFor();
		expect( await page.locator( '#state-title' ).textContent() ).toBe(
			'결제 정보를 찾을 수 없습니다'
		);
		// The 404 of the data call is the only console noise allowed here.
		expect(
			problems.filter( ( text ) => ! text.includes( '404' ) )
		).toEqual( [] );
		await close();
	} );

	it( 'offers only the methods the store enabled, opening on its choice, and is usable by keyboard alone', async () => {
		const id = await createSession( stack.sandbox, stack.store, {
			metadata: {
				paymentMethods: 'card,kakao_pay,naver_pay,bitcoin',
				paymentMethod: 'card',
			},
		} );
		const { page, close } = await open( id );
		expect(
			await page
				.locator( '.method__input' )
				.evaluateAll( ( inputs ) =>
					inputs.map( ( i ) => ( i as HTMLInputElement ).value )
				)
		).toEqual( [ 'card', 'kakao_pay', 'naver_pay' ] );
		const focused = () =>
			page.evaluate( () => document.querySelector( ':focus' )?.id ?? '' );

		await page.keyboard.press( 'Tab' );
		expect( await focused() ).toBe( 'lang' );
		await page.keyboard.press( 'Tab' );
		expect( await focused() ).toBe( 'method-card' );
		// The focused tile shows a visible focus ring.
		const ring = await page.evaluate(
			() =>
				getComputedStyle(
					document.querySelector(
						'label[for="method-card"]'
					) as Element
				).outlineStyle
		);
		expect( ring ).toBe( 'solid' );
		await page.keyboard.press( 'ArrowRight' );
		expect( await focused() ).toBe( 'method-kakao_pay' );
		await page.keyboard.press( 'ArrowDown' );
		expect( await focused() ).toBe( 'method-naver_pay' );
		await page.keyboard.press( 'ArrowUp' );
		expect( await page.locator( '#method-kakao_pay' ).isChecked() ).toBe(
			true
		);
		expect( await page.locator( '#installments' ).isVisible() ).toBe(
			false
		);
		await screenshot( page, 'keyboard-focus-phone' );

		await page.keyboard.press( 'Tab' );
		expect( await focused() ).toBe( 'pay' );
		const landed = await leaveFor( page, () =>
			page.keyboard.press( 'Enter' )
		);
		expect( landed.searchParams.get( 'status' ) ).toBe( 'completed' );
		expect( ( await getSession( id ) ).paymentMethod ).toBe( 'kakao_pay' );
		await close();
	} );

	it( 'lays the summary beside the form on a desktop, and follows a dark colour scheme', async () => {
		const id = await createSession( stack.sandbox, stack.store, {
			metadata: { paymentMethod: 'toss_pay' },
		} );
		const desktop = await open( id, DESKTOP );
		const form = await desktop.page
			.locator( 'form.pay-form' )
			.boundingBox();
		const summary = await desktop.page.locator( '.summary' ).boundingBox();
		expect( summary && form && summary.x > form.x + form.width - 1 ).toBe(
			true
		);
		await screenshot( desktop.page, 'checkout-desktop' );
		await desktop.close();

		const dark = await openPage( stack.browser, PHONE, 'dark' );
		await dark.page.goto( `${ stack.sandbox.url }/checkout/${ id }` );
		await dark.page.locator( '#pay' ).waitFor();
		expect(
			await dark.page.evaluate(
				() => getComputedStyle( document.body ).backgroundColor
			)
		).toBe( 'rgb(16, 18, 20)' );
		await screenshot( dark.page, 'checkout-dark-phone' );
		expect( dark.problems ).toEqual( [] );
		await dark.close();
	} );
} );
