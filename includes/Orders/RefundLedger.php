<?php
/**
 * Keeps WooCommerce refunds in step with the refunds the service made, each recorded once.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

use KoreaCheckout\Api\Money;
use KoreaCheckout\Logging\Logger;

defined( 'ABSPATH' ) || exit;

/**
 * A WooCommerce refund that stands for a service refund carries that refund's id in OrderMeta::REFUND_ID.
 * Refunds started on the order screen are recorded by record_api_refund(); refunds made elsewhere (the service's
 * dashboard), and order-screen refunds whose answer never arrived (OrderMeta::PENDING_REFUNDS), arrive by webhook
 * or reconciliation and are created by sync(), with `refund_payment` false since the money has already gone
 * back. Both run under the order's lock.
 */
final class RefundLedger {

	/**
	 * Records the service's refund id on the WooCommerce refund the order screen just created.
	 *
	 * Call it inside the same OrderLock::run() as the API call, so that the `payment.refunded` webhook that the
	 * service sends before it answers waits and then finds this refund recorded.
	 *
	 * @param \WC_Order            $order      The refunded order.
	 * @param \WC_Order_Refund     $refund     The WooCommerce refund.
	 * @param array<string, mixed> $api_refund The API's answer (`refundId`, `amount`, ...).
	 */
	public static function record_api_refund( \WC_Order $order, \WC_Order_Refund $refund, array $api_refund ): void {
		$refund_id = (string) ( $api_refund['refundId'] ?? '' );
		if ( '' === $refund_id ) {
			return;
		}
		OrderLock::run(
			$order->get_id(),
			static function () use ( $refund, $refund_id ): void {
				$refund->update_meta_data( OrderMeta::REFUND_ID, $refund_id );
				$refund->save();
			}
		);
	}

	/**
	 * Creates a WooCommerce refund for each completed refund of the session not recorded yet.
	 *
	 * A refund made on the order screen whose id was not written yet (the webhook came first) is adopted rather
	 * than doubled: an unrecorded WooCommerce refund of the same amount takes the id.
	 *
	 * @param \WC_Order            $order   The order.
	 * @param array<string, mixed> $session The API's session `data`.
	 * @return int How many refunds were created or adopted.
	 */
	public static function sync( \WC_Order $order, array $session ): int {
		$refunds = is_array( $session['refunds'] ?? null ) ? $session['refunds'] : array();
		if ( array() === $refunds ) {
			return 0;
		}
		$order_id = $order->get_id();
		return (int) OrderLock::run(
			$order_id,
			static function () use ( $order_id, $refunds, $session ): int {
				$order = OrderLock::fresh_order( $order_id );
				return $order ? self::sync_locked( $order, $refunds, (string) ( $session['currency'] ?? $order->get_currency() ) ) : 0;
			}
		);
	}

	/**
	 * The ids of refunds already recorded on an order.
	 *
	 * @param \WC_Order $order The order.
	 * @return list<string>
	 */
	public static function recorded_ids( \WC_Order $order ): array {
		$ids = array();
		foreach ( $order->get_refunds() as $refund ) {
			$id = OrderMeta::refund_id( $refund );
			if ( '' !== $id ) {
				$ids[] = $id;
			}
		}
		return $ids;
	}

	/**
	 * The work of sync(), under the lock.
	 *
	 * @param \WC_Order   $order    The order, fresh from the database.
	 * @param list<mixed> $refunds  The session's refunds.
	 * @param string      $currency The session's currency.
	 */
	private static function sync_locked( \WC_Order $order, array $refunds, string $currency ): int {
		$recorded = self::recorded_ids( $order );
		$count    = 0;
		foreach ( $refunds as $api_refund ) {
			if ( ! is_array( $api_refund ) || 'completed' !== ( $api_refund['status'] ?? '' ) ) {
				continue;
			}
			$refund_id = (string) ( $api_refund['refundId'] ?? '' );
			$minor     = Transition::minor( $api_refund['amount'] ?? null, $currency );
			if ( 1 !== preg_match( '/^ref_[A-Za-z0-9_-]{1,100}$/', $refund_id ) || null === $minor || $minor <= 0 || in_array( $refund_id, $recorded, true ) ) {
				continue;
			}
			if ( self::adopt( $order, $refund_id, $minor ) || self::create( $order, $refund_id, $minor, $api_refund ) ) {
				$recorded[] = $refund_id;
				++$count;
				self::confirm_pending( $order, $refund_id, $minor );
			}
		}
		return $count;
	}

	/**
	 * Ends the wait of an order-screen refund whose answer never arrived, now that the service shows it.
	 *
	 * @param \WC_Order $order     The order.
	 * @param string    $refund_id The service's refund id.
	 * @param int       $minor     Its amount in minor units.
	 */
	private static function confirm_pending( \WC_Order $order, string $refund_id, int $minor ): void {
		if ( array() === OrderMeta::pending_refunds( $order ) ) {
			return;
		}
		// The refund just made may have changed the order (a full refund sets its status): work on it as it is now.
		$order = OrderLock::fresh_order( $order->get_id() );
		if ( null === $order ) {
			return;
		}
		$pending = OrderMeta::pending_refunds( $order );
		foreach ( $pending as $index => $entry ) {
			if ( $entry['amount'] !== $minor ) {
				continue;
			}
			unset( $pending[ $index ] );
			$order->update_meta_data( OrderMeta::PENDING_REFUNDS, array_values( $pending ) );
			$order->add_order_note(
				/* translators: %s: refund id of the payment service */
				sprintf( __( 'Korea Checkout confirmed the refund that was awaiting confirmation (refund %s); it is recorded on this order.', 'korea-checkout' ), $refund_id )
			);
			$order->save();
			return;
		}
	}

	/**
	 * Gives the id to an unrecorded WooCommerce refund of the same amount made through this gateway.
	 *
	 * @param \WC_Order $order     The order.
	 * @param string    $refund_id The service's refund id.
	 * @param int       $minor     Its amount in minor units.
	 */
	private static function adopt( \WC_Order $order, string $refund_id, int $minor ): bool {
		$candidates = array_reverse( $order->get_refunds() ); // Oldest first.
		foreach ( $candidates as $refund ) {
			if ( '' !== OrderMeta::refund_id( $refund ) || ! $refund->get_refunded_payment() ) {
				continue;
			}
			if ( Transition::minor( (string) $refund->get_amount(), $order->get_currency() ) !== $minor ) {
				continue;
			}
			$refund->update_meta_data( OrderMeta::REFUND_ID, $refund_id );
			$refund->save();
			return true;
		}
		return false;
	}

	/**
	 * Creates the WooCommerce refund of a refund made elsewhere.
	 *
	 * @param \WC_Order            $order      The order.
	 * @param string               $refund_id  The service's refund id.
	 * @param int                  $minor      Amount in minor units.
	 * @param array<string, mixed> $api_refund The refund entry.
	 */
	private static function create( \WC_Order $order, string $refund_id, int $minor, array $api_refund ): bool {
		$amount = Money::to_decimal_string( $minor, $order->get_currency() );
		$reason = sanitize_text_field( (string) ( $api_refund['reason'] ?? '' ) );
		$refund = wc_create_refund(
			array(
				'order_id'       => $order->get_id(),
				'amount'         => $amount,
				/* translators: %s: the reason the service recorded, may be empty */
				'reason'         => trim( sprintf( __( 'Refunded in Korea Checkout. %s', 'korea-checkout' ), $reason ) ),
				'refund_payment' => false,
				'restock_items'  => false,
			)
		);
		if ( is_wp_error( $refund ) ) {
			$order->add_order_note(
				/* translators: 1: refund id, 2: amount, 3: error */
				sprintf( __( 'Korea Checkout refund %1$s of %2$s could not be recorded: %3$s', 'korea-checkout' ), $refund_id, $amount, $refund->get_error_message() )
			);
			Logger::warning(
				'Refund could not be recorded.',
				array(
					'order_id'  => $order->get_id(),
					'refund_id' => $refund_id,
					'error'     => $refund->get_error_message(),
				)
			);
			return false;
		}
		$refund->update_meta_data( OrderMeta::REFUND_ID, $refund_id );
		$refund->save();
		return true;
	}
}
