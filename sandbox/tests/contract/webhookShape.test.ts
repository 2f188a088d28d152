import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../server/index.ts';
import { Client, createSession, waitFor } from './helpers/http.ts';
import { type Received, WebhookReceiver } from './helpers/receiver.ts';
import {
	type SandboxProcess,
	startSandboxProcess,
	tempDataDir,
} from './helpers/sandboxProcess.ts';

/**
 * The service's documentation shows webhook bodies as {"event", "data"}, without the `id` and `createdAt` this
 * project's contract adds. The sandbox sends that shape for every event (SANDBOX_WEBHOOK_SHAPE=documented) or for
 * the next events (fault `documented-shape`), so that a store can show it accepts it and tells deliveries apart
 * by the raw body.
 */

let full: SandboxProcess;
let documented: SandboxProcess;
let api: Client;
let documentedApi: Client;
let receiver: WebhookReceiver;
let documentedReceiver: WebhookReceiver;

beforeAll( async () => {
	[ full, documented ] = await Promise.all( [
		startSandboxProcess( { env: { SANDBOX_RETRY_SCHEDULE: '1,2' } } ),
		startSandboxProcess( {
			env: {
				SANDBOX_RETRY_SCHEDULE: '1,2',
				SANDBOX_WEBHOOK_SHAPE: 'documented',
			},
		} ),
	] );
	api = new Client( full.url, full.apiKey );
	documentedApi = new Client( documented.url, documented.apiKey );
	receiver = await new WebhookReceiver( full.webhookSecret ).start();
	documentedReceiver = await new WebhookReceiver(
		documented.webhookSecret
	).start();
} );
afterAll( async () => {
	await Promise.all( [ full?.stop(), documented?.stop() ] );
	await receiver?.stop();
	await documentedReceiver?.stop();
} );
beforeEach( async () => {
	receiver.clear();
	documentedReceiver.clear();
	await api.call( 'DELETE', '/sandbox/faults' );
	await documentedApi.call( 'DELETE', '/sandbox/faults' );
} );

const deliveries = async ( client: Client, id: string ) =>
	( await client.get( `/sandbox/deliveries?sessionId=${ id }` ) ).body
		.deliveries as any[];

const armDocumented = ( count = 1 ) =>
	api.post( '/sandbox/faults', {
		target: 'webhook',
		mode: 'documented-shape',
		count,
	} );

/** The documented shape: exactly `event` then `data`, nothing else. */
function expectDocumented( received: Received | undefined, event: string ) {
	expect( received ).toBeDefined();
	expect( received!.signatureValid ).toBe( true );
	expect( Object.keys( JSON.parse( received!.raw ) ) ).toEqual( [
		'event',
		'data',
	] );
	expect( received!.body.event ).toBe( event );
}

describe( 'SANDBOX_WEBHOOK_SHAPE=documented', () => {
	it( 'sends every event as {"event", "data"}, signed over that body', async () => {
		const client = documentedApi;
		const paid = await createSession( client, {
			webhookUrl: documentedReceiver.url,
		} );
		await client.post( `/sandbox/sessions/${ paid }/fail`, {
			code: 'REJECT_CARD_COMPANY',
		} );
		await client.post( `/sandbox/sessions/${ paid }/pay`, {
			method: 'card',
		} );
		await client.post( `/api/checkout/session/${ paid }/refund`, {
			amount: 1000,
			reason: '부분 환불',
		} );
		const expired = await createSession( client, {
			webhookUrl: documentedReceiver.url,
		} );
		await client.post( `/sandbox/sessions/${ expired }/expire` );
		await waitFor(
			() =>
				documentedReceiver.forSession( paid ).length === 3
					? true
					: undefined,
			15_000,
			'the refund webhook'
		);
		const events = documentedReceiver.forSession( paid );
		expectDocumented( events[ 0 ], 'payment.failed' );
		expectDocumented( events[ 1 ], 'payment.completed' );
		expectDocumented( events[ 2 ], 'payment.refunded' );
		expectDocumented(
			documentedReceiver.forSession( expired )[ 0 ],
			'session.expired'
		);
		// The data is what the full shape carries.
		expect( events[ 0 ]!.body.data.failure ).toEqual( {
			code: 'REJECT_CARD_COMPANY',
			message: 'The card company declined the payment.',
		} );
		expect( events[ 1 ]!.body.data ).toMatchObject( {
			sessionId: paid,
			platformOrderId: '1001',
			totalAmount: 28000,
			currency: 'KRW',
			paymentMethod: 'card',
			status: 'completed',
		} );
		expect( events[ 2 ]!.body.data.refund ).toMatchObject( {
			amount: 1000,
		} );
		// The sandbox still knows each event by its own id, and says which shape it sent.
		const recorded = await deliveries( client, paid );
		expect( recorded ).toHaveLength( 3 );
		for ( const delivery of recorded ) {
			expect( delivery.eventId ).toMatch( /^evt_[0-9a-f]+$/ );
			expect( delivery.shape ).toBe( 'documented' );
			expect( delivery.body ).not.toHaveProperty( 'id' );
			expect( delivery.body ).not.toHaveProperty( 'createdAt' );
		}
		expect(
			new Set( recorded.map( ( delivery ) => delivery.eventId ) ).size
		).toBe( 3 );
	} );

	it( 'keeps the body and its bytes across retries and redeliveries', async () => {
		documentedReceiver.answerNext( 500 );
		const id = await createSession( documentedApi, {
			webhookUrl: documentedReceiver.url,
		} );
		await documentedApi.post( `/sandbox/sessions/${ id }/pay`, {
			method: 'card',
		} );
		const [ delivery ] = await waitFor( async () => {
			const list = await deliveries( documentedApi, id );
			return list[ 0 ]?.state === 'delivered' ? list : undefined;
		} );
		await documentedApi.post(
			`/sandbox/deliveries/${ delivery.id }/redeliver`
		);
		const received = documentedReceiver.forSession( id );
		expect( received.map( ( item ) => item.answeredWith ) ).toEqual( [
			500, 200, 200,
		] );
		expect( new Set( received.map( ( item ) => item.raw ) ).size ).toBe(
			1
		);
		expect( received.every( ( item ) => item.signatureValid ) ).toBe(
			true
		);
	} );
} );

describe( 'fault documented-shape', () => {
	it( 'sends the next `count` events in the documented shape, then the full shape again', async () => {
		const armed = await armDocumented( 2 );
		expect( armed.status, armed.text ).toBe( 200 );
		expect( armed.body ).toMatchObject( {
			target: 'webhook',
			mode: 'documented-shape',
			count: 2,
			remaining: 2,
		} );
		const id = await createSession( api, { webhookUrl: receiver.url } );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		await api.post( `/sandbox/sessions/${ id }/refund`, { amount: 1000 } );
		await api.post( `/sandbox/sessions/${ id }/refund`, { amount: 2000 } );
		const received = receiver.forSession( id );
		expect( received ).toHaveLength( 3 );
		expectDocumented( received[ 0 ], 'payment.completed' );
		expectDocumented( received[ 1 ], 'payment.refunded' );
		expect( received[ 2 ]!.signatureValid ).toBe( true );
		expect( Object.keys( received[ 2 ]!.body ) ).toEqual( [
			'id',
			'event',
			'createdAt',
			'data',
		] );
		const recorded = await deliveries( api, id );
		expect( recorded.map( ( delivery ) => delivery.shape ) ).toEqual( [
			'documented',
			'documented',
			'full',
		] );
		expect( recorded[ 2 ].eventId ).toBe( received[ 2 ]!.body.id );
		expect( ( await api.get( '/sandbox/faults' ) ).body.faults ).toEqual(
			[]
		);
	} );

	it( 'retries and redelivers the same bytes, signed over the documented body', async () => {
		await armDocumented();
		receiver.answerNext( 503 );
		const id = await createSession( api, { webhookUrl: receiver.url } );
		await api.post( `/sandbox/sessions/${ id }/fail`, {
			code: 'PAY_PROCESS_ABORTED',
		} );
		const [ delivery ] = await waitFor( async () => {
			const list = await deliveries( api, id );
			return list[ 0 ]?.state === 'delivered' ? list : undefined;
		} );
		const again = await api.post(
			`/sandbox/deliveries/${ delivery.id }/redeliver`
		);
		expect( again.status ).toBe( 200 );
		expect( again.body ).toMatchObject( {
			eventId: delivery.eventId,
			copyOf: delivery.id,
			shape: 'documented',
			state: 'delivered',
		} );
		expect( again.body.body ).toEqual( delivery.body );
		const received = receiver.forSession( id );
		expect( received.map( ( item ) => item.answeredWith ) ).toEqual( [
			503, 200, 200,
		] );
		expect( new Set( received.map( ( item ) => item.raw ) ).size ).toBe(
			1
		);
		for ( const item of received ) {
			expectDocumented( item, 'payment.failed' );
		}
		// A redelivery is a new delivery with its own delivery header: only the body tells the receiver that it
		// has seen this event before.
		expect( received[ 2 ]!.headers[ 'x-korea-checkout-delivery' ] ).toBe(
			again.body.id
		);
		expect(
			received[ 2 ]!.headers[ 'x-korea-checkout-delivery' ]
		).not.toBe( received[ 0 ]!.headers[ 'x-korea-checkout-delivery' ] );
	} );

	it( 'combines with a delivery fault: duplicate sends the same documented bytes twice', async () => {
		await armDocumented();
		await api.post( '/sandbox/faults', {
			target: 'webhook',
			mode: 'duplicate',
		} );
		const id = await createSession( api, { webhookUrl: receiver.url } );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		const received = receiver.forSession( id );
		expect( received ).toHaveLength( 2 );
		expectDocumented( received[ 0 ], 'payment.completed' );
		expect( received[ 1 ]!.raw ).toBe( received[ 0 ]!.raw );
		const recorded = await deliveries( api, id );
		expect( recorded ).toHaveLength( 2 );
		expect( recorded[ 1 ].eventId ).toBe( recorded[ 0 ].eventId );
		expect( ( await api.get( '/sandbox/faults' ) ).body.faults ).toEqual(
			[]
		);
	} );

	it( 'is a webhook mode only', async () => {
		const wrong = await api.post( '/sandbox/faults', {
			target: 'get-session',
			mode: 'documented-shape',
		} );
		expect( wrong.status ).toBe( 400 );
		expect( wrong.body.error.details.field ).toBe( 'mode' );
	} );
} );

describe( 'SANDBOX_WEBHOOK_SHAPE at start', () => {
	it( 'refuses an unknown value with a clear message', async () => {
		await expect(
			startSandboxProcess( {
				env: { SANDBOX_WEBHOOK_SHAPE: 'minimal' },
			} )
		).rejects.toThrow(
			/SANDBOX_WEBHOOK_SHAPE must be "full" .* or "documented" .*got "minimal"/
		);
	} );

	it( 'takes webhookShape from startSandbox(), and refuses unknown ones there too', async () => {
		const options = {
			port: 0,
			quiet: true,
			buildPages: false,
			rateLimit: 1000,
		};
		await expect(
			startSandbox( {
				...options,
				dataDir: tempDataDir(),
				webhookShape: 'Documented',
			} )
		).rejects.toThrow( /SANDBOX_WEBHOOK_SHAPE/ );
		const sandbox = await startSandbox( {
			...options,
			dataDir: tempDataDir(),
			webhookShape: 'documented',
		} );
		const own = await new WebhookReceiver( sandbox.webhookSecret ).start();
		try {
			expect( sandbox.config.webhookShape ).toBe( 'documented' );
			const client = new Client( sandbox.url, sandbox.apiKey );
			const id = await createSession( client, { webhookUrl: own.url } );
			await client.post( `/sandbox/sessions/${ id }/pay`, {
				method: 'card',
			} );
			expectDocumented( own.forSession( id )[ 0 ], 'payment.completed' );
		} finally {
			await sandbox.close();
			await own.stop();
		}
	} );
} );
