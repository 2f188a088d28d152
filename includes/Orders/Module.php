<?php
/**
 * The Orders module's entry point: payment state (reconciliation, the order panel, WooCommerce's own jobs).
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

defined( 'ABSPATH' ) || exit;

/**
 * Adds the hooks of the reconciliation job, the order screen's panel and the guard against WooCommerce's
 * unpaid-order job. Every change of an order comes through Refresh → SessionSync; this module only wires them.
 */
final class Module {

	/**
	 * Adds this module's hooks.
	 */
	public function register(): void {
		add_action( Reconciler::HOOK, array( $this, 'reconcile' ) );
		register_deactivation_hook( KOREA_CHECKOUT_FILE, array( Reconciler::class, 'unschedule' ) );
		add_filter( 'woocommerce_cancel_unpaid_order', array( UnpaidOrders::class, 'keep_payable' ), 10, 2 );

		if ( is_admin() ) {
			$panel = new OrderPanel();
			add_action( 'add_meta_boxes', array( $panel, 'add' ), 10, 2 );
			add_action( 'admin_post_' . OrderPanel::ACTION, array( $panel, 'check_status' ) );
		}
	}

	/**
	 * Runs reconciliation (the scheduled action), building its API client only then.
	 */
	public function reconcile(): void {
		( new Reconciler() )->run();
	}
}
