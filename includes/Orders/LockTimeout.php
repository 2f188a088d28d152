<?php
/**
 * The order's lock could not be taken in time.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

defined( 'ABSPATH' ) || exit;

/**
 * Thrown by OrderLock::run() when another worker held the order's lock for the whole wait. Callers answer so that
 * the work is tried again later (a webhook gets a 503 and is redelivered; reconciliation comes back next run).
 */
final class LockTimeout extends \RuntimeException {
}
