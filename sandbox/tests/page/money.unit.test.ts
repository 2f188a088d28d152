import { describe, expect, it } from 'vitest';
import {
	currencyDecimals,
	formatMoney,
	formatMoneyMinor,
	lineTotalMinor,
	toMinor,
} from '../../page/src/lib/money.ts';

describe( 'money formatting', () => {
	it( 'writes won without decimals, with 원 in Korean and ₩ elsewhere', () => {
		expect( formatMoney( 29000, 'KRW', 'ko' ) ).toBe( '29,000원' );
		expect( formatMoney( 1234567, 'KRW', 'ko' ) ).toBe( '1,234,567원' );
		expect( formatMoney( 29000, 'KRW', 'en' ) ).toBe( '₩29,000' );
		expect( formatMoney( 29000, 'KRW', 'ja' ) ).toMatch( /^[₩￦]29,000$/ );
		expect( formatMoney( 29000, 'KRW', 'zh' ) ).toBe( '₩29,000' );
		expect( formatMoney( 0, 'KRW', 'ko' ) ).toBe( '0원' );
	} );

	it( 'writes dollars with two decimals', () => {
		expect( formatMoney( 29.99, 'USD', 'en' ) ).toBe( '$29.99' );
		expect( formatMoney( 29.9, 'USD', 'en' ) ).toBe( '$29.90' );
		expect( formatMoney( 1000, 'USD', 'en' ) ).toBe( '$1,000.00' );
		expect( formatMoney( 29.99, 'USD', 'ko' ) ).toMatch( /29\.99/ );
	} );

	it( 'adds line totals in minor units, free of float error', () => {
		expect( 0.1 * 3 ).not.toBe( 0.3 );
		expect( lineTotalMinor( 0.1, 3, 'USD' ) ).toBe( 30 );
		expect(
			formatMoneyMinor( lineTotalMinor( 0.1, 3, 'USD' ), 'USD', 'en' )
		).toBe( '$0.30' );
		expect( lineTotalMinor( 14500, 2, 'KRW' ) ).toBe( 29000 );
		expect( toMinor( 19.99, 'USD' ) ).toBe( 1999 );
	} );

	it( 'knows the decimals of each currency', () => {
		expect( currencyDecimals( 'KRW' ) ).toBe( 0 );
		expect( currencyDecimals( 'krw' ) ).toBe( 0 );
		expect( currencyDecimals( 'USD' ) ).toBe( 2 );
	} );
} );
