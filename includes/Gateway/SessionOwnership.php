<?php
/**
 * Whether a session read from the API belongs to a given order.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

defined( 'ABSPATH' ) || exit;

/**
 * Pure check used wherever a session is about to touch an order: its `platformOrderId` must be the order's
 * id, and its `metadata.orderId`, when the API shows metadata, must agree.
 */
final class SessionOwnership {

	/**
	 * Whether the session names this order.
	 *
	 * @param array<string, mixed> $session  The API's session `data`.
	 * @param int                  $order_id The order id.
	 */
	public static function belongs( array $session, int $order_id ): bool {
		if ( (string) ( $session['platformOrderId'] ?? '' ) !== (string) $order_id ) {
			return false;
		}
		$metadata = $session['metadata'] ?? null;
		if ( is_array( $metadata ) && isset( $metadata['orderId'] ) && (string) $metadata['orderId'] !== (string) $order_id ) {
			return false;
		}
		return true;
	}
}
