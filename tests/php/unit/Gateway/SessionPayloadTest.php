<?php
/**
 * The create-session body and the keys that make retries reuse a session.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Gateway;

use KoreaCheckout\Gateway\SessionPayload;
use KoreaCheckout\Orders\SessionOwner;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KoreaCheckout\Gateway\SessionPayload
 */
final class SessionPayloadTest extends TestCase {

	/**
	 * Facts of a typical order.
	 *
	 * @param array<string, mixed> $changes Overrides.
	 * @return array<string, mixed>
	 */
	private static function facts( array $changes = array() ): array {
		return array_merge(
			array(
				'order_id'       => 1234,
				'currency'       => 'KRW',
				'total'          => 61000,
				'lines'          => array(
					array(
						'name'       => '개량한복',
						'quantity'   => 2,
						'amount'     => 58000,
						'product_id' => '12',
					),
					array(
						'name'     => '택배',
						'quantity' => 1,
						'amount'   => 3000,
					),
				),
				'fallback_name'  => 'Order #1234',
				'customer'       => array(
					'name'  => '홍길동',
					'email' => 'gildong@example.kr',
					'phone' => '',
				),
				'return_url'     => 'http://127.0.0.1:8130/?wc-api=korea_checkout_return&order_id=1234&token=abc',
				'cancel_url'     => 'http://127.0.0.1:8130/?wc-api=korea_checkout_return&order_id=1234&token=abc',
				'webhook_url'    => 'http://127.0.0.1:8130/wp-json/korea-checkout/v1/webhook',
				'metadata'       => array(
					'orderId'      => '1234',
					'orderKeyHash' => SessionOwner::order_key_hash( 'wc_order_abc' ),
					'locale'       => 'ko',
				),
				'now'            => 1_764_000_123,
				'lifetime_hours' => 24,
				'shop_id'        => '',
			),
			$changes
		);
	}

	public function test_the_payload_follows_the_contract(): void {
		$payload = SessionPayload::build( self::facts() );
		$this->assertSame( 'woocommerce', $payload['platform'] );
		$this->assertSame( '1234', $payload['platformOrderId'] );
		$this->assertSame( 61000, $payload['totalAmount'] );
		$this->assertSame( 'KRW', $payload['currency'] );
		$this->assertSame(
			array(
				'name'  => '홍길동',
				'email' => 'gildong@example.kr',
			),
			$payload['customer'],
			'an empty phone is left out'
		);
		$this->assertSame( 29000, $payload['items'][0]['price'] );
		$this->assertSame( 2, $payload['items'][0]['quantity'] );
		$this->assertSame( '12', $payload['items'][0]['productId'] );
		$this->assertArrayNotHasKey( 'shopId', $payload );
		$this->assertSame( '2025-11-25T16:02:03Z', $payload['expiresAt'], 'the lifetime counted from now' );
		$this->assertSame( 64, strlen( $payload['metadata']['orderKeyHash'] ) );
		$this->assertStringNotContainsString( 'wc_order_abc', (string) json_encode( $payload ) );
	}

	public function test_usd_is_sent_in_dollars_and_adds_up(): void {
		$payload = SessionPayload::build(
			self::facts(
				array(
					'currency' => 'USD',
					'total'    => 3998,
					'lines'    => array(
						array(
							'name'     => 'Mug',
							'quantity' => 2,
							'amount'   => 3998,
						),
					),
					'shop_id'  => 'shop_2',
				)
			)
		);
		$this->assertSame( 39.98, $payload['totalAmount'] );
		$this->assertSame( 19.99, $payload['items'][0]['price'] );
		$this->assertSame( 'shop_2', $payload['shopId'] );
		$this->assertStringContainsString( '"totalAmount":39.98', (string) json_encode( $payload ) );
	}

	public function test_the_same_contents_and_history_give_the_same_key_at_any_time(): void {
		$first  = SessionPayload::build( self::facts() );
		$second = SessionPayload::build( self::facts( array( 'now' => 1_764_000_123 + 3 * 3600 ) ) );
		$key_a  = SessionPayload::idempotency_key( 1234, SessionPayload::hash( $first ), 0 );
		$key_b  = SessionPayload::idempotency_key( 1234, SessionPayload::hash( $second ), 0 );
		$this->assertSame( $key_a, $key_b, 'no time bucket: a retry hours later is the same request' );
		$this->assertStringStartsWith( 'wc-1234-', $key_a );
		$this->assertLessThanOrEqual( 255, strlen( $key_a ) );
	}

	public function test_changed_contents_or_another_earlier_session_give_another_key(): void {
		$payload = SessionPayload::build( self::facts() );
		$changed = SessionPayload::build(
			self::facts(
				array(
					'total' => 64000,
					'lines' => array(
						array(
							'name'     => 'X',
							'quantity' => 1,
							'amount'   => 64000,
						),
					),
				)
			)
		);
		$base    = SessionPayload::idempotency_key( 1234, SessionPayload::hash( $payload ), 0 );
		$this->assertNotSame( SessionPayload::hash( $payload ), SessionPayload::hash( $changed ) );
		$this->assertNotSame( $base, SessionPayload::idempotency_key( 1234, SessionPayload::hash( $changed ), 0 ) );
		$this->assertNotSame( $base, SessionPayload::idempotency_key( 1234, SessionPayload::hash( $payload ), 1 ), 'after a retired session, a new one' );
		$this->assertNotSame( $base, SessionPayload::idempotency_key( 1235, SessionPayload::hash( $payload ), 0 ) );
		$this->assertSame( $base, SessionPayload::idempotency_key( 1234, SessionPayload::hash( $payload ), 0, 0 ), 'a first request keeps the key it always had' );
		$retry = SessionPayload::idempotency_key( 1234, SessionPayload::hash( $payload ), 0, 1 );
		$this->assertNotSame( $base, $retry, 'a request made anew after a lost answer outlived its body has a key of its own' );
		$this->assertNotSame( $retry, SessionPayload::idempotency_key( 1234, SessionPayload::hash( $payload ), 0, 2 ) );
		$this->assertMatchesRegularExpression( '/^wc-1234-[0-9a-f]{40}$/', $retry );
	}

	public function test_the_hash_ignores_only_the_expiry(): void {
		$payload = SessionPayload::build( self::facts() );
		$later   = SessionPayload::build( self::facts( array( 'now' => 1_764_000_123 + 7200 ) ) );
		$this->assertNotSame( $payload['expiresAt'], $later['expiresAt'] );
		$this->assertSame( SessionPayload::hash( $payload ), SessionPayload::hash( $later ) );
	}

	public function test_expiry_stays_within_seven_days(): void {
		$now = 1_764_000_123;
		$this->assertLessThanOrEqual( $now + 7 * 86400, strtotime( SessionPayload::expires_at( $now, 500 ) ) );
		$this->assertGreaterThan( $now, strtotime( SessionPayload::expires_at( $now, 0 ) ) );
	}

	public function test_metadata_respects_the_api_limits(): void {
		$wanted = array(
			'orderId'             => '1',
			'empty'               => '',
			'array'               => array( 'x' ),
			str_repeat( 'k', 41 ) => 'too long a key',
			'long'                => str_repeat( '가', 2500 ),
		);
		for ( $i = 0; $i < 60; $i++ ) {
			$wanted[ 'field_' . $i ] = 'v' . $i;
		}
		$metadata = SessionPayload::metadata( $wanted );
		$this->assertCount( 50, $metadata );
		$this->assertSame( '1', $metadata['orderId'] );
		$this->assertArrayNotHasKey( 'empty', $metadata );
		$this->assertArrayNotHasKey( 'array', $metadata );
		$this->assertArrayNotHasKey( str_repeat( 'k', 41 ), $metadata );
		$this->assertSame( 2000, mb_strlen( $metadata['long'] ) );
		foreach ( $metadata as $value ) {
			$this->assertIsString( $value );
		}
	}
}
