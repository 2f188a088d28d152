<?php
/**
 * Asks the API about orders still waiting, so that a lost webhook never leaves an order stuck.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Api\Client;
use KoreaCheckout\Logging\Logger;
use KoreaCheckout\Webhook\EventLog;

defined( 'ABSPATH' ) || exit;

/**
 * A recurring Action Scheduler action, `korea_checkout_reconcile` in group `korea-checkout`, every five minutes.
 * Each run takes the next page (by id) of this gateway's pending and on-hold orders created in the last ten days
 * (sessions live at most seven), so that every order gets its turn, reads the session of each from the API and
 * applies it through SessionSync. A session that expired cancels its
 * order, which restores stock. A rate-limited answer ends the run early. Each run also prunes old webhook ids.
 */
final class Reconciler {

	public const HOOK     = 'korea_checkout_reconcile';
	public const GROUP    = 'korea-checkout';
	public const INTERVAL = 300;
	public const BATCH    = 20;
	public const MAX_AGE  = 10 * DAY_IN_SECONDS;

	/**
	 * Option holding how many waiting orders the next run skips (0 = start again from the oldest).
	 */
	public const CURSOR = 'korea_checkout_reconcile_cursor';

	/**
	 * Makes the API client.
	 *
	 * @var callable(): Client
	 */
	private $client_factory;

	/**
	 * Sets how the API client is made.
	 *
	 * @param callable|null $client_factory Returns an Api\Client; default `new Client()`.
	 */
	public function __construct( ?callable $client_factory = null ) {
		$this->client_factory = $client_factory ?? static function (): Client {
			return new Client();
		};
	}

	/**
	 * Schedules the recurring action unless it is scheduled (on `init`; Action Scheduler is loaded by then).
	 */
	public static function schedule(): void {
		if ( ! function_exists( 'as_has_scheduled_action' ) || as_has_scheduled_action( self::HOOK, array(), self::GROUP ) ) {
			return;
		}
		as_schedule_recurring_action( time() + self::INTERVAL, self::INTERVAL, self::HOOK, array(), self::GROUP, true );
	}

	/**
	 * Removes the recurring action (deactivation, uninstall).
	 */
	public static function unschedule(): void {
		if ( function_exists( 'as_unschedule_all_actions' ) ) {
			as_unschedule_all_actions( self::HOOK, array(), self::GROUP );
		}
	}

	/**
	 * One run.
	 *
	 * @return array<int, string> Order id => action taken (or an error code), for logs and tests.
	 */
	public function run(): array {
		EventLog::prune();

		$offset = max( 0, (int) get_option( self::CURSOR, 0 ) );
		$orders = $this->batch( $offset );
		update_option( self::CURSOR, count( $orders ) < self::BATCH ? 0 : $offset + self::BATCH, false );

		$results = array();
		$client  = ( $this->client_factory )();
		foreach ( $orders as $order ) {
			$session_id = (string) $order->get_meta( '_korea_checkout_session_id' );
			if ( '' === $session_id ) {
				continue;
			}
			try {
				$session                     = $client->get_session( $session_id );
				$results[ $order->get_id() ] = SessionSync::apply( $order, $session, 'reconcile' );
			} catch ( ApiException $e ) {
				$results[ $order->get_id() ] = $e->get_error_code();
				if ( 'rate_limited' === $e->get_error_code() || 429 === $e->get_status() ) {
					break;
				}
			} catch ( LockTimeout $e ) {
				$results[ $order->get_id() ] = 'locked';
			}
		}
		if ( array() !== $results ) {
			Logger::debug( 'Reconciliation run.', array( 'results' => $results ) );
		}
		return $results;
	}

	/**
	 * The next page of waiting orders, by ascending id, starting at the stored offset.
	 *
	 * @param int $offset Orders to skip.
	 * @return list<\WC_Order>
	 */
	private function batch( int $offset ): array {
		$orders = wc_get_orders(
			array(
				'type'           => 'shop_order',
				'status'         => array( 'wc-pending', 'wc-on-hold' ),
				'payment_method' => SessionSync::GATEWAY_ID,
				'date_created'   => '>' . ( time() - self::MAX_AGE ),
				'orderby'        => 'ID',
				'order'          => 'ASC',
				'limit'          => self::BATCH,
				'offset'         => $offset,
			)
		);
		return array_values(
			array_filter(
				(array) $orders,
				static function ( $order ): bool {
					return $order instanceof \WC_Order;
				}
			)
		);
	}
}
