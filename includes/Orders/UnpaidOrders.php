<?php
/**
 * Keeps WooCommerce's unpaid-order job away from orders whose session can still be paid.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

defined( 'ABSPATH' ) || exit;

/**
 * WooCommerce cancels pending orders that are older than its "hold stock" time (60 minutes by default), and with
 * them releases their stock. A hosted session lives far longer (24 hours by default, the plugin's session lifetime
 * setting): a shopper who pays it after WooCommerce gave up would pay for a cancelled order whose stock is gone.
 * So an order of ours whose current session is still pending (or a virtual account still waiting) and has not
 * expired is left alone; it is cancelled, and its stock released, when the session expires (webhook, return or
 * reconciliation: Transition::EXPIRE).
 */
final class UnpaidOrders {

	/**
	 * On `woocommerce_cancel_unpaid_order`: false for an order whose session can still be paid.
	 *
	 * @param bool|mixed $cancel Whether WooCommerce means to cancel it.
	 * @param mixed      $order  The order.
	 * @return bool|mixed
	 */
	public static function keep_payable( $cancel, $order ) {
		if ( ! $cancel || ! $order instanceof \WC_Order || ! OrderMeta::is_ours( $order ) ) {
			return $cancel;
		}
		return self::can_still_be_paid( $order ) ? false : $cancel;
	}

	/**
	 * Whether the order's current session can still take the shopper's money, as far as the order knows.
	 *
	 * @param \WC_Order $order The order.
	 */
	public static function can_still_be_paid( \WC_Order $order ): bool {
		$expires = strtotime( OrderMeta::text( $order, OrderMeta::SESSION_EXPIRES ) );
		$status  = OrderMeta::text( $order, OrderMeta::SESSION_STATUS );
		return '' !== OrderMeta::session_id( $order )
			&& in_array( $status, array( '', 'pending', 'processing' ), true )
			&& false !== $expires && $expires > time();
	}
}
