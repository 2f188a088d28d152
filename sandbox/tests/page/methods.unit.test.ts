import { describe, expect, it } from 'vitest';
import {
	initialMethod,
	installmentsAllowed,
	offeredMethods,
} from '../../page/src/lib/methods.ts';

describe( 'offered payment methods', () => {
	const shop = [ 'card', 'virtual_account', 'kakao_pay', 'naver_pay' ];

	it( 'offers the shop’s methods when the store sent no list', () => {
		expect( offeredMethods( shop, undefined ) ).toEqual( shop );
		expect( offeredMethods( shop, '  ' ) ).toEqual( shop );
	} );

	it( 'narrows to the store’s list, in the store’s order, ignoring unknown and unavailable ids', () => {
		expect(
			offeredMethods( shop, 'kakao_pay, card,toss_pay,bitcoin' )
		).toEqual( [ 'kakao_pay', 'card' ] );
		expect( offeredMethods( shop, 'toss_pay' ) ).toEqual( [] );
	} );

	it( 'opens on the store’s chosen method when offered, else the first', () => {
		expect( initialMethod( [ 'card', 'kakao_pay' ], 'kakao_pay' ) ).toBe(
			'kakao_pay'
		);
		expect( initialMethod( [ 'card', 'kakao_pay' ], 'naver_pay' ) ).toBe(
			'card'
		);
		expect( initialMethod( [], 'card' ) ).toBeUndefined();
	} );

	it( 'allows installments from 50,000 won only', () => {
		expect( installmentsAllowed( 50000, 'KRW' ) ).toBe( true );
		expect( installmentsAllowed( 49999, 'KRW' ) ).toBe( false );
		expect( installmentsAllowed( 500, 'USD' ) ).toBe( false );
	} );
} );
