import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const create = ( key: string, body = sessionBody() ) =>
	api.post( '/api/checkout/create-session', body, {
		headers: { 'idempotency-key': key },
	} );
const count = async () =>
	( await api.get( '/sandbox/sessions' ) ).body.sessions.length as number;

describe( 'Idempotency-Key', () => {
	it( 'replays the first answer for the same key and body instead of making a second session', async () => {
		const before = await count();
		const first = await create( 'order-1001-attempt-1' );
		const second = await create( 'order-1001-attempt-1' );
		expect( first.status ).toBe( 200 );
		expect( second.status ).toBe( 200 );
		expect( second.text ).toBe( first.text );
		expect( second.headers.get( 'idempotent-replayed' ) ).toBe( 'true' );
		expect( await count() ).toBe( before + 1 );
	} );

	it( 'treats the same fields in another key order as the same body', async () => {
		const body = sessionBody();
		const reversed = Object.fromEntries( Object.entries( body ).reverse() );
		const first = await create( 'order-key-order', body );
		const second = await create( 'order-key-order', reversed );
		expect( second.body.sessionId ).toBe( first.body.sessionId );
	} );

	it( 'refuses the same key with another body: 400 idempotency_key_reused', async () => {
		await create( 'order-1002' );
		const other = await create(
			'order-1002',
			sessionBody( { platformOrderId: '1003' } )
		);
		expect( other.status ).toBe( 400 );
		expect( other.body.error.code ).toBe( 'idempotency_key_reused' );
	} );

	it( 'does not keep failed answers: the key works once the body is fixed', async () => {
		const bad = await create(
			'order-1004',
			sessionBody( { totalAmount: 1 } )
		);
		expect( bad.status ).toBe( 400 );
		const good = await create( 'order-1004' );
		expect( good.status ).toBe( 200 );
	} );

	it( 'gives different keys different sessions, and no key a new session each time', async () => {
		const a = await create( 'k-a' );
		const b = await create( 'k-b' );
		expect( a.body.sessionId ).not.toBe( b.body.sessionId );
		const c = await api.post(
			'/api/checkout/create-session',
			sessionBody()
		);
		const d = await api.post(
			'/api/checkout/create-session',
			sessionBody()
		);
		expect( c.body.sessionId ).not.toBe( d.body.sessionId );
	} );

	it( 'answers concurrent duplicates with one session', async () => {
		const before = await count();
		const answers = await Promise.all(
			Array.from( { length: 5 }, () => create( 'concurrent-1' ) )
		);
		expect(
			new Set( answers.map( ( answer ) => answer.body.sessionId ) ).size
		).toBe( 1 );
		expect( await count() ).toBe( before + 1 );
	} );

	it( 'replays refunds too, so a retried refund is not paid out twice', async () => {
		const id = await createSession( api );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		const headers = { 'idempotency-key': 'refund-1' };
		const first = await api.post(
			`/api/checkout/session/${ id }/refund`,
			{ amount: 1000, reason: 'x' },
			{ headers }
		);
		const again = await api.post(
			`/api/checkout/session/${ id }/refund`,
			{ amount: 1000, reason: 'x' },
			{ headers }
		);
		expect( again.body.refundId ).toBe( first.body.refundId );
		expect(
			( await api.get( `/api/checkout/session/${ id }` ) ).body.data
				.refundedAmount
		).toBe( 1000 );
	} );

	it( 'refuses a refund with a reused key and another body, refunding nothing', async () => {
		const id = await createSession( api );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		const headers = { 'idempotency-key': 'refund-reused' };
		const first = await api.post(
			`/api/checkout/session/${ id }/refund`,
			{ amount: 1000, reason: 'x', notify_customer: false },
			{ headers }
		);
		expect( first.status ).toBe( 200 );
		const other = await api.post(
			`/api/checkout/session/${ id }/refund`,
			{ amount: 2000, reason: 'x', notify_customer: false },
			{ headers }
		);
		expect( other.status ).toBe( 400 );
		expect( other.body.error.code ).toBe( 'idempotency_key_reused' );
		const same = await api.post(
			`/api/checkout/session/${ id }/refund`,
			{ notify_customer: false, reason: 'x', amount: 1000 },
			{ headers }
		);
		expect( same.text ).toBe( first.text );
		const session = ( await api.get( `/api/checkout/session/${ id }` ) )
			.body.data;
		expect( session.refundedAmount ).toBe( 1000 );
		expect( session.refunds ).toHaveLength( 1 );
	} );

	it( 'after a hang fault on refund: the refund happened once, and the retry gets it at once', async () => {
		const id = await createSession( api );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		await api.post( '/sandbox/faults', { target: 'refund', mode: 'hang' } );
		const body = {
			amount: 5000,
			reason: '부분 환불',
			notify_customer: true,
		};
		const headers = {
			'x-api-key': sandbox.apiKey,
			'content-type': 'application/json',
			'idempotency-key': 'order-77-refund-1',
		};
		// The store's own time-out, played by the test: it gives up once the refund has taken effect, long
		// before the held answer (30 s by default) is due.
		const giveUp = new AbortController();
		const outcome = fetch(
			`${ sandbox.url }/api/checkout/session/${ id }/refund`,
			{
				method: 'POST',
				headers,
				body: JSON.stringify( body ),
				signal: giveUp.signal,
			}
		).then(
			( response ) => `answered ${ response.status }`,
			( error: Error ) => error.name
		);
		const recorded = await waitFor(
			async () => {
				const control = ( await api.get( `/sandbox/sessions/${ id }` ) )
					.body;
				return control.refunds.length > 0
					? control.refunds[ 0 ]
					: undefined;
			},
			20_000,
			'the held refund to take effect'
		);
		expect( recorded ).toMatchObject( {
			amount: 5000,
			notify_customer: true,
		} );
		giveUp.abort();
		expect( await outcome ).toBe( 'AbortError' );

		const retry = await api.post(
			`/api/checkout/session/${ id }/refund`,
			body,
			{ headers: { 'idempotency-key': 'order-77-refund-1' } }
		);
		expect( retry.status, retry.text ).toBe( 200 );
		expect( retry.headers.get( 'idempotent-replayed' ) ).toBe( 'true' );
		expect( retry.body ).toEqual( {
			refundId: recorded.refundId,
			status: 'processing',
			amount: 5000,
			reason: '부분 환불',
			processedAt: recorded.processedAt,
		} );
		// Held again, it would take the fault's 30 s; allow a busy machine anything well short of that.
		expect( retry.ms ).toBeLessThan( 15_000 );
		const session = ( await api.get( `/api/checkout/session/${ id }` ) )
			.body.data;
		expect( session ).toMatchObject( {
			status: 'partially_refunded',
			refundedAmount: 5000,
		} );
		expect( session.refunds ).toHaveLength( 1 );
		expect( ( await api.get( '/sandbox/faults' ) ).body.faults ).toEqual(
			[]
		);
	} );

	it( 'refuses a malformed key', async () => {
		const answer = await create( 'x'.repeat( 256 ) );
		expect( answer.status ).toBe( 400 );
		expect( answer.body.error.details.field ).toBe( 'Idempotency-Key' );
	} );
} );
