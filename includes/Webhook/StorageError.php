<?php
/**
 * The event table could not be read or written.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Webhook;

defined( 'ABSPATH' ) || exit;

/**
 * Thrown by EventStore for any database error other than the duplicate key that a repeated claim meets (a
 * deadlock, a lock-wait timeout, a lost connection). The delivery is then answered 503, never "already
 * received", so the service tries again. The message is the database's own error, for the log only.
 */
final class StorageError extends \RuntimeException {
}
