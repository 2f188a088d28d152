<?php
/**
 * Refunds from the order screen through the sandbox: part, the rest, and a refusal.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Gateway;

require_once __DIR__ . '/GatewayTestCase.php';

/**
 * @covers \KoreaCheckout\Gateway\RefundProcessor
 */
final class RefundTest extends GatewayTestCase {

	/**
	 * A paid order of 32,000 KRW.
	 *
	 * @return array{0: \WC_Order, 1: string}
	 */
	private function paid_order(): array {
		$order      = $this->create_order();
		$session_id = $this->start_payment( $order );
		$paid       = $this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$this->come_back( $paid['redirectUrl'] );
		$order = $this->reload( $order->get_id() );
		$this->assertTrue( $order->is_paid(), 'status is ' . $order->get_status() );
		return array( $order, $session_id );
	}

	/**
	 * What the order screen does: wc_create_refund() with refund_payment.
	 *
	 * @param \WC_Order $order  The order.
	 * @param string    $amount Amount.
	 * @return \WC_Order_Refund|\WP_Error
	 */
	private function refund_from_order_screen( \WC_Order $order, string $amount ) {
		return wc_create_refund(
			array(
				'order_id'       => $order->get_id(),
				'amount'         => $amount,
				'reason'         => 'Damaged in delivery',
				'refund_payment' => true,
			)
		);
	}

	public function test_part_then_the_rest(): void {
		list( $order, $session_id ) = $this->paid_order();

		$first = $this->refund_from_order_screen( $order, '12000' );
		$this->assertNotWPError( $first );
		$session = $this->sandbox_call( 'GET', '/sandbox/sessions/' . $session_id );
		$this->assertSame( 'partially_refunded', $session['status'] );
		$this->assertSame( 12000, $session['refundedAmount'] );
		$this->assertSame( $session['refunds'][0]['refundId'], $first->get_meta( '_korea_checkout_refund_id' ) );

		$order = $this->reload( $order->get_id() );
		$rest  = $this->refund_from_order_screen( $order, '20000' );
		$this->assertNotWPError( $rest );
		$session = $this->sandbox_call( 'GET', '/sandbox/sessions/' . $session_id );
		$this->assertSame( 'refunded', $session['status'] );
		$this->assertSame( 32000, $session['refundedAmount'] );
		$this->assertSame( $session['refunds'][1]['refundId'], $rest->get_meta( '_korea_checkout_refund_id' ) );

		$order = $this->reload( $order->get_id() );
		$this->assertCount( 2, $order->get_refunds(), 'each refund recorded once' );
		$this->assertSame( 'refunded', $order->get_status() );
	}

	public function test_a_refusal_is_shown_and_no_refund_is_kept(): void {
		list( $order ) = $this->paid_order();
		$this->sandbox_call(
			'POST',
			'/sandbox/faults',
			array(
				'target' => 'refund',
				'mode'   => '500',
				'count'  => 1,
			)
		);
		$result = $this->refund_from_order_screen( $order, '5000' );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertStringContainsString( 'Korea Checkout did not refund', $result->get_error_message() );
		$this->assertCount( 0, $this->reload( $order->get_id() )->get_refunds() );
	}

	public function test_more_than_what_is_left_is_refused_by_the_api(): void {
		list( $order, $session_id ) = $this->paid_order();
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/refund", array( 'amount' => 30000 ) );
		// WooCommerce does not know the dashboard refund yet (no webhook in this process), so it allows 5,000.
		$result = $this->refund_from_order_screen( $this->reload( $order->get_id() ), '5000' );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertStringContainsString( 'larger than what is left', $result->get_error_message() );
	}

	public function test_an_unpaid_order_has_nothing_to_refund(): void {
		$order  = $this->create_order( array( 'status' => 'processing' ) );
		$result = $this->gateway()->process_refund( $order->get_id(), 1000, 'x' );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertStringContainsString( 'no Korea Checkout payment', $result->get_error_message() );
	}
}
