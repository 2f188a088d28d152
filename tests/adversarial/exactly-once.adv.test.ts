/**
 * Issue 13: one payment hit from every side at once. 50 concurrent copies of its webhook and 50 concurrent returns
 * of the shopper give one `korea_checkout_payment_complete`, one stock reduction and one e-mail of each kind. On
 * the production stack nginx spreads them over both PHP-FPM web nodes (the case checks that both answered), and
 * the runner runs this file once with Redis as the object cache and once without. Each case runs with
 * WooCommerce's HPOS tables and with the legacy posts storage.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { expectPaidOnce } from './lib/expect.ts';
import { heldPayment, inStorage, STOCK, STORAGES } from './lib/flows.ts';
import { clearFaults, facts, visit } from './lib/shop.ts';
import { advStack } from './lib/stack.ts';
import { deliver } from './lib/webhook.ts';

const stack = advStack();
const where = `${ stack.nodes.length } web node${ stack.nodes.length === 1 ? '' : 's' } (${ stack.kind } stack), object cache ${ stack.objectCache }`;

describe.each( STORAGES )( 'exactly once, %s order storage', ( storage ) => {
	inStorage( storage );
	beforeEach( () => clearFaults() );

	it( `50 concurrent duplicate deliveries and 50 concurrent returns of one payment, ${ where }: paid once, stock once, one e-mail`, async () => {
		const held = await heldPayment( 15000, 3 );
		const [ deliveries, returns ] = await Promise.all( [
			Promise.all(
				Array.from( { length: 50 }, () => deliver( held.body ) )
			),
			Promise.all(
				Array.from( { length: 50 }, () => visit( held.redirectUrl ) )
			),
		] );
		for ( const answer of deliveries ) {
			expect( [ 200, 409, 503 ] ).toContain( answer.status );
		}
		for ( const answer of returns ) {
			expect( [ 200, 302, 303 ] ).toContain( answer.status );
		}
		if ( stack.nodes.length > 1 ) {
			const nodes = new Set(
				[ ...deliveries, ...returns ].map( ( answer ) => answer.node )
			);
			expect( [ ...nodes ].sort(), 'both web nodes answered' ).toEqual(
				stack.nodes.map( ( node ) => node.name ).sort()
			);
		}
		expectPaidOnce( await facts( held.order.orderId ), 3, STOCK );
	} );

	if ( stack.kind === 'native' ) {
		it.skip( '50 concurrent duplicate deliveries and 50 concurrent returns over two web nodes, object cache on and off: needs the production stack (npm run test:adversarial without KC_ADV_STACK=native)', () =>
			undefined );
	}
} );
