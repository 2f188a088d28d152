<?php
/**
 * Makes a fresh WordPress + WooCommerce ready to sell for `npm start`: KRW without decimals, Korea as the
 * store country, a shipping zone, sample products with stock, the block checkout and a classic-checkout
 * page, and Korea Checkout in sandbox mode wired to the local sandbox.
 *
 * Run by the Playground blueprint after wp-load.php, as korea_checkout_playground_setup( $config ).
 *
 * @package KoreaCheckout
 */

defined( 'ABSPATH' ) || exit;

/**
 * Sets up the store.
 *
 * @param array<string, string> $config Keys: sandbox_url, api_key, webhook_secret.
 */
function korea_checkout_playground_setup( array $config ): void {
	$options = array(
		'blogname'                                => 'Korea Checkout Demo Store',
		'permalink_structure'                     => '/%postname%/',
		'woocommerce_currency'                    => 'KRW',
		'woocommerce_currency_pos'                => 'left',
		'woocommerce_price_num_decimals'          => '0',
		'woocommerce_price_thousand_sep'          => ',',
		'woocommerce_price_decimal_sep'           => '.',
		'woocommerce_default_country'             => 'KR',
		'woocommerce_store_address'               => '123 Teheran-ro',
		'woocommerce_store_city'                  => 'Seoul',
		'woocommerce_store_postcode'              => '06234',
		'woocommerce_calc_taxes'                  => 'no',
		'woocommerce_coming_soon'                 => 'no',
		'woocommerce_store_pages_only'            => 'no',
		'woocommerce_onboarding_profile'          => array( 'skipped' => true ),
		'woocommerce_task_list_hidden'            => 'yes',
		'woocommerce_show_marketplace_suggestions' => 'no',
		'woocommerce_allow_tracking'              => 'no',
		'woocommerce_enable_guest_checkout'       => 'yes',
		'woocommerce_cod_settings'                => array(
			'enabled'     => 'yes',
			'title'       => 'Cash on delivery',
			'description' => 'Pay with cash upon delivery.',
		),
	);
	// Korea Checkout first among the payment methods, Cash on delivery beside it for comparisons.
	$options['woocommerce_gateway_order'] = array(
		'korea_checkout' => 0,
		'cod'            => 1,
	);
	foreach ( $options as $name => $value ) {
		update_option( $name, $value );
	}
	flush_rewrite_rules();

	WC_Install::create_pages();
	korea_checkout_playground_block_checkout();
	korea_checkout_playground_classic_checkout();
	korea_checkout_playground_shipping();
	korea_checkout_playground_products();

	update_option(
		'korea_checkout_settings',
		array(
			'enabled'        => true,
			'mode'           => 'sandbox',
			'api_url'        => $config['sandbox_url'],
			'api_key'        => $config['api_key'],
			'webhook_secret' => $config['webhook_secret'],
			'address_search' => true,
		)
	);
}

/**
 * Makes sure WooCommerce's checkout page holds the checkout block (older installs get the shortcode).
 */
function korea_checkout_playground_block_checkout(): void {
	$page_id = wc_get_page_id( 'checkout' );
	$content = (string) get_post_field( 'post_content', $page_id );
	if ( $page_id > 0 && ! has_block( 'woocommerce/checkout', $content ) ) {
		wp_update_post(
			array(
				'ID'           => $page_id,
				'post_content' => '<!-- wp:woocommerce/checkout /-->',
			)
		);
	}
}

/**
 * A second checkout page with the classic shortcode, at /classic-checkout/.
 */
function korea_checkout_playground_classic_checkout(): void {
	if ( get_page_by_path( 'classic-checkout' ) ) {
		return;
	}
	wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_title'   => 'Classic checkout',
			'post_name'    => 'classic-checkout',
			'post_content' => '<!-- wp:shortcode -->[woocommerce_checkout]<!-- /wp:shortcode -->',
		)
	);
}

/**
 * One zone for Korea with a flat-rate parcel delivery of 3,000 won.
 */
function korea_checkout_playground_shipping(): void {
	if ( count( WC_Shipping_Zones::get_zones() ) > 0 ) {
		return;
	}
	$zone = new WC_Shipping_Zone();
	$zone->set_zone_name( 'Korea' );
	$zone->add_location( 'KR', 'country' );
	$zone->save();
	$instance_id = $zone->add_shipping_method( 'flat_rate' );
	update_option(
		'woocommerce_flat_rate_' . $instance_id . '_settings',
		array(
			'title'      => 'Parcel delivery',
			'tax_status' => 'none',
			'cost'       => '3000',
		)
	);
}

/**
 * Three products with prices in won and stock.
 */
function korea_checkout_playground_products(): void {
	$products = array(
		array( 'Jeju Green Tea', 'jeju-green-tea', 15000 ),
		array( 'Hanji Notebook', 'hanji-notebook', 8900 ),
		array( 'White Porcelain Mug', 'white-porcelain-mug', 32000 ),
	);
	foreach ( $products as list( $name, $sku, $price ) ) {
		if ( wc_get_product_id_by_sku( $sku ) ) {
			continue;
		}
		$product = new WC_Product_Simple();
		$product->set_name( $name );
		$product->set_sku( $sku );
		$product->set_regular_price( (string) $price );
		$product->set_manage_stock( true );
		$product->set_stock_quantity( 50 );
		$product->set_status( 'publish' );
		$product->save();
	}
}
