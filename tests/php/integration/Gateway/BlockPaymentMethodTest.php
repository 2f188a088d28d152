<?php
/**
 * The block checkout's payment method costs nothing on pages that are not a checkout.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Gateway;

use KoreaCheckout\Gateway\BlockPaymentMethod;
use KoreaCheckout\Tests\Integration\TestCase;

/**
 * WooCommerce asks every registered payment method whether it is active, and for its script handles, on pages
 * without a checkout too.
 *
 * @covers \KoreaCheckout\Gateway\BlockPaymentMethod
 */
final class BlockPaymentMethodTest extends TestCase {

	public function test_asking_whether_it_is_active_costs_no_query(): void {
		global $wpdb;
		$this->set_plugin_settings(
			array(
				'enabled' => true,
				'api_key' => 'sk_test_' . str_repeat( 'ab', 32 ),
			)
		);
		$type = new BlockPaymentMethod();
		$type->initialize();
		$before = $wpdb->num_queries;
		$this->assertTrue( $type->is_active() );
		$this->assertSame( $before, $wpdb->num_queries, 'no query: the settings are autoloaded' );

		$this->set_plugin_settings( array( 'api_key' => '' ) );
		$this->assertFalse( $type->is_active(), 'no key, no method' );
	}

	public function test_its_stylesheet_comes_only_with_the_checkout_block(): void {
		$type = new BlockPaymentMethod();
		$type->initialize();
		wp_dequeue_style( 'korea-checkout-payment-method' );
		wp_dequeue_style( 'korea-checkout-ui' );

		// This layer may run before the assets are built (the end-to-end layer proves the built page).
		$built   = is_readable( KOREA_CHECKOUT_PATH . 'build/payment-method.asset.php' );
		$handles = $type->get_payment_method_script_handles();
		$this->assertSame( $built ? array( 'korea-checkout-payment-method' ) : array(), $handles );
		$this->assertFalse( wp_script_is( 'korea-checkout-payment-method', 'enqueued' ), 'registered, for the block to load' );
		$this->assertFalse( wp_style_is( 'korea-checkout-payment-method', 'enqueued' ), 'asking for the handles enqueues nothing' );
		$this->assertFalse( wp_style_is( 'korea-checkout-ui', 'enqueued' ) );

		do_action( 'woocommerce_blocks_checkout_enqueue_data' );
		$this->assertSame( $built, wp_style_is( 'korea-checkout-payment-method', 'enqueued' ) );
		$this->assertTrue( wp_style_is( 'korea-checkout-ui', 'enqueued' ), 'with the theme\'s properties' );
	}
}
