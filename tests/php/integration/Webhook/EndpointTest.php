<?php
/**
 * The webhook route on real WordPress, with sessions that live in the sandbox.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Webhook;

use KoreaCheckout\Settings\Settings;
use KoreaCheckout\Tests\Integration\TestCase;
use KoreaCheckout\Webhook\EventLog;
use KoreaCheckout\Webhook\LastWebhook;

/**
 * Requests go through rest_do_request() like an HTTP request would; their bodies are signed here, independently of
 * the plugin's verifier, with the secret the stack configured. The session read-back talks to the real sandbox.
 */
final class EndpointTest extends TestCase {

	private const ROUTE = '/korea-checkout/v1/webhook';

	/**
	 * A pending order with a real sandbox session, and that session's id.
	 *
	 * @return array{0: \WC_Order, 1: string}
	 */
	private function order_with_sandbox_session(): array {
		$this->sandbox();
		$order   = $this->create_order();
		$gateway = WC()->payment_gateways()->payment_gateways()['korea_checkout'];
		$result  = $gateway->process_payment( $order->get_id() );
		$this->assertSame( 'success', $result['result'] ?? null, 'the gateway created a session' );
		$session_id = basename( (string) wp_parse_url( $result['redirect'], PHP_URL_PATH ) );
		$this->assertStringStartsWith( 'cs_', $session_id );
		return array( wc_get_order( $order->get_id() ), $session_id );
	}

	/**
	 * An event body as the service sends it.
	 *
	 * @param string               $event      Event type.
	 * @param string               $session_id Session.
	 * @param \WC_Order|null       $order      Order whose metadata to include.
	 * @param array<string, mixed> $changes    Top-level replacements.
	 */
	private static function event( string $event, string $session_id, ?\WC_Order $order = null, array $changes = array() ): string {
		$metadata = null === $order ? array() : array(
			'orderId'      => (string) $order->get_id(),
			'orderKeyHash' => hash( 'sha256', $order->get_order_key() ),
		);
		return (string) wp_json_encode(
			array_merge(
				array(
					'id'        => 'evt_' . wp_generate_password( 16, false ),
					'event'     => $event,
					'createdAt' => gmdate( 'c' ),
					'data'      => array(
						'sessionId'       => $session_id,
						'platformOrderId' => null === $order ? '1' : (string) $order->get_id(),
						'status'          => 'completed',
						'totalAmount'     => 32000,
						'currency'        => 'KRW',
						'metadata'        => $metadata,
					),
				),
				$changes
			)
		);
	}

	/**
	 * The signature header for a body.
	 *
	 * @param string      $body   Raw body.
	 * @param int|null    $t      Timestamp (default now).
	 * @param string|null $secret Secret (default the configured one).
	 */
	private static function signed( string $body, ?int $t = null, ?string $secret = null ): array {
		$t      = $t ?? time();
		$secret = $secret ?? (string) Settings::get( 'webhook_secret' );
		return array( 'x-korea-checkout-signature' => 't=' . $t . ',v1=' . hash_hmac( 'sha256', $t . '.' . $body, $secret ) );
	}

	/**
	 * Posts a body with headers; returns status and decoded data.
	 *
	 * @param string                $body    Raw body.
	 * @param array<string, string> $headers Headers.
	 * @return array{0: int, 1: array<string, mixed>}
	 */
	private function post( string $body, array $headers ): array {
		$response = $this->rest_request( 'POST', self::ROUTE, $body, $headers + array( 'content-type' => 'application/json' ) );
		return array( $response->get_status(), (array) $this->rest_data( $response ) );
	}

	public function test_a_verified_completed_event_pays_the_order_and_a_redelivery_is_only_acknowledged(): void {
		// The sandbox also delivers webhooks to this store over HTTP (this test's payment, earlier tests' expiries),
		// and those requests write the same last-webhook option: watch what this request itself records.
		$recorded = new \ArrayObject();
		add_filter(
			'pre_update_option_' . LastWebhook::OPTION,
			static function ( $value ) use ( $recorded ) {
				$recorded[] = $value;
				return $value;
			}
		);
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$body = self::event( 'payment.completed', $session_id, $order );

		list( $status, $data ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( 200, $status );
		$this->assertSame( array( 'processed', 'pay' ), array( $data['result'], $data['detail'] ) );
		$this->assertCount( 1, $recorded, 'one webhook, one record' );
		$last = $recorded[0];
		$this->assertTrue( $last['verified'] );
		$this->assertSame( 'payment.completed', $last['event'] );
		$this->assertEqualsWithDelta( time(), $last['time'], 5 );

		list( $status, $data ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( 200, $status );
		$this->assertSame( array( 'duplicate', 'already_received' ), array( $data['result'], $data['detail'] ) );

		$another               = self::event( 'payment.completed', $session_id, $order );
		list( $status, $data ) = $this->post( $another, self::signed( $another ) );
		$this->assertSame( array( 200, 'processed', 'ignore' ), array( $status, $data['result'], $data['detail'] ) );

		wp_cache_flush();
		$order = wc_get_order( $order->get_id() );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertStringStartsWith( 'toss_', $order->get_transaction_id() );
		$this->assertSame( 1, $this->actions_fired( 'korea_checkout_payment_complete' ) );
	}

	public function test_the_body_is_never_trusted_the_session_is_read_back(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$forged                     = self::event( 'payment.completed', $session_id, $order );

		list( $status, $data ) = $this->post( $forged, self::signed( $forged ) );
		$this->assertSame( array( 200, 'processed', 'ignore' ), array( $status, $data['result'], $data['detail'] ) );
		wp_cache_flush();
		$this->assertSame( 'pending', wc_get_order( $order->get_id() )->get_status(), 'the sandbox says pending' );
		$this->assertSame( 0, $this->actions_fired( 'korea_checkout_payment_complete' ) );
	}

	public function test_an_expired_session_event_cancels_the_order(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/expire" );
		$body = self::event( 'session.expired', $session_id, $order );

		list( $status, $data ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( array( 200, 'expire' ), array( $status, $data['detail'] ) );
		wp_cache_flush();
		$this->assertSame( 'cancelled', wc_get_order( $order->get_id() )->get_status() );
	}

	public function test_a_wrong_secret_is_refused_and_recorded_as_unverified(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$body = self::event( 'payment.completed', $session_id, $order );

		list( $status, $data ) = $this->post( $body, self::signed( $body, null, 'whsec_not_ours' ) );
		$this->assertSame( 400, $status );
		$this->assertSame( 'invalid_signature', $data['error']['code'] );
		$this->assertSame( 'signature_mismatch', $data['error']['details']['reason'] );
		$this->assertNotEmpty( $data['error']['message'] );
		$this->assertFalse( LastWebhook::get()['verified'] );
		$this->assertFalse( EventLog::has( (string) json_decode( $body, true )['id'] ), 'a refused event is not remembered' );
		wp_cache_flush();
		$this->assertSame( 'pending', wc_get_order( $order->get_id() )->get_status() );
	}

	public function test_any_matching_v1_entry_is_enough_while_a_secret_rotates(): void {
		$body           = self::event( 'payment.disputed', 'cs_rotation' );
		$t              = time();
		$header         = 't=' . $t . ',v1=' . hash_hmac( 'sha256', $t . '.' . $body, 'whsec_old' ) . ',v1=' . hash_hmac( 'sha256', $t . '.' . $body, (string) Settings::get( 'webhook_secret' ) );
		list( $status ) = $this->post( $body, array( 'x-korea-checkout-signature' => $header ) );
		$this->assertSame( 200, $status );
	}

	/**
	 * Timestamps outside the tolerance.
	 *
	 * @return array<string, array{0: int}>
	 */
	public function stale_offsets(): array {
		return array(
			'six minutes old'   => array( -360 ),
			'301 seconds old'   => array( -301 ),
			'six minutes ahead' => array( 360 ),
			'a day old'         => array( -86400 ),
		);
	}

	/**
	 * Stale and future timestamps are refused even with a correct HMAC.
	 *
	 * @dataProvider stale_offsets
	 * @param int $offset Seconds from now.
	 */
	public function test_stale_or_future_timestamps_are_refused( int $offset ): void {
		$body                  = self::event( 'payment.completed', 'cs_stale' );
		list( $status, $data ) = $this->post( $body, self::signed( $body, time() + $offset ) );
		$this->assertSame( 400, $status );
		$this->assertSame( 'timestamp_out_of_tolerance', $data['error']['details']['reason'] );
	}

	public function test_missing_and_malformed_headers_are_refused(): void {
		$body = self::event( 'payment.completed', 'cs_headers' );
		foreach ( array(
			'signature_missing'   => array(),
			'signature_malformed' => array( 'x-korea-checkout-signature' => 'v1=abc' ),
		) as $reason => $headers ) {
			list( $status, $data ) = $this->post( $body, $headers );
			$this->assertSame( array( 400, 'invalid_signature', $reason ), array( $status, $data['error']['code'], $data['error']['details']['reason'] ) );
		}
	}

	public function test_an_oversized_body_is_refused_with_413_before_anything_else(): void {
		$body                  = self::event( 'payment.completed', 'cs_big', null, array( 'padding' => str_repeat( 'x', 70000 ) ) );
		list( $status, $data ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( 413, $status );
		$this->assertSame( 'payload_too_large', $data['error']['code'] );
	}

	public function test_signed_but_malformed_bodies_are_refused_with_400(): void {
		foreach ( array(
			'{"id": "evt_1", "event": "payment.completed"',
			(string) wp_json_encode(
				array(
					'id'        => 'evt_nosession',
					'event'     => 'payment.completed',
					'createdAt' => gmdate( 'c' ),
					'data'      => array(),
				)
			),
			(string) wp_json_encode(
				array(
					'id'        => 'not-an-event',
					'event'     => 'payment.completed',
					'createdAt' => gmdate( 'c' ),
					'data'      => array( 'sessionId' => 'cs_1' ),
				)
			),
		) as $body ) {
			list( $status, $data ) = $this->post( $body, self::signed( $body ) );
			$this->assertSame( array( 400, 'invalid_payload' ), array( $status, $data['error']['code'] ?? wp_json_encode( $data ) ), $body );
		}
	}

	public function test_unknown_events_are_acknowledged_and_ignored(): void {
		$body                  = self::event( 'payment.disputed', 'cs_unknown' );
		list( $status, $data ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( array( 200, 'ignored', 'unknown_event' ), array( $status, $data['result'], $data['detail'] ) );
	}

	public function test_sessions_of_other_stores_are_acknowledged_and_change_nothing(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );

		// Another store's order that happens to have our order's id: its key hash differs and so does its session.
		$data                                     = json_decode( self::event( 'payment.completed', 'cs_other_store', $order ), true );
		$data['data']['metadata']['orderKeyHash'] = hash( 'sha256', 'wc_order_someoneelse' );
		$body                                     = (string) wp_json_encode( $data );
		list( $status, $answer )                  = $this->post( $body, self::signed( $body ) );
		$this->assertSame( array( 200, 'ignored', 'not_this_store' ), array( $status, $answer['result'], $answer['detail'] ) );

		// A session nobody here knows, without metadata.
		$body                    = self::event( 'payment.completed', 'cs_nobody_knows' );
		list( $status, $answer ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( array( 200, 'ignored', 'not_this_store' ), array( $status, $answer['result'], $answer['detail'] ) );

		// Our order named correctly, but the session does not exist at the service.
		$body                    = self::event( 'payment.completed', 'cs_doesnotexist', $order );
		list( $status, $answer ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( array( 200, 'ignored', 'session_not_found' ), array( $status, $answer['result'], $answer['detail'] ) );

		wp_cache_flush();
		$this->assertSame( 'pending', wc_get_order( $order->get_id() )->get_status() );
	}

	public function test_when_the_api_cannot_be_reached_the_event_is_refused_with_503_and_can_be_delivered_again(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$this->sandbox_call(
			'POST',
			'/sandbox/faults',
			array(
				'target' => 'get-session',
				'mode'   => '500',
				'count'  => 5,
			)
		);
		$body = self::event( 'payment.completed', $session_id, $order );

		try {
			list( $status, $data ) = $this->post( $body, self::signed( $body ) );
		} finally {
			$this->sandbox_call( 'DELETE', '/sandbox/faults' );
		}
		$this->assertSame( array( 503, 'session_unavailable' ), array( $status, $data['error']['code'] ) );
		$this->assertFalse( EventLog::has( (string) json_decode( $body, true )['id'] ) );

		list( $status, $data ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( array( 200, 'processed', 'pay' ), array( $status, $data['result'], $data['detail'] ) );
	}
}
