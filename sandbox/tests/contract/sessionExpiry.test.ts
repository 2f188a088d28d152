import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, createSession, sleep, waitFor } from './helpers/http.ts';
import { WebhookReceiver } from './helpers/receiver.ts';
import {
	type SandboxProcess,
	startSandboxProcess,
} from './helpers/sandboxProcess.ts';

/** PATCH expiresAt: a store retires a session it replaces by bringing its expiry forward to now. */

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
beforeEach( async () => {
	receiver.clear();
	await api.call( 'DELETE', '/sandbox/faults' );
} );

const newSession = () => createSession( api, { webhookUrl: receiver.url } );
const patch = ( id: string, body: unknown ) =>
	api.patch( `/api/checkout/session/${ id }`, body );
const data = async ( id: string ) =>
	( await api.get( `/api/checkout/session/${ id }` ) ).body.data;
const iso = ( ms: number ) => new Date( ms ).toISOString();
const expiredEvents = ( id: string ) =>
	receiver
		.forSession( id )
		.filter( ( item ) => item.body.event === 'session.expired' );

describe( 'PATCH /api/checkout/session/{id} with expiresAt', () => {
	it( 'ends the session at once for a time at or before now: expired, with session.expired', async () => {
		for ( const offset of [ 0, -60_000 ] ) {
			const id = await newSession();
			const sent = Date.now();
			const answer = await patch( id, {
				expiresAt: iso( sent + offset ),
			} );
			expect( answer.status, answer.text ).toBe( 200 );
			expect( answer.body.success ).toBe( true );
			expect( answer.body.data.status ).toBe( 'expired' );
			// It ended when the sandbox handled the call: not before it was sent, not after the answer.
			const endedAt = Date.parse( answer.body.data.expiresAt );
			expect( endedAt ).toBeGreaterThanOrEqual( sent );
			expect( endedAt ).toBeLessThanOrEqual( Date.now() );
			// The answer is the session as GET shows it.
			expect( answer.body.data ).toEqual( await data( id ) );
			const [ event ] = await waitFor(
				() => {
					const events = expiredEvents( id );
					return events.length > 0 ? events : undefined;
				},
				15_000,
				'session.expired'
			);
			expect( event!.signatureValid ).toBe( true );
			expect( event!.body.data ).toMatchObject( {
				sessionId: id,
				status: 'expired',
			} );
			// An ended session can be neither paid nor changed.
			const pay = await api.post( `/sandbox/sessions/${ id }/pay`, {
				method: 'card',
			} );
			expect( pay.status ).toBe( 400 );
			const again = await patch( id, { expiresAt: iso( Date.now() ) } );
			expect( again.status ).toBe( 400 );
			expect( again.body.error.code ).toBe( 'session_not_modifiable' );
			expect( expiredEvents( id ) ).toHaveLength( 1 );
		}
	} );

	it( 'answers before the session.expired delivery is through (the store may be a single worker)', async () => {
		receiver.answerNext( 'hang' );
		const id = await newSession();
		const answer = await patch( id, { expiresAt: iso( Date.now() ) } );
		expect( answer.status ).toBe( 200 );
		expect( answer.body.data.status ).toBe( 'expired' );
		// A delivery awaited before answering would take the receiver's full 10 s time-out.
		expect( answer.ms ).toBeLessThan( 9_000 );
		await waitFor(
			() => ( expiredEvents( id ).length > 0 ? true : undefined ),
			15_000,
			'the delivery to start'
		);
	} );

	it( 'shortens the life of a session for an earlier time still ahead', async () => {
		const id = await newSession();
		const before = await data( id );
		const earlier = iso( Date.now() + 3600_000 );
		const answer = await patch( id, { expiresAt: earlier } );
		expect( answer.status, answer.text ).toBe( 200 );
		expect( answer.body.data ).toMatchObject( {
			status: 'pending',
			expiresAt: earlier,
		} );
		expect( Date.parse( earlier ) ).toBeLessThan(
			Date.parse( before.expiresAt )
		);
		expect( ( await data( id ) ).expiresAt ).toBe( earlier );
		// The current expiry again changes nothing (a retried PATCH is not refused).
		const same = await patch( id, { expiresAt: earlier } );
		expect( same.status ).toBe( 200 );
		expect( same.body.data.expiresAt ).toBe( earlier );
		// Brought forward to a few seconds ahead, it expires by itself then.
		const soon = iso( Date.now() + 5_000 );
		expect(
			( await patch( id, { expiresAt: soon } ) ).body.data
		).toMatchObject( { status: 'pending', expiresAt: soon } );
		expect( expiredEvents( id ) ).toHaveLength( 0 );
		await waitFor(
			async () =>
				( await data( id ) ).status === 'expired' ? true : undefined,
			15_000,
			'the shortened session to expire'
		);
		await waitFor(
			() => ( expiredEvents( id ).length === 1 ? true : undefined ),
			15_000,
			'session.expired'
		);
	} );

	it( 'refuses a later time with invalid_parameter and changes nothing of the PATCH', async () => {
		const id = await newSession();
		const before = await data( id );
		const later = iso( Date.parse( before.expiresAt ) + 1_000 );
		const answer = await patch( id, {
			expiresAt: later,
			metadata: { note: 'must not stick' },
			customer: { name: '김철수' },
		} );
		expect( answer.status ).toBe( 400 );
		expect( answer.body.error.code ).toBe( 'invalid_parameter' );
		expect( answer.body.error.details.field ).toBe( 'expiresAt' );
		const control = ( await api.get( `/sandbox/sessions/${ id }` ) ).body;
		expect( control.expiresAt ).toBe( before.expiresAt );
		expect( control.metadata ).not.toHaveProperty( 'note' );
		expect( control.customer.name ).toBe( '홍길동' );
		for ( const expiresAt of [ 'tomorrow', '2026-13-01T00:00:00Z', 5 ] ) {
			const bad = await patch( id, { expiresAt } );
			expect( bad.status, String( expiresAt ) ).toBe( 400 );
			expect( bad.body.error.code ).toBe( 'invalid_parameter' );
			expect( bad.body.error.details.field ).toBe( 'expiresAt' );
		}
		expect( ( await data( id ) ).status ).toBe( 'pending' );
	} );

	it( 'answers session_not_modifiable for a paid session and a deposit still awaited', async () => {
		const paid = await newSession();
		await api.post( `/sandbox/sessions/${ paid }/pay`, { method: 'card' } );
		const waiting = await newSession();
		await api.post( `/sandbox/sessions/${ waiting }/pay`, {
			method: 'virtual_account',
		} );
		for ( const [ id, status ] of [
			[ paid, 'completed' ],
			[ waiting, 'processing' ],
		] as const ) {
			const answer = await patch( id, { expiresAt: iso( Date.now() ) } );
			expect( answer.status, status ).toBe( 400 );
			expect( answer.body.error.code ).toBe( 'session_not_modifiable' );
			expect( answer.body.error.details.status ).toBe( status );
			expect( ( await data( id ) ).status ).toBe( status );
		}
	} );

	it( 'retires a failed session, which could still be paid, with expiresAt alone', async () => {
		const failed = await newSession();
		await api.post( `/sandbox/sessions/${ failed }/fail`, {
			code: 'REJECT_CARD_COMPANY',
		} );
		const other = await patch( failed, {
			expiresAt: iso( Date.now() ),
			metadata: { note: 'x' },
		} );
		expect( other.status ).toBe( 400 );
		expect( other.body.error.code ).toBe( 'session_not_modifiable' );
		expect( ( await data( failed ) ).status ).toBe( 'failed' );

		const answer = await patch( failed, { expiresAt: iso( Date.now() ) } );
		expect( answer.status, answer.text ).toBe( 200 );
		expect( answer.body.data.status ).toBe( 'expired' );
		const pay = await api.post( `/sandbox/sessions/${ failed }/pay`, {
			method: 'card',
		} );
		expect( pay.status ).toBe( 400 );
		await waitFor(
			() => ( expiredEvents( failed ).length > 0 ? true : undefined ),
			15_000,
			'session.expired of the retired failed session'
		);
	} );

	it( 'keeps the patch-session faults: 500 changes nothing, hang ends the session and answers late', async () => {
		const id = await newSession();
		await api.post( '/sandbox/faults', {
			target: 'patch-session',
			mode: '500',
		} );
		const failed = await patch( id, { expiresAt: iso( Date.now() ) } );
		expect( failed.status ).toBe( 500 );
		expect( ( await data( id ) ).status ).toBe( 'pending' );
		await sleep( 300 );
		expect( expiredEvents( id ) ).toHaveLength( 0 );

		await api.post( '/sandbox/faults', {
			target: 'patch-session',
			mode: 'hang',
			delayMs: 1500,
		} );
		const held = patch( id, { expiresAt: iso( Date.now() ) } );
		// The call has taken effect while its answer is still held.
		await waitFor(
			async () =>
				( await data( id ) ).status === 'expired' ? true : undefined,
			15_000,
			'the held PATCH to end the session'
		);
		const answer = await held;
		expect( answer.ms ).toBeGreaterThanOrEqual( 1400 );
		expect( answer.status ).toBe( 200 );
		expect( answer.body.data.status ).toBe( 'expired' );
		// The store's retry finds the session ended.
		const retry = await patch( id, { expiresAt: iso( Date.now() ) } );
		expect( retry.body.error.code ).toBe( 'session_not_modifiable' );
	} );
} );
