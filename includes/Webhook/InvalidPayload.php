<?php
/**
 * Why a webhook body was refused.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Webhook;

defined( 'ABSPATH' ) || exit;

/**
 * Thrown by Event::from_json(); the message names the field that is wrong, in English, for the sender's logs.
 */
final class InvalidPayload extends \RuntimeException {
}
