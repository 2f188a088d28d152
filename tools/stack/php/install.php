<?php
/**
 * Installs and configures the WordPress of a local stack: WordPress core, WooCommerce and Korea Checkout
 * activated, and a Korean store ready to sell. Safe to run again: every step checks before it changes.
 *
 * Usage: KC_WP_ROOT=<site> php tools/stack/php/install.php
 * Each phase runs in a process of its own (core, activate, configure, rewrite), because WordPress must be loaded anew
 * once the plugins are active. Environment: KC_WP_ROOT, KC_DB_NAME (optional), KC_ADMIN_USER,
 * KC_ADMIN_PASSWORD, KC_ADMIN_EMAIL, KC_SANDBOX_URL, KC_SANDBOX_API_KEY, KC_SANDBOX_WEBHOOK_SECRET.
 * The last line of the output is a JSON summary (pages and products).
 *
 * @package KoreaCheckout
 */

require __DIR__ . '/cli-env.php';

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
 * Activates WooCommerce, then Korea Checkout, each with its activation hooks, as an administrator would.
 */
function kc_activate_plugins(): void {
	$admin = get_user_by( 'login', kc_env( 'KC_ADMIN_USER', 'admin' ) );
	if ( $admin ) {
		wp_set_current_user( $admin->ID );
	}
	foreach ( array( 'woocommerce/woocommerce.php', 'korea-checkout/korea-checkout.php' ) as $plugin ) {
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

	$options = array(
		'blogname'                                  => 'Korea Checkout Test Store',
		'timezone_string'                           => 'Asia/Seoul',
		'permalink_structure'                       => '/%postname%/',
		'woocommerce_currency'                      => 'KRW',
		'woocommerce_currency_pos'                  => 'left',
		'woocommerce_price_num_decimals'            => '0',
		'woocommerce_price_thousand_sep'            => ',',
		'woocommerce_price_decimal_sep'             => '.',
		'woocommerce_default_country'               => 'KR',
		'woocommerce_store_address'                 => '110 Sejong-daero',
		'woocommerce_store_address_2'               => 'Jung-gu',
		'woocommerce_store_city'                    => 'Seoul',
		'woocommerce_store_postcode'                => '04524',
		'woocommerce_allowed_countries'             => 'all',
		'woocommerce_ship_to_countries'             => '',
		'woocommerce_calc_taxes'                    => 'no',
		'woocommerce_manage_stock'                  => 'yes',
		'woocommerce_enable_guest_checkout'         => 'yes',
		'woocommerce_coming_soon'                   => 'no',
		'woocommerce_store_pages_only'              => 'no',
		'woocommerce_allow_tracking'                => 'no',
		'woocommerce_show_marketplace_suggestions'  => 'no',
		'woocommerce_task_list_hidden'              => 'yes',
		'woocommerce_extended_task_list_hidden'     => 'yes',
		'woocommerce_custom_orders_table_enabled'   => 'yes',
		'woocommerce_custom_orders_table_data_sync_enabled' => 'no',
		'woocommerce_cod_settings'                  => array(
			'enabled'            => 'yes',
			'title'              => 'Cash on delivery',
			'description'        => 'Pay with cash upon delivery.',
			'instructions'       => 'Pay with cash upon delivery.',
			'enable_for_methods' => array(),
			'enable_for_virtual' => 'yes',
		),
		'woocommerce_onboarding_profile'            => array(
			'skipped'   => true,
			'completed' => true,
		),
	);
	foreach ( $options as $name => $value ) {
		update_option( $name, $value );
	}
	delete_transient( '_wc_activation_redirect' );

	$synchronizer = wc_get_container()->get( Automattic\WooCommerce\Internal\DataStores\Orders\DataSynchronizer::class );
	if ( ! $synchronizer->check_orders_table_exists() ) {
		$synchronizer->create_database_tables();
		kc_say( 'HPOS tables created' );
	}

	global $wp_rewrite;
	$wp_rewrite->init();

	kc_ensure_shipping();
	$pages    = kc_ensure_pages();
	$products = kc_ensure_products();
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
 * A shipping zone for Korea with a flat rate, so physical products can be checked out.
 */
function kc_ensure_shipping(): void {
	foreach ( WC_Shipping_Zones::get_zones() as $zone ) {
		if ( 'Korea' === $zone['zone_name'] ) {
			return;
		}
	}
	$zone = new WC_Shipping_Zone();
	$zone->set_zone_name( 'Korea' );
	$zone->add_location( 'KR', 'country' );
	$zone->save();
	$instance_id = $zone->add_shipping_method( 'flat_rate' );
	update_option(
		"woocommerce_flat_rate_{$instance_id}_settings",
		array(
			'title'      => 'Parcel delivery',
			'tax_status' => 'none',
			'cost'       => '3000',
		)
	);
	kc_say( 'shipping zone Korea with a 3,000 KRW flat rate' );
}

/**
 * The block checkout (WooCommerce's own page), a classic shortcode checkout beside it, cart, shop and account.
 *
 * @return array<string, array{id: int, url: string}>
 */
function kc_ensure_pages(): array {
	$checkout_id = (int) wc_get_page_id( 'checkout' );
	$checkout    = get_post( $checkout_id );
	if ( ! $checkout || ! has_block( 'woocommerce/checkout', $checkout ) ) {
		$checkout_id = (int) wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Checkout',
				'post_name'    => 'checkout',
				'post_content' => '<!-- wp:woocommerce/checkout --><div class="wp-block-woocommerce-checkout alignwide wc-block-checkout is-loading"></div><!-- /wp:woocommerce/checkout -->',
			)
		);
		update_option( 'woocommerce_checkout_page_id', $checkout_id );
		kc_say( 'block checkout page created' );
	}

	$classic = get_page_by_path( 'classic-checkout' );
	if ( ! $classic ) {
		wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Classic checkout',
				'post_name'    => 'classic-checkout',
				'post_content' => '<!-- wp:shortcode -->[woocommerce_checkout]<!-- /wp:shortcode -->',
			)
		);
		kc_say( 'classic checkout page created at /classic-checkout/' );
		$classic = get_page_by_path( 'classic-checkout' );
	}

	$pages = array();
	foreach ( array( 'shop', 'cart', 'checkout', 'myaccount' ) as $name ) {
		$id             = (int) wc_get_page_id( $name );
		$pages[ $name ] = array(
			'id'   => $id,
			'path' => (string) wp_parse_url( (string) get_permalink( $id ), PHP_URL_PATH ),
		);
	}
	$pages['classic_checkout'] = array(
		'id'   => (int) $classic->ID,
		'path' => '/classic-checkout/',
	);
	return $pages;
}

/**
 * Sample simple products with stock, priced in KRW; existing ones (by SKU) are left as they are.
 *
 * @return array<int, array{id: int, sku: string, name: string, price: int}>
 */
function kc_ensure_products(): array {
	$catalogue = array(
		array( 'KC-SCARF', 'Silk Hanbok Scarf', 29000, 50 ),
		array( 'KC-CUP', 'Celadon Tea Cup', 18000, 30 ),
		array( 'KC-TEA', 'Jeju Green Tea 100 g', 12000, 100 ),
		array( 'KC-NOTE', 'Hanji Notebook', 8500, 40 ),
	);
	$products  = array();
	foreach ( $catalogue as list( $sku, $name, $price, $stock ) ) {
		$id = (int) wc_get_product_id_by_sku( $sku );
		if ( 0 === $id ) {
			$product = new WC_Product_Simple();
			$product->set_name( $name );
			$product->set_sku( $sku );
			$product->set_regular_price( (string) $price );
			$product->set_manage_stock( true );
			$product->set_stock_quantity( $stock );
			$product->set_status( 'publish' );
			$product->set_description( "{$name}, a sample product of the local Korea Checkout store." );
			$id = (int) $product->save();
			kc_say( "product {$sku} created" );
		}
		$products[] = array(
			'id'    => $id,
			'sku'   => $sku,
			'name'  => $name,
			'price' => $price,
		);
	}
	return $products;
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
	$settings = (array) get_option( 'korea_checkout_settings', array() );
	$settings = array_merge(
		$settings,
		array(
			'enabled'        => true,
			'mode'           => 'sandbox',
			'api_url'        => $url,
			'api_key'        => kc_env( 'KC_SANDBOX_API_KEY' ),
			'webhook_secret' => kc_env( 'KC_SANDBOX_WEBHOOK_SECRET' ),
		)
	);
	update_option( 'korea_checkout_settings', $settings, true );
	kc_say( "Korea Checkout: sandbox mode against {$url}" );
}
