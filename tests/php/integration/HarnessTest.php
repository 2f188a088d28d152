<?php
/**
 * Proves the integration harness: the real store is there, the plugin boots in it, and without WooCommerce it
 * explains itself instead of failing.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration;

use Automattic\WooCommerce\Internal\Features\FeaturesController;
use Automattic\WooCommerce\Utilities\OrderUtil;

/**
 * The plugin in real WordPress 7.1 + WooCommerce 11, and the helpers of TestCase.
 */
final class HarnessTest extends TestCase {

	private const PLUGIN = 'korea-checkout/korea-checkout.php';

	public function test_plugin_is_active_and_its_modules_started(): void {
		$this->assertTrue( is_plugin_active( self::PLUGIN ), 'Korea Checkout is not active' );
		$this->assertTrue( is_plugin_active( 'woocommerce/woocommerce.php' ), 'WooCommerce is not active' );
		$this->assertSame( 1, did_action( 'korea_checkout_loaded' ), 'Plugin::start() did not run its modules exactly once' );
		$this->assertSame( 'korea-checkout/korea-checkout.php', plugin_basename( KOREA_CHECKOUT_FILE ) );
		$this->assertSame( home_url( '/wp-content/plugins/korea-checkout/' ), KOREA_CHECKOUT_URL, 'plugin_dir_url() must see through the symlink' );
	}

	public function test_compatibility_with_order_tables_and_blocks_is_declared(): void {
		$features = wc_get_container()->get( FeaturesController::class );
		foreach ( array( 'custom_order_tables', 'cart_checkout_blocks' ) as $feature ) {
			$plugins = $features->get_compatible_plugins_for_feature( $feature, true );
			$this->assertContains( self::PLUGIN, $plugins['compatible'], "no compatibility declared for {$feature}" );
			$this->assertNotContains( self::PLUGIN, $plugins['incompatible'] );
		}
	}

	public function test_store_is_korean_and_uses_order_tables(): void {
		$this->assertSame( 'KRW', get_woocommerce_currency() );
		$this->assertSame( 0, wc_get_price_decimals() );
		$this->assertSame( 'KR', WC()->countries->get_base_country() );
		$this->assertTrue( OrderUtil::custom_orders_table_usage_is_enabled(), 'HPOS is off' );

		$order = $this->create_order();
		$this->assertSame( 'korea_checkout', $order->get_payment_method() );
		$this->assertSame( '32000', $order->get_total(), '29,000 KRW product + 3,000 KRW shipping' );
		global $wpdb;
		$stored = $wpdb->get_var( $wpdb->prepare( "SELECT payment_method FROM {$wpdb->prefix}wc_orders WHERE id = %d", $order->get_id() ) );
		$this->assertSame( 'korea_checkout', $stored, 'the order is not in the HPOS table' );
	}

	public function test_a_test_writes_inside_a_transaction(): int {
		$product = $this->create_product( 12000, 3, array( 'sku' => 'HARNESS-ROLLBACK' ) );
		$this->assertSame( $product->get_id(), wc_get_product_id_by_sku( 'HARNESS-ROLLBACK' ) );
		return $product->get_id();
	}

	/**
	 * @depends test_a_test_writes_inside_a_transaction
	 *
	 * @param int $product_id The product the earlier test made.
	 */
	public function test_the_next_test_no_longer_sees_it( int $product_id ): void {
		$this->assertSame( 0, wc_get_product_id_by_sku( 'HARNESS-ROLLBACK' ) );
		$this->assertFalse( wc_get_product( $product_id ) );
	}

	public function test_emails_are_captured_and_actions_counted(): void {
		$calls = $this->record_action( 'korea_checkout_harness_probe' );
		do_action( 'korea_checkout_harness_probe', 7, 'x' );
		$this->assertSame( 1, $this->actions_fired( 'korea_checkout_harness_probe' ) );
		$this->assertSame( array( array( 7, 'x' ) ), $calls->getArrayCopy() );

		$this->assertTrue( wp_mail( 'shopper@example.com', 'Your order', 'Thank you' ) );
		$this->assertCount( 1, $this->sent_emails );
		$this->assertSame( 'Your order', $this->sent_emails[0]['subject'] );
	}

	public function test_rest_requests_run_in_process(): void {
		$response = $this->rest_request( 'GET', '/wc/store/v1/products', null, array(), array( 'per_page' => 20 ) );
		$this->assertSame( 200, $response->get_status() );
		$data = $this->rest_data( $response );
		$skus = array_column( $data, 'sku' );
		sort( $skus );
		$this->assertSame( array( 'KC-CUP', 'KC-NOTE', 'KC-SCARF', 'KC-TEA' ), $skus );
		$this->assertSame( 'KRW', $data[0]['prices']['currency_code'] );
		$this->assertSame( 0, $data[0]['prices']['currency_minor_unit'] );

		$response = $this->rest_request( 'POST', '/wc/store/v1/batch', '{not json', array( 'content-type' => 'application/json' ) );
		$this->assertGreaterThanOrEqual( 400, $response->get_status(), 'a raw body reaches the server as sent' );
	}

	public function test_without_woocommerce_the_plugin_explains_and_starts_nothing(): void {
		$admin  = get_user_by( 'login', 'admin' );
		$result = $this->run_in_separate_wordpress(
			<<<'PHP'
			ob_start();
			do_action( 'admin_notices' );
			$notices = ob_get_clean();
			$routes  = array_keys( rest_get_server()->get_routes() );
			return array(
				// WordPress counts every _doing_it_wrong(), such as translations loaded before `init`.
				'wrong'       => did_action( 'doing_it_wrong_run' ),
				'woocommerce' => class_exists( 'WooCommerce' ),
				'ours_loaded' => defined( 'KOREA_CHECKOUT_FILE' ),
				'modules'     => did_action( 'korea_checkout_loaded' ),
				'notices'     => $notices,
				'our_routes'  => array_values( array_filter( $routes, static fn( $route ) => str_starts_with( $route, '/korea-checkout' ) ) ),
			);
			PHP,
			array( 'woocommerce/woocommerce.php' ),
			$admin->ID
		);
		$this->assertFalse( $result['woocommerce'], 'WooCommerce was loaded after all' );
		$this->assertTrue( $result['ours_loaded'], 'Korea Checkout was not loaded' );
		$this->assertSame( 0, $result['modules'], 'modules started without WooCommerce' );
		$this->assertSame( array(), $result['our_routes'], 'REST routes registered without WooCommerce' );
		$this->assertStringContainsString( 'notice-error', $result['notices'] );
		$this->assertStringContainsString( 'needs WooCommerce', $result['notices'] );
		$this->assertSame( 0, $result['wrong'], 'loading without WooCommerce called something incorrectly (see the debug log)' );
	}
}
