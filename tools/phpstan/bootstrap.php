<?php
/**
 * Constants that WordPress and the plugin's main file define at run time, for PHPStan's analysis.
 *
 * @package KoreaCheckout
 */

define( 'ABSPATH', '/tmp/wordpress/' );
define( 'WPINC', 'wp-includes' );
define( 'WP_DEBUG', false );
define( 'KOREA_CHECKOUT_VERSION', '0.0.0' );
define( 'KOREA_CHECKOUT_FILE', dirname( __DIR__, 2 ) . '/korea-checkout.php' );
define( 'KOREA_CHECKOUT_PATH', dirname( __DIR__, 2 ) . '/' );
define( 'KOREA_CHECKOUT_URL', 'http://localhost/' );
define( 'KOREA_CHECKOUT_MIN_WC_VERSION', '9.0' );
define( 'MINUTE_IN_SECONDS', 60 );
define( 'HOUR_IN_SECONDS', 3600 );
define( 'DAY_IN_SECONDS', 86400 );
define( 'WEEK_IN_SECONDS', 604800 );
define( 'MONTH_IN_SECONDS', 2592000 );
define( 'YEAR_IN_SECONDS', 31536000 );
define( 'WP_CONTENT_DIR', ABSPATH . 'wp-content' );
define( 'WP_PLUGIN_DIR', WP_CONTENT_DIR . '/plugins' );
define( 'OBJECT', 'OBJECT' );
define( 'OBJECT_K', 'OBJECT_K' );
define( 'ARRAY_A', 'ARRAY_A' );
define( 'ARRAY_N', 'ARRAY_N' );
