<?php
/**
 * Plugin Name: Korea Checkout test: error catcher
 * Description: Written into a Playground store by tests/playground/requirements.test.ts. Collects every PHP
 * error, warning, notice and deprecation raised in Korea Checkout's own files while WordPress loads and runs,
 * and lets PHP handle it as usual afterwards. Compile-time deprecations of files Playground already holds in its
 * OPcache file cache are not raised again, so this sees what happens at run time.
 *
 * @package KoreaCheckout
 */

defined( 'ABSPATH' ) || exit;

$GLOBALS['kc_playground_plugin_errors'] = array();
$GLOBALS['kc_playground_error_catcher'] = static function ( int $level, string $message, string $file = '', int $line = 0 ): bool {
	if ( str_contains( $file, '/plugins/korea-checkout/' ) ) {
		$GLOBALS['kc_playground_plugin_errors'][] = sprintf( '%d: %s at %s:%d', $level, $message, $file, $line );
	}
	return false;
};
set_error_handler( $GLOBALS['kc_playground_error_catcher'] ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- the point of this test plugin.
