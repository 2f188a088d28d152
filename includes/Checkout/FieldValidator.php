<?php
/**
 * Checks one submitted checkout-field value against its normalised definition.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

defined( 'ABSPATH' ) || exit;

/**
 * Sanitises and validates values the same way for the block and the classic checkout. Pure logic: errors
 * are codes, turned into translated sentences by Fields.
 */
final class FieldValidator {

	public const ERROR_REQUIRED = 'required';
	public const ERROR_PATTERN  = 'pattern';
	public const ERROR_OPTION   = 'option';
	public const ERROR_LENGTH   = 'length';

	/**
	 * The value as it will be stored: plain text (tags removed, so no markup reaches an email or a page), trimmed,
	 * with no control characters (line breaks are kept for textareas), '1' or '' for a checkbox.
	 *
	 * @param array<string, mixed> $field A normalised field.
	 * @param mixed                $value The submitted value.
	 */
	public static function sanitize( array $field, $value ): string {
		if ( 'checkbox' === $field['type'] ) {
			return self::is_checked( $value ) ? '1' : '';
		}
		if ( ! is_scalar( $value ) ) {
			return '';
		}
		// Tags only: a lone "<" or ">" in a shopper's text ("문 앞 <3") stays.
		$value = (string) preg_replace( '/<\/?[a-zA-Z!?][^>]*>/u', '', (string) $value );
		if ( 'textarea' === $field['type'] ) {
			$value = str_replace( array( "\r\n", "\r" ), "\n", $value );
			$value = (string) preg_replace( '/[^\P{C}\n]/u', '', $value );
		} else {
			$value = (string) preg_replace( '/\p{C}+/u', ' ', $value );
		}
		$value = trim( $value );
		if ( 'customs_code' === $field['key'] ) {
			$value = strtoupper( (string) preg_replace( '/[\s-]+/', '', $value ) );
		}
		return $value;
	}

	/**
	 * The error code for a sanitised value, or null when it is acceptable.
	 *
	 * @param array<string, mixed> $field A normalised field.
	 * @param string               $value A value from sanitize().
	 */
	public static function error( array $field, string $value ): ?string {
		if ( '' === $value ) {
			return $field['required'] ? self::ERROR_REQUIRED : null;
		}
		if ( mb_strlen( $value, 'UTF-8' ) > (int) $field['max_length'] ) {
			return self::ERROR_LENGTH;
		}
		if ( 'select' === $field['type'] && ! array_key_exists( $value, $field['options'] ) ) {
			return self::ERROR_OPTION;
		}
		if ( '' !== $field['pattern'] ) {
			$regex = FieldDefinition::pattern_regex( $field['pattern'] );
			if ( null === $regex || 1 !== preg_match( $regex, $value ) ) {
				return self::ERROR_PATTERN;
			}
		}
		return null;
	}

	/**
	 * Whether a submitted checkbox value means "ticked" (forms send "1"/"on", the Store API sends true).
	 *
	 * @param mixed $value Submitted value.
	 */
	private static function is_checked( $value ): bool {
		return true === $value || 1 === $value || in_array( $value, array( '1', 'on', 'yes', 'true' ), true );
	}
}
