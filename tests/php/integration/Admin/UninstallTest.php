<?php
/**
 * Deleting the plugin removes its settings, transients and scheduled actions, and keeps every order.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Admin;

use KoreaCheckout\Admin\ConnectionTest;
use KoreaCheckout\Orders\SessionOwner;
use KoreaCheckout\Schema;
use KoreaCheckout\Settings\Settings;
use KoreaCheckout\Tests\Integration\TestCase;
use KoreaCheckout\Webhook\EventStore;
use KoreaCheckout\Webhook\LastWebhook;

final class UninstallTest extends TestCase {

	/**
	 * Dropping a table ends any transaction (MySQL commits it), so this test cleans up after itself instead.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * The settings before the test, put back afterwards.
	 *
	 * @var mixed
	 */
	private $settings;

	/**
	 * The order the test makes.
	 *
	 * @var int
	 */
	private int $order_id = 0;

	protected function setUp(): void {
		parent::setUp();
		$this->settings = get_option( Settings::OPTION );
	}

	protected function tearDown(): void {
		Schema::install();
		update_option( Settings::OPTION, $this->settings, true );
		delete_option( 'korea_checkoutish_other_plugin' );
		$order = $this->order_id > 0 ? wc_get_order( $this->order_id ) : null;
		if ( $order instanceof \WC_Order ) {
			foreach ( $order->get_items() as $item ) {
				$product = $item instanceof \WC_Order_Item_Product ? $item->get_product() : null;
				if ( $product ) {
					$product->delete( true );
				}
			}
			$order->delete( true );
		}
		parent::tearDown();
	}

	public function test_uninstall_removes_the_plugins_traces_and_keeps_orders(): void {
		global $wpdb;
		// What a store that used the plugin holds.
		Settings::update( array( 'debug' => true ) );
		set_transient(
			ConnectionTest::TRANSIENT,
			array(
				'fingerprint' => 'x',
				'result'      => array(),
			),
			HOUR_IN_SECONDS
		);
		set_transient( 'korea_checkout_poll_77', 1, 60 );
		LastWebhook::record( 'payment.completed', true );
		EventStore::claim( 'evt_uninstall_test', 'payment.completed', 'cs_kept_after_uninstall', time() );
		add_option( 'korea_checkout_evt_evt_admin_test', (string) time(), '', false );
		add_option( 'korea_checkout_reconcile_cursor', 20, '', false );
		add_option( '_korea_checkout_lock_123', ( time() + 60 ) . '|token', '', false );
		as_schedule_recurring_action( time() + 300, 300, 'korea_checkout_reconcile', array(), 'korea-checkout', true );
		as_schedule_single_action( time() + 600, 'korea_checkout_retry_later', array( 'order' => 5 ), 'korea-checkout' );
		wp_schedule_single_event( time() + 900, 'korea_checkout_cron_check' );
		$order          = $this->create_order(
			array(
				'payment_method' => 'korea_checkout',
				'status'         => 'processing',
				'meta'           => array( '_korea_checkout_session_id' => 'cs_kept_after_uninstall' ),
			)
		);
		$this->order_id = $order->get_id();
		SessionOwner::record( $order->get_id(), 'cs_kept_after_uninstall' );
		// Not ours: must stay.
		add_option( 'korea_checkoutish_other_plugin', 'stay', '', false );
		$this->assertTrue( as_has_scheduled_action( 'korea_checkout_reconcile' ) );

		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', plugin_basename( KOREA_CHECKOUT_FILE ) );
		}
		include KOREA_CHECKOUT_PATH . 'uninstall.php';
		wp_cache_flush();

		$left = $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '%korea\\_checkout\\_%'" );
		$this->assertSame( array(), $left, 'no option, transient, event log row or lock is left' );
		$this->assertFalse( get_option( Settings::OPTION ) );
		$this->assertFalse( get_transient( ConnectionTest::TRANSIENT ) );
		$this->assertFalse( as_has_scheduled_action( 'korea_checkout_reconcile' ) );
		$this->assertFalse( as_has_scheduled_action( 'korea_checkout_retry_later' ) );
		$this->assertSame( '0', (string) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}actionscheduler_actions WHERE hook LIKE 'korea\\_checkout\\_%'" ), 'not even cancelled rows' );
		$this->assertFalse( wp_next_scheduled( 'korea_checkout_cron_check' ) );

		$kept = wc_get_order( $order->get_id() );
		$this->assertInstanceOf( \WC_Order::class, $kept );
		$this->assertSame( 'processing', $kept->get_status() );
		$this->assertSame( 'cs_kept_after_uninstall', $kept->get_meta( '_korea_checkout_session_id' ) );
		$this->assertSame( 'stay', get_option( 'korea_checkoutish_other_plugin' ) );
		$this->assertSame( array(), $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix . 'korea_checkout_' ) . '%' ) ), 'the event and session tables are gone' );
	}
}
