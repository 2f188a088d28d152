<?php
/**
 * Masks of stored secrets: what the settings page shows instead of a key or a webhook secret.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * Turns `sk_test_…` into `sk_test_••••abcd`: the prefix (which tells the mode) and the last four
 * characters (which tell two keys apart), never more. Pure: no WordPress needed.
 */
final class SecretMask {

	/**
	 * The bullets between the prefix and the tail.
	 */
	public const BULLETS = '••••';

	/**
	 * The prefixes that are shown as they are.
	 */
	private const PREFIXES = array( 'sk_test_', 'sk_live_', 'whsec_' );

	/**
	 * How many characters of the end are shown.
	 */
	private const TAIL = 4;

	/**
	 * The mask of a secret, or '' when there is none.
	 *
	 * @param string $secret The stored secret.
	 */
	public static function mask( string $secret ): string {
		if ( '' === $secret ) {
			return '';
		}
		$prefix = '';
		foreach ( self::PREFIXES as $candidate ) {
			if ( str_starts_with( $secret, $candidate ) ) {
				$prefix = $candidate;
				break;
			}
		}
		$rest = substr( $secret, strlen( $prefix ) );
		// A short secret would be shown almost whole by its tail: show no tail then.
		$tail = mb_strlen( $rest ) > 3 * self::TAIL ? mb_substr( $rest, -self::TAIL ) : '';
		return $prefix . self::BULLETS . $tail;
	}

	/**
	 * Whether a submitted value is the mask of the stored secret, i.e. the page sent back what it was shown.
	 *
	 * @param string $submitted What came in.
	 * @param string $stored    What is stored.
	 */
	public static function is_mask_of( string $submitted, string $stored ): bool {
		return '' !== $stored && hash_equals( self::mask( $stored ), $submitted );
	}

	/**
	 * Whether a value looks like any mask (contains the bullets), so it can never be stored as a secret.
	 *
	 * @param string $value A submitted value.
	 */
	public static function looks_masked( string $value ): bool {
		return str_contains( $value, self::BULLETS );
	}
}
