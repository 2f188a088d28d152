<?php
/**
 * Adversarial layer: logs every request the store makes to the Korea Checkout API's session endpoints, one row of
 * `{prefix}kc_adv_log` each (kind `api`, subject `read|patch|refund|create <session id>`, the request context:
 * webhook, return, admin-ajax…), so that a test can say "this delivery cost no API call".
 *
 * @package KoreaCheckout\Tests\Adversarial
 */

namespace KoreaCheckout\Tests\Adversarial;

defined( 'ABSPATH' ) || exit;

add_filter(
	'pre_http_request',
	static function ( $preempt, $args, $url ) {
		$call = api_call( (string) $url, (string) ( $args['method'] ?? 'GET' ) );
		if ( null !== $call ) {
			record( 'api', 0, trim( $call[1] . ' ' . $call[0] ), array( 'url' => $url ) );
		}
		return $preempt;
	},
	1,
	3
);
