<?php
/**
 * The shopper's return from the hosted page, for each outcome, with the session read back from the sandbox.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Gateway;

require_once __DIR__ . '/GatewayTestCase.php';

use KoreaCheckout\Gateway\ReturnHandler;

/**
 * @covers \KoreaCheckout\Gateway\ReturnHandler
 * @covers \KoreaCheckout\Gateway\VirtualAccountView
 */
final class ReturnHandlerTest extends GatewayTestCase {

	public function test_a_card_payment_lands_on_the_order_received_page_paid(): void {
		$order      = $this->create_order();
		$session_id = $this->start_payment( $order );
		$paid       = $this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );

		$destination = $this->come_back( $paid['redirectUrl'] );
		$order       = $this->reload( $order->get_id() );
		$this->assertSame( $order->get_checkout_order_received_url(), $destination );
		$this->assertTrue( $order->is_paid(), 'status is ' . $order->get_status() );
		$session = $this->sandbox_call( 'GET', '/sandbox/sessions/' . $session_id );
		$this->assertSame( $session['gatewayTransactionId'], $order->get_transaction_id() );
		$this->assertSame( array(), $this->take_error_notices() );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function failure_codes(): array {
		return array(
			'card company' => array( 'REJECT_CARD_COMPANY', 'card company declined' ),
			'aborted'      => array( 'PAY_PROCESS_ABORTED', 'stopped because of an error' ),
			'expiry'       => array( 'INVALID_CARD_EXPIRATION', 'expiry date' ),
			'balance'      => array( 'NOT_ENOUGH_BALANCE', 'balance is not enough' ),
			'daily count'  => array( 'EXCEED_MAX_DAILY_PAYMENT_COUNT', 'number of payments for today' ),
			'unknown code' => array( 'SOMETHING_NEW', 'did not go through' ),
		);
	}

	/**
	 * @dataProvider failure_codes
	 *
	 * @param string $code     Failure code.
	 * @param string $expected Part of the notice.
	 */
	public function test_a_failed_payment_goes_back_with_the_reason_and_the_order_payable( string $code, string $expected ): void {
		$order      = $this->create_order();
		$session_id = $this->start_payment( $order );
		$failed     = $this->sandbox_call(
			'POST',
			"/sandbox/sessions/{$session_id}/fail",
			array(
				'code'    => $code,
				'message' => '<b>raw text never shown</b>',
			)
		);

		$destination = $this->come_back( $failed['redirectUrl'] );
		$order       = $this->reload( $order->get_id() );
		$notices     = $this->take_error_notices();
		$this->assertCount( 1, $notices );
		$this->assertStringContainsString( $expected, $notices[0] );
		$this->assertStringNotContainsString( 'raw text', $notices[0] );
		$this->assertTrue( $order->needs_payment(), 'status is ' . $order->get_status() );
		$this->assertFalse( $order->is_paid() );
		$this->assertContains( $destination, array( wc_get_checkout_url(), $order->get_checkout_payment_url() ) );
	}

	public function test_a_cancelled_payment_goes_back_with_its_notice(): void {
		$order      = $this->create_order();
		$session_id = $this->start_payment( $order );
		$cancelled  = $this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/cancel" );

		$destination = $this->come_back( $cancelled['redirectUrl'] );
		$order       = $this->reload( $order->get_id() );
		$notices     = $this->take_error_notices();
		$this->assertStringContainsString( 'You cancelled the payment', $notices[0] ?? '' );
		$this->assertTrue( $order->needs_payment() );
		$this->assertContains( $destination, array( wc_get_checkout_url(), $order->get_checkout_payment_url() ) );

		// And it can be paid again straight away, with a new session.
		$this->assertNotSame( $session_id, $this->start_payment( $order ) );
	}

	public function test_a_virtual_account_puts_the_order_on_hold_with_its_details_shown(): void {
		$order      = $this->create_order();
		$session_id = $this->start_payment( $order );
		$issued     = $this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'virtual_account' ) );

		$destination = $this->come_back( $issued['redirectUrl'] );
		$order       = $this->reload( $order->get_id() );
		$this->assertSame( $order->get_checkout_order_received_url(), $destination );
		$this->assertSame( 'on-hold', $order->get_status() );
		$account = $this->sandbox_call( 'GET', '/sandbox/sessions/' . $session_id )['virtualAccount'];

		ob_start();
		do_action( 'woocommerce_order_details_before_order_table', $order );
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( esc_html( $account['bankName'] ), $html );
		$this->assertStringContainsString( esc_html( $account['accountNumber'] ), $html );
		$this->assertStringContainsString( esc_html( $account['accountHolder'] ), $html );

		// Deposit: the next read marks it paid and the box goes away.
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/deposit" );
		$this->come_back( $issued['redirectUrl'] );
		$order = $this->reload( $order->get_id() );
		$this->assertTrue( $order->is_paid(), 'status is ' . $order->get_status() );
		ob_start();
		do_action( 'woocommerce_order_details_before_order_table', $order );
		$this->assertStringNotContainsString( $account['accountNumber'], (string) ob_get_clean() );
	}

	public function test_query_parameters_are_not_trusted(): void {
		$order      = $this->create_order();
		$session_id = $this->start_payment( $order );
		// The shopper did not pay, but the link claims so.
		$forged = add_query_arg(
			array(
				'sessionId' => $session_id,
				'status'    => 'completed',
			),
			ReturnHandler::url( $order )
		);
		$this->come_back( $forged );
		$this->assertFalse( $this->reload( $order->get_id() )->is_paid() );

		// Another order's paid session, offered as a hint, does not pay this one.
		$other     = $this->create_order();
		$other_sid = $this->start_payment( $other );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$other_sid}/pay", array( 'method' => 'card' ) );
		$this->come_back(
			add_query_arg(
				array(
					'sessionId' => $other_sid,
					'status'    => 'completed',
				),
				ReturnHandler::url( $order )
			)
		);
		$this->assertFalse( $this->reload( $order->get_id() )->is_paid() );
	}

	public function test_a_payment_made_after_the_order_switched_gateway_is_acknowledged_and_left_to_the_store(): void {
		$order      = $this->create_order();
		$session_id = $this->start_payment( $order );
		// The shopper switched to bank transfer on the pay page, then paid in the hosted-page tab still open.
		$order = $this->reload( $order->get_id() );
		$order->set_payment_method( 'bacs' );
		$order->set_payment_method_title( 'Direct bank transfer' );
		$order->set_status( 'on-hold' );
		$order->save();
		// The sandbox's own webhook is held back, so that the return is the first to see the payment.
		$this->sandbox_fault( 'webhook', 'delay', 1, array( 'delayMs' => 20000 ) );
		$paid = $this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );

		$destination = $this->come_back( $paid['redirectUrl'] );
		$order       = $this->reload( $order->get_id() );
		$this->assertSame( $order->get_checkout_order_received_url(), $destination, 'the order\'s own page, not the cart' );
		$notices = array_map( static fn( $n ) => (string) $n['notice'], wc_get_notices( 'notice' ) );
		$this->assertSame( array(), $this->take_error_notices() );
		$this->assertCount( 1, $notices );
		$this->assertStringContainsString( 'Your payment was received', $notices[0] );
		$this->assertSame( array( 'on-hold', 'bacs' ), array( $order->get_status(), $order->get_payment_method() ), 'a person decides' );
		$this->assertSame( array( $session_id ), $order->get_meta( '_korea_checkout_double_payments' ) );
		$this->assertCount( 1, array_filter( $this->sent_emails, static fn( $mail ) => str_contains( $mail['subject'], 'was paid after it switched payment method' ) ) );
		$this->assertSame( 0, $this->actions_fired( 'korea_checkout_payment_complete' ) );

		// Back again from the same page: the same answer, and no second alert.
		$this->come_back( $paid['redirectUrl'] );
		wc_clear_notices();
		$this->assertCount( 1, array_filter( $this->sent_emails, static fn( $mail ) => str_contains( $mail['subject'], 'was paid after it switched payment method' ) ) );
	}

	public function test_a_cancelled_payment_of_a_switched_order_goes_to_the_order_without_a_word(): void {
		$order      = $this->create_order();
		$session_id = $this->start_payment( $order );
		$order      = $this->reload( $order->get_id() );
		$order->set_payment_method( 'cod' );
		$order->save();
		$cancelled = $this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/cancel" );

		$this->assertSame( $order->get_checkout_order_received_url(), $this->come_back( $cancelled['redirectUrl'] ) );
		$this->assertSame( 0, wc_notice_count( 'notice' ) );
		$this->assertSame( array(), $this->take_error_notices() );
		$this->assertSame( array(), $this->sent_emails );
	}

	public function test_a_wrong_token_finds_no_order(): void {
		$order      = $this->create_order();
		$session_id = $this->start_payment( $order );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );

		$destination = ( new ReturnHandler( new \KoreaCheckout\Api\Client() ) )->destination(
			array(
				'order_id' => (string) $order->get_id(),
				'token'    => str_repeat( 'a', 32 ),
			)
		);
		$this->assertSame( wc_get_cart_url(), $destination );
		$this->assertStringContainsString( 'could not find that order', $this->take_error_notices()[0] ?? '' );
	}
}
