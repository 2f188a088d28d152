<?php
/**
 * The Orders module's entry point: payment state (webhook, state machine, reconciliation, order panel).
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

use KoreaCheckout\Webhook\Endpoint;

defined( 'ABSPATH' ) || exit;

/**
 * Adds the hooks of the webhook route, the reconciliation job and the order screen's panel.
 */
final class Module {

	/**
	 * Adds this module's hooks.
	 */
	public function register(): void {
		( new Endpoint() )->register();

		$reconciler = new Reconciler();
		add_action( 'init', array( Reconciler::class, 'schedule' ) );
		add_action( Reconciler::HOOK, array( $reconciler, 'run' ) );
		register_deactivation_hook( KOREA_CHECKOUT_FILE, array( Reconciler::class, 'unschedule' ) );

		if ( is_admin() ) {
			$panel = new OrderPanel();
			add_action( 'add_meta_boxes', array( $panel, 'add' ), 10, 2 );
			add_action( 'admin_post_' . OrderPanel::ACTION, array( $panel, 'check_status' ) );
		}
	}
}
