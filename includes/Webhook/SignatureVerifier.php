<?php
/**
 * Verifies the `x-korea-checkout-signature` header of a webhook.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Webhook;

defined( 'ABSPATH' ) || exit;

/**
 * The header is `t=<unix seconds>,v1=<hex>[,v1=<hex>...]`. Each `v1` is a lower-case HMAC-SHA256 over the bytes
 * `"<t>." . <raw body>`, keyed by the webhook secret's exact bytes (`whsec_` prefix included). Several `v1`
 * entries appear while a secret is rotated: one match is enough. The timestamp must lie within the tolerance of
 * now, in either direction, so that a captured request cannot be replayed later.
 */
final class SignatureVerifier {

	/**
	 * Seconds a signature stays valid around its timestamp, as the API contract fixes it.
	 */
	public const TOLERANCE = 300;

	/**
	 * The name of the header, lower-case as WordPress hands headers over.
	 */
	public const HEADER = 'x-korea-checkout-signature';

	/**
	 * The webhook secret, used byte for byte.
	 *
	 * @var string
	 */
	private string $secret;

	/**
	 * Seconds of tolerance.
	 *
	 * @var int
	 */
	private int $tolerance;

	/**
	 * Sets the secret and tolerance.
	 *
	 * @param string $secret    The webhook secret, exactly as configured (never trimmed here).
	 * @param int    $tolerance Seconds of tolerance around the signed timestamp.
	 */
	public function __construct( string $secret, int $tolerance = self::TOLERANCE ) {
		$this->secret    = $secret;
		$this->tolerance = $tolerance;
	}

	/**
	 * Checks a header against the raw body; returns the signed timestamp when one `v1` matches.
	 *
	 * @param string $header The header value.
	 * @param string $body   The raw request body, byte for byte.
	 * @param int    $now    The current unix time.
	 * @return int The signed timestamp.
	 * @throws InvalidSignature When the header is missing or malformed, too old or too new, or no entry matches.
	 */
	public function verify( string $header, string $body, int $now ): int {
		if ( '' === $this->secret ) {
			throw new InvalidSignature( 'secret_missing' );
		}
		if ( '' === trim( $header ) ) {
			throw new InvalidSignature( 'signature_missing' );
		}

		list( $timestamp, $signatures ) = self::parse( $header );

		if ( abs( $now - $timestamp ) > $this->tolerance ) {
			throw new InvalidSignature( 'timestamp_out_of_tolerance' );
		}

		$expected = $this->sign( $timestamp, $body );
		$matched  = false;
		foreach ( $signatures as $signature ) {
			// Compare every entry, without stopping early, so that timing says nothing about which one matched.
			$matched = hash_equals( $expected, $signature ) || $matched;
		}
		if ( ! $matched ) {
			throw new InvalidSignature( 'signature_mismatch' );
		}
		return $timestamp;
	}

	/**
	 * The lower-case hex signature of a body at a timestamp (what the service computes).
	 *
	 * @param int    $timestamp Unix seconds.
	 * @param string $body      Raw body.
	 */
	public function sign( int $timestamp, string $body ): string {
		return hash_hmac( 'sha256', $timestamp . '.' . $body, $this->secret );
	}

	/**
	 * Splits a header into its one timestamp and its `v1` signatures; other schemes are ignored.
	 *
	 * @param string $header The header value.
	 * @return array{0: int, 1: list<string>}
	 * @throws InvalidSignature When there is not exactly one numeric `t`, or no well-formed `v1`.
	 */
	private static function parse( string $header ): array {
		$timestamps = array();
		$signatures = array();
		foreach ( explode( ',', $header ) as $part ) {
			$pair = explode( '=', trim( $part ), 2 );
			if ( 2 !== count( $pair ) ) {
				throw new InvalidSignature( 'signature_malformed' );
			}
			list( $key, $value ) = array( trim( $pair[0] ), trim( $pair[1] ) );
			if ( 't' === $key ) {
				$timestamps[] = $value;
			} elseif ( 'v1' === $key ) {
				$signatures[] = strtolower( $value );
			}
		}

		if ( 1 !== count( $timestamps ) || 1 !== preg_match( '/^[0-9]{1,12}$/', $timestamps[0] ) ) {
			throw new InvalidSignature( 'signature_malformed' );
		}
		$signatures = array_values(
			array_filter(
				$signatures,
				static function ( string $signature ): bool {
					return 1 === preg_match( '/^[0-9a-f]{64}$/', $signature );
				}
			)
		);
		if ( array() === $signatures ) {
			throw new InvalidSignature( 'signature_malformed' );
		}
		return array( (int) $timestamps[0], $signatures );
	}
}
