<?php
/**
 * The Admin module's entry point.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * The store owner's side: WooCommerce > Korea Checkout (page + REST), the connection test, Site Health,
 * the plugin-row links, the way in from WooCommerce > Settings > Payments, and WP-CLI commands.
 */
final class Module {

	/**
	 * Adds this module's hooks.
	 */
	public function register(): void {
		$page = new SettingsPage();
		add_action( 'admin_menu', array( $page, 'add_menu' ), 60 );
		add_action( 'admin_enqueue_scripts', array( $page, 'enqueue' ) );
		add_action( 'admin_init', array( new PaymentsEntry(), 'maybe_redirect' ) );

		add_action( 'rest_api_init', array( new SettingsController(), 'register_routes' ) );
		add_action( 'rest_api_init', array( new ConnectionController(), 'register_routes' ) );

		$health = new SiteHealth();
		add_filter( 'site_status_tests', array( $health, 'add_tests' ) );
		add_action( 'rest_api_init', array( $health, 'register_routes' ) );

		$links = new PluginLinks();
		add_filter( 'plugin_action_links_' . plugin_basename( KOREA_CHECKOUT_FILE ), array( $links, 'action_links' ) );
		add_filter( 'plugin_row_meta', array( $links, 'row_meta' ), 10, 2 );

		if ( defined( 'WP_CLI' ) && WP_CLI ) {
			Cli::register();
		}
	}
}
