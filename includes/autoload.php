<?php
/**
 * Class loading: Composer's autoloader when the plugin was installed with it, else a PSR-4 loader of our own
 * so that the distributed zip works without Composer.
 *
 * @package KoreaCheckout
 */

defined( 'ABSPATH' ) || exit;

if ( is_readable( dirname( __DIR__ ) . '/vendor/autoload.php' ) ) {
	require_once dirname( __DIR__ ) . '/vendor/autoload.php';
}

spl_autoload_register(
	static function ( string $class_name ): void {
		$prefix = 'KoreaCheckout\\';
		if ( ! str_starts_with( $class_name, $prefix ) ) {
			return;
		}
		$relative = str_replace( '\\', '/', substr( $class_name, strlen( $prefix ) ) );
		$file     = __DIR__ . '/' . $relative . '.php';
		if ( is_readable( $file ) ) {
			require_once $file;
		}
	}
);
