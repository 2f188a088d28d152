<?php
/**
 * The whitelist for CSS custom properties that themes hand to `korea_checkout_css_vars`.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Theme;

defined( 'ABSPATH' ) || exit;

/**
 * Decides which custom properties are safe to print inside one CSS rule and to pass to the hosted page.
 *
 * Pure logic, no WordPress: a value is kept only when it cannot end the declaration or the rule, open a
 * comment or a string, escape a character, or make the browser fetch anything.
 */
final class CssValueFilter {

	/**
	 * What a property name must look like: a custom property, short, lower case.
	 */
	public const NAME_PATTERN = '/^--[a-z0-9-]{1,40}$/';

	/**
	 * The longest value kept.
	 */
	public const MAX_VALUE_LENGTH = 200;

	/**
	 * The only characters a value may contain: enough for colours, lengths, font stacks, calc() and shadows.
	 */
	private const VALUE_CHARSET = '/^[a-zA-Z0-9#%.,()\s\/+*_-]+$/';

	/**
	 * Functions and tokens that fetch resources or run code (checked case-insensitively, spaces removed).
	 */
	private const FORBIDDEN_TOKENS = array( 'url(', 'image(', 'image-set(', 'cross-fade(', 'element(', 'src(', 'expression(', 'javascript', '@import', 'var(', 'env(', 'attr(' );

	/**
	 * The safe subset of the given properties, names and values trimmed.
	 *
	 * @param mixed $vars What a filter returned: expected to be an array keyed by property name.
	 * @return array<string, string>
	 */
	public static function filter( $vars ): array {
		if ( ! is_array( $vars ) ) {
			return array();
		}
		$safe = array();
		foreach ( $vars as $name => $value ) {
			$name = is_string( $name ) ? trim( $name ) : '';
			if ( ! self::is_valid_name( $name ) ) {
				continue;
			}
			$value = self::clean_value( $value );
			if ( null !== $value ) {
				$safe[ $name ] = $value;
			}
		}
		return $safe;
	}

	/**
	 * Whether the name is a custom property we accept.
	 *
	 * @param string $name Property name, e.g. `--primary-color`.
	 */
	public static function is_valid_name( string $name ): bool {
		return 1 === preg_match( self::NAME_PATTERN, $name );
	}

	/**
	 * The trimmed value when it is safe, else null.
	 *
	 * @param mixed $value A value from the filter: strings and numbers are considered, anything else is dropped.
	 */
	public static function clean_value( $value ): ?string {
		if ( is_int( $value ) || is_float( $value ) ) {
			$value = (string) $value;
		}
		if ( ! is_string( $value ) ) {
			return null;
		}
		$value = trim( $value );
		if ( '' === $value || strlen( $value ) > self::MAX_VALUE_LENGTH ) {
			return null;
		}
		if ( 1 !== preg_match( self::VALUE_CHARSET, $value ) ) {
			return null;
		}
		if ( str_contains( $value, '/*' ) || str_contains( $value, '*/' ) ) {
			return null;
		}
		$compact = strtolower( (string) preg_replace( '/\s+/', '', $value ) );
		foreach ( self::FORBIDDEN_TOKENS as $token ) {
			if ( str_contains( $compact, $token ) ) {
				return null;
			}
		}
		if ( ! self::brackets_nest( $value ) ) {
			return null;
		}
		return (string) preg_replace( '/\s+/', ' ', $value );
	}

	/**
	 * Whether every `)` closes an earlier `(` and every `(` is closed: `x)(` has as many of each and still
	 * closes something it never opened.
	 *
	 * @param string $value A value.
	 */
	private static function brackets_nest( string $value ): bool {
		$depth = 0;
		foreach ( str_split( $value ) as $char ) {
			if ( '(' === $char ) {
				++$depth;
			} elseif ( ')' === $char && --$depth < 0 ) {
				return false;
			}
		}
		return 0 === $depth;
	}

	/**
	 * One CSS rule declaring the properties on the selector. Values must come from filter().
	 *
	 * @param string                $selector A selector of ours, e.g. `.korea-checkout-ui`.
	 * @param array<string, string> $vars     Safe properties.
	 */
	public static function to_rule( string $selector, array $vars ): string {
		if ( array() === $vars ) {
			return '';
		}
		$declarations = array();
		foreach ( $vars as $name => $value ) {
			$declarations[] = $name . ':' . $value;
		}
		return $selector . '{' . implode( ';', $declarations ) . '}';
	}
}
