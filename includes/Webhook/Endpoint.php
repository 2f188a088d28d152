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
use KoreaCheckout\Orders\SessionOwner;
use KoreaCheckout\Orders\SessionSync;
use KoreaCheckout\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The signature is the authentication, so the route is open to anyone and checks, in this order: body size
 * (413), signature and timestamp over the raw body (400), the JSON (400). A verified event is then claimed by its
 * id (a redelivery is acknowledged without a second run), its session is read back from the API, and only then
 * does SessionSync change the order. Unknown events and sessions of other stores are acknowledged and ignored.
 * When the API cannot be reached or the order stays locked, the claim is released and a 503 asks the service to
 * deliver again later.
 */
final class Endpoint {

	public const NAMESPACE = 'korea-checkout/v1';
	public const ROUTE     = '/webhook';

	/**
	 * Largest body accepted, in bytes. Real events are a few kilobytes.
	 */
	public const MAX_BYTES = 65536;

	/**
	 * Makes the API client; replaceable for tests of the route without a network.
	 *
	 * @var callable(): Client
	 */
	private $client_factory;

	/**
	 * Sets how the API client is made.
	 *
	 * @param callable|null $client_factory Returns an Api\Client; default `new Client()`.
	 */
	public function __construct( ?callable $client_factory = null ) {
		$this->client_factory = $client_factory ?? static function (): Client {
			return new Client();
		};
	}

	/**
	 * Adds the hooks: the route on `rest_api_init`, and the raw-body filter.
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_route' ) );
		add_filter( 'rest_request_before_callbacks', array( $this, 'keep_raw_body' ), 10, 3 );
	}

	/**
	 * Registers the route.
	 */
	public function register_route(): void {
		register_rest_route(
			self::NAMESPACE,
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
	 * The webhook URL of this store.
	 */
	public static function url(): string {
		return rest_url( self::NAMESPACE . self::ROUTE );
	}

	/**
	 * Handles one delivery.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function handle( \WP_REST_Request $request ): \WP_REST_Response {
		$body = $request->get_body();
		if ( strlen( $body ) > self::MAX_BYTES ) {
			LastWebhook::record( false, '', 'payload_too_large' );
			/* translators: %d: size limit in bytes */
			return self::error( 413, 'payload_too_large', sprintf( __( 'The webhook body is larger than %d bytes.', 'korea-checkout' ), self::MAX_BYTES ) );
		}

		try {
			( new SignatureVerifier( (string) Settings::get( 'webhook_secret' ) ) )->verify( (string) $request->get_header( SignatureVerifier::HEADER ), $body, time() );
		} catch ( InvalidSignature $e ) {
			LastWebhook::record( false, '', $e->getMessage() );
			Logger::warning( 'Webhook refused: signature not valid.', array( 'reason' => $e->getMessage() ) );
			return self::error( 400, 'invalid_signature', self::signature_message( $e->getMessage() ), array( 'reason' => $e->getMessage() ) );
		}

		try {
			$event = Event::from_json( $body );
		} catch ( InvalidPayload $e ) {
			LastWebhook::record( true, '', 'invalid_payload' );
			return self::error( 400, 'invalid_payload', __( 'The webhook body is not a valid event.', 'korea-checkout' ), array( 'problem' => $e->getMessage() ) );
		}
		LastWebhook::record( true, $event->type, '' );

		if ( ! $event->is_known() ) {
			return self::ok( $event, 'ignored', 'unknown_event' );
		}
		if ( ! EventLog::claim( $event->id ) ) {
			return self::ok( $event, 'duplicate', 'already_received' );
		}

		try {
			return $this->process( $event );
		} catch ( ApiException $e ) {
			EventLog::release( $event->id );
			Logger::warning(
				'Webhook: the session could not be read back.',
				array(
					'event_id' => $event->id,
					'code'     => $e->get_error_code(),
				)
			);
			return self::error( 503, 'session_unavailable', __( 'The session could not be read from Korea Checkout; deliver again later.', 'korea-checkout' ) );
		} catch ( LockTimeout $e ) {
			EventLog::release( $event->id );
			return self::error( 503, 'order_busy', __( 'The order is being updated; deliver again later.', 'korea-checkout' ) );
		} catch ( \Throwable $e ) {
			EventLog::release( $event->id );
			Logger::error(
				'Webhook processing failed.',
				array(
					'event_id' => $event->id,
					'error'    => $e->getMessage(),
				)
			);
			return self::error( 500, 'processing_failed', __( 'The webhook could not be processed; deliver again later.', 'korea-checkout' ) );
		}
	}

	/**
	 * Finds the order, reads the session back and applies it.
	 *
	 * @param Event $event A verified, claimed, known event.
	 * @throws ApiException When the API fails (other than "no such session").
	 * @throws LockTimeout  When the order stays locked.
	 */
	private function process( Event $event ): \WP_REST_Response {
		$order = SessionOwner::order_for( $event->session_id, $event->metadata );
		if ( null === $order ) {
			return self::ok( $event, 'ignored', 'not_this_store' );
		}

		try {
			$session = ( $this->client_factory )()->get_session( $event->session_id );
		} catch ( ApiException $e ) {
			if ( 404 === $e->get_status() ) {
				return self::ok( $event, 'ignored', 'session_not_found' );
			}
			throw $e;
		}
		if ( ( $session['sessionId'] ?? '' ) !== $event->session_id ) {
			return self::ok( $event, 'ignored', 'session_mismatch' );
		}

		$action = SessionSync::apply( $order, $session, 'webhook' );
		return self::ok( $event, 'processed', $action );
	}

	/**
	 * A 200 answer.
	 *
	 * @param Event  $event  The event.
	 * @param string $result `processed`, `ignored` or `duplicate`.
	 * @param string $detail What was done or why not.
	 */
	private static function ok( Event $event, string $result, string $detail ): \WP_REST_Response {
		return new \WP_REST_Response(
			array(
				'received' => true,
				'id'       => $event->id,
				'result'   => $result,
				'detail'   => $detail,
			),
			200
		);
	}

	/**
	 * An error in the contract's shape.
	 *
	 * @param int                  $status  HTTP status.
	 * @param string               $code    Machine code.
	 * @param string               $message Sentence.
	 * @param array<string, mixed> $details Details.
	 */
	private static function error( int $status, string $code, string $message, array $details = array() ): \WP_REST_Response {
		return new \WP_REST_Response(
			array(
				'error' => array(
					'code'    => $code,
					'message' => $message,
					'details' => (object) $details,
				),
			),
			$status
		);
	}

	/**
	 * A sentence for a signature refusal.
	 *
	 * @param string $reason InvalidSignature code.
	 */
	private static function signature_message( string $reason ): string {
		switch ( $reason ) {
			case 'secret_missing':
				return __( 'No webhook secret is configured in this store.', 'korea-checkout' );
			case 'timestamp_out_of_tolerance':
				return __( 'The webhook signature is too old or from the future.', 'korea-checkout' );
			case 'signature_missing':
				return __( 'The webhook has no x-korea-checkout-signature header.', 'korea-checkout' );
			case 'signature_malformed':
				return __( 'The x-korea-checkout-signature header is malformed.', 'korea-checkout' );
			default:
				return __( 'The webhook signature does not match.', 'korea-checkout' );
		}
	}
}
