<?php
/**
 * The webhook route's answers, in the contract's shapes.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Webhook;

defined( 'ABSPATH' ) || exit;

/**
 * A 2xx answer is `{received: true, id, result, detail}`: `result` is `processed`, `ignored` or `duplicate`, and
 * `detail` says what was done or why not. Every other answer is the contract's error body
 * `{error: {code, message, details}}`, with `Retry-After` when the service should deliver again.
 */
final class Answer {

	/**
	 * A 200 answer.
	 *
	 * @param string $key    The event's key.
	 * @param string $result `processed`, `ignored` or `duplicate`.
	 * @param string $detail What was done or why not.
	 */
	public static function ok( string $key, string $result, string $detail ): \WP_REST_Response {
		return new \WP_REST_Response(
			array(
				'received' => true,
				'id'       => $key,
				'result'   => $result,
				'detail'   => $detail,
			),
			200
		);
	}

	/**
	 * An error in the contract's shape.
	 *
	 * @param int                  $status      HTTP status.
	 * @param string               $code        Machine code.
	 * @param string               $message     Sentence.
	 * @param array<string, mixed> $details     Details.
	 * @param int|null             $retry_after Seconds after which to deliver again, when it is worth it.
	 */
	public static function error( int $status, string $code, string $message, array $details = array(), ?int $retry_after = null ): \WP_REST_Response {
		$response = new \WP_REST_Response(
			array(
				'error' => array(
					'code'    => $code,
					'message' => $message,
					'details' => (object) $details,
				),
			),
			$status
		);
		if ( null !== $retry_after ) {
			$response->header( 'Retry-After', (string) max( 1, $retry_after ) );
		}
		return $response;
	}

	/**
	 * A sentence for a signature refusal.
	 *
	 * @param string $reason InvalidSignature code.
	 */
	public static function signature_message( string $reason ): string {
		switch ( $reason ) {
			case 'timestamp_out_of_tolerance':
				return __( 'The webhook signature is too old or from the future.', 'korea-checkout' );
			case 'signature_missing':
				return __( 'The webhook has no x-korea-checkout-signature header.', 'korea-checkout' );
			case 'signature_malformed':
				return __( 'The x-korea-checkout-signature header is malformed.', 'korea-checkout' );
			default:
				return __( 'The webhook signature does not match.', 'korea-checkout' );
		}
	}
}
