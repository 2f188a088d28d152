<?php
/**
 * The caller's time budget ran out before the work could safely start.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

defined( 'ABSPATH' ) || exit;

/**
 * Thrown by Refresh when too little of a deadline is left to read the session or wait for the order's lock. The
 * webhook must answer within the service's delivery timeout; it answers 503 instead, and the event stays
 * retryable. Nothing was changed.
 */
final class OutOfTime extends \RuntimeException {
}
