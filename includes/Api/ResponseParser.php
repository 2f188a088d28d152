<?php
/**
 * Reads the API's answers: the data of a success, the ApiException of a failure.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Api;

defined( 'ABSPATH' ) || exit;

/**
 * Pure functions over status, headers and body, so that every error path is testable without a network.
 */
final class ResponseParser {

	/**
	 * The decoded body of a 2xx answer.
	 *
	 * @param int      $status      HTTP status.
	 * @param string   $body        Raw body.
	 * @param int|null $retry_after Seconds from a Retry-After header.
	 * @return array<string, mixed>
	 * @throws ApiException When the answer is not a 2xx JSON object.
	 */
	public static function parse( int $status, string $body, ?int $retry_after = null ): array {
		if ( $status < 200 || $status >= 300 ) {
			throw self::error( $status, $body, $retry_after );
		}
		$decoded = '' === trim( $body ) ? array() : json_decode( $body, true );
		if ( ! is_array( $decoded ) ) {
			throw new ApiException( 'invalid_response', ErrorMessages::for_code( 'invalid_response', $status ), $status );
		}
		return $decoded;
	}

	/**
	 * The exception of a non-2xx answer, from the contract's `{"error": {code, message, details}}` body.
	 *
	 * @param int      $status      HTTP status.
	 * @param string   $body        Raw body.
	 * @param int|null $retry_after Seconds from a Retry-After header.
	 */
	public static function error( int $status, string $body, ?int $retry_after = null ): ApiException {
		$decoded = json_decode( $body, true );
		$error   = is_array( $decoded ) && is_array( $decoded['error'] ?? null ) ? $decoded['error'] : array();
		$code    = isset( $error['code'] ) && is_string( $error['code'] ) && '' !== $error['code'] ? $error['code'] : self::code_of_status( $status );
		if ( 429 === $status ) {
			$code = 'rate_limited';
		}
		$api_message = isset( $error['message'] ) && is_string( $error['message'] ) ? $error['message'] : '';
		$details     = isset( $error['details'] ) && is_array( $error['details'] ) ? $error['details'] : array();
		return new ApiException( $code, ErrorMessages::for_code( $code, $status ), $status, $retry_after, $api_message, $details );
	}

	/**
	 * Seconds of a Retry-After header: delta-seconds or an HTTP date; null when absent or unreadable.
	 *
	 * @param string|null $value Header value.
	 * @param int         $now   Current unix time.
	 */
	public static function retry_after( ?string $value, int $now ): ?int {
		if ( null === $value || '' === trim( $value ) ) {
			return null;
		}
		$value = trim( $value );
		if ( ctype_digit( $value ) ) {
			return (int) $value;
		}
		$when = strtotime( $value );
		return false === $when ? null : max( 0, $when - $now );
	}

	/**
	 * The rate-limit headers of an answer, or null when it had none.
	 *
	 * @param array<string, string> $headers Lower-case header names => values.
	 * @return array{limit: int, remaining: int, reset: int}|null
	 */
	public static function rate_limit( array $headers ): ?array {
		if ( ! isset( $headers['x-ratelimit-limit'] ) ) {
			return null;
		}
		return array(
			'limit'     => (int) $headers['x-ratelimit-limit'],
			'remaining' => (int) ( $headers['x-ratelimit-remaining'] ?? 0 ),
			'reset'     => (int) ( $headers['x-ratelimit-reset'] ?? 0 ),
		);
	}

	/**
	 * Our code for an answer without a readable error body.
	 *
	 * @param int $status HTTP status.
	 */
	private static function code_of_status( int $status ): string {
		switch ( $status ) {
			case 401:
				return 'unauthorized';
			case 404:
				return 'not_found';
			case 413:
				return 'payload_too_large';
			case 429:
				return 'rate_limited';
		}
		return $status >= 500 ? 'internal_error' : 'invalid_response';
	}
}
