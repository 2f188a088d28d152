<?php
/**
 * Boots the real WordPress of a local stack for the integration tests, against a database of its own that is
 * emptied and installed afresh (WordPress, WooCommerce, Korea Checkout, the Korean store) on every run.
 *
 * Environment: KC_WP_ROOT (the stack's WordPress folder; default: KC_STACK_DIR/site, else
 * .stack/php-integration/site), KC_DB_NAME (default wordpress_test; must contain "test", because it is dropped),
 * KC_SANDBOX_URL, KC_SANDBOX_API_KEY, KC_SANDBOX_WEBHOOK_SECRET (optional: the sandbox the plugin is wired to).
 * The stack's MariaDB must be running: `npm run test:php-integration` starts it (and the sandbox) for you.
 *
 * @package KoreaCheckout
 */

// WordPress and its plugins set globals from files this script includes inside a function of PHPUnit.
// phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedVariableFound
global $wpdb, $table_prefix, $current_site, $current_blog, $wp_rewrite, $shortcode_tags, $wp, $phpmailer, $wp_theme_directories, $woocommerce;

$kc_repo = dirname( __DIR__, 3 );
require_once $kc_repo . '/vendor/autoload.php';

$kc_stack_dir = getenv( 'KC_STACK_DIR' );
$kc_wp_root   = getenv( 'KC_WP_ROOT' );
if ( false === $kc_wp_root || '' === $kc_wp_root ) {
	$kc_base    = ( false !== $kc_stack_dir && '' !== $kc_stack_dir ) ? $kc_stack_dir : '.stack/php-integration';
	$kc_wp_root = ( str_starts_with( $kc_base, '/' ) ? $kc_base : $kc_repo . '/' . $kc_base ) . '/site';
}
$kc_wp_root = rtrim( $kc_wp_root, '/' );
if ( ! is_file( $kc_wp_root . '/wp-config.php' ) ) {
	fwrite( STDERR, "No stack WordPress at {$kc_wp_root}. Run `npm run test:php-integration`, or set KC_WP_ROOT to a stack's site folder.\n" );
	exit( 1 );
}

$kc_db_name = getenv( 'KC_DB_NAME' );
if ( false === $kc_db_name || '' === $kc_db_name ) {
	$kc_db_name = 'wordpress_test';
}
if ( ! preg_match( '/^[A-Za-z0-9_]*test[A-Za-z0-9_]*$/', $kc_db_name ) ) {
	fwrite( STDERR, "KC_DB_NAME={$kc_db_name}: the integration tests drop their database, so its name must contain \"test\".\n" );
	exit( 1 );
}
putenv( 'KC_WP_ROOT=' . $kc_wp_root );
putenv( 'KC_DB_NAME=' . $kc_db_name );

if ( '1' !== getenv( 'KC_TEST_DB_READY' ) ) {
	kc_integration_reset_database( $kc_wp_root, $kc_db_name, $kc_repo );
}

// Boot WordPress in this process, as a request to the home page.
require_once $kc_repo . '/tools/stack/php/cli-env.php';
kc_stack_fake_request( $kc_wp_root );
define( 'WP_USE_THEMES', false );
require_once $kc_wp_root . '/wp-load.php';

if ( ! class_exists( 'WooCommerce' ) || ! defined( 'KOREA_CHECKOUT_FILE' ) ) {
	fwrite( STDERR, "WordPress loaded without WooCommerce or Korea Checkout active.\n" );
	exit( 1 );
}

require_once __DIR__ . '/WpDieException.php';
require_once __DIR__ . '/TestCase.php';

/**
 * Empties the test database (with the credentials of the stack's wp-config.php) and installs WordPress,
 * WooCommerce, Korea Checkout and the store into it, each install phase in a fresh PHP process. The runner
 * (`npm run test:php-integration`) does this itself before it serves the site and sets KC_TEST_DB_READY=1.
 *
 * @param string $kc_wp_root The stack's WordPress folder.
 * @param string $kc_db_name The test database.
 * @param string $kc_repo    The repository.
 */
function kc_integration_reset_database( string $kc_wp_root, string $kc_db_name, string $kc_repo ): void {
	// Empty the test database, with the credentials of the stack's wp-config.php.
	$kc_config = (string) file_get_contents( $kc_wp_root . '/wp-config.php' );
	$kc_db     = array();
	foreach ( array( 'DB_HOST', 'DB_USER', 'DB_PASSWORD' ) as $kc_name ) {
		if ( ! preg_match( "#define\\(\\s*'{$kc_name}',\\s*'([^']*)'#", $kc_config, $kc_match ) ) {
			fwrite( STDERR, "{$kc_wp_root}/wp-config.php has no {$kc_name}.\n" );
			exit( 1 );
		}
		$kc_db[ $kc_name ] = $kc_match[1];
	}
	list( , $kc_socket ) = array_pad( explode( ':', $kc_db['DB_HOST'], 2 ), 2, '' );
	// WordPress is not loaded yet (its database is what is being reset), so mysqli is the only way here.
	// phpcs:disable WordPress.DB.RestrictedFunctions
	mysqli_report( MYSQLI_REPORT_OFF );
	$kc_link = @mysqli_connect( 'localhost', $kc_db['DB_USER'], $kc_db['DB_PASSWORD'], '', 0, $kc_socket ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged
	if ( ! $kc_link ) {
		fwrite( STDERR, "Cannot reach the stack's MariaDB at {$kc_socket}: " . mysqli_connect_error() . ". Is it running? (`npm run test:php-integration` starts it.)\n" );
		exit( 1 );
	}
	mysqli_query( $kc_link, "DROP DATABASE IF EXISTS `{$kc_db_name}`" );
	mysqli_query( $kc_link, "CREATE DATABASE `{$kc_db_name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" );
	mysqli_close( $kc_link );
	// phpcs:enable WordPress.DB.RestrictedFunctions

	// Install WordPress, WooCommerce, Korea Checkout and the store, each phase in a fresh PHP process.
	foreach ( array(
		'KC_ADMIN_USER'     => 'admin',
		'KC_ADMIN_PASSWORD' => 'integration-tests',
		'KC_ADMIN_EMAIL'    => 'admin@example.com',
	) as $kc_name => $kc_value ) {
		if ( false === getenv( $kc_name ) || '' === getenv( $kc_name ) ) {
			putenv( "{$kc_name}={$kc_value}" );
		}
	}
	$kc_started = microtime( true );
	exec( escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( $kc_repo . '/tools/stack/php/install.php' ) . ' 2>&1', $kc_output, $kc_status );
	if ( 0 !== $kc_status ) {
		fwrite( STDERR, "Installing the test site failed:\n" . implode( "\n", $kc_output ) . "\n" );
		exit( 1 );
	}
	fwrite( STDOUT, sprintf( "Test site installed in database %s in %.1f s (%s)\n", $kc_db_name, microtime( true ) - $kc_started, $kc_wp_root ) );
}
