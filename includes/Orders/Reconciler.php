<?php
/**
 * Asks the API about orders a lost or failed webhook could have left behind.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Api\Client;
use KoreaCheckout\Jobs;
use KoreaCheckout\Logging\Logger;
use KoreaCheckout\Plugin;
use KoreaCheckout\Settings\ShopMethods;

defined( 'ABSPATH' ) || exit;

/**
 * A recurring job (KoreaCheckout\Jobs), `korea_checkout_reconcile`, every five minutes, scheduled when the plugin's
 * database is installed or upgraded (never on page loads). Each run refreshes, one page at a time so every order
 * gets its turn:
 * - orders still waiting (pending and on-hold, created in the last ten days; sessions live at most seven), and
 *   failed ones, whose session the shopper may still pay until it expires: a payment no webhook reported pays
 *   its order, and a session that expired cancels its order, which releases its stock;
 * - paid orders in the REFUND_WATCH days after payment, so that a refund made in the service's dashboard whose
 *   webhook never arrived is recorded all the same; order-screen refunds still awaiting confirmation a day after
 *   they were sent are given up with a note, once this run has read the session and found nothing of them.
 * Once an hour it also reads the shop's payment methods again (Settings\ShopMethods), so that a method the shop
 * lost or gained is offered accordingly without anyone opening the settings page.
 * Events a webhook delivery left unfinished are settled by the Webhook module's own job. Each order is refreshed
 * in its own try: whatever one throws is logged and the run goes on; a rate-limited answer ends the run early.
 */
final class Reconciler {

	public const HOOK     = 'korea_checkout_reconcile';
	public const INTERVAL = 300;
	public const BATCH    = 20;
	public const MAX_AGE  = 10 * DAY_IN_SECONDS;

	/**
	 * Days after payment during which paid orders are checked for refunds made elsewhere.
	 */
	public const REFUND_WATCH = 14;

	/**
	 * Seconds after which an order-screen refund that was never confirmed is given up.
	 */
	public const PENDING_REFUND_LIMIT = DAY_IN_SECONDS;

	/**
	 * Options holding how many orders of each kind the next run skips (0 = start again from the oldest).
	 */
	public const CURSOR      = 'korea_checkout_reconcile_cursor';
	public const PAID_CURSOR = 'korea_checkout_reconcile_paid_cursor';

	/**
	 * Option holding when the shop's methods were last read by this job.
	 */
	public const SHOP_READ = 'korea_checkout_reconcile_shop_read';

	/**
	 * API client.
	 *
	 * @var Client
	 */
	private Client $client;

	/**
	 * Reads sessions and applies them.
	 *
	 * @var Refresh
	 */
	private Refresh $refresh;

	/**
	 * The orders whose session this run read and applied.
	 *
	 * @var list<int>
	 */
	private array $read = array();

	/**
	 * Creates the reconciler.
	 *
	 * @param Client|null $client API client; default one with the saved settings.
	 */
	public function __construct( ?Client $client = null ) {
		$this->client  = $client ?? new Client();
		$this->refresh = new Refresh( $this->client );
	}

	/**
	 * Schedules the recurring action unless it is scheduled (from Schema, once Action Scheduler is loaded).
	 */
	public static function schedule(): void {
		Jobs::schedule( self::HOOK, self::INTERVAL );
	}

	/**
	 * Removes the recurring action (deactivation).
	 */
	public static function unschedule(): void {
		Jobs::unschedule( self::HOOK );
	}

	/**
	 * One run.
	 *
	 * @return array<int, string> Order id => action taken (or an error code), for logs and tests.
	 */
	public function run(): array {
		$results = array();
		$waiting = $this->page(
			self::CURSOR,
			array(
				'status'       => array( 'wc-pending', 'wc-on-hold', 'wc-failed' ),
				'date_created' => '>' . ( time() - self::MAX_AGE ),
			)
		);
		if ( ! $this->refresh_all( $waiting, array( OrderMeta::class, 'session_id' ), $results ) ) {
			return $this->log( $results );
		}
		$paid = $this->page(
			self::PAID_CURSOR,
			array(
				'status'    => array( 'wc-processing', 'wc-completed' ),
				'date_paid' => '>' . ( time() - self::REFUND_WATCH * DAY_IN_SECONDS ),
			)
		);
		// An order paid by this very run was just read: not twice.
		$paid = array_values( array_filter( $paid, static fn( \WC_Order $order ): bool => ! isset( $results[ $order->get_id() ] ) ) );
		$this->refresh_all( $paid, array( OrderMeta::class, 'paid_session' ), $results );
		foreach ( $paid as $order ) {
			// Only where this run read the session: an unanswered read proves nothing about a refund.
			if ( in_array( $order->get_id(), $this->read, true ) ) {
				$this->give_up_pending_refunds( $order->get_id() );
			}
		}
		$this->read_shop_hourly();
		return $this->log( $results );
	}

	/**
	 * Reads the shop's payment methods when the last read is an hour old; a failure waits for the next hour.
	 */
	private function read_shop_hourly(): void {
		if ( time() - (int) get_option( self::SHOP_READ, 0 ) < HOUR_IN_SECONDS ) {
			return;
		}
		update_option( self::SHOP_READ, time(), false );
		try {
			ShopMethods::refresh( $this->client );
		} catch ( ApiException $e ) {
			Logger::info( 'Reconciliation could not read the shop\'s payment methods.', array( 'code' => $e->get_error_code() ) );
		}
	}

	/**
	 * Refreshes each order from the session $session_of names; false when the API asked to slow down.
	 *
	 * @param list<\WC_Order>    $orders     The orders.
	 * @param callable           $session_of Order => session id.
	 * @param array<int, string> $results    Collects order id => outcome.
	 */
	private function refresh_all( array $orders, callable $session_of, array &$results ): bool {
		foreach ( $orders as $order ) {
			$session_id = (string) $session_of( $order );
			if ( '' === $session_id ) {
				continue;
			}
			try {
				$results[ $order->get_id() ] = $this->refresh->refresh( $order, $session_id, 'reconcile' )['action'];
				$this->read[]                = $order->get_id();
			} catch ( ApiException $e ) {
				$results[ $order->get_id() ] = $e->get_error_code();
				if ( 'rate_limited' === $e->get_error_code() || 429 === $e->get_status() ) {
					return false;
				}
			} catch ( LockTimeout $e ) {
				$results[ $order->get_id() ] = 'locked';
			} catch ( \Throwable $e ) {
				$results[ $order->get_id() ] = 'error';
				Logger::error(
					'Reconciliation could not refresh an order.',
					array(
						'order_id' => $order->get_id(),
						'error'    => $e->getMessage(),
					)
				);
			}
		}
		return true;
	}

	/**
	 * Drops order-screen refunds the service never confirmed within PENDING_REFUND_LIMIT, with a note.
	 *
	 * @param int $order_id The order.
	 */
	private function give_up_pending_refunds( int $order_id ): void {
		try {
			// Under the order's lock: an order-screen refund or a confirming webhook may be writing the same list.
			OrderLock::run(
				$order_id,
				static function () use ( $order_id ): void {
					$order = OrderLock::fresh_order( $order_id );
					if ( null === $order ) {
						return;
					}
					$pending = OrderMeta::pending_refunds( $order );
					$kept    = array_values( array_filter( $pending, static fn( array $entry ): bool => time() - $entry['sent'] < self::PENDING_REFUND_LIMIT ) );
					if ( count( $kept ) === count( $pending ) ) {
						return;
					}
					$order->update_meta_data( OrderMeta::PENDING_REFUNDS, $kept );
					$order->add_order_note( __( 'A refund sent to Korea Checkout was never confirmed, so it did not go through. Refund again if it is still owed.', 'korea-checkout' ) );
					$order->save();
				}
			);
		} catch ( LockTimeout $e ) {
			// Busy now: the next run looks again.
			return;
		}
	}

	/**
	 * The next page (by id) of this gateway's orders matching $query, starting at the stored offset.
	 *
	 * @param string               $cursor Option holding the offset.
	 * @param array<string, mixed> $query  wc_get_orders() arguments.
	 * @return list<\WC_Order>
	 */
	private function page( string $cursor, array $query ): array {
		$offset = max( 0, (int) get_option( $cursor, 0 ) );
		$orders = wc_get_orders(
			$query + array(
				'type'           => 'shop_order',
				'payment_method' => Plugin::GATEWAY_ID,
				'orderby'        => 'ID',
				'order'          => 'ASC',
				'limit'          => self::BATCH,
				'offset'         => $offset,
			)
		);
		$orders = array_values( array_filter( (array) $orders, static fn( $order ): bool => $order instanceof \WC_Order ) );
		update_option( $cursor, count( $orders ) < self::BATCH ? 0 : $offset + self::BATCH, false );
		return $orders;
	}

	/**
	 * Logs a run's results and returns them.
	 *
	 * @param array<int, string> $results Order id => outcome.
	 * @return array<int, string>
	 */
	private function log( array $results ): array {
		if ( array() !== $results ) {
			Logger::debug( 'Reconciliation run.', array( 'results' => $results ) );
		}
		return $results;
	}
}
