<?php
/**
 * Runs inside WordPress Playground (PHP WebAssembly, SQLite through the SQLite Database Integration plugin)
 * with WooCommerce and Korea Checkout active, and writes what it finds as JSON to the file named by
 * KC_PLAYGROUND_RESULT. tests/playground/playground.test.ts starts it and asserts on that file.
 *
 * What it looks at: the database lock of Orders\OrderLock (free, busy, abandoned, nested), the exactly-once
 * payment of Orders\SessionSync when the same paid session arrives twice, and the plugin's own tables (an event
 * claimed once, a dead holder's claim taken over, a session recorded and found, the API slot), all on SQLite.
 *
 * @package KoreaCheckout
 */

use KoreaCheckout\Orders\LockTimeout;
use KoreaCheckout\Orders\OrderLock;
use KoreaCheckout\Orders\SessionOwner;
use KoreaCheckout\Orders\SessionSync;
use KoreaCheckout\Schema;
use KoreaCheckout\Webhook\EventStore;

defined( 'ABSPATH' ) || exit;

/**
 * The lock row of an order as the table holds it, or null.
 *
 * @param int $order_id Order id.
 */
function kc_playground_lock_row( int $order_id ): ?string {
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the test reads the row itself.
	$value = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", OrderLock::PREFIX . $order_id ) );
	return is_string( $value ) ? $value : null;
}

/**
 * Writes a lock row as another worker would have.
 *
 * @param int $order_id Order id.
 * @param int $expiry   Unix time.
 */
function kc_playground_foreign_lock( int $order_id, int $expiry ): string {
	global $wpdb;
	$value = $expiry . '|someoneelse';
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the test plays another worker.
	$wpdb->query( $wpdb->prepare( "INSERT INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'off')", OrderLock::PREFIX . $order_id, $value ) );
	return $value;
}

/**
 * The checks, as a list of facts.
 *
 * @return array<string, mixed>
 */
function kc_playground_sqlite_checks(): array {
	global $wpdb;
	$facts = array(
		'db_engine'   => defined( 'DB_ENGINE' ) ? DB_ENGINE : '',
		'wpdb_class'  => get_class( $wpdb ),
		'plugin_live' => class_exists( OrderLock::class ),
	);

	// A free lock: taken, visible in the table while held, nested calls pass, gone afterwards.
	$order_id           = 424242;
	$inside             = OrderLock::run(
		$order_id,
		static function () use ( $order_id ) {
			return array(
				'held'   => OrderLock::is_held( $order_id ),
				'row'    => kc_playground_lock_row( $order_id ),
				'nested' => OrderLock::run( $order_id, static fn() => 'nested ran', 0.2 ),
			);
		}
	);
	$facts['free_lock'] = array(
		'held_inside' => $inside['held'],
		'row_inside'  => null !== $inside['row'] && 1 === preg_match( '/^\d+\|\w+$/', $inside['row'] ),
		'nested'      => $inside['nested'],
		'row_after'   => kc_playground_lock_row( $order_id ),
		'held_after'  => OrderLock::is_held( $order_id ),
	);

	// A lock another worker holds: we wait, give up with LockTimeout, and leave its row alone.
	$busy_id = 424243;
	$foreign = kc_playground_foreign_lock( $busy_id, time() + 60 );
	$ran     = false;
	$started = microtime( true );
	try {
		OrderLock::run(
			$busy_id,
			static function () use ( &$ran ) {
				$ran = true;
			},
			0.5
		);
		$outcome = 'ran';
	} catch ( LockTimeout $timeout ) {
		$outcome = 'LockTimeout';
	}
	$facts['busy_lock'] = array(
		'outcome'  => $outcome,
		'ran'      => $ran,
		'waited'   => round( microtime( true ) - $started, 2 ),
		'row_kept' => kc_playground_lock_row( $busy_id ) === $foreign,
	);

	// An abandoned lock (its expiry has passed): taken over, the work runs, the row is ours and then gone.
	$stale_id            = 424244;
	$stale               = kc_playground_foreign_lock( $stale_id, time() - 5 );
	$row_seen            = OrderLock::run( $stale_id, static fn() => kc_playground_lock_row( $stale_id ), 2.0 );
	$facts['stale_lock'] = array(
		'taken_over' => is_string( $row_seen ) && $row_seen !== $stale,
		'row_after'  => kc_playground_lock_row( $stale_id ),
	);

	// The same paid session applied twice (a webhook, then the shopper's return): paid once. In won, as a
	// Korean store sells.
	update_option( 'woocommerce_currency', 'KRW' );
	update_option( 'woocommerce_price_num_decimals', '0' );
	$product = new WC_Product_Simple();
	$product->set_name( 'SQLite check' );
	$product->set_regular_price( '10000' );
	$product->set_manage_stock( true );
	$product->set_stock_quantity( 5 );
	$product->save();
	$order = wc_create_order();
	$order->add_product( $product, 1 );
	$order->set_payment_method( 'korea_checkout' );
	$order->set_currency( 'KRW' );
	$order->calculate_totals( false );
	$order->update_meta_data( '_korea_checkout_session_id', 'cs_sqlite_check' );
	$order->set_status( 'pending' );
	$order->save();
	$session    = array(
		'sessionId'            => 'cs_sqlite_check',
		'status'               => 'completed',
		'platformOrderId'      => (string) $order->get_id(),
		'totalAmount'          => 10000,
		'currency'             => 'KRW',
		'paymentMethod'        => 'card',
		'gateway'              => 'toss',
		'gatewayTransactionId' => 'toss_tx_sqlite',
		'refundedAmount'       => 0,
		'refunds'              => array(),
	);
	$hook_calls = 0;
	add_action(
		'korea_checkout_payment_complete',
		static function () use ( &$hook_calls ) {
			++$hook_calls;
		}
	);
	$first                 = SessionSync::apply( $order, $session, 'webhook' );
	$second                = SessionSync::apply( OrderLock::fresh_order( $order->get_id() ), $session, 'return' );
	$paid                  = OrderLock::fresh_order( $order->get_id() );
	$stock                 = wc_get_product( $product->get_id() );
	$facts['exactly_once'] = array(
		'order_total'    => $order->get_total(),
		'first'          => $first,
		'second'         => $second,
		'status'         => $paid ? $paid->get_status() : null,
		'transaction_id' => $paid ? $paid->get_transaction_id() : null,
		'hook_calls'     => $hook_calls,
		'stock'          => $stock ? $stock->get_stock_quantity() : null,
		'lock_row_after' => kc_playground_lock_row( $order->get_id() ),
	);
	$facts['tables']       = kc_playground_table_checks( $order->get_id() );
	return $facts;
}

/**
 * The plugin's two tables on SQLite, as Schema made them when the plugin was activated.
 *
 * @param int $order_id An order of ours.
 * @return array<string, mixed>
 */
function kc_playground_table_checks( int $order_id ): array {
	global $wpdb;
	$now   = time();
	$first = EventStore::claim( 'evt_sqlite_one', 'payment.completed', 'cs_sqlite_table', $now );
	$again = EventStore::claim( 'evt_sqlite_one', 'payment.completed', 'cs_sqlite_table', $now );
	EventStore::claim( 'evt_sqlite_two', 'payment.completed', 'cs_sqlite_table', $now - EventStore::LEASE - 5 );
	$taken    = EventStore::claim( 'evt_sqlite_two', 'payment.completed', 'cs_sqlite_table', $now );
	$finished = EventStore::finish( 'evt_sqlite_one', $first['attempt'], EventStore::DONE, 'processed:check' );
	$fenced   = EventStore::finish( 'evt_sqlite_two', 1, EventStore::DONE, 'late' );
	$done     = EventStore::claim( 'evt_sqlite_one', 'payment.completed', 'cs_sqlite_table', $now );
	SessionOwner::record( $order_id, 'cs_sqlite_table' );
	SessionOwner::record( $order_id, 'cs_sqlite_table' );
	return array(
		'version'    => (int) get_option( Schema::OPTION ),
		'tables'     => array(
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the test looks at the schema itself.
			(string) $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', EventStore::table() ) ),
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the test looks at the schema itself.
			(string) $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', SessionOwner::table() ) ),
		),
		'claims'     => array( $first['outcome'], $again['outcome'], $taken['outcome'] . ':' . $taken['attempt'], $done['outcome'] ),
		'finished'   => $finished,
		'fenced'     => $fenced,
		'session_of' => SessionOwner::order_id_of( 'cs_sqlite_table' ) === $order_id,
		'sessions'   => count( SessionOwner::sessions_of( $order_id ) ),
		'api_slot'   => array( SessionOwner::may_ask_api( 'cs_sqlite_table', 10 ), SessionOwner::may_ask_api( 'cs_sqlite_table', 10 ) ),
	);
}

$kc_result_file = getenv( 'KC_PLAYGROUND_RESULT' );
$kc_result_file = is_string( $kc_result_file ) && '' !== $kc_result_file ? $kc_result_file : '/kc-results/result.json';
try {
	$kc_facts = kc_playground_sqlite_checks();
} catch ( Throwable $error ) {
	$kc_facts = array( 'error' => get_class( $error ) . ': ' . $error->getMessage() . ' at ' . $error->getFile() . ':' . $error->getLine() );
}
file_put_contents( $kc_result_file, wp_json_encode( $kc_facts, JSON_PRETTY_PRINT ) );
