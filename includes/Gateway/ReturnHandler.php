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

defined( 'ABSPATH' ) || exit;

/**
 * Trusts none of its query parameters. The order comes from its id plus a token derived from the order key
 * (the key itself never leaves the store); the session is read from the API and must name this order; the
 * order then changes only through Orders\SessionSync. The shopper lands on the order-received page (paid,
 * waiting for a deposit, still processing) or back on the checkout with the reason (failed, cancelled).
 */
class ReturnHandler {

	/**
	 * The `wc-api` endpoint name.
	 */
	public const ENDPOINT = 'korea_checkout_return';

	/**
	 * API client.
	 *
	 * @var Client
	 */
	private Client $client;

	/**
	 * Creates the handler.
	 *
	 * @param Client $client API client.
	 */
	public function __construct( Client $client ) {
		$this->client = $client;
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
		$order_id = absint( $query['order_id'] ?? 0 );
		$token    = sanitize_text_field( wp_unslash( (string) ( $query['token'] ?? '' ) ) );
		$order    = $order_id > 0 ? wc_get_order( $order_id ) : null;

		if ( ! $order instanceof \WC_Order || Gateway::ID !== $order->get_payment_method() || ! hash_equals( self::token( $order ), $token ) ) {
			Logger::warning( 'A return to the store named no order of ours.', array( 'order_id' => $order_id ) );
			self::notice( __( 'We could not find that order. If you paid, the store will confirm your payment by email.', 'korea-checkout' ) );
			return wc_get_cart_url();
		}

		$session = $this->verified_session( $order, sanitize_text_field( wp_unslash( (string) ( $query['sessionId'] ?? '' ) ) ) );
		if ( null === $session ) {
			// The API could not be asked; the webhook and reconciliation will settle the order. The order-received
			// page keeps asking meanwhile.
			return $order->get_checkout_order_received_url();
		}

		$this->sync( $order, $session );

		$status = (string) ( $session['status'] ?? '' );
		if ( in_array( $status, array( 'failed', 'cancelled', 'expired' ), true ) ) {
			$code = sanitize_text_field( wp_unslash( (string) ( $session['failureCode'] ?? ( $query['code'] ?? '' ) ) ) );
			self::notice( FailureMessages::for_payment( $status, $code ) );
			return $this->pay_again_url( $order );
		}
		return $order->get_checkout_order_received_url();
	}

	/**
	 * The order's session as the API has it, checked to belong to this order; null when it cannot be read.
	 *
	 * The order's own session is the one asked about. A session id in the query is only followed when it names
	 * this order too (a shopper paying in an older tab of a changed order), so the money taken is never missed.
	 *
	 * @param \WC_Order $order      The order.
	 * @param string    $hinted_id  The `sessionId` query parameter, a hint.
	 * @return array<string, mixed>|null
	 */
	private function verified_session( \WC_Order $order, string $hinted_id ): ?array {
		$stored_id = (string) $order->get_meta( '_korea_checkout_session_id' );
		$candidate = $stored_id;
		if ( '' !== $hinted_id && $hinted_id !== $stored_id && preg_match( '/^cs_[A-Za-z0-9_]{1,100}$/', $hinted_id ) ) {
			$candidate = $hinted_id;
		}
		if ( '' === $candidate ) {
			return null;
		}
		try {
			$session = $this->client->get_session( $candidate );
		} catch ( ApiException $e ) {
			Logger::warning(
				'The session of a returning shopper could not be read.',
				array(
					'order_id'   => $order->get_id(),
					'session_id' => $candidate,
					'code'       => $e->get_error_code(),
				)
			);
			if ( $candidate !== $stored_id && '' !== $stored_id ) {
				return $this->verified_session( $order, '' );
			}
			return null;
		}
		if ( ! SessionOwnership::belongs( $session, $order->get_id() ) ) {
			Logger::error(
				'A returning shopper brought a session of another order.',
				array(
					'order_id'   => $order->get_id(),
					'session_id' => $candidate,
				)
			);
			return $candidate !== $stored_id && '' !== $stored_id ? $this->verified_session( $order, '' ) : null;
		}
		return $session;
	}

	/**
	 * Hands the verified session to the one state machine.
	 *
	 * @param \WC_Order            $order   The order.
	 * @param array<string, mixed> $session The verified session.
	 */
	private function sync( \WC_Order $order, array $session ): void {
		if ( ! class_exists( \KoreaCheckout\Orders\SessionSync::class ) ) {
			Logger::error( 'Orders\SessionSync is missing; the return could not update the order.', array( 'order_id' => $order->get_id() ) );
			return;
		}
		try {
			\KoreaCheckout\Orders\SessionSync::apply( $order, $session, 'return' );
		} catch ( \Throwable $e ) {
			// A busy lock means another worker (the webhook) is settling this order right now.
			Logger::warning(
				'The return could not update the order now.',
				array(
					'order_id' => $order->get_id(),
					'error'    => $e->getMessage(),
				)
			);
		}
	}

	/**
	 * Shows an error on the next page the shopper sees.
	 *
	 * @param string $message Translated sentence.
	 */
	private static function notice( string $message ): void {
		if ( function_exists( 'WC' ) && null === WC()->session ) {
			WC()->initialize_session();
		}
		wc_add_notice( $message, 'error' );
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
			$placed_from = (string) $order->get_meta( '_korea_checkout_return_to' );
			return '' !== $placed_from ? wp_validate_redirect( $placed_from, wc_get_checkout_url() ) : wc_get_checkout_url();
		}
		return $order->needs_payment() ? $order->get_checkout_payment_url() : wc_get_checkout_url();
	}
}
