/**
 * Issue 11: replays of a captured delivery. The signature the sandbox sent is rebuilt from the attempt's time (same
 * secret, same second), as anyone who captured the request could resend it. A replay inside the 300 s tolerance is
 * a duplicate with no side effect, an old signature is refused, and an event seen 80 hours ago is still known.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/wait.ts';
import { expectPaidOnce } from './lib/expect.ts';
import { paidByWebhook, redeliverAndSettle, STOCK } from './lib/flows.ts';
import {
	ageEvent,
	apiCalls,
	clearFaults,
	eventRows,
	facts,
	useStorage,
	writeSnapshot,
} from './lib/shop.ts';
import {
	capturedSignature,
	deliver,
	errorOf,
	rawBody,
	signature,
} from './lib/webhook.ts';

describe( 'webhook replays', () => {
	beforeAll( async () => {
		await clearFaults();
		await useStorage( 'hpos' );
	} );
	beforeEach( () => clearFaults() );

	it( 'a captured delivery replayed 1 s later with its own signature: 200 duplicate, no side effect', async () => {
		const paid = await paidByWebhook( 15000 );
		const last = paid.delivery.attempts.length - 1;
		const sentAt = Date.parse( paid.delivery.attempts[ last ]?.time ?? '' );
		await waitUntil(
			'a second after the captured attempt',
			async () => Date.now(),
			( now ) => now >= sentAt + 1000,
			5000,
			100
		);
		const reads = await apiCalls( paid.order.sessionId, 'read' );

		const replay = await deliver( rawBody( paid.delivery ), {
			signature: capturedSignature( paid.delivery, last ),
		} );
		expect( replay.status ).toBe( 200 );
		expect( replay.json?.result ).toBe( 'duplicate' );
		expect( await apiCalls( paid.order.sessionId, 'read' ) ).toBe( reads );
		expectPaidOnce( await facts( paid.order.orderId ), 1, STOCK );
	} );

	it( 'a captured delivery replayed with a timestamp an hour old: 400 timestamp_out_of_tolerance, nothing written', async () => {
		const paid = await paidByWebhook( 15000 );
		const sentAt = Math.floor(
			Date.parse( paid.delivery.attempts[ 0 ]?.time ?? '' ) / 1000
		);
		const body = rawBody( paid.delivery );
		const before = await writeSnapshot();

		const replay = await deliver( body, {
			signature: signature( body, sentAt - 3600 ),
		} );
		expect( replay.status ).toBe( 400 );
		expect( errorOf( replay ) ).toEqual( {
			code: 'invalid_signature',
			reason: 'timestamp_out_of_tolerance',
		} );
		expect( await writeSnapshot() ).toEqual( before );
		expectPaidOnce( await facts( paid.order.orderId ), 1, STOCK );
	} );

	it( 'an event first seen 80 h ago, redelivered with a fresh signature: 200 duplicate, no API call, no side effect', async () => {
		const paid = await paidByWebhook( 15000 );
		const key = paid.delivery.eventId;
		const [ row ] = ( await eventRows( { key } ) ) ?? [];
		expect( row?.state, `the event row of ${ key }` ).toBe( 'done' );
		expect( await ageEvent( key, 80 * 3600 ) ).toBe( 1 );
		const reads = await apiCalls( paid.order.sessionId, 'read' );

		const settled = await redeliverAndSettle( paid.delivery );
		expect( settled?.attempts[ 0 ]?.status ).toBe( 200 );
		const mine = await deliver( rawBody( paid.delivery ) );
		expect( mine.json?.result ).toBe( 'duplicate' );

		expect( await apiCalls( paid.order.sessionId, 'read' ) ).toBe( reads );
		expect( ( await eventRows( { key } ) )?.[ 0 ]?.state ).toBe( 'done' );
		expectPaidOnce( await facts( paid.order.orderId ), 1, STOCK );
	} );
} );
