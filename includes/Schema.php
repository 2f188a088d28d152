<?php
/**
 * The plugin's own tables and scheduled jobs, created and upgraded by version.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout;

use KoreaCheckout\Orders\Reconciler;
use KoreaCheckout\Orders\SessionOwner;
use KoreaCheckout\Settings\Settings;
use KoreaCheckout\Webhook\EventStore;

defined( 'ABSPATH' ) || exit;

/**
 * Two tables keep what would otherwise grow `wp_options`, WordPress's hottest table, by a row per event:
 * `{prefix}korea_checkout_events` (Webhook\EventStore) and `{prefix}korea_checkout_sessions`
 * (Orders\SessionOwner). install() creates or upgrades them with dbDelta, moves what 0.1.0 kept in `wp_options`
 * into them, schedules the recurring jobs and stores VERSION in the autoloaded option `korea_checkout_db_version`.
 * It runs on activation (on every site when a network activates the plugin), for each new site of such a
 * network, and on the first request after an update changed VERSION: that check reads an autoloaded option, so it
 * costs no query.
 *
 * Order locks stay short-lived rows of `wp_options` (Orders\OrderLock): each lives only while one update runs, so
 * they never make the table grow, and they work before this routine ever ran.
 */
final class Schema {

	/**
	 * The schema version this code needs; raise it with every change to a table or a job.
	 */
	public const VERSION = 2;

	public const OPTION = 'korea_checkout_db_version';

	/**
	 * 0.1.0 kept one option per webhook event under this prefix.
	 */
	private const LEGACY_EVENT_PREFIX = 'korea_checkout_evt_';

	/**
	 * Adds the hooks that keep every site's database current (from Plugin::start()).
	 */
	public static function register(): void {
		add_action( 'init', array( self::class, 'maybe_upgrade' ), 5 );
		add_action( 'wp_initialize_site', array( self::class, 'install_new_site' ), 20 );
	}

	/**
	 * On activation: installs on this site, or on every site when a network activates the plugin.
	 *
	 * @param bool $network_wide Whether the activation is network-wide.
	 */
	public static function activate( $network_wide = false ): void {
		if ( ! Requirements::met() ) {
			return;
		}
		if ( ! is_multisite() || ! $network_wide ) {
			self::install();
			return;
		}
		foreach ( get_sites(
			array(
				'fields' => 'ids',
				'number' => 0,
			)
		) as $site_id ) {
			switch_to_blog( (int) $site_id );
			self::install();
			restore_current_blog();
		}
	}

	/**
	 * Installs on a site added to a network where the plugin is network-active.
	 *
	 * @param \WP_Site $site The new site.
	 */
	public static function install_new_site( $site ): void {
		if ( ! $site instanceof \WP_Site || ! is_plugin_active_for_network( plugin_basename( KOREA_CHECKOUT_FILE ) ) ) {
			return;
		}
		switch_to_blog( (int) $site->blog_id );
		self::install();
		restore_current_blog();
	}

	/**
	 * Upgrades when the stored version is older than VERSION (on `init`).
	 */
	public static function maybe_upgrade(): void {
		if ( (int) get_option( self::OPTION, 0 ) < self::VERSION ) {
			self::install();
		}
	}

	/**
	 * Creates or upgrades the tables, moves 0.1.0's data, schedules the jobs and records the version. Safe to run
	 * again and from two requests at once.
	 */
	public static function install(): void {
		global $wpdb;
		if ( ! function_exists( 'dbDelta' ) ) {
			require_once ABSPATH . 'wp-admin/includes/upgrade.php'; // @phpstan-ignore requireOnce.fileNotFound (WordPress's own file.)
		}
		$charset_collate = $wpdb->get_charset_collate();
		dbDelta( array( EventStore::table_sql( $charset_collate ), SessionOwner::table_sql( $charset_collate ) ) );

		self::move_legacy_events();
		self::record_legacy_sessions();
		// 0.1.0 could leave the settings out of the autoloaded options: every page paid a query for them.
		if ( false !== get_option( Settings::OPTION ) ) {
			wp_set_option_autoload( Settings::OPTION, true );
		}

		if ( function_exists( 'as_has_scheduled_action' ) ) {
			Reconciler::schedule();
			Webhook\Module::schedule();
		}
		update_option( self::OPTION, self::VERSION, true );
	}

	/**
	 * Drops the tables (uninstall).
	 */
	public static function drop(): void {
		global $wpdb;
		foreach ( array( EventStore::table(), SessionOwner::table() ) as $table ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- uninstall removes the plugin's own tables.
			$wpdb->query( "DROP TABLE IF EXISTS {$table}" );
		}
		delete_option( self::OPTION );
	}

	/**
	 * Moves 0.1.0's `korea_checkout_evt_<id>` options into the events table (as processed), 500 at a time.
	 */
	private static function move_legacy_events(): void {
		global $wpdb;
		$events = EventStore::table();
		do {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- one-time move of our own rows.
			$rows  = (array) $wpdb->get_results( $wpdb->prepare( "SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name LIKE %s LIMIT 500", $wpdb->esc_like( self::LEGACY_EVENT_PREFIX ) . '%' ), ARRAY_A );
			$moved = count( $rows );
			foreach ( $rows as $row ) {
				$seen = gmdate( 'Y-m-d H:i:s', max( 0, (int) $row['option_value'] ) );
				// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our own table.
				$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$events} (event_key, state, attempts, first_seen, last_seen, result) VALUES (%s, %s, 1, %s, %s, %s)", substr( (string) $row['option_name'], strlen( self::LEGACY_EVENT_PREFIX ) ), EventStore::DONE, $seen, $seen, 'moved_from_0.1.0' ) );
				// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the option row just moved.
				$wpdb->delete( $wpdb->options, array( 'option_name' => $row['option_name'] ) );
			}
		} while ( 500 === $moved );
	}

	/**
	 * Records the sessions 0.1.0 orders have (their current one was all it kept), so that their webhooks and
	 * returns still find them. One statement over the orders' meta table.
	 */
	private static function record_legacy_sessions(): void {
		global $wpdb;
		$sessions = SessionOwner::table();
		$hpos     = \Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled();
		$meta     = $hpos ? $wpdb->prefix . 'wc_orders_meta' : $wpdb->postmeta;
		$order_id = $hpos ? 'order_id' : 'post_id';
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- one-time copy between tables whose names come from $wpdb.
		$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$sessions} (session_id, order_id, status, created_at) SELECT meta_value, {$order_id}, '', %s FROM {$meta} WHERE meta_key = %s AND meta_value LIKE %s", gmdate( 'Y-m-d H:i:s' ), Orders\OrderMeta::SESSION_ID, 'cs\_%' ) );
	}
}
