import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, createSession, sessionBody, waitFor } from './helpers/http.ts';
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
beforeEach( async () => {
	await api.call( 'DELETE', '/sandbox/faults' );
} );

const countSessions = async () =>
	( await api.get( '/sandbox/sessions' ) ).body.sessions.length as number;

describe( 'API faults', () => {
	it( '500 on the next `count` create-session calls, without creating anything', async () => {
		const armed = await api.post( '/sandbox/faults', {
			target: 'create-session',
			mode: '500',
			count: 2,
		} );
		expect( armed.status ).toBe( 200 );
		expect( armed.body ).toMatchObject( {
			target: 'create-session',
			mode: '500',
			count: 2,
			remaining: 2,
		} );
		const before = await countSessions();
		for ( let i = 0; i < 2; i++ ) {
			const answer = await api.post(
				'/api/checkout/create-session',
				sessionBody()
			);
			expect( answer.status ).toBe( 500 );
			expect( answer.body.error.code ).toBe( 'internal_error' );
			expect( answer.headers.get( 'x-ratelimit-limit' ) ).not.toBeNull();
		}
		expect( await countSessions() ).toBe( before );
		expect(
			( await api.post( '/api/checkout/create-session', sessionBody() ) )
				.status
		).toBe( 200 );
		expect( ( await api.get( '/sandbox/faults' ) ).body.faults ).toEqual(
			[]
		);
	} );

	it( '429 with Retry-After on get-session', async () => {
		const id = await createSession( api );
		await api.post( '/sandbox/faults', {
			target: 'get-session',
			mode: '429',
		} );
		const limited = await api.get( `/api/checkout/session/${ id }` );
		expect( limited.status ).toBe( 429 );
		expect( limited.body.error.code ).toBe( 'rate_limited' );
		expect( limited.headers.get( 'retry-after' ) ).toBe( '2' );
		expect( limited.headers.get( 'x-ratelimit-limit' ) ).not.toBeNull();
		await api.post( '/sandbox/faults', {
			target: 'get-session',
			mode: '429',
			delayMs: 5000,
		} );
		expect(
			( await api.get( `/api/checkout/session/${ id }` ) ).headers.get(
				'retry-after'
			)
		).toBe( '5' );
		expect(
			( await api.get( `/api/checkout/session/${ id }` ) ).status
		).toBe( 200 );
	} );

	it( 'only the armed target is affected', async () => {
		const id = await createSession( api );
		await api.post( '/sandbox/faults', { target: 'refund', mode: '500' } );
		expect(
			( await api.get( `/api/checkout/session/${ id }` ) ).status
		).toBe( 200 );
		expect(
			(
				await api.patch( `/api/checkout/session/${ id }`, {
					metadata: { a: 'b' },
				} )
			).status
		).toBe( 200 );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		const refund = await api.post( `/api/checkout/session/${ id }/refund`, {
			reason: 'x',
		} );
		expect( refund.status ).toBe( 500 );
		expect(
			( await api.get( `/api/checkout/session/${ id }` ) ).body.data
				.status
		).toBe( 'completed' );
	} );

	it( '500 on patch-session leaves the session as it was', async () => {
		const id = await createSession( api );
		await api.post( '/sandbox/faults', {
			target: 'patch-session',
			mode: '500',
		} );
		expect(
			(
				await api.patch( `/api/checkout/session/${ id }`, {
					customer: { name: '김철수' },
				} )
			).status
		).toBe( 500 );
		expect(
			( await api.get( `/api/checkout/session/${ id }` ) ).body.data
				.customer.name
		).toBe( '홍길동' );
	} );

	it( 'hang: the call takes effect but answers only after delayMs', async () => {
		await api.post( '/sandbox/faults', {
			target: 'create-session',
			mode: 'hang',
			delayMs: 1500,
		} );
		const before = await countSessions();
		const answer = await api.post(
			'/api/checkout/create-session',
			sessionBody(),
			{ headers: { 'idempotency-key': 'hang-1' } }
		);
		expect( answer.ms ).toBeGreaterThanOrEqual( 1400 );
		expect( answer.status ).toBe( 200 );
		expect( await countSessions() ).toBe( before + 1 );
		// A store that timed out retries with the same key and gets the same session.
		const retry = await api.post(
			'/api/checkout/create-session',
			sessionBody(),
			{ headers: { 'idempotency-key': 'hang-1' } }
		);
		expect( retry.body.sessionId ).toBe( answer.body.sessionId );
		expect( retry.headers.get( 'idempotent-replayed' ) ).toBe( 'true' );
	} );

	it( 'hang defaults to 30 s: a client that gives up gets no answer, and the session exists', async () => {
		await api.post( '/sandbox/faults', {
			target: 'create-session',
			mode: 'hang',
		} );
		const faults = ( await api.get( '/sandbox/faults' ) ).body.faults;
		expect( faults[ 0 ].delayMs ).toBe( 30_000 );
		const before = await countSessions();
		// The store's own time-out, played by the test: it gives up once the call has taken effect, long before
		// the held answer is due (on a busy machine the request may need a while to reach the sandbox at all).
		const giveUp = new AbortController();
		const sent = Date.now();
		const outcome = fetch( `${ sandbox.url }/api/checkout/create-session`, {
			method: 'POST',
			headers: {
				'x-api-key': sandbox.apiKey,
				'content-type': 'application/json',
				'idempotency-key': 'hang-default',
			},
			body: JSON.stringify( sessionBody() ),
			signal: giveUp.signal,
		} ).then(
			() => `answered after ${ Date.now() - sent } ms`,
			( error: Error ) => error.name
		);
		await waitFor(
			async () =>
				( await countSessions() ) === before + 1 ? true : undefined,
			20_000,
			'the held create-session call to create its session'
		);
		giveUp.abort();
		expect( await outcome ).toBe( 'AbortError' );
		expect( await countSessions() ).toBe( before + 1 );
		// The retry with the same key is answered with the session the first call made, not held again.
		const retry = await api.post(
			'/api/checkout/create-session',
			sessionBody(),
			{ headers: { 'idempotency-key': 'hang-default' } }
		);
		expect( retry.status ).toBe( 200 );
		expect( retry.headers.get( 'idempotent-replayed' ) ).toBe( 'true' );
		// Held again, it would take the fault's 30 s; allow a busy machine anything well short of that.
		expect( retry.ms ).toBeLessThan( 15_000 );
		const sessions = ( await api.get( '/sandbox/sessions' ) ).body.sessions;
		expect( sessions ).toHaveLength( before + 1 );
		expect( sessions[ 0 ].sessionId ).toBe( retry.body.sessionId );
	} );

	it( 'DELETE /sandbox/faults disarms everything', async () => {
		await api.post( '/sandbox/faults', {
			target: 'get-session',
			mode: '500',
			count: 10,
		} );
		expect(
			( await api.call( 'DELETE', '/sandbox/faults' ) ).body
		).toEqual( { ok: true } );
		const id = await createSession( api );
		expect(
			( await api.get( `/api/checkout/session/${ id }` ) ).status
		).toBe( 200 );
	} );

	it( 'validates the fault', async () => {
		for ( const body of [
			{ target: 'get-session', mode: 'duplicate' },
			{ target: 'get-session', mode: '500', count: 0 },
			{ target: 'get-session', mode: 'hang', delayMs: -1 },
			{ mode: '500' },
		] ) {
			const answer = await api.post( '/sandbox/faults', body );
			expect( answer.status, JSON.stringify( body ) ).toBe( 400 );
		}
	} );
} );
