/**
 * The order-received page's polling loop: it stops at the first final answer, rides out errors, slows down
 * and gives up after its budget.
 */
import { describe, expect, it, vi } from 'vitest';
import { poll, type OrderState } from '../../../src/order-status/poll';

const state = ( name: OrderState[ 'state' ], final: boolean ): OrderState => ( {
	orderId: 7,
	state: name,
	final,
	payUrl: '',
} );

describe( 'order-status polling', () => {
	it( 'asks until the answer is final and reports it once', async () => {
		const answers = [
			state( 'processing', false ),
			state( 'processing', false ),
			state( 'paid', true ),
		];
		const fetchState = vi.fn( async () => answers.shift() as OrderState );
		const onFinal = vi.fn();
		const onState = vi.fn();
		const waits: number[] = [];

		const result = await poll( {
			fetchState,
			onState,
			onFinal,
			onGiveUp: () => {
				throw new Error( 'should not give up' );
			},
			sleep: async ( ms ) => {
				waits.push( ms );
			},
		} );

		expect( result?.state ).toBe( 'paid' );
		expect( fetchState ).toHaveBeenCalledTimes( 3 );
		expect( onState ).toHaveBeenCalledTimes( 3 );
		expect( onFinal ).toHaveBeenCalledTimes( 1 );
		expect( waits ).toEqual( [ 3000, 4500 ] );
	} );

	it( 'treats a failed request as "ask again later"', async () => {
		let calls = 0;
		const result = await poll( {
			fetchState: async () => {
				calls++;
				if ( calls < 3 ) {
					throw new Error( 'network down' );
				}
				return state( 'awaiting_deposit', true );
			},
			onState: () => undefined,
			onFinal: () => undefined,
			onGiveUp: () => undefined,
			sleep: async () => undefined,
		} );
		expect( calls ).toBe( 3 );
		expect( result?.state ).toBe( 'awaiting_deposit' );
	} );

	it( 'gives up after its budget with the delay capped', async () => {
		const waits: number[] = [];
		const onGiveUp = vi.fn();
		const result = await poll( {
			fetchState: async () => state( 'processing', false ),
			onState: () => undefined,
			onFinal: () => undefined,
			onGiveUp,
			sleep: async ( ms ) => {
				waits.push( ms );
			},
			delayMs: 1000,
			maxDelayMs: 2000,
			budgetMs: 7000,
		} );
		expect( result ).toBeNull();
		expect( onGiveUp ).toHaveBeenCalledTimes( 1 );
		expect( waits ).toEqual( [ 1000, 1500, 2000, 2000, 2000 ] );
	} );
} );
