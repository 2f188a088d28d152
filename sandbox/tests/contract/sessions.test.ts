import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createSession, sessionBody } from './helpers/http.ts';
import {
	type SandboxProcess,
	startSandboxProcess,
} from './helpers/sandboxProcess.ts';

let sandbox: SandboxProcess;
let api: Client;

beforeAll( async () => {
	sandbox = await startSandboxProcess();
	api = new Client( sandbox.url, sandbox.apiKey );
} );
afterAll( async () => sandbox?.stop() );

describe( 'POST /api/checkout/create-session', () => {
	it( 'creates a pending session with a cs_ id, a checkoutUrl on the sandbox and a 24 h expiry', async () => {
		const before = Date.now();
		const answer = await api.post(
			'/api/checkout/create-session',
			sessionBody()
		);
		const after = Date.now();
		expect( answer.status ).toBe( 200 );
		expect( answer.body.success ).toBe( true );
		expect( answer.body.sessionId ).toMatch( /^cs_[0-9a-f]{24}$/ );
		expect( answer.body.checkoutUrl ).toBe(
			`${ sandbox.url }/checkout/${ answer.body.sessionId }`
		);
		// 24 hours from the moment the sandbox created it, which lies between sending and the answer.
		const expiresAt = Date.parse( answer.body.expiresAt );
		expect( expiresAt ).toBeGreaterThanOrEqual( before + 24 * 3600_000 );
		expect( expiresAt ).toBeLessThanOrEqual( after + 24 * 3600_000 );
		expect( Object.keys( answer.body ).sort() ).toEqual( [
			'checkoutUrl',
			'expiresAt',
			'sessionId',
			'success',
		] );
	} );

	it( 'keeps a given expiresAt', async () => {
		const expiresAt = new Date( Date.now() + 2 * 3600_000 ).toISOString();
		const answer = await api.post(
			'/api/checkout/create-session',
			sessionBody( { expiresAt } )
		);
		expect( answer.status ).toBe( 200 );
		expect( answer.body.expiresAt ).toBe( expiresAt );
	} );

	it( 'accepts USD with cents compared in minor units (0.1 + 0.2 style sums included)', async () => {
		const answer = await api.post(
			'/api/checkout/create-session',
			sessionBody( {
				currency: 'USD',
				items: [
					{ name: 'A', price: 0.1, quantity: 1 },
					{ name: 'B', price: 0.2, quantity: 1 },
					{ name: 'C', price: 19.99, quantity: 3 },
				],
				totalAmount: 60.27,
			} )
		);
		expect( answer.status, answer.text ).toBe( 200 );
		const got = await api.get(
			`/api/checkout/session/${ answer.body.sessionId }`
		);
		expect( got.body.data.totalAmount ).toBe( 60.27 );
		expect( got.body.data.currency ).toBe( 'USD' );
	} );
} );

describe( 'GET /api/checkout/session/{id}', () => {
	it( 'shows the session data of the contract', async () => {
		const id = await createSession( api );
		const answer = await api.get( `/api/checkout/session/${ id }` );
		expect( answer.status ).toBe( 200 );
		expect( answer.body.success ).toBe( true );
		const data = answer.body.data;
		expect( data ).toMatchObject( {
			sessionId: id,
			status: 'pending',
			platformOrderId: '1001',
			totalAmount: 28000,
			currency: 'KRW',
			customer: {
				name: '홍길동',
				email: 'customer@example.com',
				phone: '010-1234-5678',
			},
			paymentMethod: null,
			gateway: null,
			gatewayTransactionId: null,
			completedAt: null,
			refundedAmount: 0,
			refunds: [],
		} );
		for ( const key of [ 'createdAt', 'expiresAt' ] ) {
			expect( Number.isNaN( Date.parse( data[ key ] ) ) ).toBe( false );
		}
		expect( data ).not.toHaveProperty( 'virtualAccount' );
	} );

	it.each( [
		'cs_doesnotexist',
		'nothing-like-an-id',
		'cs_' + 'a'.repeat( 24 ),
		'%20',
	] )( 'answers 404 session_not_found for %s', async ( id ) => {
		const answer = await api.get( `/api/checkout/session/${ id }` );
		expect( answer.status ).toBe( 404 );
		expect( answer.body.error.code ).toBe( 'session_not_found' );
		expect( typeof answer.body.error.message ).toBe( 'string' );
		expect( answer.body.error.details ).toBeTypeOf( 'object' );
	} );
} );

describe( 'PATCH /api/checkout/session/{id}', () => {
	it( 'merges customer and metadata into a pending session and answers with the session', async () => {
		const id = await createSession( api );
		const answer = await api.patch( `/api/checkout/session/${ id }`, {
			customer: { name: '김철수', email: 'updated@example.com' },
			metadata: { updated_reason: 'customer_info_change' },
		} );
		expect( answer.status, answer.text ).toBe( 200 );
		expect( answer.body.data.customer ).toEqual( {
			name: '김철수',
			email: 'updated@example.com',
			phone: '010-1234-5678',
		} );
		const control = await api.get( `/sandbox/sessions/${ id }` );
		expect( control.body.metadata ).toEqual( {
			orderId: '1001',
			locale: 'ko',
			updated_reason: 'customer_info_change',
		} );
	} );

	it( 'accepts an empty body and changes nothing', async () => {
		const id = await createSession( api );
		const answer = await api.call(
			'PATCH',
			`/api/checkout/session/${ id }`
		);
		expect( answer.status, answer.text ).toBe( 200 );
		expect( answer.body.data.customer.name ).toBe( '홍길동' );
	} );

	it( 'refuses a session that is no longer pending with session_not_modifiable', async () => {
		const id = await createSession( api );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		const answer = await api.patch( `/api/checkout/session/${ id }`, {
			metadata: { a: 'b' },
		} );
		expect( answer.status ).toBe( 400 );
		expect( answer.body.error.code ).toBe( 'session_not_modifiable' );
	} );

	it( 'validates what it merges', async () => {
		const id = await createSession( api );
		const bad = await api.patch( `/api/checkout/session/${ id }`, {
			customer: { email: 'not an email' },
		} );
		expect( bad.status ).toBe( 400 );
		expect( bad.body.error.details.field ).toBe( 'customer.email' );
		const tooMany = Object.fromEntries(
			Array.from( { length: 49 }, ( _, i ) => [ `k${ i }`, 'v' ] )
		);
		const over = await api.patch( `/api/checkout/session/${ id }`, {
			metadata: tooMany,
		} );
		expect( over.status ).toBe( 400 );
		expect( over.body.error.details.field ).toBe( 'metadata' );
		const missing = await api.patch(
			'/api/checkout/session/cs_missing',
			{}
		);
		expect( missing.status ).toBe( 404 );
		expect( missing.body.error.code ).toBe( 'session_not_found' );
	} );
} );
