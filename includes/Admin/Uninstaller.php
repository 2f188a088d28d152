<?php
/**
 * What deleting the plugin removes: its settings and traces, never an order.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

use KoreaCheckout\Schema;

defined( 'ABSPATH' ) || exit;

/**
 * Run by uninstall.php, on every site of a network. Removes the plugin's tables (webhook events, the sessions
 * the store created), the options whose names start with `korea_checkout_` (settings, last webhook, refusal
 * counter, reconcile cursors, database version) or `_korea_checkout_` (order locks), the plugin's transients, its
 * Action Scheduler actions and WP-Cron events (hooks starting `korea_checkout_`). Order data (orders, their
 * `_korea_checkout_*` meta, notes, refunds) stays: those are the store's records of real payments.
 */
final class Uninstaller {

	/**
	 * Option name patterns (SQL LIKE, already escaped) that belong to the plugin.
	 */
	private const OPTION_PATTERNS = array(
		'korea\_checkout\_%',
		'\_korea\_checkout\_%',
		'\_transient\_korea\_checkout\_%',
		'\_transient\_timeout\_korea\_checkout\_%',
		'\_site\_transient\_korea\_checkout\_%',
		'\_site\_transient\_timeout\_korea\_checkout\_%',
	);

	/**
	 * Hook name pattern of the plugin's scheduled actions.
	 */
	private const HOOK_PATTERN = 'korea\_checkout\_%';

	/**
	 * Cleans every site (one site, or each site of a network) and the network's own options.
	 */
	public static function run(): void {
		if ( ! is_multisite() ) {
			self::clean_site();
			return;
		}
		foreach ( get_sites(
			array(
				'fields' => 'ids',
				'number' => 0,
			)
		) as $site_id ) {
			switch_to_blog( (int) $site_id );
			self::clean_site();
			restore_current_blog();
		}
		self::clean_network();
	}

	/**
	 * Cleans the current site.
	 */
	public static function clean_site(): void {
		self::unschedule();
		Schema::drop();
		delete_transient( ConnectionTest::TRANSIENT );

		global $wpdb;
		foreach ( self::OPTION_PATTERNS as $pattern ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall: find every row by prefix once.
			$names = $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s", $pattern ) );
			foreach ( $names as $name ) {
				delete_option( $name );
			}
		}
	}

	/**
	 * Removes the network's own options (multisite).
	 */
	private static function clean_network(): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall: find every row by prefix once.
		$names = $wpdb->get_col( $wpdb->prepare( "SELECT meta_key FROM {$wpdb->sitemeta} WHERE meta_key LIKE %s OR meta_key LIKE %s OR meta_key LIKE %s", 'korea\_checkout\_%', '\_site\_transient\_korea\_checkout\_%', '\_site\_transient\_timeout\_korea\_checkout\_%' ) );
		foreach ( $names as $name ) {
			delete_site_option( $name );
		}
	}

	/**
	 * Cancels and deletes the plugin's Action Scheduler actions and WP-Cron events.
	 */
	private static function unschedule(): void {
		global $wpdb;
		$actions = $wpdb->prefix . 'actionscheduler_actions';
		$logs    = $wpdb->prefix . 'actionscheduler_logs';
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- does the table exist (WooCommerce may be inactive now)?
		if ( $actions === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $actions ) ) ) ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names come from $wpdb.
			$hooks = $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT hook FROM {$actions} WHERE hook LIKE %s", self::HOOK_PATTERN ) );
			if ( function_exists( 'as_unschedule_all_actions' ) ) {
				foreach ( $hooks as $hook ) {
					as_unschedule_all_actions( $hook );
				}
			}
			// Cancelled and past actions stay as history in Action Scheduler's tables; remove them as well.
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names come from $wpdb.
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$logs} WHERE action_id IN ( SELECT action_id FROM {$actions} WHERE hook LIKE %s )", self::HOOK_PATTERN ) );
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names come from $wpdb.
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$actions} WHERE hook LIKE %s", self::HOOK_PATTERN ) );
		}

		foreach ( (array) _get_cron_array() as $events ) {
			foreach ( array_keys( (array) $events ) as $hook ) {
				if ( str_starts_with( (string) $hook, 'korea_checkout_' ) ) {
					wp_unschedule_hook( (string) $hook );
				}
			}
		}
	}
}
