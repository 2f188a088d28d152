<?php
/**
 * The Orders module (payment state: webhook, state machine, reconciliation, order panel)'s entry point.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

defined( 'ABSPATH' ) || exit;

/**
 * Adds the hooks of this module. (Being built: see DEVELOPERS.md for who owns it.)
 */
final class Module {

	/**
	 * Adds this module's hooks.
	 */
	public function register(): void {
	}
}
