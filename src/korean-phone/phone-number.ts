/**
 * Korean phone numbers, read as PHP reads them (includes/Checkout/PhoneNumber.php): the same patterns, tested
 * against the same cases (tests/php/unit/Checkout/phone-numbers.json). Pure: no DOM, no WordPress.
 */

export interface KoreanPhoneNumber {
	/** As Koreans write it: `010-1234-5678`. */
	national: string;
	/** As the service receives it: `+82-10-1234-5678`. */
	international: string;
}

/** Patterns of the national number (with its leading 0); a subscriber number never starts with 0. */
const PATTERNS: RegExp[] = [
	/^(010)([1-9]\d{3})(\d{4})$/,
	/^(01[16789])([1-9]\d{2,3})(\d{4})$/,
	/^(02)([1-9]\d{2,3})(\d{4})$/,
	/^(0(?:3[1-3]|4[1-4]|5[1-5]|6[1-4]))([1-9]\d{2,3})(\d{4})$/,
	/^(070)([1-9]\d{3})(\d{4})$/,
	/^(050[2-8])([1-9]\d{2,3})(\d{4})$/,
	/^(080)([1-9]\d{2})(\d{4})$/,
	/^(1[568]\d{2})(\d{4})$/,
];

/** Plus signs, dashes and spaces that are not ASCII, and full-width digits. */
function toAscii( raw: string ): string {
	return raw
		.replace( /＋/g, '+' )
		.replace( /[－‐‑‒–—−ー]/g, '-' )
		.replace( /[\u3000\u00a0]/g, ' ' )
		.replace( /[\uff10-\uff19]/g, ( digit ) =>
			String( digit.charCodeAt( 0 ) - 0xff10 )
		);
}

/** Puts back the trunk 0 the international form leaves out; company numbers have none. */
function withTrunk( digits: string ): string {
	return digits.startsWith( '0' ) || /^1[568]\d{6}$/.test( digits )
		? digits
		: `0${ digits }`;
}

function nationalDigits( raw: string ): string | null {
	const text = toAscii( raw ).trim();
	if ( text === '' || ! /^\+?[0-9\s.\-()/]+$/.test( text ) ) {
		return null;
	}
	const digits = text.replace( /\D/g, '' );
	if ( text.startsWith( '+' ) ) {
		return digits.startsWith( '82' )
			? withTrunk( digits.slice( 2 ) )
			: null;
	}
	if ( digits.startsWith( '0082' ) ) {
		return withTrunk( digits.slice( 4 ) );
	}
	if ( digits.startsWith( '82' ) ) {
		return withTrunk( digits.slice( 2 ) );
	}
	return digits;
}

/** The number in both forms, or null when what was typed cannot be a Korean phone number. */
export function parseKoreanPhone( raw: string ): KoreanPhoneNumber | null {
	const national = nationalDigits( raw );
	if ( national === null ) {
		return null;
	}
	for ( const pattern of PATTERNS ) {
		const groups = pattern.exec( national )?.slice( 1 );
		if ( groups ) {
			return {
				national: groups.join( '-' ),
				international: `+82-${ [
					groups[ 0 ]?.replace( /^0/, '' ),
					...groups.slice( 1 ),
				].join( '-' ) }`,
			};
		}
	}
	return null;
}

/**
 * Whether a number can be kept for an address in this country: for Korea it must be Korean; other countries
 * are left to WooCommerce, and an empty number to the required-field check.
 */
export function isAcceptablePhone( raw: string, country: string ): boolean {
	if ( country.trim().toUpperCase() !== 'KR' || raw.trim() === '' ) {
		return true;
	}
	return parseKoreanPhone( raw ) !== null;
}
