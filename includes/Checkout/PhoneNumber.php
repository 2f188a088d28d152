<?php
/**
 * Korean phone numbers as Koreans write them, and the one form the service receives.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

defined( 'ABSPATH' ) || exit;

/**
 * Reads a phone number typed in any of the usual ways (010-1234-5678, 01012345678, 010 1234 5678,
 * +82 10-1234-5678, +82 (0)10…, 02-123-4567, 031-123-4567, 1588-1234, full-width digits) and gives it in two
 * forms: the national one Koreans read (`010-1234-5678`) and the international one the service receives
 * (`+82-10-1234-5678`, as in the service's own example). Pure logic, no WordPress; the same rules run in the
 * browser (src/korean-phone/phone-number.ts) and both are tested against tests/php/unit/Checkout/phone-numbers.json.
 *
 * Accepted: mobile numbers (010 with eight digits; 011, 016, 017, 018, 019 with seven or eight), area numbers
 * (02 and the sixteen regional codes 031-064, seven or eight digits), internet phones (070), personal numbers
 * (0502-0508), toll-free numbers (080) and the eight-digit company numbers (15xx, 16xx, 18xx).
 */
final class PhoneNumber {

	/**
	 * The number's groups as Koreans write them, the first holding the trunk 0 (`010`, `1234`, `5678`).
	 *
	 * @var array<int, string>
	 */
	private array $groups;

	/**
	 * Patterns of the national number (with its leading 0), each capturing the groups. A subscriber number
	 * never starts with 0 (that would be a second trunk prefix).
	 */
	private const PATTERNS = array(
		'/^(010)([1-9][0-9]{3})([0-9]{4})$/',
		'/^(01[16789])([1-9][0-9]{2,3})([0-9]{4})$/',
		'/^(02)([1-9][0-9]{2,3})([0-9]{4})$/',
		'/^(0(?:3[1-3]|4[1-4]|5[1-5]|6[1-4]))([1-9][0-9]{2,3})([0-9]{4})$/',
		'/^(070)([1-9][0-9]{3})([0-9]{4})$/',
		'/^(050[2-8])([1-9][0-9]{2,3})([0-9]{4})$/',
		'/^(080)([1-9][0-9]{2})([0-9]{4})$/',
		'/^(1[568][0-9]{2})([0-9]{4})$/',
	);

	/**
	 * Characters people use for digits, the plus sign, dashes and spaces that are not ASCII.
	 */
	private const LOOKALIKES = array(
		'＋'        => '+',
		'－'        => '-',
		'‐'        => '-',
		'‑'        => '-',
		'‒'        => '-',
		'–'        => '-',
		'—'        => '-',
		'−'        => '-',
		'ー'        => '-',
		"\u{3000}" => ' ',
		"\u{00A0}" => ' ',
	);

	/**
	 * Use parse().
	 *
	 * @param array<int, string> $groups The groups.
	 */
	private function __construct( array $groups ) {
		$this->groups = $groups;
	}

	/**
	 * The number, or null when what was typed cannot be a Korean phone number.
	 *
	 * @param string $raw What the shopper typed.
	 */
	public static function parse( string $raw ): ?self {
		$national = self::national_digits( $raw );
		if ( null === $national ) {
			return null;
		}
		foreach ( self::PATTERNS as $pattern ) {
			if ( 1 === preg_match( $pattern, $national, $matches ) ) {
				return new self( array_slice( $matches, 1 ) );
			}
		}
		return null;
	}

	/**
	 * The number as Koreans write it: `010-1234-5678`, `02-123-4567`, `1588-1234`.
	 */
	public function national(): string {
		return implode( '-', $this->groups );
	}

	/**
	 * The number with the country code and without the trunk 0: `+82-10-1234-5678`, `+82-2-123-4567`.
	 */
	public function international(): string {
		$groups    = $this->groups;
		$groups[0] = ltrim( $groups[0], '0' );
		return '+82-' . implode( '-', $groups );
	}

	/**
	 * The phone number to send to the service with an order's billing country: the international form when the
	 * number is Korean (a Korean address, or a number written with +82), else the number as typed.
	 *
	 * @param string $raw     The billing phone.
	 * @param string $country The billing country (ISO 3166-1 alpha-2).
	 */
	public static function for_service( string $raw, string $country ): string {
		$number = self::parse( $raw );
		if ( null !== $number && ( self::is_korea( $country ) || self::has_korean_prefix( $raw ) ) ) {
			return $number->international();
		}
		return trim( $raw );
	}

	/**
	 * Whether a phone number can be kept for an address in this country: for Korea it must be a Korean number;
	 * other countries are left to WooCommerce. An empty number is left to the required-field check.
	 *
	 * @param string $raw     What the shopper typed.
	 * @param string $country The address's country.
	 */
	public static function is_acceptable( string $raw, string $country ): bool {
		if ( ! self::is_korea( $country ) || '' === trim( $raw ) ) {
			return true;
		}
		return null !== self::parse( $raw );
	}

	/**
	 * The national number's digits with the trunk 0 (or the eight digits of a company number), or null when
	 * the text holds anything but digits, separators and one leading plus, or names another country.
	 *
	 * @param string $raw What the shopper typed.
	 */
	private static function national_digits( string $raw ): ?string {
		$text = strtr( $raw, self::LOOKALIKES );
		$text = (string) preg_replace_callback( '/[\x{FF10}-\x{FF19}]/u', static fn( array $m ): string => (string) ( mb_ord( $m[0], 'UTF-8' ) - 0xFF10 ), $text );
		$text = trim( $text );
		if ( '' === $text || 1 !== preg_match( '/^\+?[0-9\s.\-()\/]+$/', $text ) ) {
			return null;
		}
		$digits = (string) preg_replace( '/[^0-9]/', '', $text );
		if ( str_starts_with( $text, '+' ) ) {
			if ( ! str_starts_with( $digits, '82' ) ) {
				return null;
			}
			return self::with_trunk( substr( $digits, 2 ) );
		}
		if ( str_starts_with( $digits, '0082' ) ) {
			return self::with_trunk( substr( $digits, 4 ) );
		}
		if ( str_starts_with( $digits, '82' ) ) {
			return self::with_trunk( substr( $digits, 2 ) );
		}
		return $digits;
	}

	/**
	 * Puts back the trunk 0 the international form leaves out (`10…` → `010…`); kept when the shopper wrote it
	 * anyway (`+82 010…`, `+82 (0)10…`). Company numbers have none.
	 *
	 * @param string $digits The digits after the country code.
	 */
	private static function with_trunk( string $digits ): string {
		if ( str_starts_with( $digits, '0' ) || 1 === preg_match( '/^1[568][0-9]{6}$/', $digits ) ) {
			return $digits;
		}
		return '0' . $digits;
	}

	/**
	 * Whether the text starts with Korea's country code (+82 or 0082).
	 *
	 * @param string $raw What the shopper typed.
	 */
	private static function has_korean_prefix( string $raw ): bool {
		$compact = (string) preg_replace( '/[\s\-.()]/', '', strtr( $raw, self::LOOKALIKES ) );
		return str_starts_with( $compact, '+82' ) || str_starts_with( $compact, '0082' );
	}

	/**
	 * Whether the country code is Korea's.
	 *
	 * @param string $country ISO 3166-1 alpha-2.
	 */
	private static function is_korea( string $country ): bool {
		return 'KR' === strtoupper( trim( $country ) );
	}
}
