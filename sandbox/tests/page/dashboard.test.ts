/**
 * The /sandbox/ dashboard in real Chromium against a real sandbox: it lists sessions and webhook deliveries,
 * its buttons do what the control surface does, and it never shows the API key or the webhook secret.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	API_KEY,
	control,
	createSession,
	DESKTOP,
	openPage,
	PHONE,
	screenshot,
	pageStackForFile,
} from './harness.ts';

const stack = pageStackForFile( 90_000 );

interface Listed {
	sessionId: string;
	status: string;
	paymentMethod: string | null;
	refundedAmount: number;
}

const status = async ( id: string ) =>
	(
		await control< Listed >(
			stack.sandbox,
			'GET',
			`/sandbox/sessions/${ id }`
		)
	).status;
const row = ( page: Page, id: string ) =>
	page.locator( `[data-session="${ id }"]` );

/** Clicks a dashboard button and waits for the list to show the session in its new status. */
async function act( page: Page, button: string, id: string, expected: string ) {
	await page.click( `#${ button }-${ id }` );
	await row( page, id ).locator( `.pill--${ expected }` ).waitFor();
	expect( await status( id ) ).toBe( expected );
}

describe( 'sandbox dashboard', () => {
	it( 'drives every action from its buttons and never shows a secret', async () => {
		const paid = await createSession( stack.sandbox, stack.store );
		const account = await createSession( stack.sandbox, stack.store );
		const failing = await createSession( stack.sandbox, stack.store );
		const cancelled = await createSession( stack.sandbox, stack.store );
		const expiring = await createSession( stack.sandbox, stack.store );

		const { page, problems, close } = await openPage(
			stack.browser,
			DESKTOP
		);
		await page.goto( `${ stack.sandbox.url }/sandbox/` );
		await row( page, expiring ).waitFor();
		expect( await page.locator( '[data-session]' ).count() ).toBe( 5 );
		// Newest first, as the control surface lists them.
		expect(
			await page
				.locator( '[data-session]' )
				.first()
				.getAttribute( 'data-session' )
		).toBe( expiring );
		expect(
			await row( page, paid ).locator( 'a' ).getAttribute( 'href' )
		).toBe( `/checkout/${ paid }` );

		await act( page, 'pay', paid, 'completed' );
		await page.locator( 'tr[data-delivery]' ).first().waitFor();
		expect( await page.locator( 'tbody' ).textContent() ).toContain(
			'payment.completed'
		);

		await page.selectOption( `#method-${ account }`, 'virtual_account' );
		await act( page, 'pay', account, 'processing' );
		await act( page, 'deposit', account, 'completed' );

		await page.fill( `#refund-amount-${ paid }`, '10000' );
		await act( page, 'refund', paid, 'partially_refunded' );
		expect(
			(
				await control< Listed >(
					stack.sandbox,
					'GET',
					`/sandbox/sessions/${ paid }`
				)
			).refundedAmount
		).toBe( 10000 );
		await act( page, 'refund', paid, 'refunded' );

		await page.selectOption( `#code-${ failing }`, 'REJECT_CARD_COMPANY' );
		await act( page, 'fail', failing, 'failed' );
		await act( page, 'cancel', cancelled, 'cancelled' );
		await act( page, 'expire', expiring, 'expired' );
		expect( await page.locator( '#dash-error' ).textContent() ).toBe( '' );

		// Redeliver sends the same event again as a new delivery with the same event id.
		const before = await control< {
			deliveries: Array< { id: string; eventId: string; event: string } >;
		} >(
			stack.sandbox,
			'GET',
			`/sandbox/deliveries?sessionId=${ failing }`
		);
		expect( before.deliveries.map( ( d ) => d.event ) ).toEqual( [
			'payment.failed',
		] );
		const first = before.deliveries[ 0 ]!;
		await page.click( `#redeliver-${ first.id }` );
		await page
			.locator( '#dash-status', { hasText: '다시 보내기' } )
			.waitFor();
		const after = await control< {
			deliveries: Array< { eventId: string } >;
		} >(
			stack.sandbox,
			'GET',
			`/sandbox/deliveries?sessionId=${ failing }`
		);
		expect( after.deliveries.map( ( d ) => d.eventId ) ).toEqual( [
			first.eventId,
			first.eventId,
		] );

		const html = await page.content();
		expect( html ).not.toContain( API_KEY );
		expect( html ).not.toContain( 'whsec_' );
		expect( html ).not.toMatch( /sk_(test|live)_[0-9a-f]{8}/ );
		await screenshot( page, 'dashboard-desktop' );
		expect( problems ).toEqual( [] );
		await close();
	} );

	it( 'shows a refused action as an error and keeps the session as it was', async () => {
		const id = await createSession( stack.sandbox, stack.store );
		await control( stack.sandbox, 'POST', `/sandbox/sessions/${ id }/pay`, {
			method: 'card',
		} );
		const { page, close } = await openPage( stack.browser, DESKTOP );
		await page.goto( `${ stack.sandbox.url }/sandbox/` );
		await row( page, id ).waitFor();
		// The row is stale on purpose: the session is refunded elsewhere, then refunded again from the page.
		await control(
			stack.sandbox,
			'POST',
			`/sandbox/sessions/${ id }/refund`
		);
		await page.click( `#refund-${ id }` );
		await page.locator( '#dash-error:not(:empty)' ).waitFor();
		expect( await page.locator( '#dash-error' ).textContent() ).toMatch(
			/refund_exceeds_remaining|session_not_paid|invalid_session_status/
		);
		expect( await status( id ) ).toBe( 'refunded' );
		await close();
	} );

	it( 'works on a phone, in English, and resets after asking', async () => {
		const id = await createSession( stack.sandbox, stack.store );
		await control( stack.sandbox, 'POST', `/sandbox/sessions/${ id }/pay`, {
			method: 'samsung_pay',
		} );
		const { page, close } = await openPage( stack.browser, PHONE );
		await page.goto( `${ stack.sandbox.url }/sandbox/?lang=en` );
		await page.locator( '[data-session]' ).first().waitFor();
		expect( await page.locator( 'html' ).getAttribute( 'lang' ) ).toBe(
			'en'
		);
		expect( await page.locator( 'h1' ).textContent() ).toBe(
			'Sandbox dashboard'
		);
		expect(
			await page.evaluate( () => document.documentElement.scrollWidth )
		).toBeLessThanOrEqual( PHONE.width );
		await screenshot( page, 'dashboard-phone-en', false );
		await page.locator( '#deliveries-title' ).scrollIntoViewIfNeeded();
		await screenshot( page, 'dashboard-phone-en-deliveries', false );

		await page.click( '#reset' );
		expect( await page.locator( '#reset-confirm' ).isVisible() ).toBe(
			true
		);
		await page.click( '#reset-no' );
		expect( await page.locator( '#reset-confirm' ).isVisible() ).toBe(
			false
		);
		expect(
			(
				await control< { sessions: unknown[] } >(
					stack.sandbox,
					'GET',
					'/sandbox/sessions'
				)
			).sessions.length
		).toBeGreaterThan( 0 );

		await page.click( '#reset' );
		await page.click( '#reset-yes' );
		await page
			.locator( '#dash-status', { hasText: 'Everything was reset.' } )
			.waitFor();
		// The status line changes as soon as the reset answers; the lists are redrawn after a refresh that
		// follows, so wait for the emptied list rather than reading it at that instant.
		await page
			.locator( 'p.muted', { hasText: 'No sessions yet' } )
			.waitFor();
		expect( await page.locator( '[data-session]' ).count() ).toBe( 0 );
		expect(
			(
				await control< { sessions: unknown[] } >(
					stack.sandbox,
					'GET',
					'/sandbox/sessions'
				)
			).sessions
		).toEqual( [] );
		await close();
	} );
} );
