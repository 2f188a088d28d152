<?php
/**
 * What wp_die() throws inside the integration tests.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration;

/**
 * Thrown for wp_die(): its message, with the HTTP status as the code.
 */
class WpDieException extends \RuntimeException {
}
