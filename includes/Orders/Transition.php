<?php
/**
 * The state machine's decision table: what a verified session means for an order.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

use KoreaCheckout\Api\Money;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: given what the order is now and what the API says about a session, name the one thing to do. SessionSync
 * carries it out under the order's lock. Orders never move backwards: once paid, only refunds change them;
 * a session that is no longer the order's current one can only ever report money taken.
 */
final class Transition {

	public const PAY            = 'pay';
	public const MISMATCH       = 'mismatch';
	public const DOUBLE_PAYMENT = 'double_payment';
	public const HOLD           = 'hold';
	public const FAIL           = 'fail';
	public const RETRY          = 'retry';
	public const EXPIRE         = 'expire';
	public const REFUND         = 'refund';
	public const IGNORE         = 'ignore';

	/**
	 * Session statuses in which the shopper's money was taken.
	 */
	public const MONEY_TAKEN = array( 'completed', 'partially_refunded', 'refunded' );

	/**
	 * WooCommerce statuses that someone set by hand and that a session which took no money must not change.
	 */
	private const SETTLED = array( 'processing', 'completed', 'refunded' );

	/**
	 * Decides.
	 *
	 * The order is described by its id, WooCommerce status (no `wc-`), current session id, the id of the session
	 * that paid it ('' when unpaid), its total and what it records as refunded in minor units, and its currency.
	 *
	 * @param array{order_id: string, status: string, session_id: string, paid_session: string, total_minor: int, refunded_minor: int, currency: string} $order   The order.
	 * @param array<string, mixed>                                                                                                    $session The API's session `data`.
	 * @return array{0: string, 1: string} The action and a short machine reason.
	 */
	public static function decide( array $order, array $session ): array {
		$session_id = (string) ( $session['sessionId'] ?? '' );
		$status     = (string) ( $session['status'] ?? '' );

		if ( (string) ( $session['platformOrderId'] ?? '' ) !== $order['order_id'] ) {
			return array( self::IGNORE, 'other_order' );
		}

		if ( in_array( $status, self::MONEY_TAKEN, true ) ) {
			return self::money_taken( $order, $session, $session_id, $status );
		}

		if ( '' !== $order['paid_session'] ) {
			return array( self::IGNORE, 'already_paid' );
		}
		if ( $session_id !== $order['session_id'] ) {
			return array( self::IGNORE, 'stale_session' );
		}
		if ( in_array( $order['status'], self::SETTLED, true ) ) {
			return array( self::IGNORE, 'settled_elsewhere' );
		}

		switch ( $status ) {
			case 'processing':
				return is_array( $session['virtualAccount'] ?? null )
					? array( self::HOLD, 'awaiting_deposit' )
					: array( self::IGNORE, 'in_progress' );
			case 'failed':
				return array( self::FAIL, 'payment_failed' );
			case 'cancelled':
				return array( self::RETRY, 'shopper_cancelled' );
			case 'expired':
				return 'cancelled' === $order['status']
					? array( self::IGNORE, 'unchanged' )
					: array( self::EXPIRE, 'session_expired' );
			default:
				return array( self::IGNORE, 'in_progress' );
		}
	}

	/**
	 * Completed, partially refunded or refunded.
	 *
	 * @param array{order_id: string, status: string, session_id: string, paid_session: string, total_minor: int, refunded_minor: int, currency: string} $order   The order.
	 * @param array<string, mixed>                                                                                                    $session The session.
	 * @param string                                                                                                                  $session_id Its id.
	 * @param string                                                                                                                  $status     Its status.
	 * @return array{0: string, 1: string}
	 */
	private static function money_taken( array $order, array $session, string $session_id, string $status ): array {
		if ( '' !== $order['paid_session'] ) {
			if ( $order['paid_session'] !== $session_id ) {
				return array( self::DOUBLE_PAYMENT, 'paid_by_another_session' );
			}
			if ( 'completed' === $status ) {
				return array( self::IGNORE, 'already_paid' );
			}
			// Refunds the order already records in full need no work (reconciliation asks about paid orders often).
			$refunded = self::minor( $session['refundedAmount'] ?? null, (string) ( $session['currency'] ?? $order['currency'] ) );
			return $refunded === $order['refunded_minor'] ? array( self::IGNORE, 'refunds_recorded' ) : array( self::REFUND, $status );
		}

		$currency = strtoupper( (string) ( $session['currency'] ?? '' ) );
		if ( strtoupper( $order['currency'] ) !== $currency ) {
			return array( self::MISMATCH, 'currency_mismatch' );
		}
		if ( self::minor( $session['totalAmount'] ?? null, $currency ) === $order['total_minor'] ) {
			return array( self::PAY, $status );
		}
		if ( null !== ServiceCoupon::discount( $session, $order['total_minor'], $currency ) ) {
			return array( self::PAY, 'service_coupon' );
		}
		return array( self::MISMATCH, 'amount_mismatch' );
	}

	/**
	 * Minor units of an amount the API sent, or null when it is not an amount of a currency the service takes.
	 *
	 * @param mixed  $amount   JSON number.
	 * @param string $currency ISO 4217 code.
	 */
	public static function minor( $amount, string $currency ): ?int {
		try {
			return Money::from_api( $amount, $currency );
		} catch ( \InvalidArgumentException $e ) {
			return null;
		}
	}
}
