<?php
/**
 * Runs inside WordPress Playground with Korea Checkout active and WooCommerce present, gone (taken out of the
 * active plugins, as when its folder is deleted) or too old (a stand-in class defined before WordPress loads),
 * on the PHP version the blueprint chose. Writes what the plugin did as JSON to
 * /kc-results/requirements-<scenario>.json; tests/playground/requirements.test.ts asserts on it.
 *
 * The caller sets $kc_scenario before requiring this file. Errors raised in the plugin's own files while
 * WordPress loaded were collected by the must-use plugin written from kc-error-catcher.php.
 *
 * @package KoreaCheckout
 */

defined( 'ABSPATH' ) || exit;

/**
 * What the admin notices print for a user on the Plugins screen.
 *
 * @param int $user_id User to print them for (0: a visitor).
 */
function kc_playground_admin_notices( int $user_id ): string {
	require_once ABSPATH . 'wp-admin/includes/admin.php';
	wp_set_current_user( $user_id );
	set_current_screen( 'plugins' );
	ob_start();
	do_action( 'admin_notices' );
	return trim( (string) ob_get_clean() );
}

/**
 * Loads every class, interface, trait and enum under includes/ through the plugin's autoloader, so that each
 * file is compiled on this PHP version, and names those that did not load.
 *
 * @return array{count: int, missing: array<int, string>}
 */
function kc_playground_load_every_class(): array {
	$root    = dirname( KOREA_CHECKOUT_FILE ) . '/includes/';
	$files   = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $root, FilesystemIterator::SKIP_DOTS ) );
	$count   = 0;
	$missing = array();
	foreach ( $files as $file ) {
		$relative = substr( (string) $file->getPathname(), strlen( $root ) );
		if ( 'autoload.php' === $relative || ! str_ends_with( $relative, '.php' ) ) {
			continue;
		}
		$name = 'KoreaCheckout\\' . str_replace( '/', '\\', substr( $relative, 0, -4 ) );
		++$count;
		if ( ! class_exists( $name ) && ! interface_exists( $name ) && ! trait_exists( $name ) && ! enum_exists( $name ) ) {
			$missing[] = $name;
		}
	}
	sort( $missing );
	return array(
		'count'   => $count,
		'missing' => $missing,
	);
}

/**
 * The facts of one scenario.
 *
 * @return array<string, mixed>
 */
function kc_playground_requirements_checks(): array {
	$admins = get_users(
		array(
			'role'   => 'administrator',
			'fields' => 'ID',
			'number' => 1,
		)
	);
	// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- reads which handler is in place.
	$handler = set_error_handler( static fn() => false );
	restore_error_handler();
	$routes  = rest_get_server()->get_routes();
	$classes = \KoreaCheckout\Requirements::met() ? kc_playground_load_every_class() : null;
	return array(
		'classes'          => $classes,
		'catcher_in_place' => isset( $GLOBALS['kc_playground_error_catcher'] ) && $handler === $GLOBALS['kc_playground_error_catcher'],
		'php_version'      => PHP_VERSION,
		'woocommerce'      => defined( 'WC_VERSION' ) ? WC_VERSION : null,
		'plugin_active'    => in_array( 'korea-checkout/korea-checkout.php', (array) get_option( 'active_plugins' ), true ),
		'met'              => \KoreaCheckout\Requirements::met(),
		'loaded_fired'     => did_action( 'korea_checkout_loaded' ),
		'webhook_route'    => isset( $routes['/korea-checkout/v1/webhook'] ),
		'settings_route'   => count( preg_grep( '#^/korea-checkout/v1/settings#', array_keys( $routes ) ) ) > 0,
		'notice_for_admin' => kc_playground_admin_notices( (int) ( $admins[0] ?? 0 ) ),
		'notice_for_guest' => kc_playground_admin_notices( 0 ),
		'errors_in_plugin' => $GLOBALS['kc_playground_plugin_errors'] ?? array( 'the error catcher did not load' ),
	);
}

/**
 * What WordPress answers when the plugin is switched off and on again while WooCommerce is inactive (its
 * "Requires Plugins" header); the plugin is left active afterwards, as it was.
 */
function kc_playground_reactivation(): string {
	require_once ABSPATH . 'wp-admin/includes/plugin.php';
	$plugin = 'korea-checkout/korea-checkout.php';
	deactivate_plugins( $plugin, true );
	$answer = activate_plugin( $plugin );
	if ( ! is_plugin_active( $plugin ) ) {
		update_option( 'active_plugins', array_merge( (array) get_option( 'active_plugins' ), array( $plugin ) ) );
	}
	return is_wp_error( $answer ) ? $answer->get_error_code() : 'activated';
}

$kc_scenario = isset( $kc_scenario ) && is_string( $kc_scenario ) ? $kc_scenario : 'unnamed';
try {
	$kc_requirements_facts = kc_playground_requirements_checks();
	if ( 'without-woocommerce' === $kc_scenario ) {
		$kc_requirements_facts['reactivation'] = kc_playground_reactivation();
	}
} catch ( Throwable $error ) {
	$kc_requirements_facts = array( 'error' => get_class( $error ) . ': ' . $error->getMessage() . ' at ' . $error->getFile() . ':' . $error->getLine() );
}
file_put_contents( '/kc-results/requirements-' . $kc_scenario . '.json', wp_json_encode( $kc_requirements_facts, JSON_PRETTY_PRINT ) );
