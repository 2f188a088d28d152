<?php
/**
 * The session status => WooCommerce status mapping and its overrides.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Orders;

use KoreaCheckout\Orders\StatusMapper;
use PHPUnit\Framework\TestCase;

/**
 * StatusMapper::resolve() with a store's statuses, including a custom one.
 */
final class StatusMapperTest extends TestCase {

	private const STATUSES = array( 'pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed', 'checkout-draft', 'awaiting-shipment' );

	public function test_without_overrides_the_automatic_mapping_applies(): void {
		$map = StatusMapper::resolve( array(), self::STATUSES );
		$this->assertSame( '', $map['completed'], 'payment_complete() decides' );
		$this->assertSame( 'on-hold', $map['processing'] );
		$this->assertSame( 'failed', $map['failed'] );
		$this->assertSame( 'pending', $map['cancelled'], 'a cancelled payment leaves the order payable' );
		$this->assertSame( 'cancelled', $map['expired'] );
		$this->assertSame( 'refunded', $map['refunded'] );
		$this->assertSame( '', $map['partially_refunded'] );
	}

	public function test_valid_overrides_win_with_or_without_the_wc_prefix(): void {
		$map = StatusMapper::resolve(
			array(
				'completed' => 'wc-completed',
				'failed'    => 'cancelled',
				'expired'   => 'failed',
			),
			self::STATUSES
		);
		$this->assertSame( 'completed', $map['completed'] );
		$this->assertSame( 'cancelled', $map['failed'] );
		$this->assertSame( 'failed', $map['expired'] );
	}

	public function test_a_custom_status_of_the_store_can_be_a_target(): void {
		$map = StatusMapper::resolve( array( 'completed' => 'awaiting-shipment' ), self::STATUSES );
		$this->assertSame( 'awaiting-shipment', $map['completed'] );
	}

	public function test_an_empty_override_means_automatic(): void {
		$map = StatusMapper::resolve( array( 'failed' => '' ), self::STATUSES );
		$this->assertSame( 'failed', $map['failed'] );
	}

	public function test_overrides_that_would_fake_or_hide_a_payment_are_dropped(): void {
		$map = StatusMapper::resolve(
			array(
				'failed'     => 'processing',
				'cancelled'  => 'completed',
				'processing' => 'wc-processing',
				'completed'  => 'pending',
			),
			self::STATUSES
		);
		$this->assertSame( 'failed', $map['failed'] );
		$this->assertSame( 'pending', $map['cancelled'] );
		$this->assertSame( 'on-hold', $map['processing'] );
		$this->assertSame( '', $map['completed'] );
		$this->assertFalse( StatusMapper::allowed( 'completed', 'refunded' ) );
		$this->assertFalse( StatusMapper::allowed( 'expired', 'completed' ) );
		$this->assertFalse( StatusMapper::allowed( 'refunded', 'processing' ), 'all money returned is never paid' );
		$this->assertFalse( StatusMapper::allowed( 'refunded', 'completed' ) );
		$this->assertTrue( StatusMapper::allowed( 'refunded', 'cancelled' ) );
		$this->assertTrue( StatusMapper::allowed( 'partially_refunded', 'processing' ), 'part of the money stays paid' );
		$this->assertTrue( StatusMapper::allowed( 'completed', 'on-hold' ) );
	}

	public function test_unknown_statuses_keys_and_types_are_dropped(): void {
		$map = StatusMapper::resolve(
			array(
				'completed' => 'shipped-to-mars',
				'disputed'  => 'on-hold',
				0           => 'failed',
				'failed'    => array( 'cancelled' ),
			),
			self::STATUSES
		);
		$this->assertSame( StatusMapper::DEFAULTS, $map );
	}
}
