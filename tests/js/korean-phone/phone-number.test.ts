/**
 * The browser reads Korean phone numbers as PHP does: both are held to the same cases.
 */
import { describe, expect, it } from 'vitest';
import {
	isAcceptablePhone,
	parseKoreanPhone,
} from '../../../src/korean-phone/phone-number';
import phoneNumbers from '../../php/unit/Checkout/phone-numbers.json';

const cases = phoneNumbers as unknown as {
	accepted: Array< [ string, string, string ] >;
	refused: string[];
};

describe( 'parseKoreanPhone', () => {
	it.each( cases.accepted )(
		'reads %j as %s / %s',
		( typed, national, international ) => {
			expect( parseKoreanPhone( typed ) ).toEqual( {
				national,
				international,
			} );
			expect( isAcceptablePhone( typed, 'KR' ) ).toBe( true );
		}
	);

	it.each( cases.refused.map( ( typed ) => [ typed ] ) )(
		'refuses %j',
		( typed ) => {
			expect( parseKoreanPhone( typed ) ).toBeNull();
			if ( typed.trim() !== '' ) {
				expect( isAcceptablePhone( typed, 'KR' ) ).toBe( false );
			}
		}
	);
} );

describe( 'isAcceptablePhone', () => {
	it( 'leaves other countries and empty numbers alone', () => {
		expect( isAcceptablePhone( '+81 90-1234-5678', 'JP' ) ).toBe( true );
		expect( isAcceptablePhone( 'anything', '' ) ).toBe( true );
		expect( isAcceptablePhone( '  ', 'KR' ) ).toBe( true );
		expect( isAcceptablePhone( '+81 90-1234-5678', 'kr' ) ).toBe( false );
	} );
} );
