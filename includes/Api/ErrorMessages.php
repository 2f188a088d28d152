<?php
/**
 * Translated sentences for the API's error codes.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Api;

defined( 'ABSPATH' ) || exit;

/**
 * One place that turns an error code of the API (or of our client) into a sentence a store owner can act on.
 */
final class ErrorMessages {

	/**
	 * The sentence for a code; unknown codes get a generic sentence naming the code and HTTP status.
	 *
	 * @param string $code   The API's error code or one of ours.
	 * @param int    $status HTTP status, 0 when no answer came.
	 */
	public static function for_code( string $code, int $status = 0 ): string {
		$known = self::known();
		if ( isset( $known[ $code ] ) ) {
			return $known[ $code ];
		}
		if ( 401 === $status ) {
			return $known['unauthorized'];
		}
		if ( $status >= 500 ) {
			return $known['internal_error'];
		}
		/* translators: 1: error code sent by the payment service, 2: HTTP status code */
		return sprintf( __( 'The payment service refused the request (%1$s, HTTP %2$d).', 'korea-checkout' ), $code, $status );
	}

	/**
	 * Sentences of the codes we know.
	 *
	 * @return array<string, string>
	 */
	private static function known(): array {
		return array(
			'http_unreachable'         => __( 'The payment service could not be reached. Please try again in a moment.', 'korea-checkout' ),
			'timeout'                  => __( 'The payment service did not answer in time. Please try again in a moment.', 'korea-checkout' ),
			'rate_limited'             => __( 'The payment service is busy right now. Please try again in a moment.', 'korea-checkout' ),
			'invalid_response'         => __( 'The payment service sent an answer the store could not read.', 'korea-checkout' ),
			'unauthorized'             => __( 'The payment service did not accept the API key. Check the key under WooCommerce > Korea Checkout.', 'korea-checkout' ),
			'invalid_api_key'          => __( 'The payment service did not accept the API key. Check the key under WooCommerce > Korea Checkout.', 'korea-checkout' ),
			'internal_error'           => __( 'The payment service had an internal error. Please try again in a moment.', 'korea-checkout' ),
			'session_not_found'        => __( 'The payment service does not know this payment session.', 'korea-checkout' ),
			'session_not_paid'         => __( 'This payment was never completed, so there is nothing to refund.', 'korea-checkout' ),
			'session_not_modifiable'   => __( 'This payment session can no longer be changed.', 'korea-checkout' ),
			'refund_exceeds_remaining' => __( 'The refund is larger than what is left to refund on this payment.', 'korea-checkout' ),
			'amount_mismatch'          => __( 'The order lines do not add up to the order total.', 'korea-checkout' ),
			'idempotency_key_reused'   => __( 'The payment service already received a different request for this order.', 'korea-checkout' ),
			'payload_too_large'        => __( 'The request to the payment service was too large.', 'korea-checkout' ),
			'validation_error'         => __( 'The payment service refused the order details.', 'korea-checkout' ),
		);
	}
}
