import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, createSession, waitFor } from './helpers/http.ts';
import { WebhookReceiver, verifySignature } from './helpers/receiver.ts';
import {
	type SandboxProcess,
	startSandboxProcess,
} from './helpers/sandboxProcess.ts';

let sandbox: SandboxProcess;
let api: Client;
let receiver: WebhookReceiver;

beforeAll( async () => {
	sandbox = await startSandboxProcess( {
		env: { SANDBOX_RETRY_SCHEDULE: '1,2' },
	} );
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

interface Attempt {
	time: string;
	ms: number;
}

/**
 * Each retry waited its turn of the schedule (seconds), counted from the end of the attempt before, as the
 * sandbox recorded the attempts (Node timers may fire a few ms early against the wall clock, hence 100 ms of
 * slack). A late timer on a busy machine only makes the gaps longer.
 */
function expectScheduleKept( attempts: Attempt[], schedule: number[] ): void {
	for ( let i = 1; i < attempts.length; i++ ) {
		const previous = attempts[ i - 1 ]!;
		const endOfPrevious = Date.parse( previous.time ) + previous.ms;
		expect(
			Date.parse( attempts[ i ]!.time ) - endOfPrevious,
			`the wait before attempt ${ i + 1 }`
		).toBeGreaterThanOrEqual( schedule[ i - 1 ]! * 1000 - 100 );
	}
}
const deliveries = async ( id: string ) =>
	( await api.get( `/sandbox/deliveries?sessionId=${ id }` ) ).body
		.deliveries as any[];

describe( 'webhook body and signature', () => {
	it( 'sends {id, event, createdAt, data} signed t=…,v1=… over "<t>." + raw body with the whsec_ secret', async () => {
		const id = await newSession();
		await api.post( `/sandbox/sessions/${ id }/pay`, {
			method: 'kakao_pay',
		} );
		const [ received ] = receiver.forSession( id );
		expect( received ).toBeDefined();
		expect( received!.signatureValid ).toBe( true );
		const header = String(
			received!.headers[ 'x-korea-checkout-signature' ]
		);
		expect( header ).toMatch( /^t=\d+,v1=[0-9a-f]{64}$/ );
		// Signed with another secret, or with a changed body, it must not verify.
		expect( verifySignature( header, received!.raw, 'whsec_other' ) ).toBe(
			false
		);
		expect(
			verifySignature(
				header,
				received!.raw.replace( '28000', '28001' ),
				sandbox.webhookSecret
			)
		).toBe( false );
		expect( received!.headers[ 'content-type' ] ).toBe(
			'application/json'
		);
		const body = received!.body;
		expect( Object.keys( body ).sort() ).toEqual( [
			'createdAt',
			'data',
			'event',
			'id',
		] );
		expect( body.id ).toMatch( /^evt_[0-9a-f]+$/ );
		expect( body.event ).toBe( 'payment.completed' );
		expect( Number.isNaN( Date.parse( body.createdAt ) ) ).toBe( false );
		expect( body.data ).toMatchObject( {
			sessionId: id,
			platformOrderId: '1001',
			totalAmount: 28000,
			currency: 'KRW',
			paymentMethod: 'kakao_pay',
			customer: { name: '홍길동', email: 'customer@example.com' },
			status: 'completed',
			metadata: { orderId: '1001', locale: 'ko' },
		} );
		expect( body.data.completedAt ).toBe(
			( await api.get( `/api/checkout/session/${ id }` ) ).body.data
				.completedAt
		);
		const [ delivery ] = await deliveries( id );
		expect( delivery.eventId ).toBe( body.id );
		expect( delivery.attempts ).toHaveLength( 1 );
		expect( delivery.attempts[ 0 ] ).toMatchObject( { status: 200 } );
		expect( typeof delivery.attempts[ 0 ].ms ).toBe( 'number' );
		expect(
			Number.isNaN( Date.parse( delivery.attempts[ 0 ].time ) )
		).toBe( false );
		// t is the time the attempt was signed and sent, as the sandbox recorded it (whole seconds).
		expect( Number( /t=(\d+)/.exec( header )![ 1 ] ) ).toBe(
			Math.floor( Date.parse( delivery.attempts[ 0 ].time ) / 1000 )
		);
	} );

	it( 'sends payment.refunded with the refund, for API and dashboard refunds alike', async () => {
		const id = await newSession();
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		const apiRefund = await api.post(
			`/api/checkout/session/${ id }/refund`,
			{ amount: 3000, reason: '배송비 환불' }
		);
		await waitFor(
			() => ( receiver.forSession( id ).length === 2 ? true : undefined ),
			15_000,
			'the API refund webhook'
		);
		await api.post( `/sandbox/sessions/${ id }/refund`, {} );
		const events = receiver.forSession( id ).map( ( item ) => item.body );
		expect( events.map( ( event ) => event.event ) ).toEqual( [
			'payment.completed',
			'payment.refunded',
			'payment.refunded',
		] );
		expect( events[ 1 ]!.data ).toMatchObject( {
			status: 'partially_refunded',
			refundedAmount: 3000,
			refund: { refundId: apiRefund.body.refundId, amount: 3000 },
		} );
		expect( events[ 2 ]!.data ).toMatchObject( {
			status: 'refunded',
			refundedAmount: 28000,
			refund: { amount: 25000 },
		} );
	} );
} );

describe( 'retries', () => {
	it( 'retries on the schedule with the same event id after a 500, then records delivered', async () => {
		receiver.answerNext( 500, 503 );
		const id = await newSession();
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		// The first attempt goes out at once: it has been answered by the time pay answers.
		expect( receiver.forSession( id ) ).toHaveLength( 1 );
		await waitFor(
			() => ( receiver.forSession( id ).length >= 3 ? true : undefined ),
			30_000,
			'three attempts'
		);
		const attempts = receiver.forSession( id );
		expect( attempts.map( ( item ) => item.answeredWith ) ).toEqual( [
			500, 503, 200,
		] );
		expect( new Set( attempts.map( ( item ) => item.body.id ) ).size ).toBe(
			1
		);
		expect( new Set( attempts.map( ( item ) => item.raw ) ).size ).toBe(
			1
		);
		expect( attempts.every( ( item ) => item.signatureValid ) ).toBe(
			true
		);
		// SANDBOX_RETRY_SCHEDULE=1,2: the retries wait about 1 s and then 2 s.
		expect( attempts[ 1 ]!.at - attempts[ 0 ]!.at ).toBeGreaterThanOrEqual(
			900
		);
		expect( attempts[ 2 ]!.at - attempts[ 1 ]!.at ).toBeGreaterThanOrEqual(
			1900
		);
		const delivery = await waitFor( async () => {
			const [ item ] = await deliveries( id );
			return item?.state === 'delivered' ? item : undefined;
		} );
		expect(
			delivery.attempts.map(
				( attempt: { status: number } ) => attempt.status
			)
		).toEqual( [ 500, 503, 200 ] );
		expectScheduleKept( delivery.attempts, [ 1, 2 ] );
	} );

	it( 'gives up as failed when the schedule is used up', async () => {
		receiver.answerNext( 500, 500, 500, 500 );
		const id = await newSession();
		await api.post( `/sandbox/sessions/${ id }/fail`, {
			code: 'REJECT_CARD_COMPANY',
		} );
		const delivery = await waitFor(
			async () => {
				const [ item ] = await deliveries( id );
				return item?.state === 'failed' ? item : undefined;
			},
			30_000,
			'the delivery to fail'
		);
		expect( delivery.attempts ).toHaveLength( 3 );
		expectScheduleKept( delivery.attempts, [ 1, 2 ] );
		expect( delivery.nextAttemptAt ).toBeNull();
		expect( receiver.forSession( id ) ).toHaveLength( 3 );
	} );

	it( 'retries when the receiver cannot be reached at all', async () => {
		const closed = http.createServer();
		await new Promise< void >( ( resolve ) =>
			closed.listen( 0, '127.0.0.1', resolve )
		);
		const port = ( closed.address() as AddressInfo ).port;
		await new Promise( ( resolve ) => closed.close( resolve ) );
		const id = await createSession( api, {
			webhookUrl: `http://127.0.0.1:${ port }/unreachable`,
		} );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		const [ first ] = await deliveries( id );
		expect( first.attempts[ 0 ].status ).toBeNull();
		expect( first.attempts[ 0 ].error ).toMatch( /ECONNREFUSED|refused/i );
		// Every attempt of the schedule is made, on time, and then the delivery is given up.
		const delivery = await waitFor(
			async () => {
				const [ item ] = await deliveries( id );
				return item?.state === 'failed' ? item : undefined;
			},
			30_000,
			'the delivery to fail'
		);
		expect( delivery.attempts ).toHaveLength( 3 );
		for ( const attempt of delivery.attempts ) {
			expect( attempt.status ).toBeNull();
			expect( attempt.error ).toMatch( /ECONNREFUSED|refused/i );
		}
		expectScheduleKept( delivery.attempts, [ 1, 2 ] );
		expect( delivery.nextAttemptAt ).toBeNull();
	} );

	it( 'redelivers the same event as a new delivery with the same event id', async () => {
		const id = await newSession();
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		const [ original ] = await deliveries( id );
		const answer = await api.post(
			`/sandbox/deliveries/${ original.id }/redeliver`
		);
		expect( answer.status ).toBe( 200 );
		expect( answer.body ).toMatchObject( {
			eventId: original.eventId,
			copyOf: original.id,
			state: 'delivered',
		} );
		expect( answer.body.id ).not.toBe( original.id );
		const received = receiver.forSession( id );
		expect( received ).toHaveLength( 2 );
		expect( received[ 1 ]!.raw ).toBe( received[ 0 ]!.raw );
		expect( received[ 1 ]!.signatureValid ).toBe( true );
		const unknown = await api.post(
			'/sandbox/deliveries/whd_nope/redeliver'
		);
		expect( unknown.status ).toBe( 404 );
		expect( unknown.body.error.code ).toBe( 'delivery_not_found' );
	} );
} );

describe( 'webhook faults', () => {
	it( 'duplicate: the same event arrives twice', async () => {
		await api.post( '/sandbox/faults', {
			target: 'webhook',
			mode: 'duplicate',
			count: 1,
		} );
		const id = await newSession();
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		const received = receiver.forSession( id );
		expect( received ).toHaveLength( 2 );
		expect( received[ 0 ]!.body.id ).toBe( received[ 1 ]!.body.id );
		expect(
			( await deliveries( id ) ).map( ( item ) => item.state )
		).toEqual( [ 'delivered', 'delivered' ] );
		// The fault was for one event only.
		const next = await newSession();
		await api.post( `/sandbox/sessions/${ next }/pay`, { method: 'card' } );
		expect( receiver.forSession( next ) ).toHaveLength( 1 );
	} );

	it( 'delay: the event is held for delayMs while pay answers at once', async () => {
		await api.post( '/sandbox/faults', {
			target: 'webhook',
			mode: 'delay',
			count: 1,
			delayMs: 3000,
		} );
		const id = await newSession();
		const answer = await api.post( `/sandbox/sessions/${ id }/pay`, {
			method: 'card',
		} );
		const answeredAt = Date.now();
		expect( answer.body.status ).toBe( 'completed' );
		await waitFor(
			() => ( receiver.forSession( id ).length === 1 ? true : undefined ),
			30_000,
			'the delayed event'
		);
		// pay did not wait for the held event: its answer came first.
		expect( receiver.forSession( id )[ 0 ]!.at ).toBeGreaterThan(
			answeredAt
		);
		// The sandbox's own record: the one attempt went out delayMs after the event was recorded (less the
		// few ms a Node timer may fire early), and no sooner.
		const delivery = await waitFor( async () => {
			const [ item ] = await deliveries( id );
			return item?.state === 'delivered' ? item : undefined;
		} );
		expect( delivery.attempts ).toHaveLength( 1 );
		expect(
			Date.parse( delivery.attempts[ 0 ].time ) -
				Date.parse( delivery.createdAt )
		).toBeGreaterThanOrEqual( 2900 );
	} );

	it( 'reorder: the event is held until the next event of the session has been delivered', async () => {
		await api.post( '/sandbox/faults', {
			target: 'webhook',
			mode: 'reorder',
			count: 1,
		} );
		const id = await newSession();
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		expect( receiver.forSession( id ) ).toHaveLength( 0 );
		expect( ( await deliveries( id ) )[ 0 ] ).toMatchObject( {
			state: 'pending',
			held: true,
			nextAttemptAt: null,
		} );
		await api.post( `/sandbox/sessions/${ id }/refund`, { amount: 1000 } );
		await waitFor(
			() => ( receiver.forSession( id ).length === 2 ? true : undefined ),
			15_000,
			'both events'
		);
		expect(
			receiver.forSession( id ).map( ( item ) => item.body.event )
		).toEqual( [ 'payment.refunded', 'payment.completed' ] );
	} );

	it( 'bad-signature: the receiver rejects the first attempt, the retry is signed right', async () => {
		await api.post( '/sandbox/faults', {
			target: 'webhook',
			mode: 'bad-signature',
			count: 1,
		} );
		const id = await newSession();
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		await waitFor(
			() => ( receiver.forSession( id ).length === 2 ? true : undefined ),
			15_000,
			'the retry'
		);
		const [ first, second ] = receiver.forSession( id );
		expect( first!.signatureValid ).toBe( false );
		expect( first!.answeredWith ).toBe( 400 );
		expect( second!.signatureValid ).toBe( true );
		expect( second!.body.id ).toBe( first!.body.id );
		const delivery = await waitFor( async () => {
			const [ item ] = await deliveries( id );
			return item?.state === 'delivered' ? item : undefined;
		} );
		expect(
			delivery.attempts.map(
				( attempt: { signature: string; status: number } ) => [
					attempt.signature,
					attempt.status,
				]
			)
		).toEqual( [
			[ 'bad', 400 ],
			[ 'valid', 200 ],
		] );
	} );

	it( 'refuses a mode that does not fit the target', async () => {
		const wrong = await api.post( '/sandbox/faults', {
			target: 'webhook',
			mode: 'hang',
		} );
		expect( wrong.status ).toBe( 400 );
		expect( wrong.body.error.details.field ).toBe( 'mode' );
		const unknown = await api.post( '/sandbox/faults', {
			target: 'everything',
			mode: '500',
		} );
		expect( unknown.status ).toBe( 400 );
		expect( unknown.body.error.details.field ).toBe( 'target' );
	} );
} );

describe( 'receiver time-outs', () => {
	it(
		'gives up on an attempt after 10 s and retries',
		{ timeout: 60_000 },
		async () => {
			receiver.answerNext( 'hang' );
			const id = await newSession();
			const started = Date.now();
			await api.post( `/sandbox/sessions/${ id }/pay`, {
				method: 'card',
			} );
			// pay answers once the first attempt is over, and that one waited the full 10 s.
			expect( Date.now() - started ).toBeGreaterThanOrEqual( 9_500 );
			const [ delivery ] = await deliveries( id );
			expect( delivery.attempts[ 0 ] ).toMatchObject( {
				status: null,
				error: 'no answer within 10 s',
			} );
			expect( delivery.attempts[ 0 ].ms ).toBeGreaterThanOrEqual( 9_900 );
			await waitFor(
				() =>
					receiver.forSession( id ).length === 2 ? true : undefined,
				30_000,
				'the retry'
			);
			expect( receiver.forSession( id )[ 1 ]!.answeredWith ).toBe( 200 );
		}
	);
} );
