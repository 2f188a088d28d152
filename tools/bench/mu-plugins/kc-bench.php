<?php
/**
 * Plugin Name: Korea Checkout benchmark probe
 * Description: Test-only instrumentation that `npm run bench` copies into the bench stack's mu-plugins and removes
 * afterwards. Never part of the plugin. It changes nothing unless a request asks through its headers:
 *   X-KC-Bench-Plugin: off   this request runs without Korea Checkout (filters `active_plugins`);
 *   X-KC-Bench-Id: <id>      one JSON line about this request (queries, rows MariaDB read, peak memory, PHP CPU
 *                            time, status) is appended to wp-content/kc-bench/metrics.jsonl when it ends;
 *   X-KC-Bench-Queries: 1    that line also lists every query with its caller (SAVEQUERIES for this request);
 *   X-KC-Bench-Slow: 1       the request runs under valgrind: its start time is moved on, so that the webhook
 *                            counts its time budget from when it is handled (Webhook\Endpoint::started()).
 * It also registers a REST route that does nothing, POST /wp-json/kc-bench/v1/bare (the webhook's baseline), and
 * writes one row per call of `korea_checkout_payment_complete`, `woocommerce_payment_complete` and
 * `woocommerce_order_refunded` into `{prefix}kc_bench_calls` (created by kc_bench_install()), so that the webhook
 * delivery run can count payments and refunds recorded twice.
 *
 * @package KoreaCheckout
 */

defined( 'ABSPATH' ) || exit;

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals -- test instrumentation of the bench, never shipped; kc_bench_ is its prefix.

/**
 * A request header's value, '' when absent.
 *
 * @param string $name Header name in the $_SERVER form (HTTP_X_KC_BENCH_ID).
 */
function kc_bench_header( string $name ): string {
	return isset( $_SERVER[ $name ] ) ? sanitize_text_field( wp_unslash( (string) $_SERVER[ $name ] ) ) : '';
}

// The plugin switch: before any regular plugin loads, leave Korea Checkout out of this request's active plugins.
if ( 'off' === kc_bench_header( 'HTTP_X_KC_BENCH_PLUGIN' ) ) {
	add_filter(
		'option_active_plugins',
		static function ( $plugins ) {
			return array_values( array_diff( (array) $plugins, array( 'korea-checkout/korea-checkout.php' ) ) );
		}
	);
}

$GLOBALS['kc_bench_request'] = kc_bench_header( 'HTTP_X_KC_BENCH_ID' );
$GLOBALS['kc_bench_started'] = (float) ( $_SERVER['REQUEST_TIME_FLOAT'] ?? microtime( true ) ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- a number PHP sets.
// Under valgrind a request runs some fifty times slower: the webhook's time budget, counted from the request's
// start, would run out before WordPress has loaded. The webhook then counts its budget from when it is handled.
if ( '1' === kc_bench_header( 'HTTP_X_KC_BENCH_SLOW' ) ) {
	$_SERVER['REQUEST_TIME_FLOAT'] = microtime( true ) + DAY_IN_SECONDS;
}
if ( '' !== $GLOBALS['kc_bench_request'] ) {
	if ( '1' === kc_bench_header( 'HTTP_X_KC_BENCH_QUERIES' ) && ! defined( 'SAVEQUERIES' ) ) {
		define( 'SAVEQUERIES', true );
	}
	$GLOBALS['kc_bench_usage'] = getrusage();
	// Registered from the last `shutdown` callback, so that it runs after everything WordPress does at the end.
	add_action(
		'shutdown',
		static function () {
			register_shutdown_function( 'kc_bench_write_metrics' );
		},
		PHP_INT_MAX
	);
}

/**
 * CPU seconds (user + system) of a getrusage() answer.
 *
 * @param array<string, int> $usage getrusage().
 */
function kc_bench_cpu( array $usage ): float {
	return $usage['ru_utime.tv_sec'] + $usage['ru_utime.tv_usec'] / 1e6 + $usage['ru_stime.tv_sec'] + $usage['ru_stime.tv_usec'] / 1e6;
}

/**
 * Appends this request's figures to wp-content/kc-bench/metrics.jsonl.
 */
function kc_bench_write_metrics(): void {
	global $wpdb;
	$queries = (int) $wpdb->num_queries;
	// Rows MariaDB read for this request's connection (index lookups, index scans, table scans): a count that,
	// like an instruction count, does not depend on the machine's load, and grows when a lookup has no index.
	$rows = 0;
	foreach ( (array) $wpdb->get_results( "SHOW SESSION STATUS WHERE Variable_name IN ('Handler_read_first', 'Handler_read_key', 'Handler_read_last', 'Handler_read_next', 'Handler_read_prev', 'Handler_read_rnd', 'Handler_read_rnd_next')", ARRAY_N ) as $row ) {
		$rows += (int) $row[1];
	}
	$line = array(
		'id'       => $GLOBALS['kc_bench_request'],
		'node'     => (string) getenv( 'KC_NODE' ),
		'uri'      => kc_bench_header( 'REQUEST_URI' ),
		'status'   => http_response_code(),
		'plugin'   => class_exists( 'KoreaCheckout\Plugin', false ),
		'queries'  => $queries,
		'rowsRead' => $rows,
		'memory'   => memory_get_peak_usage(),
		'cpu'      => kc_bench_cpu( getrusage() ) - kc_bench_cpu( $GLOBALS['kc_bench_usage'] ),
		'wall'     => microtime( true ) - $GLOBALS['kc_bench_started'],
	);
	if ( defined( 'SAVEQUERIES' ) && SAVEQUERIES && is_array( $wpdb->queries ) ) {
		array_pop( $wpdb->queries ); // The status query above.
		$line['dbMs'] = round( array_sum( array_map( static fn( $query ) => (float) $query[1], $wpdb->queries ) ) * 1000, 3 );
		$line['log']  = array_map(
			static fn( $query ) => array(
				'sql'    => (string) $query[0],
				'ms'     => round( (float) $query[1] * 1000, 3 ),
				'caller' => (string) $query[2],
			),
			$wpdb->queries
		);
	}
	$dir = WP_CONTENT_DIR . '/kc-bench';
	if ( ! is_dir( $dir ) ) {
		mkdir( $dir, 0777, true ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- test instrumentation, no WP_Filesystem at shutdown.
	}
	file_put_contents( $dir . '/metrics.jsonl', wp_json_encode( $line ) . "\n", FILE_APPEND | LOCK_EX ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- as above.
}

/**
 * The baseline of the webhook: a REST route that does nothing.
 */
add_action(
	'rest_api_init',
	static function () {
		register_rest_route(
			'kc-bench/v1',
			'/bare',
			array(
				'methods'             => 'POST',
				'callback'            => static fn() => new WP_REST_Response( array( 'received' => true ) ),
				'permission_callback' => '__return_true',
			)
		);
	}
);

/**
 * The calls table's name.
 */
function kc_bench_calls_table(): string {
	global $wpdb;
	return $wpdb->prefix . 'kc_bench_calls';
}

/**
 * Creates (or empties) the calls table; called by the bench through the stack's eval script.
 */
function kc_bench_install(): void {
	global $wpdb;
	$table = kc_bench_calls_table();
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- test instrumentation.
	$wpdb->query( "CREATE TABLE IF NOT EXISTS {$table} ( id bigint unsigned NOT NULL AUTO_INCREMENT, hook varchar(60) NOT NULL, order_id bigint unsigned NOT NULL, arg bigint unsigned NOT NULL DEFAULT 0, node varchar(8) NOT NULL DEFAULT '', at datetime NOT NULL, PRIMARY KEY (id), KEY order_id (order_id) )" );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- test instrumentation.
	$wpdb->query( "TRUNCATE TABLE {$table}" );
}

/**
 * One row per call of a counted hook.
 *
 * @param string $hook     The hook.
 * @param int    $order_id The order.
 * @param int    $arg      A second id (the refund), 0 when none.
 */
function kc_bench_count( string $hook, int $order_id, int $arg = 0 ): void {
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- test instrumentation; a failed insert (no table yet) is ignored.
	$wpdb->insert(
		kc_bench_calls_table(),
		array(
			'hook'     => $hook,
			'order_id' => $order_id,
			'arg'      => $arg,
			'node'     => (string) getenv( 'KC_NODE' ),
			'at'       => gmdate( 'Y-m-d H:i:s' ),
		)
	);
}

add_action( 'korea_checkout_payment_complete', static fn( $order_id ) => kc_bench_count( 'korea_checkout_payment_complete', (int) $order_id ), 10, 1 );
add_action( 'woocommerce_payment_complete', static fn( $order_id ) => kc_bench_count( 'woocommerce_payment_complete', (int) $order_id ), 10, 1 );
add_action( 'woocommerce_order_refunded', static fn( $order_id, $refund_id ) => kc_bench_count( 'woocommerce_order_refunded', (int) $order_id, (int) $refund_id ), 10, 2 );
