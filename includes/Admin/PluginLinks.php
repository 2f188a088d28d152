<?php
/**
 * The Settings and Docs links on the plugin's row in Plugins.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * "Settings" goes first among the row's actions (for people who may manage WooCommerce); "Docs" joins the
 * row's meta links.
 */
final class PluginLinks {

	/**
	 * Adds "Settings" (filter `plugin_action_links_{basename}`).
	 *
	 * @param array<int|string, string> $links The row's action links.
	 * @return array<int|string, string>
	 */
	public function action_links( $links ): array {
		$links = is_array( $links ) ? $links : array();
		if ( ! current_user_can( 'manage_woocommerce' ) ) {
			return $links;
		}
		$settings = sprintf( '<a href="%s">%s</a>', esc_url( Urls::settings_page() ), esc_html__( 'Settings', 'korea-checkout' ) );
		return array_merge( array( 'korea-checkout-settings' => $settings ), $links );
	}

	/**
	 * Adds "Docs" (filter `plugin_row_meta`) to this plugin's row only.
	 *
	 * @param array<int|string, string> $meta        The row's meta links.
	 * @param string                    $plugin_file The row's plugin.
	 * @return array<int|string, string>
	 */
	public function row_meta( $meta, $plugin_file ): array {
		$meta = is_array( $meta ) ? $meta : array();
		if ( plugin_basename( KOREA_CHECKOUT_FILE ) !== $plugin_file ) {
			return $meta;
		}
		$meta['korea-checkout-docs'] = sprintf(
			'<a href="%s" target="_blank" rel="noopener noreferrer">%s</a>',
			esc_url( Urls::docs() ),
			esc_html__( 'Docs', 'korea-checkout' )
		);
		return $meta;
	}
}
