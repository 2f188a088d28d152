<?php
/**
 * Which order each checkout session was made for, and the one rule that lets a session act on an order.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

defined( 'ABSPATH' ) || exit;

/**
 * Every session the store creates is recorded in `{$wpdb->prefix}korea_checkout_sessions`, one row per session
 * id (a unique key), with the order it was made for. A session read from the API may change an order only
 * when that order recorded it here, its `platformOrderId` is the order's id and, when the API shows the session's
 * metadata, its `orderKeyHash` proves knowledge of the order's key. A session made elsewhere with the same API
 * key (a second store, a staging copy) can therefore never pay, fail or refund one of our orders, whatever link it
 * arrives on. The webhook, the shopper's return, the status poll, reconciliation, the CLI and the order panel all
 * ask this class, through Refresh.
 *
 * The table also keeps each session's last known status and when the API was last asked about it, so that the
 * status poll and unsigned webhooks read a session at most once per interval, across PHP workers and web nodes.
 */
final class SessionOwner {

	/**
	 * Table name without the site prefix.
	 */
	public const TABLE = 'korea_checkout_sessions';

	/**
	 * Session statuses after which a session can never take money. (A `failed` one can, until it expires: the
	 * hosted page lets the shopper try again.)
	 */
	public const CLOSED = array( 'cancelled', 'expired' );

	/**
	 * Sessions whose order this request already looked up: session id => order id.
	 *
	 * @var array<string, int>
	 */
	private static array $known = array();

	/**
	 * The table's CREATE statement, in dbDelta's format.
	 *
	 * @param string $charset_collate The site's `$wpdb->get_charset_collate()`.
	 */
	public static function table_sql( string $charset_collate ): string {
		$table = self::table();
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  session_id varchar(128) NOT NULL,
  order_id bigint(20) unsigned NOT NULL,
  status varchar(20) NOT NULL DEFAULT '',
  created_at datetime NOT NULL,
  checked_at datetime NULL DEFAULT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY session_id (session_id),
  KEY order_id (order_id)
) {$charset_collate};";
	}

	/**
	 * The prefixed table name.
	 */
	public static function table(): string {
		global $wpdb;
		return $wpdb->prefix . self::TABLE;
	}

	/**
	 * The hash sent as `orderKeyHash`: proves which order a session is for without revealing its key.
	 *
	 * @param string $order_key WooCommerce order key.
	 */
	public static function order_key_hash( string $order_key ): string {
		return hash( 'sha256', $order_key );
	}

	/**
	 * Records a session the store just created for an order (a second call for the same id changes nothing).
	 *
	 * @param int    $order_id   The order.
	 * @param string $session_id The session's id as the API returned it.
	 * @param string $status     Its status (`pending` for a new one).
	 * @throws \RuntimeException When the database refuses the row: the session could then never be matched.
	 */
	public static function record( int $order_id, string $session_id, string $status = 'pending' ): void {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our own table.
		$result = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$table} (session_id, order_id, status, created_at) VALUES (%s, %d, %s, %s)", $session_id, $order_id, $status, gmdate( 'Y-m-d H:i:s' ) ) );
		if ( false === $result ) {
			throw new \RuntimeException( 'The session could not be recorded: ' . $wpdb->last_error );
		}
	}

	/**
	 * The order a session was created for, 0 when this store never created it. One unique-key read.
	 *
	 * @param string $session_id `cs_…`.
	 */
	public static function order_id_of( string $session_id ): int {
		if ( isset( self::$known[ $session_id ] ) ) {
			return self::$known[ $session_id ];
		}
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our own table, read past every cache.
		$order_id = (int) $wpdb->get_var( $wpdb->prepare( "SELECT order_id FROM {$table} WHERE session_id = %s", $session_id ) );
		if ( $order_id > 0 ) {
			// A recorded session never changes its order, so this request may remember the answer.
			self::$known[ $session_id ] = $order_id;
		}
		return $order_id;
	}

	/**
	 * Every session of an order, newest first.
	 *
	 * @param int $order_id The order.
	 * @return list<array{session_id: string, status: string, created_at: string}>
	 */
	public static function sessions_of( int $order_id ): array {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our own table, by its order_id index.
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT session_id, status, created_at FROM {$table} WHERE order_id = %d ORDER BY id DESC", $order_id ), ARRAY_A );
		return array_map(
			static fn( array $row ): array => array(
				'session_id' => (string) $row['session_id'],
				'status'     => (string) $row['status'],
				'created_at' => (string) $row['created_at'],
			),
			(array) $rows
		);
	}

	/**
	 * Keeps the status last read of a session.
	 *
	 * @param string $session_id The session.
	 * @param string $status     Its status.
	 */
	public static function set_status( string $session_id, string $status ): void {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our own table.
		$wpdb->query( $wpdb->prepare( "UPDATE {$table} SET status = %s WHERE session_id = %s AND status <> %s", $status, $session_id, $status ) );
	}

	/**
	 * Takes the session's API slot: true for the first caller in each interval, across workers and web nodes
	 * (one UPDATE whose affected-row count decides), false while the slot is taken.
	 *
	 * @param string $session_id The session.
	 * @param int    $interval   Seconds between two reads.
	 */
	public static function may_ask_api( string $session_id, int $interval ): bool {
		global $wpdb;
		$table = self::table();
		$now   = time();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- compare-and-set on our own table.
		$updated = $wpdb->query( $wpdb->prepare( "UPDATE {$table} SET checked_at = %s WHERE session_id = %s AND ( checked_at IS NULL OR checked_at <= %s )", gmdate( 'Y-m-d H:i:s', $now ), $session_id, gmdate( 'Y-m-d H:i:s', $now - $interval ) ) );
		return 1 === $updated;
	}

	/**
	 * The one ownership rule: may this session, as the API showed it, act on this order?
	 *
	 * @param \WC_Order            $order   The order.
	 * @param array<string, mixed> $session The API's session `data` (never a webhook body or a query string).
	 */
	public static function owns( \WC_Order $order, array $session ): bool {
		return OrderMeta::is_ours( $order ) && self::made_for( $order, $session );
	}

	/**
	 * Whether the store made this session for this order, whatever the order is paid with now: the rule of
	 * owns() without the order's payment method (an order switched to another gateway keeps its sessions).
	 *
	 * @param \WC_Order            $order   The order.
	 * @param array<string, mixed> $session The API's session `data`.
	 */
	public static function made_for( \WC_Order $order, array $session ): bool {
		$session_id = (string) ( $session['sessionId'] ?? '' );
		if ( '' === $session_id ) {
			return false;
		}
		if ( (string) ( $session['platformOrderId'] ?? '' ) !== (string) $order->get_id() ) {
			return false;
		}
		if ( self::order_id_of( $session_id ) !== $order->get_id() ) {
			return false;
		}
		$metadata = $session['metadata'] ?? null;
		if ( ! is_array( $metadata ) ) {
			// The API showed no metadata: the session id, which only this store's own create-session call could
			// have recorded, is the proof.
			return true;
		}
		return hash_equals( self::order_key_hash( $order->get_order_key() ), (string) ( $metadata['orderKeyHash'] ?? '' ) );
	}
}
