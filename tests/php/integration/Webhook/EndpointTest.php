<?php
/**
 * The webhook route on real WordPress, with sessions that live in the sandbox.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Webhook;

use KoreaCheckout\Settings\Settings;
use KoreaCheckout\Tests\Integration\TestCase;
use KoreaCheckout\Webhook\Endpoint;
use KoreaCheckout\Webhook\EventStore;
use KoreaCheckout\Webhook\LastWebhook;
use KoreaCheckout\Webhook\Refusals;
use KoreaCheckout\Webhook\StorageError;

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
		$this->assertLessThanOrEqual( 1, count( $recorded ), 'one webhook, at most one write (none when the record is fresh)' );
		foreach ( $recorded as $written ) {
			$this->assertSame( array( true, 'payment.completed' ), array( $written['signed'], $written['event'] ) );
		}
		$this->assertSame( 'done', EventStore::row( (string) json_decode( $body, true )['id'] )['state'] );

		list( $status, $data ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( 200, $status );
		$this->assertSame( array( 'duplicate', 'already_processed' ), array( $data['result'], $data['detail'] ) );

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

	public function test_a_wrong_secret_is_refused_and_writes_nothing_but_the_counter(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$body = self::event( 'payment.completed', $session_id, $order );
		// The first REST request of a PHP process makes WooCommerce store options of its own (run alone, this test
		// would count them): one refused request first, then the counter starts again from nothing.
		$this->post( '{}', array() );
		delete_option( Refusals::OPTION );
		$last_before = get_option( LastWebhook::OPTION );
		$writes      = $this->record_writes();

		list( $status, $data ) = $this->post( $body, self::signed( $body, null, 'whsec_not_ours' ) );
		$this->assertSame( 400, $status );
		$this->assertSame( 'invalid_signature', $data['error']['code'] );
		$this->assertSame( 'signature_mismatch', $data['error']['details']['reason'] );
		$this->assertNotEmpty( $data['error']['message'] );
		$this->assertSame( $last_before, get_option( LastWebhook::OPTION ), 'the last accepted webhook is unchanged' );
		$this->assertNull( EventStore::row( (string) json_decode( $body, true )['id'] ), 'a refused event is not remembered' );
		$this->assertSame( 1, Refusals::get()['count'] );
		$this->assertCount( 1, $writes, 'one write: the refusal counter' );
		$this->assertStringContainsString( Refusals::OPTION, $writes[0] );

		// More refusals within the minute are counted without writing.
		list( $status ) = $this->post( '{"nonsense": true}', self::signed( '{"nonsense": true}' ) );
		$this->assertSame( 400, $status );
		$this->post( $body, array() );
		$this->assertCount( 1, $writes, 'still one write' );
		wp_cache_flush();
		$this->assertSame( 'pending', wc_get_order( $order->get_id() )->get_status() );
	}

	/**
	 * Starts recording every statement that writes to the database; returns the list it fills.
	 */
	private function record_writes(): \ArrayObject {
		$writes = new \ArrayObject();
		add_filter(
			'query',
			static function ( $query ) use ( $writes ) {
				if ( preg_match( '/^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i', (string) $query ) ) {
					$writes[] = (string) $query;
				}
				return $query;
			}
		);
		return $writes;
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

		// Our order named correctly in the body, but the session is not one it recorded: no API call at all.
		$api_calls               = $this->count_api_calls();
		$body                    = self::event( 'payment.completed', 'cs_doesnotexist', $order );
		list( $status, $answer ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( array( 200, 'ignored', 'not_this_store' ), array( $status, $answer['result'], $answer['detail'] ) );
		$this->assertCount( 0, $api_calls );

		wp_cache_flush();
		$this->assertSame( 'pending', wc_get_order( $order->get_id() )->get_status() );
	}

	public function test_a_session_paid_after_its_order_switched_gateway_alerts_once_and_changes_nothing_else(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		// The shopper switched to bank transfer on the pay page, then paid in the hosted-page tab still open.
		$order->set_payment_method( 'bacs' );
		$order->set_payment_method_title( 'Direct bank transfer' );
		$order->set_status( 'on-hold' );
		$order->save();
		// The sandbox's own delivery is held back, so that this test's deliveries are the first.
		$this->sandbox_fault( 'webhook', 'delay', 1, array( 'delayMs' => 20000 ) );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'kakao_pay' ) );

		$body                    = self::event( 'payment.completed', $session_id, $order );
		list( $status, $answer ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( array( 200, 'processed', 'paid_elsewhere' ), array( $status, $answer['result'], $answer['detail'] ) );
		$again                   = self::event( 'payment.completed', $session_id, $order );
		list( $status, $answer ) = $this->post( $again, self::signed( $again ) );
		$this->assertSame( array( 200, 'processed', 'paid_elsewhere' ), array( $status, $answer['result'], $answer['detail'] ), 'another event of the same session' );

		wp_cache_flush();
		$order = wc_get_order( $order->get_id() );
		$this->assertSame( array( 'on-hold', 'bacs', '' ), array( $order->get_status(), $order->get_payment_method(), $order->get_transaction_id() ), 'the order is left as it is' );
		$this->assertSame( 0, $this->actions_fired( 'korea_checkout_payment_complete' ) );
		$notes = array_filter(
			wc_get_order_notes( array( 'order_id' => $order->get_id() ) ),
			static fn( $note ) => str_contains( $note->content, $session_id ) && str_contains( $note->content, 'took a payment' )
		);
		$this->assertCount( 1, $notes, 'one note per session, however many events' );
		$note = (string) array_values( $notes )[0]->content;
		$this->assertStringContainsString( '₩32,000', html_entity_decode( $note, ENT_QUOTES, 'UTF-8' ) );
		$this->assertStringContainsString( 'Direct bank transfer', $note );
		$this->assertSame( array( $session_id ), $order->get_meta( '_korea_checkout_double_payments' ) );
		$mails = array_filter( $this->sent_emails, static fn( $mail ) => str_contains( $mail['subject'], 'was paid after it switched payment method' ) );
		$this->assertCount( 1, $mails, 'the admin is mailed once' );
		$this->assertStringContainsString( $order->get_edit_order_url(), (string) array_values( $mails )[0]['message'] );

		// A session of the switched order that took no money is acknowledged and alerts nobody.
		list( $unpaid, $open ) = $this->order_with_sandbox_session();
		$unpaid->set_payment_method( 'cod' );
		$unpaid->save();
		$body                    = self::event( 'payment.completed', $open, $unpaid );
		list( $status, $answer ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( array( 200, 'processed', 'ignore' ), array( $status, $answer['result'], $answer['detail'] ) );
		wp_cache_flush();
		$this->assertSame( '', wc_get_order( $unpaid->get_id() )->get_meta( '_korea_checkout_double_payments' ) );
	}

	public function test_without_a_secret_a_hint_about_a_switched_order_alerts_too(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$order->set_payment_method( 'bacs' );
		$order->save();
		$this->sandbox_fault( 'webhook', 'delay', 1, array( 'delayMs' => 20000 ) );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$this->set_plugin_settings( array( 'webhook_secret' => '' ) );

		list( $status, $answer ) = $this->post( '{"event":"payment.completed","data":{"sessionId":"' . $session_id . '"}}', array() );
		$this->assertSame( array( 200, 'processed', 'paid_elsewhere' ), array( $status, $answer['result'], $answer['detail'] ) );
		wp_cache_flush();
		$order = wc_get_order( $order->get_id() );
		$this->assertSame( array( 'pending', 'bacs' ), array( $order->get_status(), $order->get_payment_method() ) );
		$this->assertSame( array( $session_id ), $order->get_meta( '_korea_checkout_double_payments' ) );
		$this->assertSame( 0, $this->actions_fired( 'korea_checkout_payment_complete' ) );
	}

	public function test_when_the_api_cannot_be_reached_the_event_is_refused_with_503_and_can_be_delivered_again(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$this->sandbox_fault( 'get-session', '500', 5 );
		$body = self::event( 'payment.completed', $session_id, $order );

		try {
			list( $status, $data ) = $this->post( $body, self::signed( $body ) );
		} finally {
			$this->sandbox_call( 'DELETE', '/sandbox/faults' );
		}
		$this->assertSame( array( 503, 'session_unavailable' ), array( $status, $data['error']['code'] ) );
		$row = EventStore::row( (string) json_decode( $body, true )['id'] );
		$this->assertSame( 'failed', $row['state'], 'kept, to be taken up again' );
		$this->assertStringStartsWith( 'session_unavailable', $row['last_error'] );

		list( $status, $data ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( array( 200, 'processed', 'pay' ), array( $status, $data['result'], $data['detail'] ) );
	}

	/**
	 * Starts counting this process's requests to the Korea Checkout API; returns the list it fills.
	 */
	private function count_api_calls(): \ArrayObject {
		$calls = new \ArrayObject();
		$api   = (string) Settings::api_url();
		add_filter(
			'pre_http_request',
			static function ( $pre, $args, $url ) use ( $calls, $api ) {
				if ( str_starts_with( (string) $url, $api . '/api/' ) ) {
					$calls[] = (string) $url;
				}
				return $pre;
			},
			10,
			3
		);
		return $calls;
	}

	public function test_the_last_accepted_webhook_is_written_only_when_it_changes_or_ages(): void {
		delete_option( LastWebhook::OPTION );
		$writes = new \ArrayObject();
		add_filter(
			'pre_update_option_' . LastWebhook::OPTION,
			static function ( $value ) use ( $writes ) {
				$writes[] = $value;
				return $value;
			}
		);
		LastWebhook::record( 'test.first', true );
		$this->assertSame( array( 'test.first', true ), array( LastWebhook::get()['event'], LastWebhook::get()['signed'] ) );
		LastWebhook::record( 'test.first', true );
		$this->assertCount( 1, $writes, 'the same within the minute: not written again' );
		LastWebhook::record( 'test.first', false );
		$this->assertCount( 2, $writes, 'unsigned now: written' );
		update_option(
			LastWebhook::OPTION,
			array(
				'time'   => time() - 120,
				'signed' => false,
				'event'  => 'test.first',
			)
		);
		LastWebhook::record( 'test.first', false );
		$this->assertCount( 4, $writes, 'two minutes old: written again' );
		$this->assertEqualsWithDelta( time(), LastWebhook::get()['time'], 5 );
	}

	public function test_the_documented_shape_is_taken_and_known_by_its_bytes(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$body = (string) wp_json_encode(
			array(
				'event' => 'payment.completed',
				'data'  => array(
					'sessionId'   => $session_id,
					'totalAmount' => 32000,
				),
			)
		);

		list( $status, $data ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( array( 200, 'processed', 'pay' ), array( $status, $data['result'], $data['detail'] ) );
		$this->assertSame( 'sha256:' . hash( 'sha256', $body ), $data['id'] );
		list( $status, $data ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( array( 200, 'duplicate' ), array( $status, $data['result'] ) );
		wp_cache_flush();
		$this->assertSame( 'processing', wc_get_order( $order->get_id() )->get_status() );
		$this->assertSame( 1, $this->actions_fired( 'korea_checkout_payment_complete' ) );
	}

	public function test_unhandled_events_are_recorded_with_or_without_data(): void {
		foreach ( array( '{"event":"shop.updated"}', '{"id":"evt_unhandled_' . wp_generate_password( 8, false ) . '","event":"payment.disputed","data":{"sessionId":"cs_x"}}' ) as $body ) {
			list( $status, $data ) = $this->post( $body, self::signed( $body ) );
			$this->assertSame( array( 200, 'ignored', 'unknown_event' ), array( $status, $data['result'], $data['detail'] ) );
			$this->assertSame( 'done', EventStore::row( $data['id'] )['state'] );
		}
	}

	public function test_a_delivery_of_an_event_in_flight_is_told_to_come_back(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$body                       = self::event( 'payment.completed', $session_id, $order );
		$id                         = (string) json_decode( $body, true )['id'];
		EventStore::claim( $id, 'payment.completed', $session_id, time() );

		$response = $this->rest_request( 'POST', self::ROUTE, $body, self::signed( $body ) + array( 'content-type' => 'application/json' ) );
		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'event_in_progress', $this->rest_data( $response )['error']['code'] );
		$this->assertGreaterThanOrEqual( 1, (int) $response->get_headers()['Retry-After'] );
		$this->assertSame( 1, EventStore::row( $id )['attempts'], 'not taken from its holder' );
	}

	public function test_an_event_whose_worker_died_is_taken_over_once_its_lease_ran_out(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$body = self::event( 'payment.completed', $session_id, $order );
		$id   = (string) json_decode( $body, true )['id'];
		EventStore::claim( $id, 'payment.completed', $session_id, time() - EventStore::LEASE - 1 );

		list( $status, $data ) = $this->post( $body, self::signed( $body ) );
		$this->assertSame( array( 200, 'processed', 'pay' ), array( $status, $data['result'], $data['detail'] ) );
		$this->assertSame( array( 'done', 2 ), array( EventStore::row( $id )['state'], EventStore::row( $id )['attempts'] ) );
		$this->assertFalse( EventStore::finish( $id, 1, EventStore::DONE, 'late' ), 'the dead holder can no longer write' );
	}

	public function test_a_database_error_on_the_claim_is_never_taken_for_already_received(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$body                       = self::event( 'payment.completed', $session_id, $order );
		$break                      = static function ( $query ) {
			return str_contains( (string) $query, EventStore::table() ) && str_starts_with( ltrim( (string) $query ), 'INSERT' ) ? 'INSERT INTO kc_no_such_table VALUES (1)' : $query;
		};
		add_filter( 'query', $break );
		$response = $this->rest_request( 'POST', self::ROUTE, $body, self::signed( $body ) + array( 'content-type' => 'application/json' ) );
		remove_filter( 'query', $break );

		$this->assertSame( 503, $response->get_status() );
		$this->assertSame( 'storage_unavailable', $this->rest_data( $response )['error']['code'] );
		$this->assertArrayHasKey( 'Retry-After', $response->get_headers() );
		$this->assertNull( EventStore::row( (string) json_decode( $body, true )['id'] ) );
	}

	public function test_an_event_that_can_be_neither_inserted_nor_read_is_a_storage_error_not_a_loop(): void {
		$key = 'evt_unreadable_' . wp_generate_password( 8, false );
		$this->assertSame( EventStore::CLAIMED, EventStore::claim( $key, 'payment.completed', 'cs_x', time() )['outcome'] );
		// The row is there (the insert is ignored), but every read of it fails and leaves no error behind.
		$unreadable = static function ( $query ) {
			return str_contains( (string) $query, EventStore::table() ) && str_starts_with( ltrim( (string) $query ), 'SELECT' ) ? 'SELECT 1 FROM DUAL WHERE 1 = 0' : $query;
		};
		add_filter( 'query', $unreadable );
		try {
			EventStore::claim( $key, 'payment.completed', 'cs_x', time() );
			$this->fail( 'an event that cannot be read must not be taken for new, nor for done' );
		} catch ( StorageError $e ) {
			$this->assertStringContainsString( 'neither', $e->getMessage() );
		} finally {
			remove_filter( 'query', $unreadable );
		}
	}

	public function test_out_of_time_leaves_the_event_retryable(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$key                        = 'evt_budget_' . wp_generate_password( 8, false );
		$claim                      = EventStore::claim( $key, 'payment.completed', $session_id, time() );
		$api                        = $this->count_api_calls();

		$answer = ( new Endpoint() )->settle( $key, $session_id, $claim['attempt'], microtime( true ) + 1.0 );
		$this->assertSame( 503, $answer->get_status() );
		$this->assertSame( 'out_of_time', $answer->get_data()['error']['code'] );
		$this->assertSame( 'failed', EventStore::row( $key )['state'] );
		$this->assertCount( 0, $api, 'no read started that could not finish in time' );
	}

	public function test_without_a_secret_a_webhook_is_a_hint_read_at_most_once_per_session_per_interval(): void {
		list( $order, $session_id ) = $this->order_with_sandbox_session();
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$this->set_plugin_settings( array( 'webhook_secret' => '' ) );
		$api = $this->count_api_calls();

		$body                  = '{"event":"payment.completed","data":{"sessionId":"' . $session_id . '","totalAmount":1}}';
		list( $status, $data ) = $this->post( $body, array() );
		$this->assertSame( array( 200, 'processed', 'pay' ), array( $status, $data['result'], $data['detail'] ) );
		$this->assertCount( 1, $api );
		$this->assertFalse( LastWebhook::get()['signed'] );

		list( $status, $data ) = $this->post( $body, array( 'x-korea-checkout-signature' => 't=1,v1=' . str_repeat( 'a', 64 ) ) );
		$this->assertSame( array( 503, 'recently_checked' ), array( $status, $data['error']['code'] ) );
		$this->assertCount( 1, $api, 'within the interval: no second read' );

		list( $status, $data ) = $this->post( '{"event":"payment.completed","data":{"sessionId":"cs_unknown_hint"}}', array() );
		$this->assertSame( array( 200, 'ignored', 'not_this_store' ), array( $status, $data['result'], $data['detail'] ) );
		$this->assertCount( 1, $api, 'an unknown session costs no API call' );

		wp_cache_flush();
		$this->assertSame( 'processing', wc_get_order( $order->get_id() )->get_status() );
		$this->assertSame( 1, $this->actions_fired( 'korea_checkout_payment_complete' ) );
	}

	public function test_with_a_secret_an_unsigned_documented_body_is_refused(): void {
		$body                  = '{"event":"payment.completed","data":{"sessionId":"cs_unsigned"}}';
		list( $status, $data ) = $this->post( $body, array() );
		$this->assertSame( array( 400, 'signature_missing' ), array( $status, $data['error']['details']['reason'] ) );
	}
}
