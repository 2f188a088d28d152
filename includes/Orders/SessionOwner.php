<?php
/**
 * Finds the order a session belongs to, and refuses sessions of other stores.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

use KoreaCheckout\Gateway\SessionPayload;

defined( 'ABSPATH' ) || exit;

/**
 * One API key may serve several stores, so a session id alone proves nothing about which order it pays. A session
 * belongs to an order of this store when the order uses this gateway and either the session is the one the order
 * recorded, or the session's signed metadata names the order (`orderId`) and proves it knows the order's key
 * (`orderKeyHash`, the SHA-256 of the key). The latter finds orders whose shopper started a newer session since.
 */
final class SessionOwner {

	/**
	 * The order of a session, or null when it is not one of ours.
	 *
	 * @param string                $session_id `cs_...`.
	 * @param array<string, string> $metadata   The session's metadata from a verified source (may be empty).
	 */
	public static function order_for( string $session_id, array $metadata = array() ): ?\WC_Order {
		$order_id = $metadata['orderId'] ?? '';
		if ( 1 === preg_match( '/^[1-9][0-9]{0,18}$/', $order_id ) ) {
			$order = wc_get_order( (int) $order_id );
			if ( $order instanceof \WC_Order && self::owns( $order, $session_id, $metadata ) ) {
				return $order;
			}
			return null;
		}

		$orders = wc_get_orders(
			array(
				'limit'      => 1,
				'type'       => 'shop_order',
				'meta_key'   => '_korea_checkout_session_id', // phpcs:ignore WordPress.DB.SlowDBQuery -- one indexed meta lookup per webhook.
				'meta_value' => $session_id, // phpcs:ignore WordPress.DB.SlowDBQuery
			)
		);
		$order  = $orders[0] ?? null;
		return ( $order instanceof \WC_Order && self::owns( $order, $session_id, array() ) ) ? $order : null;
	}

	/**
	 * Whether the session belongs to the order.
	 *
	 * @param \WC_Order             $order      The order.
	 * @param string                $session_id The session.
	 * @param array<string, string> $metadata   The session's metadata (may be empty).
	 */
	public static function owns( \WC_Order $order, string $session_id, array $metadata ): bool {
		if ( SessionSync::GATEWAY_ID !== $order->get_payment_method() ) {
			return false;
		}
		if ( '' !== $session_id && hash_equals( (string) $order->get_meta( '_korea_checkout_session_id' ), $session_id ) ) {
			return true;
		}
		$hash = $metadata['orderKeyHash'] ?? '';
		return '' !== $hash && hash_equals( SessionPayload::order_key_hash( $order->get_order_key() ), $hash );
	}
}
