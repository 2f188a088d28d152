<?php
/**
 * Starts (or reuses) the checkout session of an order.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Api\Client;
use KoreaCheckout\Logging\Logger;

defined( 'ABSPATH' ) || exit;

/**
 * Builds the payload, reuses the order's session when the order is unchanged and the session can still be
 * paid, and otherwise creates one under an Idempotency-Key, so that a double click or a retried request
 * gets the same session instead of a second one.
 */
class SessionStarter {

	/**
	 * Seconds a stored session must still have before we send a shopper back to it.
	 */
	private const REUSE_MARGIN = 120;

	/**
	 * API client.
	 *
	 * @var Client
	 */
	private Client $client;

	/**
	 * Creates the starter.
	 *
	 * @param Client $client API client.
	 */
	public function __construct( Client $client ) {
		$this->client = $client;
	}

	/**
	 * The `checkoutUrl` the shopper goes to, exactly as the API returned it.
	 *
	 * @param \WC_Order $order The order to pay.
	 * @throws ApiException When the API cannot create the session.
	 */
	public function start( \WC_Order $order ): string {
		$payload = SessionPayload::build( OrderFacts::of( $order ) );
		$hash    = SessionPayload::hash( $payload );

		$stored_id = (string) $order->get_meta( '_korea_checkout_session_id' );
		if ( '' !== $stored_id ) {
			$reusable = $this->reusable_url( $order, $stored_id, $hash );
			if ( null !== $reusable ) {
				Logger::info(
					'Sending the shopper back to the order\'s unpaid session.',
					array(
						'order_id'   => $order->get_id(),
						'session_id' => $stored_id,
					)
				);
				return $reusable;
			}
		}

		$key    = SessionPayload::idempotency_key( $order->get_id(), $hash, (string) $payload['expiresAt'], $stored_id );
		$answer = $this->client->create_session( $payload, $key );

		$session_id = (string) $answer['sessionId'];
		$url        = (string) $answer['checkoutUrl'];
		$expires    = is_string( $answer['expiresAt'] ?? null ) ? $answer['expiresAt'] : (string) $payload['expiresAt'];
		$this->remember( $order, $session_id, $url, $hash, $expires, $stored_id );
		Logger::info(
			'Checkout session created.',
			array(
				'order_id'   => $order->get_id(),
				'session_id' => $session_id,
				'reused'     => $session_id === $stored_id,
			)
		);
		return $url;
	}

	/**
	 * The stored checkout URL when the order is unchanged and its session is pending and not about to expire.
	 *
	 * @param \WC_Order $order     The order.
	 * @param string    $stored_id Its stored session id.
	 * @param string    $hash      Hash of the payload built now.
	 */
	private function reusable_url( \WC_Order $order, string $stored_id, string $hash ): ?string {
		$url     = (string) $order->get_meta( '_korea_checkout_checkout_url' );
		$expires = strtotime( (string) $order->get_meta( '_korea_checkout_session_expires' ) );
		if ( '' === $url || (string) $order->get_meta( '_korea_checkout_payload_hash' ) !== $hash ) {
			return null;
		}
		if ( false === $expires || $expires < time() + self::REUSE_MARGIN ) {
			return null;
		}
		try {
			$session = $this->client->get_session( $stored_id );
		} catch ( ApiException $e ) {
			// Unknown to the API or unreadable now: a new session is the safe way forward.
			return null;
		}
		return 'pending' === ( $session['status'] ?? '' ) ? $url : null;
	}

	/**
	 * Stores the session on the order (under the order's lock when the Orders module provides one).
	 *
	 * @param \WC_Order $order      The order.
	 * @param string    $session_id Session id.
	 * @param string    $url        Checkout URL.
	 * @param string    $hash       Payload hash.
	 * @param string    $expires    ISO expiry time.
	 * @param string    $previous   The session it replaces, '' for none.
	 */
	private function remember( \WC_Order $order, string $session_id, string $url, string $hash, string $expires, string $previous ): void {
		$write = static function () use ( $order, $session_id, $url, $hash, $expires, $previous ): void {
			$target = $order;
			if ( class_exists( \KoreaCheckout\Orders\OrderLock::class ) ) {
				$fresh  = \KoreaCheckout\Orders\OrderLock::fresh_order( $order->get_id() );
				$target = $fresh ? $fresh : $order;
			}
			$target->update_meta_data( '_korea_checkout_session_id', $session_id );
			$target->update_meta_data( '_korea_checkout_checkout_url', $url );
			$target->update_meta_data( '_korea_checkout_payload_hash', $hash );
			$target->update_meta_data( '_korea_checkout_session_expires', $expires );
			$target->update_meta_data( '_korea_checkout_session_status', 'pending' );
			if ( $session_id !== $previous ) {
				/* translators: %s: checkout session id */
				$target->add_order_note( sprintf( __( 'Korea Checkout session %s created; the shopper was sent to the payment page.', 'korea-checkout' ), $session_id ) );
			}
			$target->save();
		};

		if ( ! class_exists( \KoreaCheckout\Orders\OrderLock::class ) ) {
			$write();
			return;
		}
		try {
			\KoreaCheckout\Orders\OrderLock::run( $order->get_id(), $write );
		} catch ( \Exception $e ) {
			// The lock stayed busy: the session exists, so the shopper must still reach it. Writing these few
			// keys of our own without the lock is safe; the state machine reads the session from the API anyway.
			Logger::warning(
				'Stored the new session without the order lock.',
				array(
					'order_id' => $order->get_id(),
					'error'    => $e->getMessage(),
				)
			);
			$write();
		}
	}
}
