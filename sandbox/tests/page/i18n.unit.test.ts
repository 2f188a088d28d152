import { describe, expect, it } from 'vitest';
import {
	CATALOGUES,
	LOCALES,
	pickLocale,
	translator,
} from '../../page/src/i18n/index.ts';
import { ko } from '../../page/src/i18n/ko.ts';
import { FAILURE_CODES } from '../../page/src/lib/failures.ts';
import { METHOD_IDS } from '../../page/src/lib/methods.ts';

const placeholders = ( text: string ) =>
	[ ...text.matchAll( /\{(\w+)\}/g ) ].map( ( m ) => m[ 1 ] ).sort();
const keys = Object.keys( ko ) as Array< keyof typeof ko >;

describe( 'message catalogue', () => {
	it.each( LOCALES )(
		'%s has every key, no extra key, nothing empty, the same placeholders',
		( locale ) => {
			const messages: Record< string, string > = CATALOGUES[ locale ];
			expect( Object.keys( messages ).sort() ).toEqual(
				[ ...keys ].sort()
			);
			for ( const key of keys ) {
				const text = messages[ key ] ?? '';
				expect( text.trim(), `${ locale } ${ key }` ).not.toBe( '' );
				expect( placeholders( text ), `${ locale } ${ key }` ).toEqual(
					placeholders( ko[ key ] )
				);
			}
		}
	);

	it.each( LOCALES.filter( ( l ) => l !== 'ko' ) )(
		'%s is really translated (no Korean left in it)',
		( locale ) => {
			for ( const key of keys ) {
				expect(
					CATALOGUES[ locale ][ key ],
					`${ locale } ${ key }`
				).not.toMatch( /[\uAC00-\uD7A3]/ );
			}
		}
	);

	it( 'names every payment method and explains every failure code', () => {
		for ( const id of METHOD_IDS ) {
			expect( keys ).toContain( `method.${ id }` );
		}
		for ( const code of FAILURE_CODES ) {
			expect( keys ).toContain( `failure.${ code }` );
		}
	} );

	it( 'fills placeholders and leaves unknown ones visible', () => {
		expect(
			translator( 'ko' )( 'checkout.pay', { amount: '29,000원' } )
		).toBe( '29,000원 결제하기' );
		expect(
			translator( 'en' )( 'checkout.pay', { amount: '₩29,000' } )
		).toBe( 'Pay ₩29,000' );
		expect( translator( 'en' )( 'checkout.pay' ) ).toBe( 'Pay {amount}' );
	} );

	it( 'picks the first valid locale, Korean by default', () => {
		expect( pickLocale( null, 'en' ) ).toBe( 'en' );
		expect( pickLocale( 'ja', 'en' ) ).toBe( 'ja' );
		expect( pickLocale( 'ZH' ) ).toBe( 'zh' );
		expect( pickLocale( 'fr', 'de' ) ).toBe( 'ko' );
		expect( pickLocale() ).toBe( 'ko' );
	} );
} );
