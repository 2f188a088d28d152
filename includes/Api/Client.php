<?php
/**
 * The HTTP client of the Korea Checkout API, over the WordPress HTTP API.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Api;

use KoreaCheckout\Logging\Logger;
use KoreaCheckout\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Sends JSON to the API with the `x-api-key` header and returns decoded answers; every failure is an
 * ApiException. A 429 whose Retry-After fits in a short budget is retried once; a longer wait fails at once
 * with `rate_limited`, because a shopper should not stare at a spinner. The key is never logged.
 */
class Client {

	/**
	 * Seconds a request may take, connecting included.
	 */
	public const TIMEOUT = 15;

	/**
	 * The longest Retry-After (seconds) we wait out before one retry.
	 */
	public const RETRY_BUDGET = 2;

	/**
	 * API key.
	 *
	 * @var string
	 */
	private string $api_key;

	/**
	 * Base URL without trailing slash.
	 *
	 * @var string
	 */
	private string $base_url;

	/**
	 * The rate-limit headers of the last answer.
	 *
	 * @var array{limit: int, remaining: int, reset: int}|null
	 */
	private ?array $last_rate_limit = null;

	/**
	 * Creates a client; without arguments it uses the saved settings.
	 *
	 * @param string|null $api_key  Key to use (e.g. one being tested before it is saved).
	 * @param string|null $base_url Base URL to use.
	 */
	public function __construct( ?string $api_key = null, ?string $base_url = null ) {
		$this->api_key  = null !== $api_key ? $api_key : (string) Settings::get( 'api_key' );
		$this->base_url = untrailingslashit( null !== $base_url ? $base_url : Settings::api_url() );
	}

	/**
	 * Creates a checkout session: `{success, sessionId, checkoutUrl, expiresAt}`.
	 *
	 * @param array<string, mixed> $payload         The create-session body.
	 * @param string               $idempotency_key Same key + same body = the same session.
	 * @return array<string, mixed>
	 * @throws ApiException On any failure.
	 */
	public function create_session( array $payload, string $idempotency_key ): array {
		$answer = $this->request( 'POST', '/api/checkout/create-session', $payload, array( 'Idempotency-Key' => $idempotency_key ) );
		if ( ! is_string( $answer['sessionId'] ?? null ) || ! is_string( $answer['checkoutUrl'] ?? null ) ) {
			throw new ApiException( 'invalid_response', ErrorMessages::for_code( 'invalid_response' ), 200 );
		}
		return $answer;
	}

	/**
	 * The session as the API sees it now (the `data` object).
	 *
	 * @param string     $id      Session id.
	 * @param float|null $timeout Seconds the read may take (a caller with a deadline); null for TIMEOUT.
	 * @return array<string, mixed>
	 * @throws ApiException On any failure.
	 */
	public function get_session( string $id, ?float $timeout = null ): array {
		$answer = $this->request( 'GET', '/api/checkout/session/' . rawurlencode( $id ), null, array(), $timeout );
		return self::data_of( $answer );
	}

	/**
	 * Merges `customer`, `metadata` and/or an earlier `expiresAt` into a pending session; returns the session as
	 * GET shows it. An `expiresAt` at or before now ends the session at once (how a replaced session is retired).
	 *
	 * @param string               $id     Session id.
	 * @param array<string, mixed> $fields `customer`, `metadata`, `expiresAt`.
	 * @return array<string, mixed>
	 * @throws ApiException On any failure.
	 */
	public function patch_session( string $id, array $fields ): array {
		$answer = $this->request( 'PATCH', '/api/checkout/session/' . rawurlencode( $id ), $fields );
		return isset( $answer['data'] ) && is_array( $answer['data'] ) ? $answer['data'] : $answer;
	}

	/**
	 * Refunds part of a payment, or (amount null) the rest of it.
	 *
	 * @param string   $id              Session id.
	 * @param int|null $amount          Amount in minor units, null for everything left.
	 * @param string   $reason          Why, as the store owner wrote it.
	 * @param string   $currency        Currency of the session, to send the amount in its major unit.
	 * @param bool     $notify_customer Whether the service tells the shopper.
	 * @param string   $idempotency_key Same key + same body = the same refund, never a second one.
	 * @return array<string, mixed> `{refundId, status, amount, reason, processedAt}`.
	 * @throws ApiException On any failure.
	 */
	public function refund( string $id, ?int $amount, string $reason, string $currency, bool $notify_customer, string $idempotency_key ): array {
		$body = array(
			'reason'          => $reason,
			'notify_customer' => $notify_customer,
		);
		if ( null !== $amount ) {
			$body['amount'] = Money::to_major( $amount, $currency );
		}
		return $this->request( 'POST', '/api/checkout/session/' . rawurlencode( $id ) . '/refund', $body, array( 'Idempotency-Key' => $idempotency_key ) );
	}

	/**
	 * The shops of this key.
	 *
	 * @return array<int, array<string, mixed>>
	 * @throws ApiException On any failure.
	 */
	public function list_shops(): array {
		$answer = $this->request( 'GET', '/api/shops' );
		return isset( $answer['shops'] ) && is_array( $answer['shops'] ) ? array_values( $answer['shops'] ) : array();
	}

	/**
	 * One shop, with its payment methods and custom domain.
	 *
	 * @param string $id Shop id.
	 * @return array<string, mixed>
	 * @throws ApiException On any failure.
	 */
	public function get_shop( string $id ): array {
		$answer = $this->request( 'GET', '/api/shops/' . rawurlencode( $id ) );
		return self::data_of( $answer );
	}

	/**
	 * The rate-limit headers of the last answer (`limit`, `remaining`, `reset`), or null.
	 *
	 * @return array{limit: int, remaining: int, reset: int}|null
	 */
	public function last_rate_limit(): ?array {
		return $this->last_rate_limit;
	}

	/**
	 * Sends one request (and one retry after a short 429) and returns the decoded answer.
	 *
	 * @param string                $method  HTTP method.
	 * @param string                $path    Path below the base URL.
	 * @param array<string, mixed>  $body    JSON body, null for none.
	 * @param array<string, string> $headers Extra headers.
	 * @param float|null            $timeout Seconds the exchange may take; null for TIMEOUT. A caller with a
	 *                                       timeout of its own gets no retry after a 429.
	 * @return array<string, mixed>
	 * @throws ApiException On any failure.
	 */
	public function request( string $method, string $path, ?array $body = null, array $headers = array(), ?float $timeout = null ): array {
		if ( '' === $this->api_key ) {
			throw new ApiException( 'unauthorized', ErrorMessages::for_code( 'unauthorized', 401 ), 0 );
		}
		try {
			return $this->send( $method, $path, $body, $headers, $timeout ?? (float) self::TIMEOUT );
		} catch ( ApiException $e ) {
			$wait = $e->get_retry_after();
			if ( null !== $timeout || 'rate_limited' !== $e->get_error_code() || null === $wait || $wait > self::RETRY_BUDGET ) {
				throw $e;
			}
			Logger::info(
				'Rate limited by the API; retrying once.',
				array(
					'path'        => $path,
					'retry_after' => $wait,
				)
			);
			if ( $wait > 0 ) {
				sleep( $wait );
			}
			return $this->send( $method, $path, $body, $headers, (float) self::TIMEOUT );
		}
	}

	/**
	 * One HTTP exchange.
	 *
	 * @param string                $method  HTTP method.
	 * @param string                $path    Path below the base URL.
	 * @param array<string, mixed>  $body    JSON body, null for none.
	 * @param array<string, string> $headers Extra headers.
	 * @param float                 $timeout Seconds.
	 * @return array<string, mixed>
	 * @throws ApiException On any failure.
	 */
	private function send( string $method, string $path, ?array $body, array $headers, float $timeout ): array {
		$args = array(
			'method'      => $method,
			'timeout'     => $timeout,
			'redirection' => 0,
			'headers'     => array_merge(
				array(
					'x-api-key'    => $this->api_key,
					'Accept'       => 'application/json',
					'Content-Type' => 'application/json',
					'User-Agent'   => 'KoreaCheckout-WooCommerce/' . ( defined( 'KOREA_CHECKOUT_VERSION' ) ? KOREA_CHECKOUT_VERSION : 'dev' ),
				),
				$headers
			),
		);
		if ( null !== $body ) {
			$args['body'] = (string) wp_json_encode( $body );
		}

		$started  = microtime( true );
		$response = wp_remote_request( $this->base_url . $path, $args );
		$elapsed  = (int) round( ( microtime( true ) - $started ) * 1000 );

		if ( is_wp_error( $response ) ) {
			$reason = $response->get_error_message();
			$code   = preg_match( '/timed? ?out|cURL error 28/i', $reason ) ? 'timeout' : 'http_unreachable';
			Logger::warning(
				'Korea Checkout API request failed without an answer.',
				array(
					'method' => $method,
					'path'   => $path,
					'error'  => $reason,
					'ms'     => $elapsed,
				)
			);
			throw new ApiException( $code, ErrorMessages::for_code( $code ), 0 );
		}

		$status    = (int) wp_remote_retrieve_response_code( $response );
		$raw_body  = (string) wp_remote_retrieve_body( $response );
		$header_in = array_change_key_case( (array) wp_remote_retrieve_headers( $response )->getAll(), CASE_LOWER );
		$flat      = array_map( static fn( $v ) => is_array( $v ) ? (string) reset( $v ) : (string) $v, $header_in );
		$limit     = ResponseParser::rate_limit( $flat );
		if ( null !== $limit ) {
			$this->last_rate_limit = $limit;
		}

		Logger::debug(
			'Korea Checkout API answered.',
			array(
				'method' => $method,
				'path'   => $path,
				'status' => $status,
				'ms'     => $elapsed,
			)
		);

		try {
			return ResponseParser::parse( $status, $raw_body, ResponseParser::retry_after( $flat['retry-after'] ?? null, time() ) );
		} catch ( ApiException $e ) {
			Logger::warning(
				'Korea Checkout API refused a request.',
				array(
					'method'      => $method,
					'path'        => $path,
					'status'      => $status,
					'code'        => $e->get_error_code(),
					'api_message' => $e->get_api_message(),
					'ms'          => $elapsed,
				)
			);
			throw $e;
		}
	}

	/**
	 * The `data` object of an answer, or the answer itself when it has none.
	 *
	 * @param array<string, mixed> $answer Decoded answer.
	 * @return array<string, mixed>
	 */
	private static function data_of( array $answer ): array {
		return isset( $answer['data'] ) && is_array( $answer['data'] ) ? $answer['data'] : $answer;
	}
}
