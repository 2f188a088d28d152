/**
 * Issue 11: what the webhook accepts. The documented body (`{"event", "data"}`, no `id`, no `createdAt`) signed
 * and unsigned, with and without a saved webhook secret; event types the store does not handle; events about a
 * session no order of this store recorded. Without a secret a webhook is only a hint: the store reads the session
 * id, asks the API (at most once per session per 10 s) and applies what the API says.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { advStack } from './lib/stack.ts';
import { expectPaidOnce, expectUnpaid } from './lib/expect.ts';
import { heldPayment, STOCK } from './lib/flows.ts';
import {
	apiCalls,
	clearFaults,
	eventRows,
	facts,
	newProduct,
	orderBecomes,
	placeOrder,
	sandbox,
	sandboxFault,
	setWebhookSecret,
	settledDeliveries,
	uniqueTag,
	useStorage,
	writeSnapshot,
} from './lib/shop.ts';
import { deliver, errorOf, rawBody } from './lib/webhook.ts';

function sha256( text: string ): string {
	return createHash( 'sha256' ).update( text, 'utf8' ).digest( 'hex' );
}

/** The documentation's shape of a delivery's body: its event and data only. */
function documented( body: string ): string {
	const { event, data } = JSON.parse( body ) as {
		event: string;
		data: unknown;
	};
	return JSON.stringify( { event, data } );
}

/** Pays an order in the sandbox whose first delivery goes out in the documented shape (fault `documented-shape`). */
async function paidInDocumentedShape(): Promise< {
	orderId: number;
	sessionId: string;
	body: string;
	status: number | null;
} > {
	const product = await newProduct( 15000, STOCK );
	const order = await placeOrder( [ { id: product } ] );
	await sandboxFault( 'webhook', 'documented-shape', 1 );
	await sandbox().pay( order.sessionId, 'card' );
	const [ delivery ] = await settledDeliveries( order.sessionId, 1 );
	if ( delivery === undefined ) {
		throw new Error( 'no delivery' );
	}
	const body = rawBody( delivery );
	expect(
		Object.keys( JSON.parse( body ) as object ).sort(),
		'the sandbox sent the documented shape'
	).toEqual( [ 'data', 'event' ] );
	return {
		orderId: order.orderId,
		sessionId: order.sessionId,
		body,
		status: delivery.attempts[ 0 ]?.status ?? null,
	};
}

describe( 'webhook shapes', () => {
	beforeAll( async () => {
		await clearFaults();
		await useStorage( 'hpos' );
	} );
	beforeEach( () => clearFaults() );
	afterEach( () => setWebhookSecret( advStack().webhookSecret ) );

	it( 'fault documented-shape, secret saved, signed: accepted, the order paid once, the event keyed by the SHA-256 of its raw body', async () => {
		const paid = await paidInDocumentedShape();
		expect( paid.status ).toBe( 200 );
		expectPaidOnce(
			await orderBecomes(
				'paid by the documented-shape delivery',
				paid.orderId,
				( order ) => order.status === 'processing'
			),
			1,
			STOCK
		);
		const rows = await eventRows( {
			key: `sha256:${ sha256( paid.body ) }`,
		} );
		expect( rows?.map( ( row ) => row.state ) ).toEqual( [ 'done' ] );
	} );

	it( 'documented shape, secret saved, unsigned: 400 signature_missing, nothing written', async () => {
		const held = await heldPayment( 15000 );
		const before = await writeSnapshot();
		const answer = await deliver( documented( held.body ), {
			signature: null,
		} );
		expect( answer.status ).toBe( 400 );
		expect( errorOf( answer ) ).toEqual( {
			code: 'invalid_signature',
			reason: 'signature_missing',
		} );
		expect( await writeSnapshot() ).toEqual( before );
		expectUnpaid( await facts( held.order.orderId ), STOCK );
	} );

	it( 'documented shape, no secret saved, unsigned: a hint; the order is paid once and five hints in a row cost one API read', async () => {
		const held = await heldPayment( 15000 );
		await setWebhookSecret( '' );
		const body = documented( held.body );

		const answers = [];
		for ( let hint = 0; hint < 5; hint++ ) {
			answers.push( await deliver( body, { signature: null } ) );
		}
		expect( answers[ 0 ]?.status, answers[ 0 ]?.text ).toBe( 200 );
		// What a throttled hint answers is not specified: accepted, or "later" with a Retry-After.
		for ( const answer of answers.slice( 1 ) ) {
			expect( [ 200, 503 ] ).toContain( answer.status );
			if ( answer.status === 503 ) {
				expect( answer.retryAfter ).toMatch( /^\d+$/ );
			}
		}
		expect(
			await apiCalls( held.order.sessionId, 'read', 'webhook' )
		).toBe( 1 );
		expectPaidOnce( await facts( held.order.orderId ), 1, STOCK );
	} );

	it( 'fault documented-shape, no secret saved, signed: accepted as a hint, the order paid once', async () => {
		await setWebhookSecret( '' );
		const paid = await paidInDocumentedShape();
		expect( paid.status ).toBe( 200 );
		expectPaidOnce(
			await orderBecomes(
				'paid by the documented-shape hint',
				paid.orderId,
				( order ) => order.status === 'processing'
			),
			1,
			STOCK
		);
	} );

	it( 'no secret saved: a hint about a session no order recorded is 200 ignored and costs no API call', async () => {
		await setWebhookSecret( '' );
		const sessionId = `cs_adv_nobody_${ uniqueTag() }`;
		const answer = await deliver(
			JSON.stringify( {
				event: 'payment.completed',
				data: { sessionId },
			} ),
			{ signature: null }
		);
		expect( answer.status ).toBe( 200 );
		expect( answer.json?.result ).toBe( 'ignored' );
		expect( await apiCalls( sessionId, 'read' ) ).toBe( 0 );
	} );

	it( 'secret saved: a handled event about a session no order recorded is 200 ignored not_this_store, no API call', async () => {
		const sessionId = `cs_adv_nobody_${ uniqueTag() }`;
		const answer = await deliver(
			JSON.stringify( {
				id: `evt_adv_${ uniqueTag() }`,
				event: 'payment.completed',
				createdAt: new Date().toISOString(),
				data: { sessionId, totalAmount: 18000, currency: 'KRW' },
			} )
		);
		expect( answer.status ).toBe( 200 );
		expect( answer.json ).toMatchObject( {
			received: true,
			result: 'ignored',
			detail: 'not_this_store',
		} );
		expect( await apiCalls( sessionId, 'read' ) ).toBe( 0 );
	} );

	it( 'unknown event type with data (signed): 200 ignored unknown_event, recorded as done, the order untouched, no API call', async () => {
		const held = await heldPayment( 15000 );
		const before = await writeSnapshot();
		const id = `evt_adv_${ uniqueTag() }`;
		const answer = await deliver(
			JSON.stringify( {
				id,
				event: 'payment.disputed',
				createdAt: new Date().toISOString(),
				data: { sessionId: held.order.sessionId },
			} )
		);
		expect( answer.status ).toBe( 200 );
		expect( answer.json ).toMatchObject( {
			received: true,
			result: 'ignored',
			detail: 'unknown_event',
		} );
		expect(
			( await eventRows( { key: id } ) )?.map( ( row ) => row.state )
		).toEqual( [ 'done' ] );
		expect(
			( await writeSnapshot() ).lastWebhook,
			'the last accepted webhook is this one'
		).not.toEqual( before.lastWebhook );
		expect( await apiCalls( held.order.sessionId, 'read' ) ).toBe( 0 );
		expectUnpaid( await facts( held.order.orderId ), STOCK );
	} );

	it( 'unknown event type without data or id (signed): 200 ignored unknown_event, recorded under the SHA-256 of its body', async () => {
		const body = JSON.stringify( {
			event: 'shop.updated',
			note: `adversarial ${ uniqueTag() }`,
		} );
		const answer = await deliver( body );
		expect( answer.status, answer.text ).toBe( 200 );
		expect( answer.json ).toMatchObject( {
			received: true,
			result: 'ignored',
			detail: 'unknown_event',
		} );
		expect(
			( await eventRows( { key: `sha256:${ sha256( body ) }` } ) )?.map(
				( row ) => row.state
			)
		).toEqual( [ 'done' ] );
	} );
} );
