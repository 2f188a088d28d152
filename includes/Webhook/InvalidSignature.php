<?php
/**
 * Why a webhook signature was refused.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Webhook;

defined( 'ABSPATH' ) || exit;

/**
 * Thrown by SignatureVerifier; the message is a stable machine code (`signature_missing`, `signature_malformed`,
 * `timestamp_out_of_tolerance`, `signature_mismatch`, `secret_missing`) safe to log and to return.
 */
final class InvalidSignature extends \RuntimeException {
}
