<?php
/**
 * The last webhook request and whether it verified, for Site Health and the settings page.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Webhook;

defined( 'ABSPATH' ) || exit;

/**
 * Stores `korea_checkout_last_webhook` = `{time: int, verified: bool, event: string, reason: string}`: `event`
 * is the event type when the body could be read ('' otherwise), `reason` the refusal code ('' when verified).
 */
final class LastWebhook {

	public const OPTION = 'korea_checkout_last_webhook';

	/**
	 * Records one request.
	 *
	 * @param bool   $verified Whether the signature verified.
	 * @param string $event    Event type or ''.
	 * @param string $reason   Refusal code or ''.
	 */
	public static function record( bool $verified, string $event, string $reason ): void {
		update_option(
			self::OPTION,
			array(
				'time'     => time(),
				'verified' => $verified,
				'event'    => $event,
				'reason'   => $reason,
			),
			false
		);
	}

	/**
	 * What was recorded last, or null.
	 *
	 * @return array{time: int, verified: bool, event: string, reason: string}|null
	 */
	public static function get(): ?array {
		$value = get_option( self::OPTION );
		return is_array( $value ) && isset( $value['time'] ) ? $value : null;
	}
}
