<?php
/**
 * The shopper's name as the service shows it for a Korean address: family name first.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

defined( 'ABSPATH' ) || exit;

/**
 * Koreans write the family name first: 김지우 (no space between Hangul names), and a foreigner's name on a Korean
 * address the same way, Yamada Hanako, as Korean couriers and card companies read it. Pure logic, no WordPress.
 */
final class CustomerName {

	/**
	 * The name in Korean order, or null when the caller's own format applies (an address elsewhere, with a name
	 * not written in Hangul).
	 *
	 * @param string $first   First (given) name.
	 * @param string $last    Last (family) name.
	 * @param string $country The address's country (ISO 3166-1 alpha-2).
	 */
	public static function for_service( string $first, string $last, string $country ): ?string {
		$first = trim( $first );
		$last  = trim( $last );
		if ( '' === $first || '' === $last ) {
			$only = '' !== $first ? $first : $last;
			return '' === $only ? null : $only;
		}
		if ( self::is_hangul( $first . $last ) ) {
			return $last . $first;
		}
		return 'KR' === strtoupper( trim( $country ) ) ? $last . ' ' . $first : null;
	}

	/**
	 * Whether the text is written in Hangul.
	 *
	 * @param string $text A name.
	 */
	private static function is_hangul( string $text ): bool {
		return 1 === preg_match( '/\p{Hangul}/u', $text );
	}
}
