<?php
/**
 * The Webhook module's entry point: the webhook route and the upkeep of its events.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Webhook;

use KoreaCheckout\Jobs;
use KoreaCheckout\Logging\Logger;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the route, and a recurring job (KoreaCheckout\Jobs), `korea_checkout_webhook_upkeep`, every five
 * minutes, that settles the events a delivery left unfinished (its worker died, the API or the order was busy,
 * its time ran out) and prunes events older than EventStore::RETENTION in batches. The job is scheduled when the
 * plugin's database is installed or upgraded (Schema), never on page loads.
 */
final class Module {

	public const UPKEEP   = 'korea_checkout_webhook_upkeep';
	public const INTERVAL = 300;

	/**
	 * Unfinished events settled per run.
	 */
	public const RETRY_BATCH = 10;

	/**
	 * After this many attempts an event is left to reconciliation and, in the end, to pruning.
	 */
	public const MAX_ATTEMPTS = 25;

	/**
	 * Rows pruned per run; a full batch schedules another run at once.
	 */
	public const PRUNE_BATCH = 1000;

	/**
	 * Adds this module's hooks.
	 */
	public function register(): void {
		$endpoint = new Endpoint();
		add_action( 'rest_api_init', array( $endpoint, 'register_route' ) );
		add_filter( 'rest_request_before_callbacks', array( $endpoint, 'keep_raw_body' ), 10, 3 );
		add_action( self::UPKEEP, array( $this, 'upkeep' ) );
		register_deactivation_hook( KOREA_CHECKOUT_FILE, array( self::class, 'unschedule' ) );
	}

	/**
	 * Schedules the upkeep unless it is scheduled (from Schema, once Action Scheduler is loaded).
	 */
	public static function schedule(): void {
		Jobs::schedule( self::UPKEEP, self::INTERVAL );
	}

	/**
	 * Removes the upkeep (deactivation).
	 */
	public static function unschedule(): void {
		Jobs::unschedule( self::UPKEEP );
	}

	/**
	 * One upkeep run: settle what deliveries left unfinished, then prune.
	 *
	 * @return array<string, string> Event key => what became of it, for logs and tests.
	 */
	public function upkeep(): array {
		$results  = array();
		$endpoint = new Endpoint();
		foreach ( EventStore::unfinished( self::RETRY_BATCH, self::MAX_ATTEMPTS ) as $event ) {
			try {
				$claim = EventStore::take_over( $event['event_key'], $event['attempts'], time() );
				if ( EventStore::CLAIMED !== $claim['outcome'] ) {
					continue;
				}
				$answer                         = $endpoint->settle( $event['event_key'], $event['session_id'], $claim['attempt'], null );
				$results[ $event['event_key'] ] = (string) ( $answer->get_data()['detail'] ?? $answer->get_status() );
			} catch ( \Throwable $e ) {
				$results[ $event['event_key'] ] = 'error';
				Logger::error(
					'Webhook upkeep could not settle an event.',
					array(
						'event' => $event['event_key'],
						'error' => $e->getMessage(),
					)
				);
			}
		}
		if ( self::PRUNE_BATCH === EventStore::prune( self::PRUNE_BATCH ) ) {
			Jobs::run_again( self::UPKEEP );
		}
		if ( array() !== $results ) {
			Logger::info( 'Webhook upkeep settled unfinished events.', array( 'results' => $results ) );
		}
		return $results;
	}
}
