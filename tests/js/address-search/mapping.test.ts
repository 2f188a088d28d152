import { describe, expect, it } from 'vitest';
import {
	addressLanguage,
	addressLine,
	cityLine,
	roadAddressExtra,
	toKoreanAddress,
} from '../../../src/address-search/mapping';
import type { DaumPostcodeData } from '../../../src/address-search/daum';
import { GANGNAM_FINANCE_CENTER } from '../doubles/fake-daum';

const with_ = ( changes: Partial< DaumPostcodeData > ): DaumPostcodeData => ( {
	...GANGNAM_FINANCE_CENTER,
	...changes,
} );

describe( 'toKoreanAddress', () => {
	it( 'writes a road address with its neighbourhood and building name, as Koreans write it', () => {
		expect( toKoreanAddress( GANGNAM_FINANCE_CENTER ) ).toEqual( {
			country: 'KR',
			postcode: '06236',
			address_1: '서울 강남구 테헤란로 152 (역삼동, 강남파이낸스센터)',
			city: '서울 강남구',
			state: '',
		} );
	} );

	it( 'keeps an apartment complex name after the dong', () => {
		const apartment = with_( {
			zonecode: '06505',
			roadAddress: '서울 서초구 반포대로 275',
			jibunAddress: '서울 서초구 반포동 20-43',
			buildingName: '래미안퍼스티지',
			apartment: 'Y',
			bname: '반포동',
			sigungu: '서초구',
		} );
		expect( addressLine( apartment ) ).toBe(
			'서울 서초구 반포대로 275 (반포동, 래미안퍼스티지)'
		);
		expect( toKoreanAddress( apartment ).postcode ).toBe( '06505' );
	} );

	it( 'uses the lot-number address when the shopper picked it (userSelectedType J)', () => {
		const lot = with_( { userSelectedType: 'J', buildingName: '' } );
		expect( addressLine( lot ) ).toBe( '서울 강남구 역삼동 737' );
	} );

	it( 'adds the building name to a lot-number address once', () => {
		expect( addressLine( with_( { userSelectedType: 'J' } ) ) ).toBe(
			'서울 강남구 역삼동 737 강남파이낸스센터'
		);
		expect(
			addressLine(
				with_( {
					userSelectedType: 'J',
					jibunAddress: '서울 강남구 역삼동 737 강남파이낸스센터',
				} )
			)
		).toBe( '서울 강남구 역삼동 737 강남파이낸스센터' );
	} );

	it( 'falls back to the automatic lot-number address when the chosen one is empty', () => {
		expect(
			addressLine(
				with_( {
					userSelectedType: 'J',
					jibunAddress: '',
					autoJibunAddress: '서울 강남구 역삼동 737-1',
					buildingName: '',
				} )
			)
		).toBe( '서울 강남구 역삼동 737-1' );
	} );

	it( 'leaves a village (리) name out of the brackets but keeps the building', () => {
		const rural = with_( {
			roadAddress: '경기 양평군 양서면 북한강로 45',
			bname: '양수리',
			buildingName: '양수빌라',
			apartment: 'Y',
			sido: '경기',
			sigungu: '양평군',
		} );
		expect( addressLine( rural ) ).toBe(
			'경기 양평군 양서면 북한강로 45 (양수빌라)'
		);
		expect( cityLine( rural ) ).toBe( '경기 양평군' );
	} );

	it( 'writes no brackets when there is neither neighbourhood nor building', () => {
		expect( roadAddressExtra( { bname: '', buildingName: '' } ) ).toBe(
			''
		);
		expect( addressLine( with_( { bname: '', buildingName: '' } ) ) ).toBe(
			'서울 강남구 테헤란로 152'
		);
	} );

	it( 'uses the road-ending and ga neighbourhoods too', () => {
		expect(
			roadAddressExtra( { bname: '종로1가', buildingName: '' } )
		).toBe( '(종로1가)' );
		expect(
			roadAddressExtra( { bname: '을지로', buildingName: '을지로' } )
		).toBe( '(을지로)' );
	} );

	it( 'handles Sejong, which has no district', () => {
		expect( cityLine( { sido: '세종특별자치시', sigungu: '' } ) ).toBe(
			'세종특별자치시'
		);
	} );
} );

describe( 'the English address, for a checkout in English', () => {
	const english = with_( {
		roadAddressEnglish: '152, Teheran-ro, Gangnam-gu, Seoul, Korea',
		jibunAddressEnglish: '737, Yeoksam-dong, Gangnam-gu, Seoul, Korea',
		sidoEnglish: 'Seoul',
		sigunguEnglish: 'Gangnam-gu',
	} );

	it( 'uses the road address in English with its district and city', () => {
		expect( toKoreanAddress( english, 'en' ) ).toEqual( {
			country: 'KR',
			postcode: '06236',
			address_1: '152, Teheran-ro, Gangnam-gu, Seoul',
			city: 'Gangnam-gu, Seoul',
			state: '',
		} );
	} );

	it( 'uses the lot-number address in English when the shopper picked it', () => {
		expect(
			toKoreanAddress( { ...english, userSelectedType: 'J' }, 'en' )
				.address_1
		).toBe( '737, Yeoksam-dong, Gangnam-gu, Seoul' );
	} );

	it( 'keeps the Korean address when the widget sent no English form', () => {
		const { roadAddressEnglish, jibunAddressEnglish, ...korean } =
			GANGNAM_FINANCE_CENTER;
		expect( roadAddressEnglish ).toBeDefined();
		expect( jibunAddressEnglish ).toBeDefined();
		expect( toKoreanAddress( korean, 'en' ) ).toEqual(
			toKoreanAddress( korean )
		);
	} );

	it( 'reads the checkout language from the page', () => {
		document.documentElement.lang = 'en-US';
		expect( addressLanguage( document ) ).toBe( 'en' );
		document.documentElement.lang = 'ko-KR';
		expect( addressLanguage( document ) ).toBe( 'ko' );
		document.documentElement.lang = 'ja';
		expect( addressLanguage( document ) ).toBe( 'ko' );
	} );
} );
