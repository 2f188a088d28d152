<?php
/**
 * The REST route that receives the service's webhooks: POST /wp-json/korea-checkout/v1/webhook.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Webhook;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Api\Client;
use KoreaCheckout\Logging\Logger;
use KoreaCheckout\Orders\LockTimeout;
use KoreaCheckout\Orders\OrderMeta;
use KoreaCheckout\Orders\OutOfTime;
use KoreaCheckout\Orders\Refresh;
use KoreaCheckout\Orders\SessionOwner;
use KoreaCheckout\Plugin;
use KoreaCheckout\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The signature is the authentication, so the route is open to anyone and checks, in this order: body size
 * (413), signature and timestamp over the raw body (400), the body's shape (400). A refused request writes
 * nothing but Refusals' counter. An accepted event is claimed in EventStore, its order found through the
 * sessions the store recorded, and the order refreshed from the API (Orders\Refresh), all within BUDGET seconds
 * of the request's start, well inside the service's 10-second delivery timeout. Whatever cannot be finished in
 * time, or fails, answers 503 and leaves the event `failed`: the service delivers it again, and the Webhook
 * module's retry job takes it up meanwhile.
 *
 * With no webhook secret saved (the service's documentation calls the signature "recommended"), a webhook is only
 * a hint to look: the store takes nothing from it but `data.sessionId`, and reads that session from the API at
 * most once every HINT_INTERVAL seconds.
 */
final class Endpoint {

	public const ROUTE = '/webhook';

	/**
	 * Largest body accepted, in bytes. Real events are a few kilobytes.
	 */
	public const MAX_BYTES = 65536;

	/**
	 * Seconds from the request's start within which everything is done or given up.
	 */
	public const BUDGET = 8.0;

	/**
	 * Seconds between two API reads of one session prompted by unsigned webhooks.
	 */
	public const HINT_INTERVAL = 10;

	/**
	 * API client.
	 *
	 * @var Client|null
	 */
	private ?Client $client;

	/**
	 * Creates the endpoint.
	 *
	 * @param Client|null $client API client; default one with the saved settings.
	 */
	public function __construct( ?Client $client = null ) {
		$this->client = $client;
	}

	/**
	 * The webhook URL of this store, to paste into the Korea Checkout dashboard and to send with each session.
	 */
	public static function url(): string {
		return rest_url( Plugin::REST_NAMESPACE . self::ROUTE );
	}

	/**
	 * Registers the route (on `rest_api_init`).
	 */
	public function register_route(): void {
		register_rest_route(
			Plugin::REST_NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => 'POST',
				'callback'            => array( $this, 'handle' ),
				'permission_callback' => '__return_true', // The HMAC signature is checked in handle().
			)
		);
	}

	/**
	 * Lets handle() see bodies that WordPress could not parse as JSON, so that the signature is checked first and
	 * every refusal has the contract's error shape (WordPress would answer `rest_invalid_json` in its own shape).
	 * On `rest_request_before_callbacks`.
	 *
	 * @param mixed                $response What WordPress would answer so far (null when nothing went wrong).
	 * @param array<string, mixed> $handler  The matched route handler.
	 * @param \WP_REST_Request     $request  The request.
	 * @return mixed
	 */
	public function keep_raw_body( $response, $handler, $request ) {
		$ours = is_array( $handler ) && ( $handler['callback'] ?? null ) === array( $this, 'handle' );
		if ( $ours && $response instanceof \WP_Error && 'rest_invalid_json' === $response->get_error_code() ) {
			return null;
		}
		return $response;
	}

	/**
	 * Handles one delivery.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function handle( \WP_REST_Request $request ): \WP_REST_Response {
		$deadline = self::started() + self::BUDGET;
		$body     = $request->get_body();
		if ( strlen( $body ) > self::MAX_BYTES ) {
			Refusals::count( 'payload_too_large' );
			/* translators: %d: size limit in bytes */
			return Answer::error( 413, 'payload_too_large', sprintf( __( 'The webhook body is larger than %d bytes.', 'korea-checkout' ), self::MAX_BYTES ) );
		}

		$secret = (string) Settings::get( 'webhook_secret' );
		if ( '' !== $secret ) {
			try {
				( new SignatureVerifier( $secret ) )->verify( (string) $request->get_header( SignatureVerifier::HEADER ), $body, time() );
			} catch ( InvalidSignature $e ) {
				Refusals::count( $e->getMessage() );
				return Answer::error( 400, 'invalid_signature', Answer::signature_message( $e->getMessage() ), array( 'reason' => $e->getMessage() ) );
			}
		}

		try {
			$event = Event::from_json( $body );
		} catch ( InvalidPayload $e ) {
			Refusals::count( 'invalid_payload' );
			return Answer::error( 400, 'invalid_payload', __( 'The webhook body is not a valid event.', 'korea-checkout' ), array( 'problem' => $e->getMessage() ) );
		}

		return '' === $secret ? $this->hint( $event, $deadline ) : $this->intake( $event, $deadline );
	}

	/**
	 * A signed event: claimed once, then settled.
	 *
	 * @param Event $event    The verified event.
	 * @param float $deadline Unix time by which to answer.
	 */
	private function intake( Event $event, float $deadline ): \WP_REST_Response {
		try {
			$claim = EventStore::claim( $event->key, $event->type, $event->session_id, time() );
		} catch ( StorageError $e ) {
			Logger::error(
				'Webhook: the event could not be claimed; asking the service to deliver again.',
				array(
					'event' => $event->key,
					'error' => $e->getMessage(),
				)
			);
			return Answer::error( 503, 'storage_unavailable', __( 'The store could not record the webhook; deliver again later.', 'korea-checkout' ), array(), 30 );
		}
		if ( EventStore::DONE === $claim['outcome'] ) {
			return Answer::ok( $event->key, 'duplicate', 'already_processed' );
		}
		if ( EventStore::BUSY === $claim['outcome'] ) {
			return Answer::error( 409, 'event_in_progress', __( 'This event is being processed right now; deliver again later.', 'korea-checkout' ), array(), $claim['retry_after'] );
		}

		LastWebhook::record( $event->type, true );
		if ( ! $event->is_handled() ) {
			EventStore::finish( $event->key, $claim['attempt'], EventStore::DONE, 'ignored:unknown_event' );
			return Answer::ok( $event->key, 'ignored', 'unknown_event' );
		}
		return $this->settle( $event->key, $event->session_id, $claim['attempt'], $deadline );
	}

	/**
	 * Brings the event's order up to date and ends the claim accordingly. Also used by the Webhook module's retry
	 * job for events a delivery left unfinished.
	 *
	 * @param string     $key        The event key.
	 * @param string     $session_id The session it is about.
	 * @param int        $attempt    The claimed attempt.
	 * @param float|null $deadline   Unix time by which to be done, null for none.
	 */
	public function settle( string $key, string $session_id, int $attempt, ?float $deadline ): \WP_REST_Response {
		$order = self::recorded_order_of( $session_id );
		if ( null === $order ) {
			EventStore::finish( $key, $attempt, EventStore::DONE, 'ignored:not_this_store' );
			return Answer::ok( $key, 'ignored', 'not_this_store' );
		}
		try {
			$outcome = $this->bring_up_to_date( $order, $session_id, $deadline );
		} catch ( ApiException $e ) {
			return $this->give_up( $key, $attempt, $order, 'session_unavailable:' . $e->get_error_code(), 503, __( 'The session could not be read from Korea Checkout; deliver again later.', 'korea-checkout' ) );
		} catch ( LockTimeout $e ) {
			return $this->give_up( $key, $attempt, $order, 'order_busy', 503, __( 'The order is being updated; deliver again later.', 'korea-checkout' ) );
		} catch ( OutOfTime $e ) {
			return $this->give_up( $key, $attempt, $order, 'out_of_time', 503, __( 'The webhook could not be processed in time; deliver again later.', 'korea-checkout' ) );
		} catch ( \Throwable $e ) {
			Logger::error(
				'Webhook processing failed.',
				array(
					'event' => $key,
					'error' => $e->getMessage(),
				)
			);
			return $this->give_up( $key, $attempt, $order, 'processing_failed', 500, __( 'The webhook could not be processed; deliver again later.', 'korea-checkout' ) );
		}
		$result = Refresh::not_applied( $outcome ) ? 'ignored' : 'processed';
		EventStore::finish( $key, $attempt, EventStore::DONE, $result . ':' . $outcome['action'] );
		return Answer::ok( $key, $result, $outcome['action'] );
	}

	/**
	 * An unsigned webhook: a hint that the session may have changed.
	 *
	 * @param Event $event    The parsed (unverified) event.
	 * @param float $deadline Unix time by which to answer.
	 */
	private function hint( Event $event, float $deadline ): \WP_REST_Response {
		$order = '' === $event->session_id ? null : self::recorded_order_of( $event->session_id );
		if ( null === $order ) {
			return Answer::ok( $event->key, 'ignored', $event->is_handled() ? 'not_this_store' : 'unknown_event' );
		}
		if ( ! SessionOwner::may_ask_api( $event->session_id, self::HINT_INTERVAL ) ) {
			return Answer::error( 503, 'recently_checked', __( 'This session was checked moments ago; deliver again later.', 'korea-checkout' ), array(), self::HINT_INTERVAL );
		}
		LastWebhook::record( $event->type, false );
		try {
			$outcome = $this->bring_up_to_date( $order, $event->session_id, $deadline );
		} catch ( ApiException | LockTimeout | OutOfTime $e ) {
			return Answer::error( 503, 'session_unavailable', __( 'The session could not be read from Korea Checkout; deliver again later.', 'korea-checkout' ), array(), self::HINT_INTERVAL );
		}
		return Answer::ok( $event->key, 'processed', $outcome['action'] );
	}

	/**
	 * Ends a claim as failed and answers so that the service delivers again.
	 *
	 * @param string    $key     The event key.
	 * @param int       $attempt The claimed attempt.
	 * @param \WC_Order $order   The order concerned.
	 * @param string    $code    Failure code (stored, logged).
	 * @param int       $status  HTTP status.
	 * @param string    $message Sentence for the sender.
	 */
	private function give_up( string $key, int $attempt, \WC_Order $order, string $code, int $status, string $message ): \WP_REST_Response {
		EventStore::finish( $key, $attempt, EventStore::FAILED, 'failed', $code );
		Logger::warning(
			'Webhook: left for a later delivery or the retry job.',
			array(
				'event'    => $key,
				'order_id' => $order->get_id(),
				'reason'   => $code,
			)
		);
		return Answer::error( $status, strtok( $code, ':' ), $message, array(), 30 );
	}

	/**
	 * Reads the session and applies it to its order. An order that moved to another gateway keeps its sessions:
	 * one of them that took money anyway is not applied but told to a person (Refresh::check_switched()).
	 *
	 * @param \WC_Order  $order      The order that recorded the session.
	 * @param string     $session_id The session.
	 * @param float|null $deadline   Unix time by which to be done.
	 * @return array{action: string, session: array<string, mixed>}
	 * @throws ApiException|LockTimeout|OutOfTime As Refresh's methods do.
	 */
	private function bring_up_to_date( \WC_Order $order, string $session_id, ?float $deadline ): array {
		$refresh = new Refresh( $this->client );
		return OrderMeta::is_ours( $order )
			? $refresh->refresh( $order, $session_id, 'webhook', $deadline )
			: $refresh->check_switched( $order, $session_id, 'webhook', $deadline );
	}

	/**
	 * The order that recorded a session, whatever it is paid with now, or null. One indexed read; no API call.
	 *
	 * @param string $session_id The session.
	 */
	private static function recorded_order_of( string $session_id ): ?\WC_Order {
		$order_id = SessionOwner::order_id_of( $session_id );
		$order    = $order_id > 0 ? wc_get_order( $order_id ) : null;
		return $order instanceof \WC_Order ? $order : null;
	}

	/**
	 * When the request started: the web server's time, so that WordPress's own start-up counts against the budget.
	 * On the command line (WP-CLI, tests calling the route in-process) there is no web request: now.
	 */
	private static function started(): float {
		$now   = microtime( true );
		$start = isset( $_SERVER['REQUEST_TIME_FLOAT'] ) ? (float) $_SERVER['REQUEST_TIME_FLOAT'] : 0.0;
		return ( 'cli' !== PHP_SAPI && $start > 0 && $start <= $now ) ? $start : $now;
	}
}
