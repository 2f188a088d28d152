<?php
/**
 * Remembers which webhook events were taken in, so that a redelivery is processed once.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Webhook;

defined( 'ABSPATH' ) || exit;

/**
 * One row of the options table per event, `korea_checkout_evt_<event id>`, whose value is the unix time it arrived.
 * claim() is a plain INSERT: the unique key on `option_name` lets exactly one request win, across PHP workers
 * and web servers, on MySQL, MariaDB and SQLite. The rows bypass the options API (and so every cache) and are
 * never autoloaded; prune() deletes those older than RETENTION.
 */
final class EventLog {

	/**
	 * Option-name prefix.
	 */
	public const PREFIX = 'korea_checkout_evt_';

	/**
	 * How long an event id is remembered: far longer than the service's retries and the signature tolerance.
	 */
	public const RETENTION = 30 * DAY_IN_SECONDS;

	/**
	 * Claims an event id; true for the first request that does so, false for every later one.
	 *
	 * @param string $event_id A validated `evt_...` id.
	 */
	public static function claim( string $event_id ): bool {
		global $wpdb;
		$suppressed = $wpdb->suppress_errors( true );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the atomic insert is the dedupe; no cache may answer.
		$inserted = $wpdb->query(
			$wpdb->prepare(
				"INSERT INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'off')",
				self::PREFIX . $event_id,
				(string) time()
			)
		);
		$wpdb->suppress_errors( $suppressed );
		return 1 === $inserted;
	}

	/**
	 * Forgets a claim, so that a redelivery of an event whose processing failed is processed again.
	 *
	 * @param string $event_id A validated `evt_...` id.
	 */
	public static function release( string $event_id ): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- counterpart of claim().
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name = %s", self::PREFIX . $event_id ) );
	}

	/**
	 * Whether an event id was claimed.
	 *
	 * @param string $event_id A validated `evt_...` id.
	 */
	public static function has( string $event_id ): bool {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- read the row itself.
		return null !== $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", self::PREFIX . $event_id ) );
	}

	/**
	 * Deletes rows older than RETENTION, at most $limit of them; returns how many went.
	 *
	 * @param int $limit Rows per call, so that one run stays short.
	 */
	public static function prune( int $limit = 500 ): int {
		global $wpdb;
		$cutoff = time() - self::RETENTION;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- bounded housekeeping of our own rows.
		$names   = $wpdb->get_col(
			$wpdb->prepare(
				"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s AND option_value < %d LIMIT %d",
				$wpdb->esc_like( self::PREFIX ) . '%',
				$cutoff,
				$limit
			)
		);
		$deleted = 0;
		foreach ( $names as $name ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- see above.
			$deleted += (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name = %s", $name ) );
		}
		return $deleted;
	}
}
