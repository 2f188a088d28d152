<?php
/**
 * What wp_die() throws inside the integration tests.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration;

/**
 * wp_die() as an exception: the message, with the HTTP status as the code.
 */
class WpDieException extends \RuntimeException {
}
