<?php
/**
 * The one place where a verified session changes an order.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

use KoreaCheckout\Api\Money;
use KoreaCheckout\Logging\Logger;
use KoreaCheckout\PaymentMethods;

defined( 'ABSPATH' ) || exit;

/**
 * Carries out what Transition decides, under the order's database lock, on the order as the database has it at
 * that moment. Every way in (Refresh) brings a session it read from the API and checked with SessionOwner, so
 * whichever arrives first wins and the others find the work done: an order is paid, its stock reduced, its
 * emails sent and `korea_checkout_payment_complete` fired once.
 *
 * Callers holding a WC_Order should read it again afterwards (`wc_get_order( $id )`): this class works on a
 * fresh copy.
 */
final class SessionSync {

	/**
	 * Where a session came from.
	 */
	public const SOURCES = array( 'return', 'webhook', 'reconcile', 'admin' );

	/**
	 * Applies a session that was just read from the API onto its order.
	 *
	 * @param \WC_Order            $order     The order the session belongs to.
	 * @param array<string, mixed> $session   The API's session `data`, never a webhook body or query string.
	 * @param string               $source    `return`, `webhook`, `reconcile` or `admin`.
	 * @param float|null           $lock_wait Seconds to wait for the order's lock; null for OrderLock::WAIT.
	 * @return string The action taken (a Transition constant), for logs and tests.
	 * @throws LockTimeout When another worker held the order for too long; nothing was changed.
	 */
	public static function apply( \WC_Order $order, array $session, string $source, ?float $lock_wait = null ): string {
		$order_id = $order->get_id();
		return (string) OrderLock::run(
			$order_id,
			static function () use ( $order_id, $session, $source ): string {
				$fresh = OrderLock::fresh_order( $order_id );
				if ( null === $fresh || ! OrderMeta::is_ours( $fresh ) ) {
					return Transition::IGNORE;
				}
				return self::apply_locked( $fresh, $session, $source );
			},
			$lock_wait
		);
	}

	/**
	 * The order's state as Transition reads it.
	 *
	 * @param \WC_Order $order The order.
	 * @return array{order_id: string, status: string, session_id: string, paid_session: string, total_minor: int, refunded_minor: int, currency: string}
	 */
	public static function state_of( \WC_Order $order ): array {
		return array(
			'order_id'       => (string) $order->get_id(),
			'status'         => $order->get_status(),
			'session_id'     => OrderMeta::session_id( $order ),
			'paid_session'   => OrderMeta::paid_session( $order ),
			'total_minor'    => self::minor_of( (string) $order->get_total( 'edit' ), $order ),
			'refunded_minor' => self::minor_of( (string) $order->get_total_refunded(), $order ),
			'currency'       => $order->get_currency(),
		);
	}

	/**
	 * An amount of the order in minor units; -1 for a currency the service does not take (never equal to a
	 * session's).
	 *
	 * @param string    $amount An amount as WooCommerce stores it.
	 * @param \WC_Order $order  The order.
	 */
	private static function minor_of( string $amount, \WC_Order $order ): int {
		try {
			return Money::to_minor( $amount, $order->get_currency() );
		} catch ( \InvalidArgumentException $e ) {
			return -1;
		}
	}

	/**
	 * Decides and acts, under the lock.
	 *
	 * @param \WC_Order            $order   Fresh order.
	 * @param array<string, mixed> $session Session.
	 * @param string               $source  Source.
	 */
	private static function apply_locked( \WC_Order $order, array $session, string $source ): string {
		$state                   = self::state_of( $order );
		list( $action, $reason ) = Transition::decide( $state, $session );
		$map                     = StatusMapper::for_order( $order );
		$previous                = OrderMeta::text( $order, OrderMeta::SESSION_STATUS );
		$status                  = (string) ( $session['status'] ?? '' );
		$session_id              = (string) ( $session['sessionId'] ?? '' );
		$is_current              = $session_id === $state['session_id'];

		if ( ! $is_current || $previous !== $status ) {
			SessionOwner::set_status( $session_id, $status );
		}
		if ( ( $is_current && Transition::IGNORE !== $action ) || Transition::PAY === $action ) {
			$order->update_meta_data( OrderMeta::SESSION_STATUS, $status );
		}

		switch ( $action ) {
			case Transition::PAY:
				self::pay( $order, $session, $source, $map, $state['total_minor'] );
				break;
			case Transition::REFUND:
				$order->save();
				RefundLedger::sync( $order, $session );
				self::after_refund( $order->get_id(), $status, $map );
				break;
			case Transition::HOLD:
				self::hold( $order, $session, $map, $previous !== $status );
				break;
			case Transition::FAIL:
				$failure = self::failure( $session );
				$order->update_meta_data( OrderMeta::FAILURE, $failure );
				self::move( $order, $map['failed'], self::failure_note( $failure ), $previous !== $status );
				break;
			case Transition::RETRY:
				self::move( $order, $map['cancelled'], __( 'The shopper cancelled the Korea Checkout payment; the order can be paid again.', 'korea-checkout' ), $previous !== $status );
				break;
			case Transition::EXPIRE:
				self::move( $order, $map['expired'], __( 'The Korea Checkout session expired without payment.', 'korea-checkout' ), true );
				break;
			case Transition::MISMATCH:
				AdminAlert::mismatch( $order, $session, $reason );
				break;
			case Transition::DOUBLE_PAYMENT:
				AdminAlert::double_payment( $order, $session );
				break;
			default:
				if ( $is_current && $previous !== $status ) {
					$order->save();
				}
		}

		Logger::info(
			'Session applied to order.',
			array(
				'order_id'   => $order->get_id(),
				'session_id' => $session_id,
				'status'     => $status,
				'source'     => $source,
				'action'     => $action,
				'reason'     => $reason,
			)
		);
		return $action;
	}

	/**
	 * Marks the order paid, once.
	 *
	 * @param \WC_Order             $order       Fresh order, not yet paid.
	 * @param array<string, mixed>  $session     Session with money taken.
	 * @param string                $source      Source.
	 * @param array<string, string> $map         Status map.
	 * @param int                   $total_minor The order total in minor units before any service coupon.
	 */
	private static function pay( \WC_Order $order, array $session, string $source, array $map, int $total_minor ): void {
		$order_id   = $order->get_id();
		$session_id = (string) $session['sessionId'];
		$method     = (string) ( $session['paymentMethod'] ?? '' );

		$order->update_meta_data( OrderMeta::PAID_SESSION, $session_id );
		$order->update_meta_data( OrderMeta::PAID_METHOD, sanitize_key( $method ) );
		$order->update_meta_data( OrderMeta::GATEWAY, sanitize_text_field( (string) ( $session['gateway'] ?? '' ) ) );
		$order->delete_meta_data( OrderMeta::FAILURE );
		if ( is_numeric( $session['installments'] ?? null ) ) {
			$order->update_meta_data( OrderMeta::INSTALLMENTS, (string) max( 0, (int) $session['installments'] ) );
		}
		if ( is_array( $session['virtualAccount'] ?? null ) ) {
			$order->update_meta_data( OrderMeta::VIRTUAL_ACCOUNT, self::virtual_account( $session['virtualAccount'] ) );
		}
		$discount = $total_minor - (int) Transition::minor( $session['totalAmount'] ?? null, $order->get_currency() );
		if ( $discount > 0 ) {
			ServiceCoupon::apply( $order, $session, $discount );
		}
		$order->add_order_note(
			sprintf(
				/* translators: 1: payment method name, 2: session id, 3: where the news came from (return, webhook, reconcile, admin) */
				__( 'Korea Checkout payment completed by %1$s (session %2$s, confirmed by %3$s).', 'korea-checkout' ),
				PaymentMethods::label( $method ),
				$session_id,
				$source
			)
		);

		$target   = $map['completed'];
		$override = static function ( $status, $id ) use ( $order_id, $target ) {
			return ( '' !== $target && (int) $id === $order_id ) ? $target : $status;
		};
		add_filter( 'woocommerce_payment_complete_order_status', $override, 100, 2 );
		$done = $order->payment_complete( sanitize_text_field( (string) ( $session['gatewayTransactionId'] ?? '' ) ) );
		remove_filter( 'woocommerce_payment_complete_order_status', $override, 100 );
		$order->save();

		if ( ! $done ) {
			$stored = OrderLock::fresh_order( $order_id );
			if ( null === $stored || ! $stored->is_paid() ) {
				// payment_complete() caught an error before the order was paid, and noted it; the order is still
				// waiting, so the next webhook or reconciliation tries again.
				$order->delete_meta_data( OrderMeta::PAID_SESSION );
				$order->save();
				Logger::error( 'payment_complete() failed.', array( 'order_id' => $order_id ) );
				return;
			}
			// WooCommerce saved the order as paid, then caught an error of a `woocommerce_payment_complete` listener
			// (it noted it on the order). The payment stands: nothing would come back to a paid order, so it is
			// announced now.
			Logger::warning( 'payment_complete() reported an error after it marked the order paid.', array( 'order_id' => $order_id ) );
		}

		self::announce( $order_id, $session );

		if ( ! empty( $session['refunds'] ) ) {
			RefundLedger::sync( $order, $session );
			self::after_refund( $order_id, (string) $session['status'], $map );
		}
	}

	/**
	 * Fires `korea_checkout_payment_complete`, once: the order is already marked paid, so a listener that throws
	 * is logged and changes nothing (the payment is not undone, and the action is not fired again).
	 *
	 * @param int                  $order_id The paid order.
	 * @param array<string, mixed> $session  The verified session.
	 */
	private static function announce( int $order_id, array $session ): void {
		try {
			/**
			 * Fires once per order, when a Korea Checkout payment of it is confirmed.
			 *
			 * It runs after WooCommerce has marked the order paid (status, stock, emails) and while this plugin
			 * holds the order's database lock, so a duplicated webhook, the shopper's return and reconciliation
			 * arriving together on several servers still fire it exactly once. Keep the work short or schedule
			 * it. An exception thrown by a listener is caught and logged: the order stays paid and the action is
			 * not fired a second time.
			 *
			 * Example: tell a fulfilment service.
			 *
			 *     add_action( 'korea_checkout_payment_complete', function ( int $order_id, array $payment_data ): void {
			 *         my_fulfilment_queue_push( $order_id, $payment_data['paymentMethod'], $payment_data['totalAmount'] );
			 *     }, 10, 2 );
			 *
			 * @since 0.1.0
			 *
			 * @param int                  $order_id     The paid order.
			 * @param array<string, mixed> $payment_data The verified session as the API returned it: `sessionId`,
			 *                                           `status`, `totalAmount` (what was paid), `currency`,
			 *                                           `paymentMethod`, `gateway`, `gatewayTransactionId`,
			 *                                           `completedAt`, and where they apply `installments`,
			 *                                           `coupon` and `virtualAccount`.
			 */
			do_action( 'korea_checkout_payment_complete', $order_id, $session );
		} catch ( \Throwable $e ) {
			Logger::error(
				'A korea_checkout_payment_complete listener failed; the order stays paid.',
				array(
					'order_id' => $order_id,
					'error'    => $e->getMessage(),
				)
			);
		}
	}

	/**
	 * Moves a fully refunded order to the mapped status when that is not WooCommerce's own `refunded`.
	 *
	 * @param int                   $order_id Order id.
	 * @param string                $status   Session status.
	 * @param array<string, string> $map      Status map.
	 */
	private static function after_refund( int $order_id, string $status, array $map ): void {
		$target = $map[ $status ] ?? '';
		$order  = OrderLock::fresh_order( $order_id );
		if ( null === $order || '' === $target || $order->has_status( $target ) ) {
			return;
		}
		$order->update_status( $target, __( 'Korea Checkout reports the payment refunded.', 'korea-checkout' ) );
	}

	/**
	 * A virtual account was issued: wait for the deposit.
	 *
	 * @param \WC_Order             $order   Fresh order.
	 * @param array<string, mixed>  $session Session in `processing` with `virtualAccount`.
	 * @param array<string, string> $map     Status map.
	 * @param bool                  $changed Whether the session status changed since last seen.
	 */
	private static function hold( \WC_Order $order, array $session, array $map, bool $changed ): void {
		$account = self::virtual_account( $session['virtualAccount'] );
		$order->update_meta_data( OrderMeta::VIRTUAL_ACCOUNT, $account );
		$order->update_meta_data( OrderMeta::PAID_METHOD, 'virtual_account' );
		$note = sprintf(
			/* translators: 1: bank name, 2: account number, 3: account holder, 4: due date */
			__( 'Korea Checkout issued a virtual account; waiting for the deposit: %1$s %2$s (%3$s), due %4$s.', 'korea-checkout' ),
			$account['bankName'],
			$account['accountNumber'],
			$account['accountHolder'],
			$account['dueDate']
		);
		self::move( $order, $map['processing'], $note, $changed );
	}

	/**
	 * Sets a status (or only saves when it is already there), with a note when something changed.
	 *
	 * @param \WC_Order $order   Fresh order.
	 * @param string    $target  WooCommerce status, '' for none.
	 * @param string    $note    Note.
	 * @param bool      $changed Whether to note even when the status stays.
	 */
	private static function move( \WC_Order $order, string $target, string $note, bool $changed ): void {
		if ( '' !== $target && ! $order->has_status( $target ) ) {
			$order->update_status( $target, $note );
			return;
		}
		if ( $changed ) {
			$order->add_order_note( $note );
		}
		$order->save();
	}

	/**
	 * A failed session's code and message as plain text (shown to the admin, never to the shopper).
	 *
	 * @param array<string, mixed> $session Session.
	 * @return array{code: string, message: string}
	 */
	private static function failure( array $session ): array {
		$failure = is_array( $session['failure'] ?? null ) ? $session['failure'] : array();
		return array(
			'code'    => sanitize_text_field( (string) ( $failure['code'] ?? '' ) ),
			'message' => sanitize_text_field( (string) ( $failure['message'] ?? '' ) ),
		);
	}

	/**
	 * The note of a failed payment, with the service's code and message when it gave them.
	 *
	 * @param array{code: string, message: string} $failure What failure() made of the session.
	 */
	private static function failure_note( array $failure ): string {
		if ( '' === $failure['code'] ) {
			return __( 'The Korea Checkout payment failed; the order can be paid again.', 'korea-checkout' );
		}
		/* translators: 1: error code such as REJECT_CARD_COMPANY, 2: the service's message */
		return sprintf( __( 'The Korea Checkout payment failed (%1$s: %2$s); the order can be paid again.', 'korea-checkout' ), $failure['code'], $failure['message'] );
	}

	/**
	 * The virtual account's fields, as plain text.
	 *
	 * @param mixed $account The session's `virtualAccount`.
	 * @return array{bankName: string, accountNumber: string, accountHolder: string, dueDate: string}
	 */
	private static function virtual_account( $account ): array {
		$account = is_array( $account ) ? $account : array();
		$clean   = array();
		foreach ( array( 'bankName', 'accountNumber', 'accountHolder', 'dueDate' ) as $key ) {
			$clean[ $key ] = sanitize_text_field( (string) ( $account[ $key ] ?? '' ) );
		}
		return $clean;
	}
}
