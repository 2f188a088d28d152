<?php
/**
 * The last webhook the store accepted, for Site Health and the settings page.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Webhook;

defined( 'ABSPATH' ) || exit;

/**
 * Stores `korea_checkout_last_webhook` = `{time: int, signed: bool, event: string}` for the last accepted
 * delivery: signed and verified, or an unsigned hint while no secret is saved. Refused requests never touch it
 * (anyone can send those; see Refusals). To keep busy stores from rewriting it on every event, it is written
 * only when it is a minute old or when what it says changes.
 */
final class LastWebhook {

	public const OPTION = 'korea_checkout_last_webhook';

	/**
	 * Seconds during which an unchanged record is not written again.
	 */
	private const REFRESH = 60;

	/**
	 * Records an accepted delivery.
	 *
	 * @param string $event  Event type.
	 * @param bool   $signed Whether it carried a verified signature.
	 */
	public static function record( string $event, bool $signed ): void {
		$last = self::get();
		$now  = time();
		if ( null !== $last && $last['signed'] === $signed && $last['event'] === $event && $now - $last['time'] < self::REFRESH ) {
			return;
		}
		update_option(
			self::OPTION,
			array(
				'time'   => $now,
				'signed' => $signed,
				'event'  => $event,
			),
			false
		);
	}

	/**
	 * What was recorded last, or null.
	 *
	 * @return array{time: int, signed: bool, event: string}|null
	 */
	public static function get(): ?array {
		$value = get_option( self::OPTION );
		if ( ! is_array( $value ) || ! isset( $value['time'] ) ) {
			return null;
		}
		return array(
			'time'   => (int) $value['time'],
			'signed' => (bool) ( $value['signed'] ?? $value['verified'] ?? false ),
			'event'  => (string) ( $value['event'] ?? '' ),
		);
	}
}
