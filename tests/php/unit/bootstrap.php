<?php
/**
 * Bootstrap of the unit layer: the plugin's pure classes without WordPress.
 *
 * Only the handful of WordPress functions that pure classes call for translation and encoding are defined here,
 * each behaving as WordPress does for an English site. Anything that needs more belongs in tests/php/integration.
 *
 * @package KoreaCheckout
 */

define( 'ABSPATH', __DIR__ . '/' );

require_once dirname( __DIR__, 3 ) . '/vendor/autoload.php';

if ( ! function_exists( '__' ) ) {
	/**
	 * English site: the text itself.
	 *
	 * @param string $text   Text.
	 * @param string $domain Text domain.
	 */
	function __( $text, $domain = 'default' ) { // phpcs:ignore
		return $text;
	}
}
if ( ! function_exists( 'esc_html__' ) ) {
	/**
	 * English site: the text, escaped.
	 *
	 * @param string $text   Text.
	 * @param string $domain Text domain.
	 */
	function esc_html__( $text, $domain = 'default' ) { // phpcs:ignore
		return htmlspecialchars( $text, ENT_QUOTES, 'UTF-8' );
	}
}
if ( ! function_exists( 'wp_json_encode' ) ) {
	/**
	 * JSON as WordPress encodes it.
	 *
	 * @param mixed $value Value.
	 * @param int   $flags Flags.
	 */
	function wp_json_encode( $value, $flags = 0 ) { // phpcs:ignore
		return json_encode( $value, $flags );
	}
}
