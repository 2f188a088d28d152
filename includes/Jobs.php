<?php
/**
 * The plugin's recurring Action Scheduler jobs: one group, one way to schedule and remove them.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout;

defined( 'ABSPATH' ) || exit;

/**
 * Reconciliation (Orders\Reconciler) and the webhook upkeep (Webhook\Module) are recurring actions of the group
 * `korea-checkout`, so that WooCommerce > Status > Scheduled Actions lists them together. They are scheduled by
 * Schema when the plugin's database is installed or upgraded, never on page loads, and are removed on
 * deactivation; uninstall removes whatever is left of them.
 */
final class Jobs {

	/**
	 * The Action Scheduler group of every job of the plugin.
	 */
	public const GROUP = 'korea-checkout';

	/**
	 * Schedules a recurring job unless it is scheduled already.
	 *
	 * @param string $hook     The action.
	 * @param int    $interval Seconds between runs; the first run is one interval from now.
	 */
	public static function schedule( string $hook, int $interval ): void {
		if ( ! as_has_scheduled_action( $hook, array(), self::GROUP ) ) {
			as_schedule_recurring_action( time() + $interval, $interval, $hook, array(), self::GROUP, true );
		}
	}

	/**
	 * Runs a job once more as soon as possible (a batch that was full).
	 *
	 * @param string $hook The action.
	 */
	public static function run_again( string $hook ): void {
		as_enqueue_async_action( $hook, array(), self::GROUP, true );
	}

	/**
	 * Removes every scheduled run of a job (deactivation).
	 *
	 * @param string $hook The action.
	 */
	public static function unschedule( string $hook ): void {
		as_unschedule_all_actions( $hook, array(), self::GROUP );
	}
}
