import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, createSession, waitFor } from './helpers/http.ts';
import { WebhookReceiver } from './helpers/receiver.ts';
import {
	type SandboxProcess,
	startSandboxProcess,
} from './helpers/sandboxProcess.ts';

let sandbox: SandboxProcess;
let api: Client;
let receiver: WebhookReceiver;

beforeAll( async () => {
	sandbox = await startSandboxProcess();
	api = new Client( sandbox.url, sandbox.apiKey );
	receiver = await new WebhookReceiver( sandbox.webhookSecret ).start();
} );
afterAll( async () => {
	await sandbox?.stop();
	await receiver?.stop();
} );
beforeEach( () => receiver.clear() );

const newSession = ( overrides: Record< string, unknown > = {} ) =>
	createSession( api, { webhookUrl: receiver.url, ...overrides } );
const session = async ( id: string ) =>
	( await api.get( `/api/checkout/session/${ id }` ) ).body.data;

describe( 'pay', () => {
	it.each( [
		'card',
		'bank_transfer',
		'kakao_pay',
		'naver_pay',
		'toss_pay',
		'samsung_pay',
	] )(
		'completes a %s payment, records the webhook before answering, and redirects to returnUrl',
		async ( method ) => {
			const id = await newSession();
			const payStarted = Date.now();
			const answer = await api.post( `/sandbox/sessions/${ id }/pay`, {
				method,
			} );
			const payAnswered = Date.now();
			expect( answer.status, answer.text ).toBe( 200 );
			expect( Object.keys( answer.body ).sort() ).toEqual( [
				'redirectUrl',
				'status',
			] );
			expect( answer.body.status ).toBe( 'completed' );
			const redirect = new URL( answer.body.redirectUrl );
			expect( redirect.origin + redirect.pathname ).toBe(
				'http://localhost:8080/checkout/order-received/1001/'
			);
			expect( redirect.searchParams.get( 'key' ) ).toBe( 'wc_order_abc' );
			expect( redirect.searchParams.get( 'sessionId' ) ).toBe( id );
			expect( redirect.searchParams.get( 'status' ) ).toBe( 'completed' );
			// The delivery is recorded (and here already answered) by the time pay answers.
			const deliveries = (
				await api.get( `/sandbox/deliveries?sessionId=${ id }` )
			).body.deliveries;
			expect( deliveries ).toHaveLength( 1 );
			expect( deliveries[ 0 ] ).toMatchObject( {
				event: 'payment.completed',
				state: 'delivered',
				url: receiver.url,
			} );
			expect( receiver.forSession( id ) ).toHaveLength( 1 );
			const data = await session( id );
			expect( data ).toMatchObject( {
				status: 'completed',
				paymentMethod: method,
			} );
			expect( [ 'toss', 'kcp', 'inicis' ] ).toContain( data.gateway );
			expect( data.gatewayTransactionId ).toMatch(
				new RegExp( `^${ data.gateway }_tx_[0-9a-f]+$` )
			);
			// Completed while pay ran (the sandbox and the test read the same clock).
			expect( Date.parse( data.completedAt ) ).toBeGreaterThanOrEqual(
				payStarted
			);
			expect( Date.parse( data.completedAt ) ).toBeLessThanOrEqual(
				payAnswered
			);
		}
	);

	it( 'keeps card installments', async () => {
		const id = await newSession();
		await api.post( `/sandbox/sessions/${ id }/pay`, {
			method: 'card',
			installments: 3,
		} );
		expect( ( await session( id ) ).installments ).toBe( 3 );
		const other = await newSession();
		const wrong = await api.post( `/sandbox/sessions/${ other }/pay`, {
			method: 'kakao_pay',
			installments: 3,
		} );
		expect( wrong.status ).toBe( 400 );
		expect( wrong.body.error.details.field ).toBe( 'installments' );
	} );

	it( 'issues a virtual account without a webhook, then completes it on deposit with payment.completed', async () => {
		const id = await newSession();
		const issued = await api.post( `/sandbox/sessions/${ id }/pay`, {
			method: 'virtual_account',
		} );
		expect( issued.body.status ).toBe( 'processing' );
		expect(
			new URL( issued.body.redirectUrl ).searchParams.get( 'status' )
		).toBe( 'processing' );
		const waiting = await session( id );
		expect( waiting ).toMatchObject( {
			status: 'processing',
			paymentMethod: 'virtual_account',
			gatewayTransactionId: null,
			completedAt: null,
		} );
		expect( waiting.virtualAccount.bankName ).toMatch( /은행$/ );
		expect( waiting.virtualAccount.accountNumber ).toMatch(
			/^\d{3}-\d{6}-\d{5}$/
		);
		expect( waiting.virtualAccount.accountHolder ).toBe( 'Sandbox Shop' );
		expect(
			Number.isNaN( Date.parse( waiting.virtualAccount.dueDate ) )
		).toBe( false );
		expect(
			( await api.get( `/sandbox/deliveries?sessionId=${ id }` ) ).body
				.deliveries
		).toEqual( [] );

		const deposited = await api.post( `/sandbox/sessions/${ id }/deposit` );
		expect( deposited.status ).toBe( 200 );
		expect( deposited.body ).toEqual( { status: 'completed' } );
		const paid = await session( id );
		expect( paid.gatewayTransactionId ).toMatch( /^kcp_tx_/ );
		expect( paid.virtualAccount.accountNumber ).toBe(
			waiting.virtualAccount.accountNumber
		);
		expect(
			receiver.forSession( id ).map( ( item ) => item.body.event )
		).toEqual( [ 'payment.completed' ] );
		expect(
			receiver.forSession( id )[ 0 ]?.body.data.virtualAccount
		).toEqual( paid.virtualAccount );
	} );

	it( 'begin: the shopper is paying (processing, no webhook, not modifiable), then pay completes it', async () => {
		const id = await newSession();
		const begun = await api.post( `/sandbox/sessions/${ id }/begin`, {
			method: 'kakao_pay',
		} );
		expect( begun.status ).toBe( 200 );
		expect( begun.body ).toEqual( { status: 'processing' } );
		const paying = await session( id );
		expect( paying ).toMatchObject( {
			status: 'processing',
			paymentMethod: 'kakao_pay',
			gatewayTransactionId: null,
			completedAt: null,
		} );
		expect( paying.virtualAccount ?? null ).toBeNull();
		const patched = await api.patch( `/api/checkout/session/${ id }`, {
			expiresAt: new Date().toISOString(),
		} );
		expect( patched.status ).toBe( 400 );
		expect( patched.body.error.code ).toBe( 'session_not_modifiable' );
		expect(
			( await api.get( `/sandbox/deliveries?sessionId=${ id }` ) ).body
				.deliveries
		).toEqual( [] );

		const again = await api.post( `/sandbox/sessions/${ id }/begin`, {
			method: 'card',
		} );
		expect( again.status ).toBe( 400 );
		expect( again.body.error.code ).toBe( 'invalid_session_status' );
		const account = await api.post( `/sandbox/sessions/${ id }/deposit` );
		expect( account.status ).toBe( 400 );

		const paid = await api.post( `/sandbox/sessions/${ id }/pay`, {
			method: 'kakao_pay',
		} );
		expect( paid.body.status ).toBe( 'completed' );
		expect( ( await session( id ) ).gatewayTransactionId ).toMatch(
			/^kcp_tx_/
		);
		expect(
			receiver.forSession( id ).map( ( item ) => item.body.event )
		).toEqual( [ 'payment.completed' ] );
	} );

	it( 'begin refuses a virtual account, a paid session and an expired one; an unfinished payment expires', async () => {
		const id = await newSession();
		const account = await api.post( `/sandbox/sessions/${ id }/begin`, {
			method: 'virtual_account',
		} );
		expect( account.status ).toBe( 400 );
		expect( account.body.error.details.field ).toBe( 'method' );
		await api.post( `/sandbox/sessions/${ id }/begin`, { method: 'card' } );
		const expired = await api.post( `/sandbox/sessions/${ id }/expire` );
		expect( expired.body ).toEqual( { status: 'expired' } );
		expect(
			receiver.forSession( id ).map( ( item ) => item.body.event )
		).toEqual( [ 'session.expired' ] );
		const late = await api.post( `/sandbox/sessions/${ id }/begin`, {
			method: 'card',
		} );
		expect( late.status ).toBe( 400 );

		const other = await newSession();
		await api.post( `/sandbox/sessions/${ other }/pay`, {
			method: 'card',
		} );
		const paid = await api.post( `/sandbox/sessions/${ other }/begin`, {
			method: 'card',
		} );
		expect( paid.status ).toBe( 400 );
		expect( paid.body.error.code ).toBe( 'invalid_session_status' );
	} );

	it( 'refuses a method the shop does not offer, an unknown method, and a session that is not payable', async () => {
		const id = await newSession();
		const unknown = await api.post( `/sandbox/sessions/${ id }/pay`, {
			method: 'bitcoin',
		} );
		expect( unknown.status ).toBe( 400 );
		expect( unknown.body.error.details.field ).toBe( 'method' );
		const missing = await api.post( `/sandbox/sessions/${ id }/pay`, {} );
		expect( missing.status ).toBe( 400 );
		expect( missing.body.error.code ).toBe( 'missing_parameter' );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		const again = await api.post( `/sandbox/sessions/${ id }/pay`, {
			method: 'card',
		} );
		expect( again.status ).toBe( 400 );
		expect( again.body.error.code ).toBe( 'invalid_session_status' );
		const nobody = await api.post( '/sandbox/sessions/cs_nobody/pay', {
			method: 'card',
		} );
		expect( nobody.status ).toBe( 404 );
		expect( nobody.body.error.code ).toBe( 'session_not_found' );
	} );
} );

describe( 'fail, cancel, expire', () => {
	it( 'fails with a code: failed, payment.failed, code and message in the redirect', async () => {
		const id = await newSession();
		const answer = await api.post( `/sandbox/sessions/${ id }/fail`, {
			code: 'REJECT_CARD_COMPANY',
		} );
		expect( answer.status ).toBe( 200 );
		expect( answer.body.status ).toBe( 'failed' );
		const redirect = new URL( answer.body.redirectUrl );
		expect( redirect.pathname ).toBe( '/checkout/order-received/1001/' );
		expect( redirect.searchParams.get( 'status' ) ).toBe( 'failed' );
		expect( redirect.searchParams.get( 'code' ) ).toBe(
			'REJECT_CARD_COMPANY'
		);
		expect( redirect.searchParams.get( 'message' ) ).toMatch( /declined/ );
		const events = receiver.forSession( id );
		expect( events.map( ( item ) => item.body.event ) ).toEqual( [
			'payment.failed',
		] );
		expect( events[ 0 ]?.body.data.failure ).toEqual( {
			code: 'REJECT_CARD_COMPANY',
			message: redirect.searchParams.get( 'message' ),
		} );
		expect( ( await session( id ) ).status ).toBe( 'failed' );
	} );

	it( 'keeps a given failure message, and lets the shopper pay after a failure', async () => {
		const id = await newSession();
		const answer = await api.post( `/sandbox/sessions/${ id }/fail`, {
			code: 'PAY_PROCESS_ABORTED',
			message: '결제가 중단되었습니다',
		} );
		expect(
			new URL( answer.body.redirectUrl ).searchParams.get( 'message' )
		).toBe( '결제가 중단되었습니다' );
		const paid = await api.post( `/sandbox/sessions/${ id }/pay`, {
			method: 'card',
		} );
		expect( paid.body.status ).toBe( 'completed' );
		expect( ( await session( id ) ).failure ).toBeUndefined();
	} );

	it( 'refuses a malformed failure code', async () => {
		const id = await newSession();
		for ( const body of [ {}, { code: 'lower_case' }, { code: 42 } ] ) {
			const answer = await api.post(
				`/sandbox/sessions/${ id }/fail`,
				body
			);
			expect( answer.status ).toBe( 400 );
			expect( answer.body.error.details.field ).toBe( 'code' );
		}
	} );

	it( 'cancels: cancelled, no webhook, redirect to cancelUrl', async () => {
		const id = await newSession();
		const answer = await api.post( `/sandbox/sessions/${ id }/cancel` );
		expect( answer.body.status ).toBe( 'cancelled' );
		expect( answer.body.redirectUrl ).toBe(
			`http://localhost:8080/cart/?sessionId=${ id }&status=cancelled`
		);
		expect( ( await session( id ) ).status ).toBe( 'cancelled' );
		expect(
			( await api.get( `/sandbox/deliveries?sessionId=${ id }` ) ).body
				.deliveries
		).toEqual( [] );
		const twice = await api.post( `/sandbox/sessions/${ id }/cancel` );
		expect( twice.status ).toBe( 400 );
		const payAfter = await api.post( `/sandbox/sessions/${ id }/pay`, {
			method: 'card',
		} );
		expect( payAfter.body.error.code ).toBe( 'invalid_session_status' );
	} );

	it( 'expires a pending session now: expired, session.expired', async () => {
		const id = await newSession();
		const answer = await api.post( `/sandbox/sessions/${ id }/expire` );
		expect( answer.body ).toEqual( { status: 'expired' } );
		expect( ( await session( id ) ).status ).toBe( 'expired' );
		expect(
			receiver.forSession( id ).map( ( item ) => item.body.event )
		).toEqual( [ 'session.expired' ] );
		expect(
			(
				await api.post( `/sandbox/sessions/${ id }/pay`, {
					method: 'card',
				} )
			).status
		).toBe( 400 );
	} );

	it( 'expires a virtual account still waiting for its deposit; deposit is then refused', async () => {
		const id = await newSession();
		await api.post( `/sandbox/sessions/${ id }/pay`, {
			method: 'virtual_account',
		} );
		expect(
			( await api.post( `/sandbox/sessions/${ id }/expire` ) ).body.status
		).toBe( 'expired' );
		const deposit = await api.post( `/sandbox/sessions/${ id }/deposit` );
		expect( deposit.status ).toBe( 400 );
		expect( deposit.body.error.code ).toBe( 'invalid_session_status' );
	} );

	it( 'refuses deposit on a session without a virtual account, and expire on a paid one', async () => {
		const id = await newSession();
		expect(
			( await api.post( `/sandbox/sessions/${ id }/deposit` ) ).status
		).toBe( 400 );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		expect(
			( await api.post( `/sandbox/sessions/${ id }/expire` ) ).status
		).toBe( 400 );
	} );

	it( 'expires a session by itself once expiresAt has passed, with session.expired', async () => {
		// Far enough ahead that a slow create-session call still sends a time in the future.
		const expiresAt = new Date( Date.now() + 3000 ).toISOString();
		const id = await newSession( { expiresAt } );
		await waitFor(
			() => ( receiver.forSession( id ).length > 0 ? true : undefined ),
			30_000,
			'session.expired'
		);
		const events = receiver.forSession( id ).map( ( item ) => item.body );
		expect( events.map( ( event ) => event.event ) ).toEqual( [
			'session.expired',
		] );
		const expired = await session( id );
		expect( expired.status ).toBe( 'expired' );
		// Not a moment early, by the sandbox's own clock: it was pending until expiresAt.
		expect( Date.parse( events[ 0 ]!.createdAt ) ).toBeGreaterThanOrEqual(
			Date.parse( expiresAt )
		);
		expect( expired.expiresAt ).toBe( expiresAt );
	} );
} );

describe( 'sessions list and detail', () => {
	it( 'shows one session with the API fields at the top level, the page fields and the shop', async () => {
		const id = await newSession( {
			metadata: {
				orderId: '1001',
				locale: 'en',
				paymentMethod: 'card',
				paymentMethods: 'card,virtual_account',
			},
		} );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		const answer = await api.get( `/sandbox/sessions/${ id }` );
		expect( answer.status ).toBe( 200 );
		const api_ = ( await api.get( `/api/checkout/session/${ id }` ) ).body
			.data;
		for ( const key of Object.keys( api_ ) ) {
			expect( answer.body[ key ], key ).toEqual( api_[ key ] );
		}
		expect( answer.body.items ).toHaveLength( 2 );
		expect( answer.body.metadata.locale ).toBe( 'en' );
		expect( answer.body.returnUrl ).toMatch( /^http:\/\/localhost:8080\// );
		expect( answer.body.cancelUrl ).toBe( 'http://localhost:8080/cart/' );
		expect( answer.body.webhookUrl ).toBe( receiver.url );
		expect( answer.body.refunds ).toEqual( [] );
		expect( answer.body.deliveries ).toHaveLength( 1 );
		expect( answer.body.shop ).toMatchObject( {
			name: 'Sandbox Shop',
			customDomain: null,
		} );
		expect( answer.body.shop.shopId ).toMatch( /^shop_/ );
		expect( answer.body.shop.paymentMethods ).toEqual( [
			'card',
			'virtual_account',
			'bank_transfer',
			'kakao_pay',
			'naver_pay',
			'toss_pay',
			'samsung_pay',
		] );
		expect( JSON.stringify( answer.body ) ).not.toContain(
			sandbox.webhookSecret
		);
		expect( JSON.stringify( answer.body ) ).not.toContain( sandbox.apiKey );
	} );

	it( 'lists sessions newest first', async () => {
		const first = await newSession();
		const second = await newSession();
		const list = ( await api.get( '/sandbox/sessions' ) ).body.sessions.map(
			( item: { sessionId: string } ) => item.sessionId
		);
		expect( list.indexOf( second ) ).toBeLessThan( list.indexOf( first ) );
		expect( list.indexOf( first ) ).toBeGreaterThanOrEqual( 0 );
	} );

	it( 'answers 404 for an unknown session', async () => {
		const answer = await api.get( '/sandbox/sessions/cs_unknown' );
		expect( answer.status ).toBe( 404 );
		expect( answer.body.error.code ).toBe( 'session_not_found' );
	} );

	it( 'refuses cross-site browser requests to actions', async () => {
		const id = await newSession();
		const answer = await api.call(
			'POST',
			`/sandbox/sessions/${ id }/pay`,
			{
				body: { method: 'card' },
				headers: { origin: 'https://evil.example' },
			}
		);
		expect( answer.status ).toBe( 403 );
		expect( answer.body.error.code ).toBe( 'forbidden_origin' );
		expect( ( await session( id ) ).status ).toBe( 'pending' );
		const sameOrigin = await api.call(
			'POST',
			`/sandbox/sessions/${ id }/pay`,
			{ body: { method: 'card' }, headers: { origin: sandbox.url } }
		);
		expect( sameOrigin.status ).toBe( 200 );
	} );
} );

describe( 'reset', () => {
	it( 'forgets sessions, deliveries and faults and keeps the keys', async () => {
		const id = await newSession();
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		await api.post( '/sandbox/faults', {
			target: 'get-session',
			mode: '500',
			count: 5,
		} );
		const answer = await api.post( '/sandbox/reset' );
		expect( answer.body ).toEqual( { ok: true } );
		expect(
			( await api.get( '/sandbox/sessions' ) ).body.sessions
		).toEqual( [] );
		expect(
			( await api.get( '/sandbox/deliveries' ) ).body.deliveries
		).toEqual( [] );
		expect( ( await api.get( '/sandbox/faults' ) ).body.faults ).toEqual(
			[]
		);
		const after = await api.get( `/api/checkout/session/${ id }` );
		expect( after.status ).toBe( 404 );
		expect( ( await api.get( '/api/shops' ) ).status ).toBe( 200 );
	} );
} );
