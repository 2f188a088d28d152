<?php
/**
 * Where the hosted page sends the shopper back: `returnUrl` and `cancelUrl`.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Api\Client;
use KoreaCheckout\Logging\Logger;
use KoreaCheckout\Orders\LockTimeout;
use KoreaCheckout\Orders\OrderMeta;
use KoreaCheckout\Orders\Refresh;
use KoreaCheckout\Orders\SessionOwner;

defined( 'ABSPATH' ) || exit;

/**
 * Trusts none of its query parameters. The order comes from its id plus a token derived from the order key
 * (the key itself never leaves the store); the session is one the order recorded, read from the API and checked
 * by Orders\Refresh, which alone changes the order. The shopper lands on the order-received page (paid, waiting
 * for a deposit, still processing) or back on the checkout with the reason (failed, cancelled).
 */
class ReturnHandler {

	/**
	 * The `wc-api` endpoint name.
	 */
	public const ENDPOINT = 'korea_checkout_return';

	/**
	 * Reads sessions and applies them.
	 *
	 * @var Refresh
	 */
	private Refresh $refresh;

	/**
	 * Creates the handler.
	 *
	 * @param Client|null $client API client; default one with the saved settings.
	 */
	public function __construct( ?Client $client = null ) {
		$this->refresh = new Refresh( $client );
	}

	/**
	 * The return URL of an order. Always the `?wc-api=` form: it works on every web server, rewrite rules or not.
	 *
	 * @param \WC_Order $order The order.
	 */
	public static function url( \WC_Order $order ): string {
		return add_query_arg(
			array(
				'wc-api'   => self::ENDPOINT,
				'order_id' => $order->get_id(),
				'token'    => self::token( $order ),
			),
			home_url( '/' )
		);
	}

	/**
	 * A token that proves knowledge of the order key without revealing it.
	 *
	 * @param \WC_Order $order The order.
	 */
	public static function token( \WC_Order $order ): string {
		return substr( hash_hmac( 'sha256', $order->get_id() . '|' . $order->get_order_key(), wp_salt( 'nonce' ) ), 0, 32 );
	}

	/**
	 * Handles the request (hooked on `woocommerce_api_korea_checkout_return`) and redirects.
	 */
	public function handle(): void {
		nocache_headers();
		wp_safe_redirect( $this->destination( $_GET ) ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- an external redirect back; the token and the API stand in for a nonce.
		exit;
	}

	/**
	 * Where to send the shopper, having brought the order in line with the session.
	 *
	 * @param array<string, mixed> $query The query parameters (only used to find the order and pick a message).
	 */
	public function destination( array $query ): string {
		$order_id  = absint( $query['order_id'] ?? 0 );
		$token     = sanitize_text_field( wp_unslash( (string) ( $query['token'] ?? '' ) ) );
		$hinted_id = sanitize_text_field( wp_unslash( (string) ( $query['sessionId'] ?? '' ) ) );
		$order     = $order_id > 0 ? wc_get_order( $order_id ) : null;

		if ( ! $order instanceof \WC_Order || ! hash_equals( self::token( $order ), $token ) ) {
			Logger::warning( 'A return to the store named no order of ours.', array( 'order_id' => $order_id ) );
			self::notice( __( 'We could not find that order. If you paid, the store will confirm your payment by email.', 'korea-checkout' ) );
			return wc_get_cart_url();
		}
		if ( ! OrderMeta::is_ours( $order ) ) {
			return $this->switched_destination( $order, $hinted_id );
		}

		$session = $this->refreshed_session( $order, $hinted_id );
		if ( null === $session ) {
			// The API could not be asked or the order is busy; the webhook and reconciliation will settle the
			// order. The order-received page keeps asking meanwhile.
			return $order->get_checkout_order_received_url();
		}

		$status = (string) ( $session['status'] ?? '' );
		if ( in_array( $status, array( 'failed', 'cancelled', 'expired' ), true ) ) {
			$failure = is_array( $session['failure'] ?? null ) ? $session['failure'] : array();
			self::notice( FailureMessages::for_payment( $status, sanitize_text_field( (string) ( $failure['code'] ?? '' ) ) ) );
			return $this->pay_again_url( $order );
		}
		return $order->get_checkout_order_received_url();
	}

	/**
	 * Brings the order in line with its session and returns the session as the API showed it; null when it could
	 * not be read or applied now.
	 *
	 * The order's current session is the one asked about. A session id in the query is followed instead only when
	 * the order recorded it (a shopper paying in an older tab of a changed order), so the money taken is never
	 * missed, and a session made elsewhere can never act on the order.
	 *
	 * @param \WC_Order $order     The order.
	 * @param string    $hinted_id The `sessionId` query parameter, a hint.
	 * @return array<string, mixed>|null
	 */
	private function refreshed_session( \WC_Order $order, string $hinted_id ): ?array {
		$current   = OrderMeta::session_id( $order );
		$candidate = self::session_to_read( $order, $hinted_id );
		if ( '' !== $hinted_id && $candidate !== $hinted_id ) {
			Logger::error(
				'A returning shopper brought a session this order never had; it was ignored.',
				array(
					'order_id'   => $order->get_id(),
					'session_id' => $hinted_id,
				)
			);
		}
		if ( '' === $candidate ) {
			return null;
		}
		try {
			$outcome = $this->refresh->refresh( $order, $candidate, 'return' );
		} catch ( ApiException | LockTimeout $e ) {
			Logger::warning(
				'The return could not update the order now.',
				array(
					'order_id'   => $order->get_id(),
					'session_id' => $candidate,
					'error'      => $e->getMessage(),
				)
			);
			return null;
		}
		if ( Refresh::not_applied( $outcome ) ) {
			return $candidate !== $current && '' !== $current ? $this->refreshed_session( $order, '' ) : null;
		}
		return $outcome['session'];
	}

	/**
	 * A shopper back from a hosted page of an order that has since moved to another payment method (switched on
	 * the pay page, then paid in a tab still open). The session is looked at, never applied: if it took money the
	 * store's admin is told (Refresh::check_switched()), and the shopper learns that the payment arrived and needs
	 * no repeating. Either way the order's own page is next.
	 *
	 * @param \WC_Order $order     The order, another gateway's now.
	 * @param string    $hinted_id The `sessionId` query parameter, a hint.
	 */
	private function switched_destination( \WC_Order $order, string $hinted_id ): string {
		$session_id = self::session_to_read( $order, $hinted_id );
		try {
			$outcome = '' === $session_id ? null : $this->refresh->check_switched( $order, $session_id, 'return' );
		} catch ( ApiException | LockTimeout $e ) {
			$outcome = null;
		}
		if ( null !== $outcome && Refresh::PAID_ELSEWHERE === $outcome['action'] ) {
			self::notice( __( 'Your payment was received, but this order had been switched to another payment method. The store will check it and contact you; please do not pay again.', 'korea-checkout' ), 'notice' );
		}
		return $order->get_checkout_order_received_url();
	}

	/**
	 * The session a return asks about: the one in the query when the order recorded it, else the order's current
	 * one ('' when it has none).
	 *
	 * @param \WC_Order $order     The order.
	 * @param string    $hinted_id The `sessionId` query parameter, a hint.
	 */
	private static function session_to_read( \WC_Order $order, string $hinted_id ): string {
		return '' !== $hinted_id && SessionOwner::order_id_of( $hinted_id ) === $order->get_id() ? $hinted_id : OrderMeta::session_id( $order );
	}

	/**
	 * Shows a notice (an error unless told otherwise) on the next page the shopper sees.
	 *
	 * @param string $message Translated sentence.
	 * @param string $type    WooCommerce's notice type: `error` or `notice`.
	 */
	private static function notice( string $message, string $type = 'error' ): void {
		if ( function_exists( 'WC' ) && null === WC()->session ) {
			WC()->initialize_session();
		}
		wc_add_notice( $message, $type );
	}

	/**
	 * Back to the checkout page the order was placed from when the cart still holds this order (WooCommerce
	 * then reuses the order), else the order's own pay page.
	 *
	 * @param \WC_Order $order The order.
	 */
	private function pay_again_url( \WC_Order $order ): string {
		$fresh = wc_get_order( $order->get_id() );
		$order = $fresh instanceof \WC_Order ? $fresh : $order;
		if ( function_exists( 'WC' ) && WC()->cart && ! WC()->cart->is_empty() && $order->has_cart_hash( WC()->cart->get_cart_hash() ) ) {
			$placed_from = OrderMeta::text( $order, OrderMeta::RETURN_TO );
			return '' !== $placed_from ? wp_validate_redirect( $placed_from, wc_get_checkout_url() ) : wc_get_checkout_url();
		}
		return $order->needs_payment() ? $order->get_checkout_payment_url() : wc_get_checkout_url();
	}
}
