<?php
/**
 * The one way a session changes an order: read it from the API, check it belongs, apply it.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Api\Client;
use KoreaCheckout\Logging\Logger;

defined( 'ABSPATH' ) || exit;

/**
 * The webhook, the shopper's return, the order-received page's poll, reconciliation, the CLI and the order panel
 * all bring an order up to date through refresh(), each with its own wording of the outcome. Nothing a caller
 * was told (a webhook body, a query string) is used: only the session as the API shows it, and only when
 * SessionOwner says it belongs to the order.
 *
 * A caller that must answer in time (the webhook) passes a deadline: the API read and the wait for the order's
 * lock are then cut to fit, and OutOfTime is thrown when too little is left to start either.
 */
final class Refresh {

	/**
	 * The session is not one the order recorded, or the API shows it for another order: nothing was done.
	 */
	public const NOT_OURS = 'not_ours';

	/**
	 * The API does not know the session (404): nothing was done.
	 */
	public const GONE = 'session_not_found';

	/**
	 * A session of an order now paid with another gateway took money: a person was told, the order was left.
	 */
	public const PAID_ELSEWHERE = 'paid_elsewhere';

	/**
	 * The longest API read under a deadline, in seconds.
	 */
	public const DEADLINE_API_TIMEOUT = 5.0;

	/**
	 * Seconds kept, under a deadline, for the lock and the order's update after the API read.
	 */
	private const AFTER_READ = 2.0;

	/**
	 * API client.
	 *
	 * @var Client
	 */
	private Client $client;

	/**
	 * Creates the refresher.
	 *
	 * @param Client|null $client API client; default one with the saved settings.
	 */
	public function __construct( ?Client $client = null ) {
		$this->client = $client ?? new Client();
	}

	/**
	 * Brings an order in line with one of its sessions.
	 *
	 * @param \WC_Order  $order      The order.
	 * @param string     $session_id The session to read (the order must have recorded it).
	 * @param string     $source     `return`, `webhook`, `reconcile` or `admin` (order notes and logs).
	 * @param float|null $deadline   Unix time (microtime) by which the work must be done; null for none.
	 * @return array{action: string, session: array<string, mixed>} The action taken (a Transition constant,
	 *         NOT_OURS or GONE) and the session as the API showed it ([] when not read).
	 * @throws ApiException When the API could not be read (other than 404).
	 * @throws LockTimeout  When the order stayed locked.
	 * @throws OutOfTime    When the deadline leaves no time to read or to wait.
	 */
	public function refresh( \WC_Order $order, string $session_id, string $source, ?float $deadline = null ): array {
		$read = $this->read( $order, $session_id, $source, $deadline, array( SessionOwner::class, 'owns' ) );
		if ( null !== $read['action'] ) {
			return self::outcome( $read['action'], $read['session'] );
		}
		$action = SessionSync::apply( $order, $read['session'], $source, self::lock_wait( $deadline ) );
		return self::outcome( $action, $read['session'] );
	}

	/**
	 * Looks at a session an order recorded before it moved to another payment method, as when the shopper switched
	 * on the pay page and then paid in a hosted-page tab still open. Such a session is not applied: the order is
	 * another gateway's now, and may be paid that way too. If it took money, a person is told once (an order note
	 * and an email) and decides which payment to refund.
	 *
	 * @param \WC_Order  $order      The order, paid with another gateway.
	 * @param string     $session_id A session the order recorded.
	 * @param string     $source     As for refresh().
	 * @param float|null $deadline   As for refresh().
	 * @return array{action: string, session: array<string, mixed>} PAID_ELSEWHERE, Transition::IGNORE (no money
	 *         taken), NOT_OURS or GONE, and the session read.
	 * @throws ApiException When the API could not be read (other than 404).
	 * @throws LockTimeout  When the order stayed locked.
	 * @throws OutOfTime    When the deadline leaves no time to read or to wait.
	 */
	public function check_switched( \WC_Order $order, string $session_id, string $source, ?float $deadline = null ): array {
		if ( OrderMeta::is_ours( $order ) ) {
			return self::outcome( self::NOT_OURS );
		}
		$read = $this->read( $order, $session_id, $source, $deadline, array( SessionOwner::class, 'made_for' ) );
		if ( null !== $read['action'] ) {
			return self::outcome( $read['action'], $read['session'] );
		}
		$session = $read['session'];
		$status  = (string) ( $session['status'] ?? '' );
		// Only money still held needs a person: a session refunded in full has given it back.
		if ( 'refunded' === $status || ! in_array( $status, Transition::MONEY_TAKEN, true ) ) {
			return self::outcome( Transition::IGNORE, $session );
		}
		OrderLock::run(
			$order->get_id(),
			static function () use ( $order, $session ): void {
				$fresh = OrderLock::fresh_order( $order->get_id() );
				if ( null !== $fresh && ! OrderMeta::is_ours( $fresh ) ) {
					AdminAlert::paid_elsewhere( $fresh, $session );
				}
			},
			self::lock_wait( $deadline )
		);
		return self::outcome( self::PAID_ELSEWHERE, $session );
	}

	/**
	 * Reads a session the order recorded and checks that it belongs to the order.
	 *
	 * @param \WC_Order  $order      The order.
	 * @param string     $session_id The session.
	 * @param string     $source     For the log.
	 * @param float|null $deadline   Unix time, or null.
	 * @param callable   $belongs    SessionOwner's rule to apply: owns() or made_for().
	 * @return array{action: string|null, session: array<string, mixed>} A null action when the session was read
	 *         and belongs; NOT_OURS or GONE otherwise.
	 * @throws ApiException When the API could not be read (other than 404).
	 * @throws OutOfTime    When the deadline leaves no time to read.
	 */
	private function read( \WC_Order $order, string $session_id, string $source, ?float $deadline, callable $belongs ): array {
		if ( '' === $session_id || SessionOwner::order_id_of( $session_id ) !== $order->get_id() ) {
			return array(
				'action'  => self::NOT_OURS,
				'session' => array(),
			);
		}
		try {
			$session = $this->client->get_session( $session_id, self::api_timeout( $deadline ) );
		} catch ( ApiException $e ) {
			if ( 404 === $e->get_status() ) {
				return array(
					'action'  => self::GONE,
					'session' => array(),
				);
			}
			throw $e;
		}
		if ( ! $belongs( $order, $session ) ) {
			Logger::error(
				'A session the store did not make for this order was refused.',
				array(
					'order_id'   => $order->get_id(),
					'session_id' => $session_id,
					'source'     => $source,
				)
			);
			return array(
				'action'  => self::NOT_OURS,
				'session' => $session,
			);
		}
		return array(
			'action'  => null,
			'session' => $session,
		);
	}

	/**
	 * Whether an outcome of refresh() left the order as it was because the session is not the order's to act on
	 * (NOT_OURS) or the API does not know it (GONE).
	 *
	 * @param array{action: string, session: array<string, mixed>} $outcome What refresh() returned.
	 */
	public static function not_applied( array $outcome ): bool {
		return self::NOT_OURS === $outcome['action'] || self::GONE === $outcome['action'];
	}

	/**
	 * The API read's timeout under a deadline, or null for the client's own.
	 *
	 * @param float|null $deadline Unix time.
	 * @throws OutOfTime When less than a second would be left for the read.
	 */
	private static function api_timeout( ?float $deadline ): ?float {
		if ( null === $deadline ) {
			return null;
		}
		$timeout = min( self::DEADLINE_API_TIMEOUT, $deadline - microtime( true ) - self::AFTER_READ );
		if ( $timeout < 1.0 ) {
			throw new OutOfTime( 'No time left to read the session.' );
		}
		return $timeout;
	}

	/**
	 * The lock wait under a deadline, or null for the lock's own.
	 *
	 * @param float|null $deadline Unix time.
	 * @throws OutOfTime When too little is left to wait at all.
	 */
	private static function lock_wait( ?float $deadline ): ?float {
		if ( null === $deadline ) {
			return null;
		}
		$wait = min( (float) OrderLock::WAIT, $deadline - microtime( true ) - 1.0 );
		if ( $wait < 0.2 ) {
			throw new OutOfTime( 'No time left to wait for the order.' );
		}
		return $wait;
	}

	/**
	 * An outcome.
	 *
	 * @param string               $action  What was done.
	 * @param array<string, mixed> $session The session read.
	 * @return array{action: string, session: array<string, mixed>}
	 */
	private static function outcome( string $action, array $session = array() ): array {
		return array(
			'action'  => $action,
			'session' => $session,
		);
	}
}
