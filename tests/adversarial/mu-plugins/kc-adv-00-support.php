<?php
/**
 * Adversarial layer, shared part of its must-use plugins: two tables of the test's own and the functions the
 * other kc-adv-* plugins use. Installed into the layer's stack by tools/test/adversarial.ts, never shipped.
 *
 * - `{prefix}kc_adv_log`: one row per thing that happened (a `korea_checkout_payment_complete` call, an e-mail,
 *   a request to the Korea Checkout API). An INSERT per occurrence, so concurrent workers never lose a count.
 * - `{prefix}kc_adv_faults`: armed faults, by name, each with a number of shots left. A shot is taken with one
 *   atomic UPDATE, so a fault armed for one request fires in exactly one of many concurrent workers.
 *
 * Both tables live outside the object cache on purpose: a test reads what the database holds.
 *
 * @package KoreaCheckout\Tests\Adversarial
 */

namespace KoreaCheckout\Tests\Adversarial;

defined( 'ABSPATH' ) || exit;

/**
 * The name of one of the layer's tables.
 *
 * @param string $name `log` or `faults`.
 */
function table( string $name ): string {
	global $wpdb;
	return $wpdb->prefix . 'kc_adv_' . $name;
}

/**
 * Creates the tables (the runner calls this once after installing the plugins).
 */
function install(): void {
	global $wpdb;
	$charset = $wpdb->get_charset_collate();
	$log     = table( 'log' );
	$faults  = table( 'faults' );
	// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- test tables.
	$wpdb->query(
		"CREATE TABLE IF NOT EXISTS {$log} (
			id bigint unsigned NOT NULL AUTO_INCREMENT,
			kind varchar(32) NOT NULL,
			order_id bigint unsigned NOT NULL DEFAULT 0,
			subject varchar(255) NOT NULL DEFAULT '',
			detail longtext NULL,
			context varchar(32) NOT NULL DEFAULT '',
			pid int NOT NULL DEFAULT 0,
			at_ms bigint NOT NULL DEFAULT 0,
			PRIMARY KEY (id),
			KEY kind_order (kind, order_id),
			KEY kind_subject (kind, subject(64))
		) {$charset}"
	);
	$wpdb->query(
		"CREATE TABLE IF NOT EXISTS {$faults} (
			name varchar(191) NOT NULL,
			remaining int NOT NULL DEFAULT 0,
			arg varchar(255) NOT NULL DEFAULT '',
			fired int NOT NULL DEFAULT 0,
			PRIMARY KEY (name)
		) {$charset}"
	);
	// phpcs:enable
}

/**
 * What kind of request this process is serving, for the log: `webhook`, `return`, `status`, `store-api`,
 * `admin-ajax`, `admin`, `cron`, `cli` or `web`.
 */
function context(): string {
	if ( PHP_SAPI === 'cli' ) {
		return 'cli';
	}
	$uri = isset( $_SERVER['REQUEST_URI'] ) ? (string) $_SERVER['REQUEST_URI'] : '';
	if ( str_contains( $uri, 'korea-checkout/v1/webhook' ) ) {
		return 'webhook';
	}
	if ( str_contains( $uri, 'korea_checkout_return' ) ) {
		return 'return';
	}
	if ( str_contains( $uri, 'korea-checkout/v1/orders/' ) ) {
		return 'status';
	}
	if ( str_contains( $uri, 'wc/store/' ) ) {
		return 'store-api';
	}
	if ( str_contains( $uri, 'admin-ajax.php' ) ) {
		return 'admin-ajax';
	}
	if ( str_contains( $uri, 'wp-cron.php' ) ) {
		return 'cron';
	}
	if ( str_contains( $uri, '/wp-admin/' ) ) {
		return 'admin';
	}
	return 'web';
}

/**
 * Writes one row of the log.
 *
 * @param string $kind     `payment_complete`, `mail`, `api`, `fault`.
 * @param int    $order_id Order, when known.
 * @param string $subject  A short searchable text (mail subject, API path).
 * @param mixed  $detail   Anything JSON can hold.
 */
function record( string $kind, int $order_id, string $subject, $detail ): void {
	global $wpdb;
	// Quiet while the tables do not exist yet (the store being installed with the plugins already in place).
	$suppress = $wpdb->suppress_errors( true );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- an INSERT per occurrence is the point.
	$wpdb->insert(
		table( 'log' ),
		array(
			'kind'     => $kind,
			'order_id' => $order_id,
			'subject'  => substr( $subject, 0, 255 ),
			'detail'   => (string) wp_json_encode( $detail ),
			'context'  => context(),
			'pid'      => (int) getmypid(),
			'at_ms'    => now_ms(),
		)
	);
	$wpdb->suppress_errors( $suppress );
}

/**
 * Milliseconds since the epoch.
 */
function now_ms(): int {
	return (int) floor( microtime( true ) * 1000 );
}

/**
 * Set while this plugin runs its own queries, so that the `query` filter of the fault plugin leaves them alone.
 *
 * @param bool|null $set New value, or null to read.
 */
function busy( ?bool $set = null ): bool {
	static $busy = false;
	if ( null !== $set ) {
		$busy = $set;
	}
	return $busy;
}

/**
 * Takes one shot of an armed fault. Returns its argument when a shot was left (and now used), null otherwise.
 *
 * @param string $name Fault name.
 */
function take_fault( string $name ): ?string {
	global $wpdb;
	$faults = table( 'faults' );
	busy( true );
	try {
		$suppress = $wpdb->suppress_errors( true );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- atomic test-only counter.
		$taken = $wpdb->query( $wpdb->prepare( "UPDATE {$faults} SET remaining = remaining - 1, fired = fired + 1 WHERE name = %s AND remaining > 0", $name ) );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- atomic test-only counter.
		$arg = 1 === $taken ? (string) $wpdb->get_var( $wpdb->prepare( "SELECT arg FROM {$faults} WHERE name = %s", $name ) ) : null;
		$wpdb->suppress_errors( $suppress );
	} finally {
		busy( false );
	}
	if ( null !== $arg ) {
		record( 'fault', 0, $name, array( 'arg' => $arg ) );
	}
	return $arg;
}

/**
 * Arms a fault for `$shots` uses (0 disarms it).
 *
 * @param string $name  Fault name.
 * @param int    $shots How many times it fires.
 * @param string $arg   What it fires with (seconds, an amount).
 */
function arm_fault( string $name, int $shots, string $arg = '' ): void {
	global $wpdb;
	$faults = table( 'faults' );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- test table.
	$wpdb->query( $wpdb->prepare( "REPLACE INTO {$faults} (name, remaining, arg, fired) VALUES (%s, %d, %s, 0)", $name, $shots, $arg ) );
}

/**
 * Disarms every fault.
 */
function disarm_all(): void {
	global $wpdb;
	$faults = table( 'faults' );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- test table.
	$wpdb->query( "DELETE FROM {$faults}" );
}

/**
 * The session id of a request to the API's session endpoint, and what it asks for: `read` (GET session),
 * `patch`, `refund` or `create`; null for any other request.
 *
 * @param string $url    Request URL.
 * @param string $method HTTP method.
 * @return array{0: string, 1: string}|null
 */
function api_call( string $url, string $method ): ?array {
	$path = (string) wp_parse_url( $url, PHP_URL_PATH );
	if ( str_ends_with( $path, '/api/checkout/create-session' ) ) {
		return array( '', 'create' );
	}
	if ( ! preg_match( '#/api/checkout/session/([^/?]+)(/refund)?$#', $path, $match ) ) {
		return null;
	}
	$session = rawurldecode( $match[1] );
	if ( isset( $match[2] ) && '' !== $match[2] ) {
		return array( $session, 'refund' );
	}
	$verb = strtoupper( $method );
	return array( $session, 'PATCH' === $verb ? 'patch' : 'read' );
}

/**
 * `GET /?kc_adv_fault=<name>` answers `{"fired": N}` before WordPress loads any plugin: a case polls it (every
 * 100 ms) to see that a delivery reached a fault, without the second a PHP process of its own would cost.
 */
function answer_fault_probe(): void {
	// phpcs:disable WordPress.Security.NonceVerification.Recommended -- a read-only probe of the test stack.
	if ( ! isset( $_GET['kc_adv_fault'] ) || ! is_string( $_GET['kc_adv_fault'] ) ) {
		return;
	}
	global $wpdb;
	$faults = table( 'faults' );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- test table.
	$fired = (int) $wpdb->get_var( $wpdb->prepare( "SELECT fired FROM {$faults} WHERE name = %s", wp_unslash( $_GET['kc_adv_fault'] ) ) );
	header( 'Content-Type: application/json' );
	header( 'Cache-Control: no-store' );
	echo '{"fired":' . (int) $fired . '}';
	exit;
	// phpcs:enable
}
answer_fault_probe();
