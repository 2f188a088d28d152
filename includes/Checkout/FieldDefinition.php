<?php
/**
 * Turns what themes hand to `korea_checkout_fields` into field definitions both checkouts can use.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

defined( 'ABSPATH' ) || exit;

/**
 * Normalises one raw field array, reporting (not throwing) what is wrong with it. Pure logic, no WordPress.
 *
 * A normalised field has: `key` (a-z, 0-9, `_`, `-`), `type` (text|select|checkbox|textarea), `label`,
 * `required` (bool), `placeholder`, `options` (value => label, select only), `pattern` (an HTML `pattern`
 * attribute, anchored at both ends like the browser does), `max_length` and `location` (order|contact).
 */
final class FieldDefinition {

	public const TYPES     = array( 'text', 'select', 'checkbox', 'textarea' );
	public const LOCATIONS = array( 'order', 'contact' );

	/**
	 * Longest value accepted for a text field; textareas get four times as much.
	 */
	public const TEXT_MAX_LENGTH = 200;

	/**
	 * The normalised field, or a string saying why it cannot be used.
	 *
	 * @param int|string $key   The key in the filtered array.
	 * @param mixed      $raw   The field as given.
	 * @return array<string, mixed>|string
	 */
	public static function normalize( $key, $raw ) {
		$clean_key = strtolower( (string) preg_replace( '/[^A-Za-z0-9_-]/', '', (string) $key ) );
		if ( '' === $clean_key || is_int( $key ) || strtolower( (string) $key ) !== $clean_key ) {
			return sprintf( 'Field "%s": the key must use only letters, digits, "_" and "-".', (string) $key );
		}
		if ( ! is_array( $raw ) ) {
			return sprintf( 'Field "%s": the definition must be an array.', $clean_key );
		}
		$type = isset( $raw['type'] ) ? strtolower( (string) $raw['type'] ) : 'text';
		if ( ! in_array( $type, self::TYPES, true ) ) {
			return sprintf( 'Field "%s": type "%s" is not one of %s.', $clean_key, $type, implode( ', ', self::TYPES ) );
		}
		$label = isset( $raw['label'] ) && is_scalar( $raw['label'] ) ? trim( (string) $raw['label'] ) : '';
		if ( '' === $label ) {
			return sprintf( 'Field "%s": a label is required.', $clean_key );
		}
		$options = 'select' === $type ? self::normalize_options( $raw['options'] ?? null ) : array();
		if ( 'select' === $type && array() === $options ) {
			return sprintf( 'Field "%s": a select needs a non-empty "options" array.', $clean_key );
		}
		$pattern = isset( $raw['pattern'] ) && is_string( $raw['pattern'] ) ? $raw['pattern'] : '';
		if ( '' !== $pattern && ( 'checkbox' === $type || 'select' === $type || null === self::pattern_regex( $pattern ) ) ) {
			return sprintf( 'Field "%s": the pattern is not a valid regular expression for a text field.', $clean_key );
		}
		$location    = isset( $raw['location'] ) && in_array( $raw['location'], self::LOCATIONS, true ) ? $raw['location'] : 'order';
		$default_max = 'textarea' === $type ? 4 * self::TEXT_MAX_LENGTH : self::TEXT_MAX_LENGTH;
		$max_length  = isset( $raw['max_length'] ) && is_numeric( $raw['max_length'] ) ? max( 1, min( (int) $raw['max_length'], $default_max ) ) : $default_max;

		return array(
			'key'         => $clean_key,
			'type'        => $type,
			'label'       => $label,
			'required'    => ! empty( $raw['required'] ),
			'placeholder' => isset( $raw['placeholder'] ) && is_scalar( $raw['placeholder'] ) ? trim( (string) $raw['placeholder'] ) : '',
			'options'     => $options,
			'pattern'     => $pattern,
			'max_length'  => $max_length,
			'location'    => $location,
		);
	}

	/**
	 * Select options as value => label, from either shape themes use: `[ 'value' => 'Label' ]` (classic
	 * WooCommerce) or `[ [ 'value' => 'v', 'label' => 'Label' ] ]` (block checkout).
	 *
	 * @param mixed $raw The options as given.
	 * @return array<string, string>
	 */
	public static function normalize_options( $raw ): array {
		if ( ! is_array( $raw ) ) {
			return array();
		}
		$options = array();
		foreach ( $raw as $value => $label ) {
			if ( is_array( $label ) ) {
				if ( ! isset( $label['value'], $label['label'] ) || ! is_scalar( $label['value'] ) || ! is_scalar( $label['label'] ) ) {
					continue;
				}
				$value = $label['value'];
				$label = $label['label'];
			}
			if ( ! is_scalar( $label ) ) {
				continue;
			}
			$value = trim( (string) $value );
			if ( '' === $value || isset( $options[ $value ] ) ) {
				continue;
			}
			$options[ $value ] = trim( (string) $label );
		}
		return $options;
	}

	/**
	 * The PCRE for an HTML pattern attribute (anchored, Unicode), or null when it does not compile.
	 *
	 * @param string $pattern The pattern as written for the `pattern` attribute, e.g. `P[0-9]{12}`.
	 */
	public static function pattern_regex( string $pattern ): ?string {
		$regex = '/^(?:' . str_replace( '/', '\/', $pattern ) . ')$/u';
		// phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a theme's bad pattern must not print a warning into the page.
		return false === @preg_match( $regex, '' ) ? null : $regex;
	}
}
