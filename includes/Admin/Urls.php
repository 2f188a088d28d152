<?php
/**
 * The addresses the admin screens link to.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * One place for the settings page, webhook and documentation addresses.
 */
final class Urls {

	/**
	 * The slug of the WooCommerce > Korea Checkout page.
	 */
	public const PAGE_SLUG = 'korea-checkout';

	/**
	 * The service's documentation for store owners.
	 */
	public const DOCS = 'https://koreacheckout.com/docs';

	/**
	 * The settings page.
	 */
	public static function settings_page(): string {
		return admin_url( 'admin.php?page=' . self::PAGE_SLUG );
	}

	/**
	 * The documentation link, filterable for agencies that host their own guide.
	 */
	public static function docs(): string {
		/**
		 * Filters where the plugin's "Docs" links point.
		 *
		 * Example: `add_filter( 'korea_checkout_docs_url', fn() => 'https://example.com/our-payment-guide' );`
		 *
		 * @since 0.1.0
		 *
		 * @param string $url The documentation address.
		 */
		return (string) apply_filters( 'korea_checkout_docs_url', self::DOCS );
	}
}
