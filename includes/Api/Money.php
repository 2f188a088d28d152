<?php
/**
 * Money in the API's format: integers of the currency's minor unit inside, major-unit numbers on the wire.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Api;

defined( 'ABSPATH' ) || exit;

/**
 * Converts between the minor-unit integers the plugin computes with and the JSON numbers the API speaks.
 *
 * KRW has no decimals (29000 is 29,000 won), USD has two (29.99). Amounts are compared as integers, never as
 * floats, so that 0.1 + 0.2 never decides whether an order is paid.
 */
final class Money {

	/**
	 * Decimals of each currency the service takes.
	 */
	public const DECIMALS = array(
		'KRW' => 0,
		'USD' => 2,
	);

	/**
	 * Whether the service takes this currency.
	 *
	 * @param string $currency ISO 4217 code.
	 */
	public static function is_supported( string $currency ): bool {
		return array_key_exists( strtoupper( $currency ), self::DECIMALS );
	}

	/**
	 * The number of decimals of a supported currency.
	 *
	 * @param string $currency ISO 4217 code.
	 * @throws \InvalidArgumentException For a currency the service does not take.
	 */
	public static function decimals( string $currency ): int {
		$currency = strtoupper( $currency );
		if ( ! isset( self::DECIMALS[ $currency ] ) ) {
			throw new \InvalidArgumentException( sprintf( 'Unsupported currency "%s".', $currency ) );
		}
		return self::DECIMALS[ $currency ];
	}

	/**
	 * Minor units of a decimal amount as WooCommerce stores it ("29000", "29.99", 29.99).
	 *
	 * Works on the decimal string, so no binary rounding creeps in; digits beyond the currency's decimals
	 * are rounded half up (WooCommerce rounds its totals the same way).
	 *
	 * @param string|int|float $amount   Amount in the major unit.
	 * @param string           $currency ISO 4217 code.
	 * @throws \InvalidArgumentException For a value that is not a number.
	 */
	public static function to_minor( $amount, string $currency ): int {
		$decimals = self::decimals( $currency );
		if ( is_float( $amount ) ) {
			// A float is formatted with enough digits to round-trip, then treated as the decimal it shows.
			$amount = sprintf( '%.' . ( $decimals + 6 ) . 'F', $amount );
		}
		$text = trim( (string) $amount );
		if ( ! preg_match( '/^(-?)(\d*)(?:\.(\d*))?$/', $text, $parts ) || ( '' === $parts[2] && '' === ( $parts[3] ?? '' ) ) ) {
			throw new \InvalidArgumentException( sprintf( 'Not an amount: "%s".', $text ) );
		}
		$negative = '-' === $parts[1];
		$whole    = '' === $parts[2] ? '0' : $parts[2];
		$fraction = $parts[3] ?? '';
		$kept     = str_pad( substr( $fraction, 0, $decimals ), $decimals, '0' );
		$minor    = (int) ( ltrim( $whole, '0' ) . $kept );
		$next     = $fraction[ $decimals ] ?? '0';
		if ( (int) $next >= 5 ) {
			++$minor;
		}
		return $negative ? -$minor : $minor;
	}

	/**
	 * The JSON value of a minor-unit amount: an int for KRW, a float with two decimals for USD.
	 *
	 * @param int    $minor    Amount in minor units.
	 * @param string $currency ISO 4217 code.
	 * @return int|float
	 */
	public static function to_major( int $minor, string $currency ) {
		$decimals = self::decimals( $currency );
		if ( 0 === $decimals ) {
			return $minor;
		}
		return round( $minor / ( 10 ** $decimals ), $decimals );
	}

	/**
	 * Minor units of an amount the API sent (a JSON number, already decoded), exactly.
	 *
	 * An amount finer than the currency's minor unit (29000.4 KRW, 29.995 USD) is not an amount the service can
	 * have charged: it is refused, never rounded into one that matches.
	 *
	 * @param mixed  $major    Amount in the major unit as decoded from JSON.
	 * @param string $currency ISO 4217 code.
	 * @throws \InvalidArgumentException For a value that is not a number, or not a whole number of minor units.
	 */
	public static function from_api( $major, string $currency ): int {
		if ( ! is_int( $major ) && ! is_float( $major ) && ! ( is_string( $major ) && is_numeric( $major ) ) ) {
			throw new \InvalidArgumentException( 'The API sent an amount that is not a number.' );
		}
		$scaled = (float) $major * ( 10 ** self::decimals( $currency ) );
		$minor  = round( $scaled );
		// A decoded JSON number like 29.99 is the nearest double: within a millionth of a minor unit it is exact.
		if ( ! is_finite( $scaled ) || abs( $scaled - $minor ) > 1e-6 || abs( $minor ) > PHP_INT_MAX / 2 ) {
			throw new \InvalidArgumentException( 'The API sent an amount that is not a whole number of minor units.' );
		}
		return (int) $minor;
	}

	/**
	 * A decimal string of a minor-unit amount, as WooCommerce takes it for refunds and totals ("29.99").
	 *
	 * @param int    $minor    Amount in minor units.
	 * @param string $currency ISO 4217 code.
	 */
	public static function to_decimal_string( int $minor, string $currency ): string {
		$decimals = self::decimals( $currency );
		if ( 0 === $decimals ) {
			return (string) $minor;
		}
		$sign   = $minor < 0 ? '-' : '';
		$digits = str_pad( (string) abs( $minor ), $decimals + 1, '0', STR_PAD_LEFT );
		return $sign . substr( $digits, 0, -$decimals ) . '.' . substr( $digits, -$decimals );
	}

	/**
	 * An amount as a person reads it in notes and on the order screen ("₩5,000"), as plain text and with the
	 * currency's own decimals whatever the store's price settings (KRW has none).
	 *
	 * @param int    $minor    Amount in minor units.
	 * @param string $currency ISO 4217 code.
	 */
	public static function as_text( int $minor, string $currency ): string {
		return wp_strip_all_tags(
			wc_price(
				(float) self::to_decimal_string( $minor, $currency ),
				array(
					'currency' => $currency,
					'decimals' => self::decimals( $currency ),
				)
			)
		);
	}
}
