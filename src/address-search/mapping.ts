/**
 * Turns the postcode widget's answer into WooCommerce address fields. Pure: no DOM, no WordPress.
 */
import type { DaumPostcodeData } from './daum';

/** The address fields both checkouts fill. */
export interface KoreanAddress {
	country: 'KR';
	postcode: string;
	address_1: string;
	city: string;
	state: string;
}

/**
 * Neighbourhood names worth adding to a road address: legal dong (동), road-named (로) and ga (가)
 * neighbourhoods. Village names (리) are left out because rural road addresses already say where they are.
 */
const USEFUL_BNAME = /[동로가]$/u;

/**
 * The part in brackets Koreans add after a road address: the neighbourhood and the building name, e.g.
 * "(역삼동, 강남파이낸스센터)".
 */
export function roadAddressExtra(
	data: Pick< DaumPostcodeData, 'bname' | 'buildingName' >
): string {
	const parts: string[] = [];
	const bname = data.bname.trim();
	const building = data.buildingName.trim();
	if ( bname !== '' && USEFUL_BNAME.test( bname ) ) {
		parts.push( bname );
	}
	if ( building !== '' && building !== bname ) {
		parts.push( building );
	}
	return parts.length > 0 ? `(${ parts.join( ', ' ) })` : '';
}

/**
 * The address line: the road address with its neighbourhood and building, or the lot-number address (with
 * the building name) when the shopper picked that.
 */
export function addressLine( data: DaumPostcodeData ): string {
	const building = data.buildingName.trim();
	if ( data.userSelectedType === 'J' ) {
		const jibun = (
			data.jibunAddress ||
			data.autoJibunAddress ||
			data.roadAddress
		).trim();
		return building !== '' && ! jibun.includes( building )
			? `${ jibun } ${ building }`
			: jibun;
	}
	const road = (
		data.roadAddress ||
		data.autoRoadAddress ||
		data.jibunAddress
	).trim();
	const extra = roadAddressExtra( data );
	return extra === '' ? road : `${ road } ${ extra }`;
}

/** The city field: province and district, e.g. "서울 강남구", or just "세종특별자치시". */
export function cityLine(
	data: Pick< DaumPostcodeData, 'sido' | 'sigungu' >
): string {
	return [ data.sido, data.sigungu ]
		.map( ( part ) => part.trim() )
		.filter( ( part ) => part !== '' )
		.join( ' ' );
}

/** The language the address is written in: Korean, or English when the checkout is in English. */
export type AddressLanguage = 'ko' | 'en';

/** The checkout's language, read from the page (`<html lang="en-US">`). */
export function addressLanguage( doc: Document = document ): AddressLanguage {
	return /^en\b/i.test( doc.documentElement.lang ) ? 'en' : 'ko';
}

/**
 * The English address line as the widget gives it, e.g. "152, Teheran-ro, Gangnam-gu, Seoul" (road) or
 * "737, Yeoksam-dong, Gangnam-gu, Seoul" (lot number), without a trailing country name; '' when the widget
 * sent none.
 */
export function englishAddressLine( data: DaumPostcodeData ): string {
	const line =
		data.userSelectedType === 'J'
			? data.jibunAddressEnglish ||
				data.autoJibunAddressEnglish ||
				data.roadAddressEnglish
			: data.roadAddressEnglish ||
				data.autoRoadAddressEnglish ||
				data.jibunAddressEnglish;
	return ( line ?? '' )
		.trim()
		.replace( /,\s*(Republic of Korea|South Korea|Korea)$/i, '' );
}

/** The English city field: district, then province or city, e.g. "Gangnam-gu, Seoul". */
export function englishCityLine(
	data: Pick< DaumPostcodeData, 'sidoEnglish' | 'sigunguEnglish' >
): string {
	return [ data.sigunguEnglish, data.sidoEnglish ]
		.map( ( part ) => ( part ?? '' ).trim() )
		.filter( ( part ) => part !== '' )
		.join( ', ' );
}

/**
 * All fields for one chosen address, in Korean, or in English for a checkout in English (falling back to
 * Korean where the widget sent no English form).
 */
export function toKoreanAddress(
	data: DaumPostcodeData,
	language: AddressLanguage = 'ko'
): KoreanAddress {
	const english = language === 'en' ? englishAddressLine( data ) : '';
	return {
		country: 'KR',
		postcode: data.zonecode.trim(),
		address_1: english || addressLine( data ),
		city: ( english && englishCityLine( data ) ) || cityLine( data ),
		state: '',
	};
}
