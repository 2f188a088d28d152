<?php
/**
 * Sends the shopper to a session that can take this order's money, never to a second one that could take it
 * again.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Api\Client;
use KoreaCheckout\Logging\Logger;
use KoreaCheckout\Orders\OrderLock;
use KoreaCheckout\Orders\OrderMeta;
use KoreaCheckout\Orders\SessionOwner;
use KoreaCheckout\Orders\SessionSync;
use KoreaCheckout\Orders\Transition;

defined( 'ABSPATH' ) || exit;

/**
 * Runs whenever an order is paid (again): Place order, Place order pressed a second time on the same cart, or
 * My Account → Pay. Under the order's lock it first reads back every session the order has that could still take
 * money:
 * - one that took money pays the order (or puts it on hold), and the shopper goes to the order-received page;
 * - a virtual account still waiting for its deposit sends the shopper there too;
 * - the current session, still pending for exactly this order's contents, is reused;
 * - any other session that could still take money (pending, or failed with time left: the service would still
 *   accept a payment of it) is retired first (`PATCH expiresAt` = now); when the service answers
 *   `session_not_modifiable` because it was just paid, that payment is applied instead.
 * Only then is a new session made, under an Idempotency-Key that comes from the order, its contents and how many
 * sessions it had. The key and the body's expiry are kept on the order (OrderMeta::SESSION_INTENT) until the
 * answer arrives, so a retry after a lost answer sends the very same request and gets the very same session.
 */
class SessionStarter {

	/**
	 * Seconds a session must still have before a shopper is sent (back) to it.
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
	 * @param Client|null $client API client; default one with the saved settings.
	 */
	public function __construct( ?Client $client = null ) {
		$this->client = $client ?? new Client();
	}

	/**
	 * Where to send the shopper: a session's `checkoutUrl` exactly as the API returned it, or the order-received
	 * page when the order turned out to be paid already.
	 *
	 * @param \WC_Order $order The order to pay.
	 * @throws ApiException When the API cannot be asked or cannot create the session.
	 * @throws \KoreaCheckout\Orders\LockTimeout When another request keeps the order busy.
	 * @throws PaymentInProgress When the shopper is paying one of the order's sessions right now.
	 */
	public function start( \WC_Order $order ): string {
		$order_id = $order->get_id();
		return (string) OrderLock::run(
			$order_id,
			function () use ( $order, $order_id ): string {
				$fresh    = OrderLock::fresh_order( $order_id ) ?? $order;
				$payload  = SessionPayload::build( OrderFacts::of( $fresh ) );
				$hash     = SessionPayload::hash( $payload );
				$sessions = SessionOwner::sessions_of( $order_id );
				return $this->settled_url( $fresh, $sessions, $hash ) ?? $this->create( $fresh, $payload, $hash, count( $sessions ) );
			}
		);
	}

	/**
	 * Reads back the order's sessions; returns where to send the shopper when one of them settles the matter.
	 *
	 * @param \WC_Order                                                           $order    The order, under its lock.
	 * @param list<array{session_id: string, status: string, created_at: string}> $sessions Its sessions, newest first.
	 * @param string                                                              $hash     Hash of the contents now.
	 * @throws ApiException When a session cannot be read: better no checkout than a second charge.
	 * @throws PaymentInProgress When the shopper is paying one of them right now.
	 */
	private function settled_url( \WC_Order $order, array $sessions, string $hash ): ?string {
		foreach ( $sessions as $row ) {
			if ( in_array( $row['status'], SessionOwner::CLOSED, true ) ) {
				continue;
			}
			$session = $this->client->get_session( $row['session_id'] );
			$status  = (string) ( $session['status'] ?? '' );
			if ( ! SessionOwner::owns( $order, $session ) ) {
				continue;
			}
			if ( self::took_money( $session ) ) {
				return $this->apply( $order, $session );
			}
			if ( self::being_paid( $session ) ) {
				throw new PaymentInProgress( $row['session_id'] );
			}
			if ( 'pending' === $status && $this->reusable( $order, $session, $hash ) ) {
				Logger::info(
					'Sending the shopper back to the order\'s pending session.',
					array(
						'order_id'   => $order->get_id(),
						'session_id' => $row['session_id'],
					)
				);
				return OrderMeta::text( $order, OrderMeta::CHECKOUT_URL );
			}
			if ( self::payable( $session ) ) {
				$paid = $this->retire( $order, $row['session_id'] );
				if ( null !== $paid ) {
					return $paid;
				}
				continue;
			}
			// A failed session past its expiry can no longer take money: never read it again.
			SessionOwner::set_status( $row['session_id'], 'failed' === $status ? 'expired' : $status );
		}
		return null;
	}

	/**
	 * Whether a session took the money, or issued a virtual account that will take it: it pays (or holds) the
	 * order instead of a new session.
	 *
	 * @param array<string, mixed> $session The session as the API shows it.
	 */
	private static function took_money( array $session ): bool {
		$status = (string) ( $session['status'] ?? '' );
		return in_array( $status, Transition::MONEY_TAKEN, true ) || ( 'processing' === $status && is_array( $session['virtualAccount'] ?? null ) );
	}

	/**
	 * Whether the shopper is paying a session right now (`processing` without a virtual account, time left).
	 *
	 * @param array<string, mixed> $session The session as the API shows it.
	 */
	private static function being_paid( array $session ): bool {
		return 'processing' === ( $session['status'] ?? '' ) && ! is_array( $session['virtualAccount'] ?? null ) && self::lasts( $session['expiresAt'] ?? '', 0 );
	}

	/**
	 * Whether a session could still take the shopper's money: pending, or failed with time left (the service still
	 * accepts a payment of a failed session until it expires).
	 *
	 * @param array<string, mixed> $session The session as the API shows it.
	 */
	private static function payable( array $session ): bool {
		return in_array( (string) ( $session['status'] ?? '' ), array( 'pending', 'failed' ), true ) && self::lasts( $session['expiresAt'] ?? '', 0 );
	}

	/**
	 * Whether a pending session is the order's current one, for exactly these contents, with time left.
	 *
	 * @param \WC_Order            $order   The order.
	 * @param array<string, mixed> $session The pending session.
	 * @param string               $hash    Hash of the contents now.
	 */
	private function reusable( \WC_Order $order, array $session, string $hash ): bool {
		return (string) ( $session['sessionId'] ?? '' ) === OrderMeta::session_id( $order )
			&& OrderMeta::text( $order, OrderMeta::PAYLOAD_HASH ) === $hash
			&& '' !== OrderMeta::text( $order, OrderMeta::CHECKOUT_URL )
			&& self::lasts( $session['expiresAt'] ?? '', self::REUSE_MARGIN );
	}

	/**
	 * Whether an ISO 8601 expiry is more than a margin away.
	 *
	 * @param mixed $expires_at The expiry as the API or the order kept it.
	 * @param int   $margin     Seconds that must be left.
	 */
	private static function lasts( $expires_at, int $margin ): bool {
		$expires = is_string( $expires_at ) ? strtotime( $expires_at ) : false;
		return false !== $expires && $expires > time() + $margin;
	}

	/**
	 * Ends a pending session that is being replaced; returns the order-received URL when it turned out paid.
	 *
	 * @param \WC_Order $order      The order.
	 * @param string    $session_id The session to retire.
	 * @throws ApiException When the service cannot be asked.
	 * @throws PaymentInProgress When the shopper began paying it in the meantime.
	 */
	private function retire( \WC_Order $order, string $session_id ): ?string {
		try {
			$session = $this->client->patch_session( $session_id, array( 'expiresAt' => gmdate( 'Y-m-d\TH:i:s\Z' ) ) );
		} catch ( ApiException $e ) {
			if ( 'session_not_modifiable' !== $e->get_error_code() ) {
				throw $e;
			}
			// Paid, or being paid, between our read and the retirement: go by what the service says now.
			$session = $this->client->get_session( $session_id );
			if ( self::took_money( $session ) ) {
				return $this->apply( $order, $session );
			}
			if ( self::being_paid( $session ) ) {
				throw new PaymentInProgress( $session_id );
			}
		}
		SessionOwner::set_status( $session_id, (string) ( $session['status'] ?? 'expired' ) );
		Logger::info(
			'Retired the order\'s earlier session before making a new one.',
			array(
				'order_id'   => $order->get_id(),
				'session_id' => $session_id,
			)
		);
		return null;
	}

	/**
	 * Applies a session that took money (or issued a virtual account) and answers the order-received URL.
	 *
	 * @param \WC_Order            $order   The order, under its lock.
	 * @param array<string, mixed> $session The session.
	 */
	private function apply( \WC_Order $order, array $session ): string {
		SessionSync::apply( $order, $session, 'return' );
		$fresh = OrderLock::fresh_order( $order->get_id() ) ?? $order;
		return $fresh->get_checkout_order_received_url();
	}

	/**
	 * Creates the session and records it before the shopper is sent anywhere.
	 *
	 * @param \WC_Order            $order   The order, under its lock.
	 * @param array<string, mixed> $payload The create-session body.
	 * @param string               $hash       Its hash without the expiry.
	 * @param int                  $generation How many sessions the order had before this one.
	 * @throws ApiException When the API cannot create the session.
	 */
	private function create( \WC_Order $order, array $payload, string $hash, int $generation ): string {
		$intent = OrderMeta::items( $order, OrderMeta::SESSION_INTENT );
		if ( ( $intent['hash'] ?? '' ) === $hash && ( $intent['generation'] ?? -1 ) === $generation && self::lasts( $intent['expiresAt'] ?? '', self::REUSE_MARGIN ) ) {
			// The same request as the one whose answer was lost: same body, same key, same session.
			$payload['expiresAt'] = (string) $intent['expiresAt'];
			$key                  = (string) $intent['key'];
		} else {
			// A kept request too close to its expiry is not sent again: its body would carry a new expiry, and the
			// same key with another body is refused (idempotency_key_reused) for 24 hours. It gets a key of its own.
			$same  = ( $intent['hash'] ?? '' ) === $hash && ( $intent['generation'] ?? -1 ) === $generation;
			$retry = $same ? (int) ( $intent['retry'] ?? 0 ) + 1 : 0;
			$key   = SessionPayload::idempotency_key( $order->get_id(), $hash, $generation, $retry );
			$order->update_meta_data(
				OrderMeta::SESSION_INTENT,
				array(
					'key'        => $key,
					'hash'       => $hash,
					'generation' => $generation,
					'retry'      => $retry,
					'expiresAt'  => (string) $payload['expiresAt'],
				)
			);
			$order->save();
		}

		$answer     = $this->client->create_session( $payload, $key );
		$session_id = (string) $answer['sessionId'];
		$replayed   = SessionOwner::order_id_of( $session_id ) === $order->get_id();
		SessionOwner::record( $order->get_id(), $session_id );

		$order->update_meta_data( OrderMeta::SESSION_ID, $session_id );
		$order->update_meta_data( OrderMeta::CHECKOUT_URL, (string) $answer['checkoutUrl'] );
		$order->update_meta_data( OrderMeta::PAYLOAD_HASH, $hash );
		$order->update_meta_data( OrderMeta::SESSION_EXPIRES, is_string( $answer['expiresAt'] ?? null ) ? $answer['expiresAt'] : (string) $payload['expiresAt'] );
		$order->update_meta_data( OrderMeta::SESSION_STATUS, 'pending' );
		$order->delete_meta_data( OrderMeta::SESSION_INTENT );
		if ( ! $replayed ) {
			/* translators: %s: checkout session id */
			$order->add_order_note( sprintf( __( 'Korea Checkout session %s created; the shopper was sent to the payment page.', 'korea-checkout' ), $session_id ) );
		}
		$order->save();
		Logger::info(
			'Checkout session created.',
			array(
				'order_id'   => $order->get_id(),
				'session_id' => $session_id,
				'generation' => $generation,
			)
		);
		return (string) $answer['checkoutUrl'];
	}
}
