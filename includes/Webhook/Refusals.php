<?php
/**
 * Counts refused webhook requests without letting them write to the database at will.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Webhook;

defined( 'ABSPATH' ) || exit;

/**
 * Anyone can send requests to the webhook URL, so a refused one (too large, badly signed, not an event) must
 * cost the store nothing lasting: no log line, no row per request. Refusals are counted in the object cache and
 * written to the option `korea_checkout_webhook_refusals` = `{count, time, reason}` at most once a minute, with
 * the count gathered since the last write (with a persistent object cache, every refusal; without one, at least
 * one per minute). Site Health reads it to say that requests are being refused and why.
 */
final class Refusals {

	public const OPTION = 'korea_checkout_webhook_refusals';

	/**
	 * Seconds between two writes.
	 */
	private const INTERVAL = 60;

	/**
	 * Object-cache group and key of the refusals not yet written.
	 */
	private const GROUP = 'korea_checkout';
	private const KEY   = 'webhook_refusals';

	/**
	 * Counts one refusal.
	 *
	 * @param string $reason Machine code of the refusal.
	 */
	public static function count( string $reason ): void {
		$unwritten = (int) wp_cache_get( self::KEY, self::GROUP ) + 1;
		$stored    = self::get();
		if ( null !== $stored && time() - $stored['time'] < self::INTERVAL ) {
			wp_cache_set( self::KEY, $unwritten, self::GROUP, self::INTERVAL * 2 );
			return;
		}
		wp_cache_delete( self::KEY, self::GROUP );
		update_option(
			self::OPTION,
			array(
				'count'  => ( null === $stored ? 0 : $stored['count'] ) + $unwritten,
				'time'   => time(),
				'reason' => substr( $reason, 0, 40 ),
			),
			false
		);
	}

	/**
	 * The refusals counted so far, or null.
	 *
	 * @return array{count: int, time: int, reason: string}|null
	 */
	public static function get(): ?array {
		$value = get_option( self::OPTION );
		if ( ! is_array( $value ) || ! isset( $value['time'] ) ) {
			return null;
		}
		return array(
			'count'  => (int) ( $value['count'] ?? 0 ),
			'time'   => (int) $value['time'],
			'reason' => (string) ( $value['reason'] ?? '' ),
		);
	}
}
