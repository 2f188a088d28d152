<?php
/**
 * Validation of webhook bodies.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Webhook;

use KoreaCheckout\Webhook\Event;
use KoreaCheckout\Webhook\InvalidPayload;
use PHPUnit\Framework\TestCase;

/**
 * Event::from_json() keeps the key, type and session id of both shapes the service may send, and refuses bodies
 * of any other shape.
 */
final class EventTest extends TestCase {

	/**
	 * A valid body with some fields replaced.
	 *
	 * @param array<string, mixed> $changes Top-level replacements (null removes).
	 */
	private static function body( array $changes = array() ): string {
		$body = array(
			'id'        => 'evt_a1B2c3',
			'event'     => 'payment.completed',
			'createdAt' => '2026-11-25T10:00:00.000Z',
			'data'      => array(
				'sessionId'       => 'cs_xyz_789',
				'platformOrderId' => '42',
				'metadata'        => array(
					'orderId'      => '42',
					'orderKeyHash' => 'abc',
					'nested'       => array( 'ignored' ),
				),
			),
		);
		foreach ( $changes as $key => $value ) {
			if ( null === $value ) {
				unset( $body[ $key ] );
			} else {
				$body[ $key ] = $value;
			}
		}
		return (string) json_encode( $body ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- no WordPress in unit tests.
	}

	public function test_a_valid_body_gives_its_fields(): void {
		$event = Event::from_json( self::body() );
		$this->assertSame( 'evt_a1B2c3', $event->key );
		$this->assertSame( 'payment.completed', $event->type );
		$this->assertSame( 'cs_xyz_789', $event->session_id );
		$this->assertTrue( $event->is_handled() );
	}

	public function test_the_documented_shape_is_known_by_its_bytes(): void {
		$body  = self::body(
			array(
				'id'        => null,
				'createdAt' => null,
			)
		);
		$event = Event::from_json( $body );
		$this->assertSame( 'sha256:' . hash( 'sha256', $body ), $event->key );
		$this->assertSame( 'cs_xyz_789', $event->session_id );
		$this->assertSame( $event->key, Event::from_json( $body )->key, 'the same bytes, the same event' );
		$this->assertNotSame( $event->key, Event::from_json( $body . ' ' )->key, 'other bytes, another delivery' );
	}

	public function test_an_unhandled_event_type_is_valid_with_or_without_data(): void {
		$this->assertFalse( Event::from_json( self::body( array( 'event' => 'payment.disputed' ) ) )->is_handled() );
		$bare = Event::from_json( '{"event":"shop.updated"}' );
		$this->assertFalse( $bare->is_handled() );
		$this->assertSame( '', $bare->session_id );
		$other = Event::from_json( '{"event":"shop.updated","data":{"shopId":"shop_1"}}' );
		$this->assertSame( '', $other->session_id );
		foreach ( array( 'shop.adversarial_9f3a', 'Payment.Disputed', 'v2:payment.completed', 'coupon-used' ) as $name ) {
			$this->assertFalse( Event::from_json( '{"event":"' . $name . '"}' )->is_handled(), $name );
		}
	}

	/**
	 * Bodies that must be refused.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function malformed(): array {
		return array(
			'not json'              => array( '{"id":' ),
			'empty'                 => array( '' ),
			'a list'                => array( '[1,2]' ),
			'a string'              => array( '"evt_1"' ),
			'id without evt_'       => array( self::body( array( 'id' => 'abc' ) ) ),
			'id with a quote'       => array( self::body( array( 'id' => "evt_1'--" ) ) ),
			'id too long'           => array( self::body( array( 'id' => 'evt_' . str_repeat( 'a', 101 ) ) ) ),
			'id a number'           => array( self::body( array( 'id' => 5 ) ) ),
			'no event'              => array( self::body( array( 'event' => null ) ) ),
			'event with spaces'     => array( self::body( array( 'event' => 'payment completed' ) ) ),
			'event too long'        => array( self::body( array( 'event' => str_repeat( 'a', 101 ) ) ) ),
			'event with a quote'    => array( self::body( array( 'event' => "payment'" ) ) ),
			'event empty'           => array( self::body( array( 'event' => '' ) ) ),
			'createdAt a number'    => array( self::body( array( 'createdAt' => 1764000000 ) ) ),
			'empty object'          => array( '{}' ),
			'createdAt not a time'  => array( self::body( array( 'createdAt' => 'yesterday-ish!' ) ) ),
			'no data'               => array( self::body( array( 'data' => null ) ) ),
			'data not an object'    => array( self::body( array( 'data' => 'cs_1' ) ) ),
			'session id not cs_'    => array( self::body( array( 'data' => array( 'sessionId' => 'ord_1' ) ) ) ),
			'session id with slash' => array( self::body( array( 'data' => array( 'sessionId' => 'cs_../x' ) ) ) ),
		);
	}

	/**
	 * Each malformed body is refused.
	 *
	 * @dataProvider malformed
	 * @param string $body Body.
	 */
	public function test_malformed_bodies_are_refused( string $body ): void {
		$this->expectException( InvalidPayload::class );
		Event::from_json( $body );
	}
}
