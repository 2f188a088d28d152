<?php
/**
 * The gateway's entry under WooCommerce > Settings > Payments leads to WooCommerce > Korea Checkout.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

use KoreaCheckout\Plugin;

defined( 'ABSPATH' ) || exit;

/**
 * WooCommerce 11's Payments screen links a gateway's "Manage" to the gateway's `get_settings_url()` when it
 * has one, else to `admin.php?page=wc-settings&tab=checkout&section=<gateway id>`. This class sends that
 * section on to our page, so every way in ends on the same settings, and the classic gateway form (which
 * would hold a second copy of them) is never shown.
 */
final class PaymentsEntry {

	/**
	 * Redirects the gateway's section (on `admin_init`).
	 */
	public function maybe_redirect(): void {
		if ( ! self::is_gateway_section( $_GET ) ) { // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- reading where to go, changing nothing.
			return;
		}
		if ( ! current_user_can( 'manage_woocommerce' ) ) {
			return;
		}
		wp_safe_redirect( Urls::settings_page() );
		exit;
	}

	/**
	 * Whether a query asks for the gateway's section of WooCommerce > Settings > Payments.
	 *
	 * @param array<string, mixed> $query The query arguments.
	 */
	public static function is_gateway_section( array $query ): bool {
		return 'wc-settings' === ( $query['page'] ?? '' )
			&& 'checkout' === ( $query['tab'] ?? '' )
			&& is_string( $query['section'] ?? null )
			&& Plugin::GATEWAY_ID === strtolower( sanitize_key( $query['section'] ) );
	}
}
