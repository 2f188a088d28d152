<?php
/**
 * The webhook events the store took in, with a lease per event, in a table of the plugin's own.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Webhook;

defined( 'ABSPATH' ) || exit;

/**
 * One row per event in `{$wpdb->prefix}korea_checkout_events`, keyed by the event's id (`evt_…`), or, for a body
 * without one (the service documentation's own shape), `sha256:` and the hash of the raw body.
 *
 * A delivery claims its event with a plain INSERT: the primary key lets exactly one request win, across PHP
 * workers and web nodes. The winner holds a lease of LEASE seconds, which it ends by marking the event `done`
 * (nothing more to do) or `failed` (try again). A delivery that finds the event `processing` under a live lease is
 * told to come back later; one that finds the lease run out (its worker died) or the event `failed` takes it over
 * with a compare-and-swap on the attempt count, which also fences the old holder out: a holder only ever writes
 * the row under its own attempt number. A database error other than the duplicate key is never read as
 * "already received": it surfaces as StorageError.
 */
final class EventStore {

	/**
	 * Table name without the site prefix.
	 */
	public const TABLE = 'korea_checkout_events';

	/**
	 * Seconds a claim lasts: well past the webhook's time budget, so a live holder is never overtaken.
	 */
	public const LEASE = 20;

	/**
	 * How long an event is kept: far longer than the service's retries and the signature tolerance.
	 */
	public const RETENTION = 30 * DAY_IN_SECONDS;

	public const PROCESSING = 'processing';
	public const DONE       = 'done';
	public const FAILED     = 'failed';

	/**
	 * Claim outcomes.
	 */
	public const CLAIMED = 'claimed';
	public const BUSY    = 'busy';

	/**
	 * The table's CREATE statement, in dbDelta's format.
	 *
	 * @param string $charset_collate The site's `$wpdb->get_charset_collate()`.
	 */
	public static function table_sql( string $charset_collate ): string {
		$table = self::table();
		return "CREATE TABLE {$table} (
  event_key varchar(128) NOT NULL,
  event_type varchar(60) NOT NULL DEFAULT '',
  session_id varchar(128) NOT NULL DEFAULT '',
  state varchar(12) NOT NULL DEFAULT 'processing',
  attempts int(10) unsigned NOT NULL DEFAULT 0,
  lease_until datetime NULL DEFAULT NULL,
  first_seen datetime NOT NULL,
  last_seen datetime NOT NULL,
  result varchar(60) NOT NULL DEFAULT '',
  last_error varchar(255) NOT NULL DEFAULT '',
  PRIMARY KEY  (event_key),
  KEY state_lease (state,lease_until),
  KEY last_seen (last_seen)
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
	 * Claims an event for this request.
	 *
	 * @param string $key        The event key.
	 * @param string $type       The event type.
	 * @param string $session_id The session it is about ('' when none).
	 * @param int    $now        Unix time.
	 * @param bool   $retried    Whether this is the one new try after the row vanished between insert and read.
	 * @return array{outcome: string, attempt: int, retry_after: int} `claimed` (with the attempt number to finish
	 *         under), `done` (processed before), or `busy` (another request holds it; retry_after in seconds).
	 * @throws StorageError When the database fails.
	 */
	public static function claim( string $key, string $type, string $session_id, int $now, bool $retried = false ): array {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the atomic insert is the claim; no cache may answer.
		$inserted = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$table} (event_key, event_type, session_id, state, attempts, lease_until, first_seen, last_seen) VALUES (%s, %s, %s, %s, 1, %s, %s, %s)", $key, $type, $session_id, self::PROCESSING, self::time( $now + self::LEASE ), self::time( $now ), self::time( $now ) ) );
		if ( false === $inserted ) {
			throw new StorageError( (string) $wpdb->last_error );
		}
		if ( 1 === $inserted ) {
			return self::outcome( self::CLAIMED, 1 );
		}

		$row = self::row( $key );
		if ( null === $row ) {
			if ( '' !== $wpdb->last_error || $retried ) {
				// Neither inserted nor readable: a database fault, not a duplicate.
				throw new StorageError( '' !== $wpdb->last_error ? (string) $wpdb->last_error : 'The event could neither be claimed nor read.' );
			}
			// Pruned between the two statements: a new first claim, once.
			return self::claim( $key, $type, $session_id, $now, true );
		}
		if ( self::DONE === $row['state'] ) {
			return self::outcome( self::DONE, $row['attempts'] );
		}
		$lease = null === $row['lease_until'] ? 0 : (int) strtotime( $row['lease_until'] . ' UTC' );
		if ( self::PROCESSING === $row['state'] && $lease > $now ) {
			return self::outcome( self::BUSY, $row['attempts'], $lease - $now );
		}
		return self::take_over( $key, $row['attempts'], $now );
	}

	/**
	 * Takes over an event whose lease ran out or whose last attempt failed, if nobody did so first.
	 *
	 * @param string $key      The event key.
	 * @param int    $attempts The attempt count read.
	 * @param int    $now      Unix time.
	 * @return array{outcome: string, attempt: int, retry_after: int}
	 * @throws StorageError When the database fails.
	 */
	public static function take_over( string $key, int $attempts, int $now ): array {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- compare-and-swap: the affected-row count decides.
		$updated = $wpdb->query( $wpdb->prepare( "UPDATE {$table} SET state = %s, attempts = attempts + 1, lease_until = %s, last_seen = %s WHERE event_key = %s AND attempts = %d AND ( state = %s OR ( state = %s AND lease_until <= %s ) )", self::PROCESSING, self::time( $now + self::LEASE ), self::time( $now ), $key, $attempts, self::FAILED, self::PROCESSING, self::time( $now ) ) );
		if ( false === $updated ) {
			throw new StorageError( (string) $wpdb->last_error );
		}
		return 1 === $updated ? self::outcome( self::CLAIMED, $attempts + 1 ) : self::outcome( self::BUSY, $attempts, self::LEASE );
	}

	/**
	 * Ends a claim: `done` with what was done, or `failed` with why. Only the holder of that attempt can.
	 *
	 * @param string $key     The event key.
	 * @param int    $attempt The attempt number claim() gave.
	 * @param string $state   DONE or FAILED.
	 * @param string $result  What was done (`processed:pay`, `ignored:not_this_store`, …) or the failure code.
	 * @param string $error   Why it failed, '' when done.
	 */
	public static function finish( string $key, int $attempt, string $state, string $result, string $error = '' ): bool {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our own row, fenced by the attempt number.
		$updated = $wpdb->query( $wpdb->prepare( "UPDATE {$table} SET state = %s, lease_until = NULL, last_seen = %s, result = %s, last_error = %s WHERE event_key = %s AND attempts = %d AND state = %s", $state, self::time( time() ), substr( $result, 0, 60 ), substr( $error, 0, 255 ), $key, $attempt, self::PROCESSING ) );
		return 1 === $updated;
	}

	/**
	 * Events a delivery left unfinished: failed, or processing under a lease that ran out (the worker died).
	 *
	 * @param int $limit        At most this many, least recently tried first.
	 * @param int $max_attempts Leave out events tried this often already.
	 * @return list<array{event_key: string, event_type: string, session_id: string, attempts: int}>
	 */
	public static function unfinished( int $limit, int $max_attempts ): array {
		global $wpdb;
		$table = self::table();
		$now   = self::time( time() );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our own table, by its (state, lease_until) index.
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT event_key, event_type, session_id, attempts FROM {$table} WHERE ( state = %s OR ( state = %s AND lease_until <= %s ) ) AND attempts < %d ORDER BY last_seen ASC LIMIT %d", self::FAILED, self::PROCESSING, $now, $max_attempts, $limit ), ARRAY_A );
		return array_map(
			static fn( array $row ): array => array(
				'event_key'  => (string) $row['event_key'],
				'event_type' => (string) $row['event_type'],
				'session_id' => (string) $row['session_id'],
				'attempts'   => (int) $row['attempts'],
			),
			(array) $rows
		);
	}

	/**
	 * One event's row, read past every cache, or null.
	 *
	 * @param string $key The event key.
	 * @return array{state: string, attempts: int, lease_until: ?string, result: string, last_error: string}|null
	 */
	public static function row( string $key ): ?array {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our own table.
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT state, attempts, lease_until, result, last_error FROM {$table} WHERE event_key = %s", $key ), ARRAY_A );
		if ( ! is_array( $row ) ) {
			return null;
		}
		return array(
			'state'       => (string) $row['state'],
			'attempts'    => (int) $row['attempts'],
			'lease_until' => null === $row['lease_until'] ? null : (string) $row['lease_until'],
			'result'      => (string) $row['result'],
			'last_error'  => (string) $row['last_error'],
		);
	}

	/**
	 * Deletes events last seen more than RETENTION ago, at most $limit of them; returns how many went.
	 *
	 * @param int $limit Rows per call, so that one run stays short.
	 */
	public static function prune( int $limit = 1000 ): int {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- bounded housekeeping of our own rows, by the last_seen index.
		$keys = $wpdb->get_col( $wpdb->prepare( "SELECT event_key FROM {$table} WHERE last_seen < %s ORDER BY last_seen ASC LIMIT %d", self::time( time() - self::RETENTION ), $limit ) );
		if ( array() === $keys ) {
			return 0;
		}
		$placeholders = implode( ', ', array_fill( 0, count( $keys ), '%s' ) );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- one placeholder per key.
		return (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE event_key IN ( {$placeholders} )", $keys ) );
	}

	/**
	 * A claim outcome.
	 *
	 * @param string $outcome     CLAIMED, DONE or BUSY.
	 * @param int    $attempt     Attempt number.
	 * @param int    $retry_after Seconds, for BUSY.
	 * @return array{outcome: string, attempt: int, retry_after: int}
	 */
	private static function outcome( string $outcome, int $attempt, int $retry_after = 0 ): array {
		return array(
			'outcome'     => $outcome,
			'attempt'     => $attempt,
			'retry_after' => max( 1, $retry_after ),
		);
	}

	/**
	 * A UTC datetime for the table.
	 *
	 * @param int $unix Unix time.
	 */
	private static function time( int $unix ): string {
		return gmdate( 'Y-m-d H:i:s', $unix );
	}
}
