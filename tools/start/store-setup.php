<?php
/**
 * Makes the fresh WordPress + WooCommerce of `npm start` ready to sell: the same Korean store as the test
 * stack's (tools/store/korea-store.php), with Korea Checkout in sandbox mode wired to the local sandbox.
 *
 * Run by the Playground blueprint after wp-load.php, as korea_checkout_playground_setup( $config ).
 *
 * @package KoreaCheckout
 */

defined( 'ABSPATH' ) || exit;

require_once dirname( __DIR__ ) . '/store/korea-store.php';

/**
 * Sets up the store.
 *
 * @param array<string, string> $config Keys: sandbox_url, api_key, webhook_secret.
 */
function korea_checkout_playground_setup( array $config ): void {
	kc_store_apply_options( 'Korea Checkout Demo Store' );
	flush_rewrite_rules();
	WC_Install::create_pages();
	kc_store_ensure_pages();
	kc_store_ensure_shipping();
	kc_store_connect_sandbox( $config['sandbox_url'], $config['api_key'], $config['webhook_secret'] );
	korea_checkout_playground_mu_plugins();
	// Last: tools/start/playground.ts may take the products in the shop as the end of the set-up.
	kc_store_ensure_products();
}

/**
 * Copies the demo store's must-use plugins (tools/start/mu-plugins/) into the Playground site.
 */
function korea_checkout_playground_mu_plugins(): void {
	wp_mkdir_p( WPMU_PLUGIN_DIR );
	foreach ( (array) glob( __DIR__ . '/mu-plugins/*.php' ) as $file ) {
		copy( $file, WPMU_PLUGIN_DIR . '/' . basename( $file ) );
	}
}
