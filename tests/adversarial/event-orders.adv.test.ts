/**
 * Issue 11: deliveries arrive in any order. One session per order goes through a failed attempt, a payment and two
 * partial dashboard refunds while the sandbox holds every delivery back (fault `reorder`); the case then delivers
 * the four captured bodies itself, one order per permutation (24), all orders a step at a time. After every step
 * no paid order has gone back (to pending, failed or cancelled), and at the end each order is in the service's
 * state: paid once, both refunds recorded once with their refund ids.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
	expectPaidOnce,
	expectRefundEmailsAtMostOnce,
	refundsOf,
	sortedRefunds,
} from './lib/expect.ts';
import { inStorage, STOCK, STORAGES } from './lib/flows.ts';
import {
	clearFaults,
	holdWebhooks,
	newProduct,
	orderFacts,
	placeOrder,
	recordedDeliveries,
	sandbox,
	sandboxSession,
} from './lib/shop.ts';
import { deliver, rawBody } from './lib/webhook.ts';

const EVENTS = [
	'payment.failed',
	'payment.completed',
	'payment.refunded #1',
	'payment.refunded #2',
];

function permutations( items: number[] ): number[][] {
	if ( items.length <= 1 ) {
		return [ items ];
	}
	return items.flatMap( ( item, at ) =>
		permutations( items.filter( ( _other, index ) => index !== at ) ).map(
			( rest ) => [ item, ...rest ]
		)
	);
}

interface Prepared {
	orderId: number;
	sessionId: string;
	/** Raw bodies in the order the service emitted them (EVENTS). */
	bodies: string[];
	refundIds: string[];
	order: number[];
}

describe.each( STORAGES )( 'event orders, %s order storage', ( storage ) => {
	inStorage( storage );
	beforeEach( () => clearFaults() );

	it( "fault reorder (every delivery held): payment.failed, payment.completed and two payment.refunded in each of the 24 orders end in the service's state, no paid order regressed", async () => {
		const orders = permutations( [ 0, 1, 2, 3 ] );
		const product = await newProduct( 15000, STOCK );
		const prepared: Prepared[] = [];
		for ( const order of orders ) {
			const placed = await placeOrder( [ { id: product } ] );
			await holdWebhooks( 4 );
			await sandbox().fail(
				placed.sessionId,
				'REJECT_CARD_COMPANY',
				'Card refused'
			);
			await sandbox().pay( placed.sessionId, 'card' );
			const first = await sandbox().refund(
				placed.sessionId,
				3000,
				'First partial refund'
			);
			const second = await sandbox().refund(
				placed.sessionId,
				2000,
				'Second partial refund'
			);
			const deliveries = await recordedDeliveries( placed.sessionId, 4 );
			expect( deliveries.map( ( item ) => item.event ) ).toEqual( [
				'payment.failed',
				'payment.completed',
				'payment.refunded',
				'payment.refunded',
			] );
			prepared.push( {
				orderId: placed.orderId,
				sessionId: placed.sessionId,
				bodies: deliveries.map( rawBody ),
				refundIds: [
					String( first.refundId ),
					String( second.refundId ),
				],
				order,
			} );
		}

		const paidOnce = new Set< number >();
		const regressions: string[] = [];
		const refused: string[] = [];
		for ( let step = 0; step < EVENTS.length; step++ ) {
			const answers = await Promise.all(
				prepared.map( ( item ) =>
					deliver( item.bodies[ item.order[ step ] ?? 0 ] ?? '' )
				)
			);
			answers.forEach( ( answer, index ) => {
				const item = prepared[ index ];
				if ( answer.status !== 200 && item !== undefined ) {
					refused.push(
						`order ${ item.orderId } step ${ step } (${ EVENTS[ item.order[ step ] ?? 0 ] }): ${ answer.status } ${ answer.text.slice( 0, 120 ) }`
					);
				}
			} );
			const now = await orderFacts(
				prepared.map( ( item ) => item.orderId )
			);
			for ( const [ index, order ] of now.entries() ) {
				const item = prepared[ index ];
				if ( order.status === 'processing' ) {
					paidOnce.add( order.id );
				} else if ( paidOnce.has( order.id ) && item ) {
					regressions.push(
						`order ${ order.id } (${ item.order
							.map( ( event ) => EVENTS[ event ] )
							.join(
								', '
							) }) went from processing to ${ order.status } at step ${ step }`
					);
				}
			}
		}
		expect( refused, 'every delivery accepted' ).toEqual( [] );
		expect( regressions, 'no paid order regressed' ).toEqual( [] );

		const end = await orderFacts(
			prepared.map( ( item ) => item.orderId )
		);
		// One product for all of them: each order took one, and the stock went down by one per order.
		const stockBefore = STOCK - prepared.length + 1;
		for ( const [ index, order ] of end.entries() ) {
			const item = prepared[ index ];
			if ( item === undefined ) {
				continue;
			}
			expect(
				refundsOf( order ),
				`order ${ order.id }: ${ item.order
					.map( ( event ) => EVENTS[ event ] )
					.join( ' → ' ) }`
			).toEqual(
				sortedRefunds( [
					{ amount: 3000, refundId: item.refundIds[ 0 ] },
					{ amount: 2000, refundId: item.refundIds[ 1 ] },
				] )
			);
			expectPaidOnce( order, 1, stockBefore );
			expectRefundEmailsAtMostOnce( order );
			expect(
				( await sandboxSession( item.sessionId ) ).refundedAmount
			).toBe( 5000 );
		}
	} );
} );
