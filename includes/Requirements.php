<?php
/**
 * What the plugin needs before it can run.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout;

defined( 'ABSPATH' ) || exit;

/**
 * Checks for WooCommerce and its version, and tells the store owner when something is missing.
 */
final class Requirements {

	/**
	 * Whether WooCommerce is there and new enough. Safe to ask before `init`: it translates nothing.
	 */
	public static function met(): bool {
		return class_exists( 'WooCommerce' ) && defined( 'WC_VERSION' ) && version_compare( WC_VERSION, KOREA_CHECKOUT_MIN_WC_VERSION, '>=' );
	}

	/**
	 * A sentence naming what is missing, or null when everything is there. It translates, so call it from `init` on.
	 */
	public static function problem(): ?string {
		if ( ! class_exists( 'WooCommerce' ) || ! defined( 'WC_VERSION' ) ) {
			return __( 'Korea Checkout for WooCommerce needs WooCommerce. Install and activate WooCommerce to take payments with Korea Checkout.', 'korea-checkout' );
		}
		if ( version_compare( WC_VERSION, KOREA_CHECKOUT_MIN_WC_VERSION, '<' ) ) {
			return sprintf(
				/* translators: 1: required WooCommerce version, 2: installed WooCommerce version */
				__( 'Korea Checkout for WooCommerce needs WooCommerce %1$s or newer; this site runs %2$s. Update WooCommerce to use Korea Checkout.', 'korea-checkout' ),
				KOREA_CHECKOUT_MIN_WC_VERSION,
				WC_VERSION
			);
		}
		return null;
	}

	/**
	 * Shows the problem to people who can act on it, in the admin only. The sentence is made when the notice is
	 * printed, after the translations are loaded.
	 */
	public static function show_notice(): void {
		add_action(
			'admin_notices',
			static function (): void {
				$message = self::problem();
				if ( null === $message || ! current_user_can( 'activate_plugins' ) ) {
					return;
				}
				printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html( $message ) );
			}
		);
	}
}
