<?php
/**
 * Korean postcodes (우편번호): five digits since 2015.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

defined( 'ABSPATH' ) || exit;

/**
 * Normalises and checks Korean postcodes. Pure logic, no WordPress.
 */
final class Postcode {

	/**
	 * The postcode without spaces or dashes, digits in ASCII (full-width digits are converted).
	 *
	 * @param string $postcode What the shopper typed.
	 */
	public static function normalize( string $postcode ): string {
		$postcode = strtr( $postcode, array_combine( self::full_width_digits(), range( '0', '9' ) ) );
		return (string) preg_replace( '/[\s\-\x{3000}]+/u', '', $postcode );
	}

	/**
	 * Whether the postcode is a valid Korean one (5 digits) once normalised.
	 *
	 * @param string $postcode What the shopper typed.
	 */
	public static function is_valid( string $postcode ): bool {
		return 1 === preg_match( '/^[0-9]{5}$/', self::normalize( $postcode ) );
	}

	/**
	 * The full-width digits ０..９ some Korean keyboards type.
	 *
	 * @return array<int, string>
	 */
	private static function full_width_digits(): array {
		$digits = array();
		for ( $i = 0; $i <= 9; $i++ ) {
			$digits[] = mb_chr( 0xFF10 + $i, 'UTF-8' );
		}
		return $digits;
	}
}
