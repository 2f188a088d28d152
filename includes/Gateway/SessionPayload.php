<?php
/**
 * The body of `create-session` for one order, and the keys that make a retry reuse its session.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

use KoreaCheckout\Api\Money;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: takes the plain facts of an order (see OrderFacts) and returns the API's payload. Amounts go in as
 * minor-unit integers and come out as the currency's major-unit JSON numbers.
 */
final class SessionPayload {

	/**
	 * Limits the API puts on metadata.
	 */
	public const METADATA_MAX_KEYS       = 50;
	public const METADATA_MAX_KEY_LENGTH = 40;
	public const METADATA_MAX_VALUE      = 2000;

	/**
	 * The create-session body.
	 *
	 * @param array<string, mixed> $facts Keys: order_id (int), currency, total (minor int), lines (see
	 *        LineFolder), fallback_name, customer (name, email, phone), return_url, cancel_url, webhook_url,
	 *        metadata (string => string, ours first), now (unix time), lifetime_hours, shop_id.
	 * @return array<string, mixed>
	 */
	public static function build( array $facts ): array {
		$currency = strtoupper( (string) $facts['currency'] );
		$items    = LineFolder::fold( $facts['lines'], (int) $facts['total'], (string) $facts['fallback_name'] );

		$payload = array(
			'platform'        => 'woocommerce',
			'platformOrderId' => (string) $facts['order_id'],
			'items'           => array_map(
				static function ( array $item ) use ( $currency ): array {
					$item['price'] = Money::to_major( $item['price'], $currency );
					return $item;
				},
				$items
			),
			'customer'        => self::customer( $facts['customer'] ),
			'totalAmount'     => Money::to_major( (int) $facts['total'], $currency ),
			'currency'        => $currency,
			'returnUrl'       => (string) $facts['return_url'],
			'cancelUrl'       => (string) $facts['cancel_url'],
			'webhookUrl'      => (string) $facts['webhook_url'],
			'metadata'        => self::metadata( $facts['metadata'] ),
			'expiresAt'       => self::expires_at( (int) $facts['now'], (int) $facts['lifetime_hours'] ),
		);
		if ( ! empty( $facts['shop_id'] ) ) {
			$payload['shopId'] = (string) $facts['shop_id'];
		}
		return $payload;
	}

	/**
	 * A hash of what the shopper is asked to pay for: the payload without its expiry time.
	 *
	 * @param array<string, mixed> $payload A built payload.
	 */
	public static function hash( array $payload ): string {
		unset( $payload['expiresAt'] );
		return hash( 'sha256', (string) json_encode( $payload, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- pure class, runs without WordPress.
	}

	/**
	 * The Idempotency-Key of a session creation: the same order, the same contents and the same number of earlier
	 * sessions give the same key, so that a retry after a lost answer gets the session already made, and paying
	 * again after a session was retired makes a new one.
	 *
	 * A request whose answer was lost is sent again with its first body and key while that body's expiry is still
	 * ahead; once it is not, the request is made anew with a new expiry, and so with the next $retry.
	 *
	 * @param int    $order_id     Order id.
	 * @param string $payload_hash hash() of the payload.
	 * @param int    $generation   How many sessions the order had before this one.
	 * @param int    $retry        How many earlier requests for the same contents and generation were given up.
	 */
	public static function idempotency_key( int $order_id, string $payload_hash, int $generation, int $retry = 0 ): string {
		$parts = array( $order_id, $payload_hash, $generation );
		if ( $retry > 0 ) {
			$parts[] = 'retry' . $retry;
		}
		return 'wc-' . $order_id . '-' . substr( hash( 'sha256', implode( '|', $parts ) ), 0, 40 );
	}

	/**
	 * ISO time of the session's end, at most 7 days ahead.
	 *
	 * @param int $now            Unix time.
	 * @param int $lifetime_hours Session lifetime in hours (1..168).
	 */
	public static function expires_at( int $now, int $lifetime_hours ): string {
		$hours = min( 168, max( 1, $lifetime_hours ) );
		return gmdate( 'Y-m-d\TH:i:s\Z', $now + $hours * 3600 );
	}

	/**
	 * The customer object, without an empty phone.
	 *
	 * @param array<string, string> $customer name, email, phone.
	 * @return array<string, string>
	 */
	private static function customer( array $customer ): array {
		$result = array(
			'name'  => trim( (string) ( $customer['name'] ?? '' ) ),
			'email' => trim( (string) ( $customer['email'] ?? '' ) ),
		);
		$phone  = trim( (string) ( $customer['phone'] ?? '' ) );
		if ( '' !== $phone ) {
			$result['phone'] = $phone;
		}
		return $result;
	}

	/**
	 * Metadata within the API's limits: string values, keys up to 40 characters, values up to 2,000, at most 50
	 * keys (earlier keys win, so ours come first).
	 *
	 * @param array<string, mixed> $metadata Wanted metadata.
	 * @return array<string, string>
	 */
	public static function metadata( array $metadata ): array {
		$result = array();
		foreach ( $metadata as $key => $value ) {
			$key = (string) $key;
			if ( '' === $key || strlen( $key ) > self::METADATA_MAX_KEY_LENGTH || count( $result ) >= self::METADATA_MAX_KEYS ) {
				continue;
			}
			if ( ! is_scalar( $value ) ) {
				continue;
			}
			$value = (string) $value;
			if ( '' === $value ) {
				continue;
			}
			$result[ $key ] = mb_substr( $value, 0, self::METADATA_MAX_VALUE );
		}
		return $result;
	}
}
