<?php
/**
 * Adversarial layer: faults a test arms for a number of shots (`arm_fault()` through wpEval, one atomic shot per
 * firing; see kc-adv-00-support.php). None of them fires unless armed.
 *
 * - `claim_db_error`: the next INSERT into `{prefix}korea_checkout_events` (the webhook's claim) is replaced by a
 *   query on a table that does not exist, so MariaDB answers an error that is not a duplicate key.
 * - `kill_session_read`: the next read of a session from the API made while serving a webhook kills the PHP
 *   worker with SIGKILL (no shutdown function, no finally, no answer), as an OOM kill would.
 * - `hold_session_read` (arg: at most this many seconds): the next webhook read of a session waits until another
 *   webhook request has been answered (or the test arms `release_session_read`), so that the delivery stays in
 *   flight, claimed and not finished, exactly as long as the test's duplicate takes, and well inside the store's
 *   time budget.
 * - `slow_start` (arg: seconds): the next webhook request sleeps that long before its route runs, as on a web node
 *   that is swapping or whose caches are cold: the time counts against the store's budget, which starts when the
 *   web server took the request.
 * - `throw_in_payment_complete`: a `korea_checkout_payment_complete` listener (after the counter) throws.
 * - `session_total:<session id>` (arg: amount): the API's answers about that session say this `totalAmount`
 *   (29000.4 for a KRW order of 29,000), as a service with a rounding bug would.
 *
 * @package KoreaCheckout\Tests\Adversarial
 */

namespace KoreaCheckout\Tests\Adversarial;

defined( 'ABSPATH' ) || exit;

add_filter(
	'query',
	static function ( $query ) {
		if ( busy() || ! is_string( $query ) ) {
			return $query;
		}
		global $wpdb;
		$events = preg_quote( $wpdb->prefix . 'korea_checkout_events', '/' );
		if ( ! preg_match( '/^\s*INSERT\s+(?:IGNORE\s+)?INTO\s+`?' . $events . '`?[\s(]/i', $query ) ) {
			return $query;
		}
		if ( null === take_fault( 'claim_db_error' ) ) {
			return $query;
		}
		return 'SELECT * FROM ' . $wpdb->prefix . 'kc_adv_fault_injected_no_such_table';
	},
	PHP_INT_MAX
);

add_filter(
	'pre_http_request',
	static function ( $preempt, $args, $url ) {
		if ( 'webhook' !== context() ) {
			return $preempt;
		}
		$call = api_call( (string) $url, (string) ( $args['method'] ?? 'GET' ) );
		if ( null === $call || 'read' !== $call[1] ) {
			return $preempt;
		}
		$hold = take_fault( 'hold_session_read' );
		if ( null !== $hold ) {
			hold_until_answered( (float) $hold );
		}
		if ( null !== take_fault( 'kill_session_read' ) ) {
			// 9 is SIGKILL; the constant comes with pcntl, which PHP-FPM does not load.
			posix_kill( (int) getmypid(), 9 );
			sleep( 5 ); // The signal is asynchronous; nothing after it may run.
		}
		return $preempt;
	},
	5,
	3
);

add_action(
	'rest_api_init',
	static function (): void {
		if ( 'webhook' !== context() ) {
			return;
		}
		$seconds = take_fault( 'slow_start' );
		if ( null !== $seconds ) {
			usleep( (int) ( (float) $seconds * 1000000 ) );
		}
	},
	0
);

add_action(
	'korea_checkout_payment_complete',
	static function ( $order_id ): void {
		if ( null !== take_fault( 'throw_in_payment_complete' ) ) {
			throw new \RuntimeException( 'Adversarial test: a korea_checkout_payment_complete listener failed for order ' . (int) $order_id );
		}
	},
	20,
	1
);

add_filter(
	'http_response',
	static function ( $response, $args, $url ) {
		$call = api_call( (string) $url, (string) ( $args['method'] ?? 'GET' ) );
		if ( null === $call || '' === $call[0] || ! is_array( $response ) ) {
			return $response;
		}
		$amount = take_fault( 'session_total:' . $call[0] );
		if ( null === $amount ) {
			return $response;
		}
		$body = json_decode( (string) ( $response['body'] ?? '' ), true );
		if ( ! is_array( $body ) ) {
			return $response;
		}
		if ( isset( $body['data'] ) && is_array( $body['data'] ) ) {
			$body['data']['totalAmount'] = (float) $amount;
		} else {
			$body['totalAmount'] = (float) $amount;
		}
		$response['body'] = (string) wp_json_encode( $body );
		return $response;
	},
	10,
	3
);

/**
 * Waits until another webhook request was answered after this one started waiting, the test releases it, or
 * `$seconds` passed.
 *
 * @param float $seconds Longest wait.
 */
function hold_until_answered( float $seconds ): void {
	global $wpdb;
	$log   = table( 'log' );
	$since = now_ms();
	$until = microtime( true ) + $seconds;
	while ( microtime( true ) < $until && null === take_fault( 'release_session_read' ) ) {
		busy( true );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- test table.
		$answered = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$log} WHERE kind = 'webhook_answer' AND at_ms >= %d AND pid <> %d", $since, (int) getmypid() ) );
		busy( false );
		if ( $answered > 0 ) {
			return;
		}
		usleep( 100000 );
	}
}

// Every answer of the webhook route, for hold_until_answered().
add_filter(
	'rest_post_dispatch',
	static function ( $response, $server, $request ) {
		if ( $request instanceof \WP_REST_Request && str_contains( $request->get_route(), 'korea-checkout/v1/webhook' ) && $response instanceof \WP_REST_Response ) {
			record( 'webhook_answer', 0, (string) $response->get_status(), array() );
		}
		return $response;
	},
	PHP_INT_MAX,
	3
);
