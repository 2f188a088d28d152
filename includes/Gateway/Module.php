<?php
/**
 * The Gateway module's entry point.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

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
