<?php
/**
 * The "we are confirming your payment" box of the order-received page, with its polling script.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

use KoreaCheckout\Assets;
use KoreaCheckout\Plugin;

defined( 'ABSPATH' ) || exit;

/**
 * Only on the order-received page of one of our orders whose payment is still being confirmed: prints a
 * live region and loads `build/order-status.js`, which asks StatusRoute until the outcome is known.
 */
final class OrderStatusView {

	/**
	 * Prints the box and enqueues the script (hooked on `woocommerce_order_details_before_order_table`).
	 *
	 * @param \WC_Order $order The order.
	 */
	public static function render( $order ): void {
		if ( ! $order instanceof \WC_Order || ! is_order_received_page() || ! StatusRoute::is_waiting( $order ) ) {
			return;
		}
		if ( ! self::enqueue( $order ) ) {
			return;
		}
		printf(
			'<div class="woocommerce-info korea-checkout-order-status" role="status" aria-live="polite" data-state="processing">%s</div>',
			esc_html__( 'We are confirming your payment with Korea Checkout. This page updates by itself.', 'korea-checkout' )
		);
	}

	/**
	 * Enqueues the built script with the order id and key it polls with; false when the build is missing.
	 *
	 * @param \WC_Order $order The order.
	 */
	private static function enqueue( \WC_Order $order ): bool {
		return Assets::enqueue_script(
			'order-status',
			array(),
			'koreaCheckoutOrderStatus',
			array( 'path' => sprintf( '/%s/orders/%d/status?key=%s', Plugin::REST_NAMESPACE, $order->get_id(), rawurlencode( $order->get_order_key() ) ) )
		);
	}
}
