<?php
/**
 * A session touches only its own order.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Gateway;

use KoreaCheckout\Gateway\SessionOwnership;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KoreaCheckout\Gateway\SessionOwnership
 */
final class SessionOwnershipTest extends TestCase {

	public function test_the_platform_order_id_must_match(): void {
		$this->assertTrue( SessionOwnership::belongs( array( 'platformOrderId' => '77' ), 77 ) );
		$this->assertFalse( SessionOwnership::belongs( array( 'platformOrderId' => '78' ), 77 ) );
		$this->assertFalse( SessionOwnership::belongs( array( 'platformOrderId' => '077' ), 77 ) );
		$this->assertFalse( SessionOwnership::belongs( array(), 77 ) );
	}

	public function test_metadata_when_shown_must_agree(): void {
		$this->assertTrue(
			SessionOwnership::belongs(
				array(
					'platformOrderId' => '77',
					'metadata'        => array( 'orderId' => '77' ),
				),
				77
			)
		);
		$this->assertFalse(
			SessionOwnership::belongs(
				array(
					'platformOrderId' => '77',
					'metadata'        => array( 'orderId' => '12' ),
				),
				77
			)
		);
	}
}
