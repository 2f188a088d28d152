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

	public function test_a_server_error_awaits_confirmation_and_the_same_refund_again_refunds_once(): void {
		list( $order, $session_id ) = $this->paid_order();
		$this->sandbox_fault( 'refund', '500' );
		$result = $this->refund_from_order_screen( $order, '5000' );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertStringContainsString( 'awaits confirmation', $result->get_error_message() );
		$this->assertStringNotContainsString( 'did not refund', $result->get_error_message() );
		$waiting = $this->reload( $order->get_id() );
		$this->assertCount( 0, $waiting->get_refunds(), 'nothing recorded before the service confirms' );
		$this->assertCount( 1, $waiting->get_meta( '_korea_checkout_pending_refunds' ) );

		$again = $this->refund_from_order_screen( $waiting, '5000' );
		$this->assertNotWPError( $again );
		$session = $this->sandbox_call( 'GET', '/sandbox/sessions/' . $session_id );
		$this->assertSame( 5000, $session['refundedAmount'], 'refunded once' );
		$this->assertCount( 1, $session['refunds'] );
		$this->assertSame( $session['refunds'][0]['refundId'], $again->get_meta( '_korea_checkout_refund_id' ) );
		$done = $this->reload( $order->get_id() );
		$this->assertCount( 1, $done->get_refunds() );
		$this->assertEmpty( $done->get_meta( '_korea_checkout_pending_refunds' ), 'no longer awaited' );
	}

	public function test_an_answer_that_times_out_is_confirmed_from_the_session_and_recorded_once(): void {
		list( $order, $session_id ) = $this->paid_order();
		// The service refunds, but its answer comes after the client's 15 seconds.
		$this->sandbox_fault( 'refund', 'hang', 1, array( 'delayMs' => 16000 ) );
		$result = $this->refund_from_order_screen( $order, '5000' );
		$this->assertNotWPError( $result, 'the session shows the refund: it is recorded, not refused' );
		$session = $this->sandbox_call( 'GET', '/sandbox/sessions/' . $session_id );
		$this->assertSame( 5000, $session['refundedAmount'] );
		$this->assertSame( $session['refunds'][0]['refundId'], $result->get_meta( '_korea_checkout_refund_id' ) );
		$this->assertCount( 1, $this->reload( $order->get_id() )->get_refunds() );
	}

	public function test_a_refund_goes_to_the_session_that_took_the_money(): void {
		list( $order, $paid_session ) = $this->paid_order();
		// A newer session the order recorded later (a second attempt that was never paid).
		$payload = \KoreaCheckout\Gateway\SessionPayload::build( \KoreaCheckout\Gateway\OrderFacts::of( $order ) );
		$newer   = (string) ( new \KoreaCheckout\Api\Client() )->create_session( $payload, 'test-newer-' . wp_generate_password( 8, false ) )['sessionId'];
		\KoreaCheckout\Orders\SessionOwner::record( $order->get_id(), $newer );
		$order->update_meta_data( '_korea_checkout_session_id', $newer );
		$order->save();

		$this->assertNotWPError( $this->refund_from_order_screen( $this->reload( $order->get_id() ), '3000' ) );
		$this->assertSame( 3000, $this->sandbox_call( 'GET', '/sandbox/sessions/' . $paid_session )['refundedAmount'] );
		$this->assertSame( 'pending', $this->sandbox_call( 'GET', '/sandbox/sessions/' . $newer )['status'] );
	}

	public function test_a_refusal_of_the_service_is_shown_and_no_refund_is_kept(): void {
		list( $order, $session_id ) = $this->paid_order();
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/refund", array( 'amount' => 30000 ) );
		$result = $this->refund_from_order_screen( $this->reload( $order->get_id() ), '5000' );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertStringContainsString( 'did not refund', $result->get_error_message() );
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
