<?php
/**
 * Installs and configures the WordPress of a local stack: WordPress core, WooCommerce and Korea Checkout
 * activated, and a Korean store ready to sell. Safe to run again: every step checks before it changes.
 *
 * Usage: KC_WP_ROOT=<site> php tools/stack/php/install.php
 * Each phase runs in a process of its own (core, activate, configure, rewrite), because WordPress must be loaded anew
 * once the plugins are active. Environment: KC_WP_ROOT, KC_DB_NAME (optional), KC_ADMIN_USER,
 * KC_ADMIN_PASSWORD, KC_ADMIN_EMAIL, KC_SANDBOX_URL, KC_SANDBOX_API_KEY, KC_SANDBOX_WEBHOOK_SECRET,
 * KC_OBJECT_CACHE (redis|none).
 * The last line of the output is a JSON summary (pages and products).
 *
 * @package KoreaCheckout
 */

require __DIR__ . '/cli-env.php';
require __DIR__ . '/../../store/korea-store.php';

$kc_phase = $argv[1] ?? 'all';

if ( 'all' === $kc_phase ) {
	foreach ( array( 'core', 'activate', 'configure', 'rewrite' ) as $kc_step ) {
		passthru( escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( __FILE__ ) . ' ' . $kc_step, $kc_status );
		if ( 0 !== $kc_status ) {
			fwrite( STDERR, "install.php: phase {$kc_step} failed (exit {$kc_status})\n" );
			exit( 1 );
		}
	}
	exit( 0 );
}

$kc_root = kc_stack_wp_root();
kc_stack_fake_request( $kc_root );

if ( 'core' === $kc_phase ) {
	define( 'WP_INSTALLING', true );
}

require $kc_root . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

// The local stack sends no mail (no sendmail here): the welcome e-mail of wp_install() is dropped.
add_filter( 'pre_wp_mail', '__return_true' );

/**
 * An environment value or a default.
 *
 * @param string $name     Variable name.
 * @param string $fallback Default.
 */
function kc_env( string $name, string $fallback = '' ): string {
	$value = getenv( $name );
	return ( false === $value || '' === $value ) ? $fallback : $value;
}

/**
 * Prints one progress line.
 *
 * @param string $message What happened.
 */
function kc_say( string $message ): void {
	fwrite( STDOUT, '  ' . $message . "\n" );
}

switch ( $kc_phase ) {
	case 'core':
		kc_install_core();
		break;
	case 'activate':
		kc_activate_plugins();
		break;
	case 'configure':
		kc_configure_store();
		break;
	case 'rewrite':
		// A process of its own, with WooCommerce loaded from the start, so that its endpoints (order-received,
		// order-pay, My Account) are in the rules. Flushed inside the configure phase they were missing and
		// /checkout/order-received/N/ answered 404. Prints nothing: configure's summary stays the last line.
		flush_rewrite_rules( false );
		break;
	default:
		fwrite( STDERR, "install.php: unknown phase {$kc_phase}\n" );
		exit( 2 );
}

/**
 * Installs WordPress core once and keeps the admin's password in step with the stack's credentials.
 */
function kc_install_core(): void {
	$user     = kc_env( 'KC_ADMIN_USER', 'admin' );
	$password = kc_env( 'KC_ADMIN_PASSWORD' );
	$email    = kc_env( 'KC_ADMIN_EMAIL', 'admin@example.com' );
	if ( '' === $password ) {
		fwrite( STDERR, "install.php: KC_ADMIN_PASSWORD is required\n" );
		exit( 2 );
	}
	if ( ! is_blog_installed() ) {
		wp_install( 'Korea Checkout Test Store', $user, $email, true, '', wp_slash( $password ), 'en_US' );
		kc_say( 'WordPress installed' );
	} else {
		kc_say( 'WordPress already installed' );
	}
	// Pretty permalinks from the start, so that the later phases register WooCommerce's rewrite rules with them.
	update_option( 'permalink_structure', '/%postname%/' );
	$account = get_user_by( 'login', $user );
	if ( $account && ! wp_check_password( $password, $account->user_pass, $account->ID ) ) {
		wp_set_password( $password, $account->ID );
		kc_say( "password of {$user} reset to the stack's" );
	}
}

/**
 * Activates WooCommerce, then Korea Checkout, each with its activation hooks, as an administrator would; with
 * KC_OBJECT_CACHE=redis also Redis Object Cache (whose drop-in the stack put in place), else it is deactivated.
 */
function kc_activate_plugins(): void {
	$admin = get_user_by( 'login', kc_env( 'KC_ADMIN_USER', 'admin' ) );
	if ( $admin ) {
		wp_set_current_user( $admin->ID );
	}
	$plugins = array( 'woocommerce/woocommerce.php', 'korea-checkout/korea-checkout.php' );
	if ( 'redis' === kc_env( 'KC_OBJECT_CACHE', 'none' ) ) {
		$plugins[] = 'redis-cache/redis-cache.php';
	} elseif ( is_plugin_active( 'redis-cache/redis-cache.php' ) ) {
		deactivate_plugins( 'redis-cache/redis-cache.php', true );
		kc_say( 'redis-cache/redis-cache.php deactivated (no object cache)' );
	}
	foreach ( $plugins as $plugin ) {
		if ( is_plugin_active( $plugin ) ) {
			kc_say( "{$plugin} already active" );
			continue;
		}
		$result = activate_plugin( $plugin, '', false, true );
		if ( is_wp_error( $result ) ) {
			fwrite( STDERR, "install.php: could not activate {$plugin}: " . $result->get_error_message() . "\n" );
			exit( 1 );
		}
		kc_say( "{$plugin} activated" );
	}
}

/**
 * Configures the store: KRW, Korea, pages, products, payments, HPOS, permalinks, the plugin's sandbox settings.
 */
function kc_configure_store(): void {
	if ( ! class_exists( 'WooCommerce' ) ) {
		fwrite( STDERR, "install.php: WooCommerce is not loaded after activation\n" );
		exit( 1 );
	}
	if ( get_option( 'woocommerce_version' ) !== WC()->version || ! get_option( 'woocommerce_checkout_page_id' ) ) {
		WC_Install::install();
		kc_say( 'WooCommerce installed (tables, roles, pages)' );
	}

	kc_store_apply_options( 'Korea Checkout Test Store' );

	$synchronizer = wc_get_container()->get( Automattic\WooCommerce\Internal\DataStores\Orders\DataSynchronizer::class );
	if ( ! $synchronizer->check_orders_table_exists() ) {
		$synchronizer->create_database_tables();
		kc_say( 'HPOS tables created' );
	}

	global $wp_rewrite;
	$wp_rewrite->init();

	if ( kc_store_ensure_shipping() ) {
		kc_say( 'shipping zone Korea with a 3,000 KRW flat rate' );
	}
	$pages    = kc_store_ensure_pages();
	$products = array();
	foreach ( kc_store_ensure_products() as $product ) {
		if ( $product['created'] ) {
			kc_say( "product {$product['sku']} created" );
		}
		unset( $product['created'] );
		$products[] = $product;
	}
	kc_configure_plugin();

	flush_rewrite_rules( false );

	kc_say( 'store configured: KRW (0 decimals), KR, HPOS on, Cash on delivery on, pretty permalinks' );
	fwrite(
		STDOUT,
		wp_json_encode(
			array(
				'pages'    => $pages,
				'products' => $products,
			)
		) . "\n"
	);
}

/**
 * Korea Checkout in sandbox mode, wired to the stack's sandbox, when the stack passes its URL and keys.
 */
function kc_configure_plugin(): void {
	$url = kc_env( 'KC_SANDBOX_URL' );
	if ( '' === $url ) {
		kc_say( 'Korea Checkout settings left as they are (no KC_SANDBOX_URL)' );
		return;
	}
	kc_store_connect_sandbox( $url, kc_env( 'KC_SANDBOX_API_KEY' ), kc_env( 'KC_SANDBOX_WEBHOOK_SECRET' ) );
	kc_say( "Korea Checkout: sandbox mode against {$url}" );
}
