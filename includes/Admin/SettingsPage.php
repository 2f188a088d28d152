<?php
/**
 * WooCommerce > Korea Checkout: the page that hosts the settings app.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

use KoreaCheckout\Assets;

defined( 'ABSPATH' ) || exit;

/**
 * Adds the submenu page (capability `manage_woocommerce`), connects it to WooCommerce's admin header, and
 * loads `build/admin.js` (the React app in `src/admin/`) only there. The app reads and writes through the
 * settings REST endpoint; this page prints only the mount point.
 */
final class SettingsPage {

	public const SCREEN_ID = 'woocommerce_page_' . Urls::PAGE_SLUG;
	public const ROOT_ID   = 'korea-checkout-settings';

	/**
	 * Adds the submenu (on `admin_menu`, after WooCommerce's own menu).
	 */
	public function add_menu(): void {
		add_submenu_page(
			'woocommerce',
			__( 'Korea Checkout', 'korea-checkout' ),
			__( 'Korea Checkout', 'korea-checkout' ),
			'manage_woocommerce',
			Urls::PAGE_SLUG,
			array( $this, 'render' )
		);
		if ( function_exists( 'wc_admin_connect_page' ) ) {
			wc_admin_connect_page(
				array(
					'id'        => Urls::PAGE_SLUG,
					'screen_id' => self::SCREEN_ID,
					'title'     => __( 'Korea Checkout', 'korea-checkout' ),
					'path'      => 'admin.php?page=' . Urls::PAGE_SLUG,
				)
			);
		}
	}

	/**
	 * Loads the app's script and styles on this page only.
	 *
	 * @param string $hook_suffix The current admin page.
	 */
	public function enqueue( string $hook_suffix ): void {
		if ( self::SCREEN_ID !== $hook_suffix ) {
			return;
		}
		if ( Assets::enqueue_script( 'admin' ) ) {
			wp_enqueue_style( 'wp-components' );
			Assets::enqueue_style( 'admin', false, array( 'wp-components' ) );
		}
	}

	/**
	 * Prints the page: a heading and the app's mount point.
	 */
	public function render(): void {
		if ( ! current_user_can( 'manage_woocommerce' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to manage Korea Checkout.', 'korea-checkout' ), 403 );
		}
		echo '<div class="wrap korea-checkout-admin">';
		echo '<h1>' . esc_html__( 'Korea Checkout', 'korea-checkout' ) . '</h1>';
		if ( ! is_readable( KOREA_CHECKOUT_PATH . 'build/admin.js' ) ) {
			echo '<div class="notice notice-error"><p>' . esc_html__( 'The settings screen has not been built. Run “npm run build” in the plugin folder, or install the plugin from its release zip.', 'korea-checkout' ) . '</p></div>';
		}
		printf( '<div id="%s"></div>', esc_attr( self::ROOT_ID ) );
		echo '<noscript><div class="notice notice-warning"><p>' . esc_html__( 'The Korea Checkout settings need JavaScript.', 'korea-checkout' ) . '</p></div></noscript>';
		echo '</div>';
	}
}
