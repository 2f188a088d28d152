<?php
/**
 * Tells the store's administrator about a payment that needs a person.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

use KoreaCheckout\Api\Money;
use KoreaCheckout\Logging\Logger;

defined( 'ABSPATH' ) || exit;

/**
 * Used when a session's amount or currency does not match its order, when an order was paid twice, and when a
 * session took money after its order moved to another payment method. Each is noted on the order and mailed to
 * the site's admin email once per session; the mail names the order and links to it, and carries no customer
 * data beyond the order number.
 */
final class AdminAlert {

	/**
	 * Holds an order whose session's amount or currency differs from the order: never paid; a person decides.
	 *
	 * @param \WC_Order            $order   Fresh order, under its lock.
	 * @param array<string, mixed> $session Session.
	 * @param string               $reason  `amount_mismatch` or `currency_mismatch`.
	 */
	public static function mismatch( \WC_Order $order, array $session, string $reason ): void {
		$session_id = (string) $session['sessionId'];
		if ( OrderMeta::text( $order, OrderMeta::MISMATCH ) === $session_id ) {
			$order->save();
			return;
		}
		$order->update_meta_data( OrderMeta::MISMATCH, $session_id );
		$message = sprintf(
			/* translators: 1: session id, 2: amount and currency paid, 3: order total and currency */
			__( 'Korea Checkout session %1$s was paid %2$s but the order totals %3$s. The order was not marked paid: check the payment and refund or adjust it.', 'korea-checkout' ),
			$session_id,
			wp_strip_all_tags( self::scalar( $session['totalAmount'] ?? '?' ) . ' ' . self::scalar( $session['currency'] ?? '' ) ),
			$order->get_total() . ' ' . $order->get_currency()
		);
		$order->update_status( 'on-hold', $message );
		self::send(
			$order,
			/* translators: %s: order number */
			sprintf( __( 'payment of order #%s does not match its total', 'korea-checkout' ), $order->get_order_number() ),
			$message
		);
		Logger::warning(
			'Session amount or currency does not match its order.',
			array(
				'order_id'   => $order->get_id(),
				'session_id' => $session_id,
				'reason'     => $reason,
			)
		);
	}

	/**
	 * A second session of an already paid order took money: tell a person, once per session.
	 *
	 * @param \WC_Order            $order   Fresh order, under its lock.
	 * @param array<string, mixed> $session Session.
	 */
	public static function double_payment( \WC_Order $order, array $session ): void {
		$session_id = (string) $session['sessionId'];
		if ( ! self::first_alert( $order, $session_id ) ) {
			return;
		}
		$message = sprintf(
			/* translators: 1: second session id, 2: session that paid the order first */
			__( 'Korea Checkout session %1$s also took payment for this order, which session %2$s had already paid. Refund one of them in the Korea Checkout dashboard.', 'korea-checkout' ),
			$session_id,
			OrderMeta::paid_session( $order )
		);
		$order->add_order_note( $message );
		$order->save();
		self::send(
			$order,
			/* translators: %s: order number */
			sprintf( __( 'order #%s was paid twice', 'korea-checkout' ), $order->get_order_number() ),
			$message
		);
	}

	/**
	 * A session took money for an order that had moved to another payment method: tell a person, once per session.
	 * The order is left as it is; it may be paid the other way too.
	 *
	 * @param \WC_Order            $order   Fresh order, under its lock.
	 * @param array<string, mixed> $session Session, as the API showed it.
	 */
	public static function paid_elsewhere( \WC_Order $order, array $session ): void {
		$session_id = (string) $session['sessionId'];
		if ( ! self::first_alert( $order, $session_id ) ) {
			return;
		}
		$currency = is_string( $session['currency'] ?? null ) ? $session['currency'] : $order->get_currency();
		try {
			$amount = html_entity_decode( Money::as_text( Money::from_api( $session['totalAmount'] ?? null, $currency ), $currency ), ENT_QUOTES, 'UTF-8' );
		} catch ( \InvalidArgumentException $e ) {
			$amount = self::scalar( $session['totalAmount'] ?? '?' ) . ' ' . $currency;
		}
		$message = sprintf(
			/* translators: 1: session id, 2: amount paid, 3: the payment method the order has now */
			__( 'Korea Checkout session %1$s took a payment of %2$s for this order after the order was switched to %3$s. The order was left as it is. If it is paid that way too, refund one of the two payments (the Korea Checkout one from the Korea Checkout dashboard); if not, check the payment and mark the order paid.', 'korea-checkout' ),
			$session_id,
			$amount,
			$order->get_payment_method_title() ? $order->get_payment_method_title() : $order->get_payment_method()
		);
		$order->add_order_note( $message );
		$order->save();
		self::send(
			$order,
			/* translators: %s: order number */
			sprintf( __( 'order #%s was paid after it switched payment method', 'korea-checkout' ), $order->get_order_number() ),
			$message
		);
		Logger::warning(
			'A session took money for an order now paid with another gateway.',
			array(
				'order_id'   => $order->get_id(),
				'session_id' => $session_id,
				'gateway'    => $order->get_payment_method(),
			)
		);
	}

	/**
	 * Whether this session is one the order has not been alerted about yet (DOUBLE_PAYMENTS); if so it is added
	 * to that list, saved with the order by the caller.
	 *
	 * @param \WC_Order $order      Fresh order, under its lock.
	 * @param string    $session_id The session that took money.
	 */
	private static function first_alert( \WC_Order $order, string $session_id ): bool {
		$seen = OrderMeta::items( $order, OrderMeta::DOUBLE_PAYMENTS );
		if ( in_array( $session_id, $seen, true ) ) {
			return false;
		}
		$seen[] = $session_id;
		$order->update_meta_data( OrderMeta::DOUBLE_PAYMENTS, $seen );
		return true;
	}

	/**
	 * Sends an alert to the site's admin email.
	 *
	 * @param \WC_Order $order   The order concerned.
	 * @param string    $subject Translated subject line.
	 * @param string    $message Translated explanation of what happened and what to do.
	 */
	private static function send( \WC_Order $order, string $subject, string $message ): bool {
		$to = (string) get_option( 'admin_email' );
		if ( ! is_email( $to ) ) {
			return false;
		}
		$body = $message . "\n\n" . $order->get_edit_order_url();
		/* translators: 1: site name, 2: the alert's subject */
		$title = sprintf( __( '[%1$s] Korea Checkout: %2$s', 'korea-checkout' ), wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES ), $subject );
		return (bool) wp_mail( $to, $title, $body );
	}

	/**
	 * A JSON scalar as text, '' for anything else.
	 *
	 * @param mixed $value Value.
	 */
	private static function scalar( $value ): string {
		return is_scalar( $value ) ? (string) $value : '';
	}
}
