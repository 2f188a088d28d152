<?php
/**
 * The local Korean store, in one place for both ways of running it: `npm start` (WordPress Playground,
 * tools/start/store-setup.php) and the native stack of the tests (tools/stack/php/install.php). Only
 * functions: the callers load WordPress and WooCommerce first, then call them. Every step checks before
 * it changes, so running it again changes nothing.
 *
 * @package KoreaCheckout
 */

/**
 * WordPress and WooCommerce options of a store selling in won to Korea: KRW without decimals, guest
 * checkout, no taxes, stock managed, HPOS, Cash on delivery beside Korea Checkout for comparisons.
 *
 * @param string $name The store's name.
 * @return array<string, mixed>
 */
function kc_store_options( string $name ): array {
	return array(
		'blogname'                                          => $name,
		'timezone_string'                                   => 'Asia/Seoul',
		'permalink_structure'                               => '/%postname%/',
		'woocommerce_currency'                              => 'KRW',
		'woocommerce_currency_pos'                          => 'left',
		'woocommerce_price_num_decimals'                    => '0',
		'woocommerce_price_thousand_sep'                    => ',',
		'woocommerce_price_decimal_sep'                     => '.',
		'woocommerce_default_country'                       => 'KR',
		'woocommerce_store_address'                         => '110 Sejong-daero',
		'woocommerce_store_address_2'                       => 'Jung-gu',
		'woocommerce_store_city'                            => 'Seoul',
		'woocommerce_store_postcode'                        => '04524',
		'woocommerce_allowed_countries'                     => 'all',
		'woocommerce_ship_to_countries'                     => '',
		'woocommerce_calc_taxes'                            => 'no',
		'woocommerce_manage_stock'                          => 'yes',
		'woocommerce_enable_guest_checkout'                 => 'yes',
		'woocommerce_coming_soon'                           => 'no',
		'woocommerce_store_pages_only'                      => 'no',
		'woocommerce_allow_tracking'                        => 'no',
		'woocommerce_show_marketplace_suggestions'          => 'no',
		'woocommerce_task_list_hidden'                      => 'yes',
		'woocommerce_extended_task_list_hidden'             => 'yes',
		'woocommerce_custom_orders_table_enabled'           => 'yes',
		'woocommerce_custom_orders_table_data_sync_enabled' => 'no',
		'woocommerce_gateway_order'                         => array(
			'korea_checkout' => 0,
			'cod'            => 1,
		),
		'woocommerce_cod_settings'                          => array(
			'enabled'            => 'yes',
			'title'              => 'Cash on delivery',
			'description'        => 'Pay with cash upon delivery.',
			'instructions'       => 'Pay with cash upon delivery.',
			'enable_for_methods' => array(),
			'enable_for_virtual' => 'yes',
		),
		'woocommerce_onboarding_profile'                    => array(
			'skipped'   => true,
			'completed' => true,
		),
	);
}

/**
 * Writes the store's options.
 *
 * @param string $name The store's name.
 */
function kc_store_apply_options( string $name ): void {
	foreach ( kc_store_options( $name ) as $option => $value ) {
		update_option( $option, $value );
	}
	delete_transient( '_wc_activation_redirect' );
}

/**
 * A shipping zone for Korea with a 3,000 won flat rate, so that physical products can be checked out.
 *
 * @return bool Whether it was created now.
 */
function kc_store_ensure_shipping(): bool {
	foreach ( WC_Shipping_Zones::get_zones() as $zone ) {
		if ( 'Korea' === $zone['zone_name'] ) {
			return false;
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
	return true;
}

/**
 * The block checkout on WooCommerce's checkout page and a classic shortcode checkout at /classic-checkout/.
 *
 * @return array<string, array{id: int, path: string}> shop, cart, checkout, myaccount and classic_checkout.
 */
function kc_store_ensure_pages(): array {
	$checkout_id = (int) wc_get_page_id( 'checkout' );
	$checkout    = $checkout_id > 0 ? get_post( $checkout_id ) : null;
	if ( ! $checkout ) {
		$checkout_id = (int) wp_insert_post(
			array(
				'post_type'   => 'page',
				'post_status' => 'publish',
				'post_title'  => 'Checkout',
				'post_name'   => 'checkout',
			)
		);
		update_option( 'woocommerce_checkout_page_id', $checkout_id );
	}
	if ( ! has_block( 'woocommerce/checkout', (string) get_post_field( 'post_content', $checkout_id ) ) ) {
		wp_update_post(
			array(
				'ID'           => $checkout_id,
				'post_content' => '<!-- wp:woocommerce/checkout --><div class="wp-block-woocommerce-checkout alignwide wc-block-checkout is-loading"></div><!-- /wp:woocommerce/checkout -->',
			)
		);
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
		'id'   => $classic ? (int) $classic->ID : 0,
		'path' => '/classic-checkout/',
	);
	return $pages;
}

/**
 * The sample catalogue: simple products priced in won, with stock. Existing ones (by SKU) are left alone.
 *
 * @return array<int, array{id: int, sku: string, name: string, price: int, created: bool}>
 */
function kc_store_ensure_products(): array {
	$catalogue = array(
		array( 'KC-SCARF', 'Silk Hanbok Scarf', 29000, 50 ),
		array( 'KC-CUP', 'Celadon Tea Cup', 18000, 30 ),
		array( 'KC-TEA', 'Jeju Green Tea 100 g', 12000, 100 ),
		array( 'KC-NOTE', 'Hanji Notebook', 8500, 40 ),
	);
	$products  = array();
	foreach ( $catalogue as list( $sku, $name, $price, $stock ) ) {
		$id      = (int) wc_get_product_id_by_sku( $sku );
		$created = 0 === $id;
		if ( $created ) {
			$product = new WC_Product_Simple();
			$product->set_name( $name );
			$product->set_sku( $sku );
			$product->set_regular_price( (string) $price );
			$product->set_manage_stock( true );
			$product->set_stock_quantity( $stock );
			$product->set_status( 'publish' );
			$product->set_description( "{$name}, a sample product of the local Korea Checkout store." );
			$id = (int) $product->save();
		}
		$products[] = array(
			'id'      => $id,
			'sku'     => $sku,
			'name'    => $name,
			'price'   => $price,
			'created' => $created,
		);
	}
	return $products;
}

/**
 * Korea Checkout enabled in sandbox mode against a local sandbox, keeping any other setting already saved.
 *
 * @param string $api_url        The sandbox's URL.
 * @param string $api_key        Its pinned sk_test_ key.
 * @param string $webhook_secret Its pinned whsec_ secret.
 */
function kc_store_connect_sandbox( string $api_url, string $api_key, string $webhook_secret ): void {
	$settings = (array) get_option( 'korea_checkout_settings', array() );
	$settings = array_merge(
		$settings,
		array(
			'enabled'        => true,
			'mode'           => 'sandbox',
			'api_url'        => $api_url,
			'api_key'        => $api_key,
			'webhook_secret' => $webhook_secret,
		)
	);
	update_option( 'korea_checkout_settings', $settings, true );
}
