<?php
/**
 * A per-order mutex in the database, shared by every PHP worker and web server using it.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

use Automattic\WooCommerce\Utilities\OrderUtil;

defined( 'ABSPATH' ) || exit;

/**
 * The lock is a row of the options table named `_korea_checkout_lock_<order id>` whose value is
 * `<expiry unix time>|<random token>`. Taking it is a plain INSERT: the unique key on `option_name` lets exactly
 * one worker succeed, on MySQL, MariaDB and SQLite alike (no GET_LOCK, no cache). A lock whose holder died is
 * taken over once its expiry has passed, by a compare-and-swap UPDATE whose affected-row count decides the
 * winner. Only the holder's token releases it. The row bypasses the options API and its caches on purpose.
 */
final class OrderLock {

	/**
	 * Seconds after which a lock counts as abandoned (longer than any payment_complete() with its emails).
	 */
	public const TTL = 120;

	/**
	 * Seconds to wait for a busy lock before giving up.
	 */
	public const WAIT = 20;

	/**
	 * Option-name prefix of lock rows.
	 */
	public const PREFIX = '_korea_checkout_lock_';

	/**
	 * Locks held by this request: order id => depth, so that run() can nest for the same order.
	 *
	 * @var array<int, int>
	 */
	private static array $held = array();

	/**
	 * Runs $fn while holding the order's lock and returns what it returns.
	 *
	 * @param int        $order_id The order.
	 * @param callable   $fn       The work; it should re-read the order from the database (see fresh_order()).
	 * @param float|null $wait     Seconds to wait for a busy lock (default WAIT).
	 * @return mixed
	 * @throws LockTimeout When the lock stayed busy for the whole wait.
	 */
	public static function run( int $order_id, callable $fn, ?float $wait = null ) {
		if ( isset( self::$held[ $order_id ] ) ) {
			++self::$held[ $order_id ];
			try {
				return $fn();
			} finally {
				--self::$held[ $order_id ];
			}
		}

		$token                   = self::acquire( $order_id, $wait ?? (float) self::WAIT );
		self::$held[ $order_id ] = 1;
		try {
			return $fn();
		} finally {
			unset( self::$held[ $order_id ] );
			self::release( $order_id, $token );
		}
	}

	/**
	 * Whether this request holds the order's lock right now.
	 *
	 * @param int $order_id The order.
	 */
	public static function is_held( int $order_id ): bool {
		return isset( self::$held[ $order_id ] );
	}

	/**
	 * The order as the database has it now, bypassing WordPress's and WooCommerce's caches, this request's and a
	 * persistent object cache's alike.
	 *
	 * The order's meta is read again from the database whatever the caches hold: WooCommerce keeps an order's raw
	 * meta in the object cache under a key whose prefix this request may have cached before another web node
	 * changed the order, and on legacy (posts) storage that stale meta made a second worker see an order as unpaid
	 * after the first had paid it.
	 *
	 * @param int $order_id The order.
	 * @return \WC_Order|null
	 */
	public static function fresh_order( int $order_id ): ?\WC_Order {
		clean_post_cache( $order_id );
		wp_cache_delete( $order_id, 'post_meta' );
		wp_cache_delete( 'order-items-' . $order_id, 'orders' );
		if ( OrderUtil::orders_cache_usage_is_enabled() ) {
			wc_get_container()->get( \Automattic\WooCommerce\Caches\OrderCache::class )->remove( $order_id );
		}
		if ( OrderUtil::custom_orders_table_usage_is_enabled() ) {
			wc_get_container()->get( \Automattic\WooCommerce\Internal\DataStores\Orders\OrdersTableDataStore::class )->clear_cached_data( array( $order_id ) );
		}
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order ) {
			return null;
		}
		$order->read_meta_data( true );
		return $order;
	}

	/**
	 * Takes the lock, waiting with short random pauses.
	 *
	 * @param int   $order_id The order.
	 * @param float $wait     Seconds to wait.
	 * @return string The token that proves ownership.
	 * @throws LockTimeout When it stayed busy.
	 */
	private static function acquire( int $order_id, float $wait ): string {
		$token    = wp_generate_password( 20, false );
		$deadline = microtime( true ) + $wait;
		do {
			if ( self::try_insert( $order_id, $token ) || self::try_take_over( $order_id, $token ) ) {
				return $token;
			}
			usleep( wp_rand( 20000, 80000 ) );
		} while ( microtime( true ) < $deadline );

		throw new LockTimeout( sprintf( 'The lock of order %d stayed busy for %.1f seconds.', $order_id, $wait ) );
	}

	/**
	 * INSERT of the lock row; false when it exists (duplicate key).
	 *
	 * @param int    $order_id The order.
	 * @param string $token    Our token.
	 */
	private static function try_insert( int $order_id, string $token ): bool {
		global $wpdb;
		$suppressed = $wpdb->suppress_errors( true );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- an atomic insert is the point; caches must not answer.
		$inserted = $wpdb->query(
			$wpdb->prepare(
				"INSERT INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'off')",
				self::PREFIX . $order_id,
				self::value( time() + self::TTL, $token )
			)
		);
		$wpdb->suppress_errors( $suppressed );
		return 1 === $inserted;
	}

	/**
	 * Replaces an expired lock row, if it is still the expired one we read.
	 *
	 * @param int    $order_id The order.
	 * @param string $token    Our token.
	 */
	private static function try_take_over( int $order_id, string $token ): bool {
		global $wpdb;
		$name = self::PREFIX . $order_id;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- read the row itself, never a cached option.
		$current = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", $name ) );
		if ( ! is_string( $current ) ) {
			return false;
		}
		$expiry = (int) strtok( $current, '|' );
		if ( $expiry > time() ) {
			return false;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- compare-and-swap: the affected-row count decides.
		$updated = $wpdb->query(
			$wpdb->prepare(
				"UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value = %s",
				self::value( time() + self::TTL, $token ),
				$name,
				$current
			)
		);
		return 1 === $updated;
	}

	/**
	 * Deletes the lock row if it is still ours.
	 *
	 * @param int    $order_id The order.
	 * @param string $token    Our token.
	 */
	private static function release( int $order_id, string $token ): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- delete only our own row.
		$wpdb->query(
			$wpdb->prepare(
				"DELETE FROM {$wpdb->options} WHERE option_name = %s AND option_value LIKE %s",
				self::PREFIX . $order_id,
				'%|' . $wpdb->esc_like( $token )
			)
		);
	}

	/**
	 * The stored value of a lock row.
	 *
	 * @param int    $expiry Unix time.
	 * @param string $token  Token.
	 */
	private static function value( int $expiry, string $token ): string {
		return $expiry . '|' . $token;
	}
}
