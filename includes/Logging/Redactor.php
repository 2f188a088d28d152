<?php
/**
 * Removes keys, secrets and personal data from what is about to be logged.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Logging;

defined( 'ABSPATH' ) || exit;

/**
 * Pure functions: a message or a context array in, the same with every secret and personal detail replaced.
 */
final class Redactor {

	public const MASK = '[redacted]';

	/**
	 * Context keys whose whole value is replaced (compared lower-case, without `_`, `-` and spaces).
	 */
	private const SENSITIVE_KEYS = array(
		'apikey',
		'xapikey',
		'authorization',
		'webhooksecret',
		'secret',
		'signature',
		'xkoreacheckoutsignature',
		'password',
		'orderkey',
		'key',
		'name',
		'firstname',
		'lastname',
		'fullname',
		'customername',
		'billingname',
		'shippingname',
		'accountholder',
		'email',
		'billingemail',
		'customeremail',
		'phone',
		'billingphone',
		'shippingphone',
		'customerphone',
		'address',
		'address1',
		'address2',
		'billingaddress1',
		'billingaddress2',
		'shippingaddress1',
		'shippingaddress2',
		'accountnumber',
	);

	/**
	 * Endings of context keys that always name personal data (`billing_first_name`, `customer_email`, ...).
	 */
	private const SENSITIVE_SUFFIXES = array( 'firstname', 'lastname', 'fullname', 'email', 'phone', 'address1', 'address2' );

	/**
	 * Patterns found inside any text, with what replaces them.
	 */
	private const PATTERNS = array(
		'/\bsk_(?:test|live)_[A-Za-z0-9]+/' => 'sk_***',
		'/\bwhsec_\S+/'                     => 'whsec_***',
		'/[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}/' => '[email]',
		'/(?<![\w.])\+?\d{1,3}[\s\-]?\(?\d{2,4}\)?[\s\-]\d{3,4}[\s\-]\d{4}(?!\w|\.\d)/' => '[phone]',
		'/(?<![\w.])(?:\+?82[\s\-]?)?0?1[016789][\s\-]?\d{3,4}[\s\-]?\d{4}(?!\w|\.\d)/' => '[phone]',
		'/(?<![\w.])\(?0\d{1,2}\)?[\s\-]?\d{3,4}[\s\-]\d{4}(?!\w|\.\d)/' => '[phone]',
	);

	/**
	 * A message with keys, secrets, emails and phone numbers replaced.
	 *
	 * @param string $text Any text.
	 */
	public static function text( string $text ): string {
		return (string) preg_replace( array_keys( self::PATTERNS ), array_values( self::PATTERNS ), $text );
	}

	/**
	 * A context array with sensitive keys masked and every string value run through text(), at any depth.
	 *
	 * @param array<mixed> $context Log context.
	 * @return array<mixed>
	 */
	public static function context( array $context ): array {
		$clean = array();
		foreach ( $context as $key => $value ) {
			if ( is_string( $key ) && self::is_sensitive_key( $key ) ) {
				// An empty value stays visible: "the email was empty" is useful and reveals nothing.
				$clean[ $key ] = ( null === $value || '' === $value ) ? $value : self::MASK;
				continue;
			}
			$clean[ $key ] = self::value( $value );
		}
		return $clean;
	}

	/**
	 * Whether a context key names a secret or a personal detail.
	 *
	 * @param string $key Context key.
	 */
	public static function is_sensitive_key( string $key ): bool {
		$normal = strtolower( str_replace( array( '_', '-', ' ' ), '', $key ) );
		if ( in_array( $normal, self::SENSITIVE_KEYS, true ) ) {
			return true;
		}
		foreach ( self::SENSITIVE_SUFFIXES as $suffix ) {
			if ( str_ends_with( $normal, $suffix ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * One value, cleaned by its type.
	 *
	 * @param mixed $value Any value.
	 * @return mixed
	 */
	private static function value( $value ) {
		if ( is_string( $value ) ) {
			return self::text( $value );
		}
		if ( is_array( $value ) ) {
			return self::context( $value );
		}
		if ( is_object( $value ) ) {
			return self::context( (array) json_decode( (string) json_encode( $value ), true ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- pure class, runs without WordPress.
		}
		return $value;
	}
}
