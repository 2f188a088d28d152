/**
 * Issue 11: deliveries the webhook must refuse, and how. Every body here is about a real payment the store has not
 * heard of yet (its own delivery is held in the sandbox), so that a refusal that still did something would show
 * on the order. A refusal answers 400 or 413 in the contract's error shape and writes nothing: no event row, no
 * "last webhook" record, no API call, no change to the order.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectUnpaid } from './lib/expect.ts';
import { heldPayment, STOCK, type HeldPayment } from './lib/flows.ts';
import {
	apiCalls,
	clearFaults,
	facts,
	useStorage,
	writeSnapshot,
} from './lib/shop.ts';
import {
	deliver,
	errorOf,
	nowSeconds,
	signature,
	type WebhookAnswer,
} from './lib/webhook.ts';

let held: HeldPayment;

/** Delivers, then checks that the store wrote nothing and did not touch the order. */
async function refusedWithoutTrace(
	send: () => Promise< WebhookAnswer >
): Promise< WebhookAnswer > {
	const before = await writeSnapshot();
	const readsBefore = await apiCalls( held.order.sessionId, 'read' );
	const answer = await send();
	expect( await writeSnapshot(), 'nothing written' ).toEqual( before );
	expect(
		await apiCalls( held.order.sessionId, 'read' ),
		'no API call'
	).toBe( readsBefore );
	expectUnpaid( await facts( held.order.orderId ), STOCK );
	return answer;
}

describe( 'webhook refusals', () => {
	beforeAll( async () => {
		await clearFaults();
		await useStorage( 'hpos' );
		held = await heldPayment( 15000 );
	} );
	beforeEach( () => clearFaults() );

	const signatures: Array< [ string, () => string | null, string ] > = [
		[ 'missing', () => null, 'signature_missing' ],
		[ 'malformed', () => 'v1=not-hex,t=soon', 'signature_malformed' ],
		[
			'signed with the wrong key',
			() => signature( held.body, nowSeconds(), 'whsec_not_this_stores' ),
			'signature_mismatch',
		],
		[
			'stale (t = now − 301 s)',
			() => signature( held.body, nowSeconds() - 301 ),
			'timestamp_out_of_tolerance',
		],
		// +310, not +301: the store reads its clock after WordPress has booted, a second or two after sending on
		// a busy machine, and a request that arrives at t − 300 is within tolerance.
		[
			'from the future (t = now + 310 s)',
			() => signature( held.body, nowSeconds() + 310 ),
			'timestamp_out_of_tolerance',
		],
	];

	it.each( signatures )(
		'signature %s: 400 invalid_signature, nothing written',
		async ( _label, header, reason ) => {
			const answer = await refusedWithoutTrace( () =>
				deliver( held.body, { signature: header() } )
			);
			expect( answer.status ).toBe( 400 );
			expect( errorOf( answer ) ).toEqual( {
				code: 'invalid_signature',
				reason,
			} );
		}
	);

	it( 'body over 64 KB (signed): 413 payload_too_large, nothing written', async () => {
		const event = JSON.parse( held.body ) as Record< string, unknown >;
		const padded = JSON.stringify( { ...event, padding: '' } );
		const body = JSON.stringify( {
			...event,
			padding: 'x'.repeat( 65_537 - padded.length ),
		} );
		expect( Buffer.byteLength( body ) ).toBe( 65_537 );
		const answer = await refusedWithoutTrace( () => deliver( body ) );
		expect( answer.status ).toBe( 413 );
		expect( errorOf( answer ).code ).toBe( 'payload_too_large' );
	} );

	const bodies: Array< [ string, () => string ] > = [
		[ 'empty', () => '' ],
		[ 'not JSON', () => held.body.slice( 0, -7 ) ],
		[ 'a JSON array', () => '[]' ],
		[ 'a JSON string', () => '"payment.completed"' ],
		[
			'an object whose event is not a string',
			() =>
				JSON.stringify( {
					event: 7,
					data: { sessionId: held.order.sessionId },
				} ),
		],
		[
			'an object without event',
			() =>
				JSON.stringify( { data: { sessionId: held.order.sessionId } } ),
		],
		[
			'payment.completed without data',
			() => JSON.stringify( { event: 'payment.completed' } ),
		],
		[
			'payment.completed with a numeric data.sessionId',
			() =>
				JSON.stringify( {
					event: 'payment.completed',
					data: { sessionId: 42 },
				} ),
		],
	];

	it.each( bodies )(
		'body %s (signed): 400 invalid_payload, nothing written',
		async ( _label, body ) => {
			const raw = body();
			const answer = await refusedWithoutTrace( () => deliver( raw ) );
			expect( answer.status ).toBe( 400 );
			expect( errorOf( answer ).code ).toBe( 'invalid_payload' );
		}
	);
} );
