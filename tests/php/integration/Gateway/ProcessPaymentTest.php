<?php
/**
 * The gateway's process_payment() against the sandbox: the payload it sends, session reuse, and what a shopper sees when the
 * API fails, is slow or rate-limits.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Gateway;

require_once __DIR__ . '/GatewayTestCase.php';

/**
 * @covers \KoreaCheckout\Gateway\Gateway
 * @covers \KoreaCheckout\Gateway\SessionStarter
 * @covers \KoreaCheckout\Gateway\OrderFacts
 * @covers \KoreaCheckout\Api\Client
 */
final class ProcessPaymentTest extends GatewayTestCase {

	/**
	 * How many sessions the sandbox holds for an order.
	 *
	 * @param int $order_id Order id.
	 */
	private function sessions_of( int $order_id ): int {
		$all = $this->sandbox_call( 'GET', '/sandbox/sessions' )['sessions'];
		return count( array_filter( $all, static fn( array $s ) => (string) ( $s['platformOrderId'] ?? '' ) === (string) $order_id ) );
	}

	/**
	 * Places the order while the service makes the session but answers after the client gave up (15 s).
	 *
	 * @param \WC_Order $order The order.
	 */
	private function lose_create_session_answer( \WC_Order $order ): void {
		$this->sandbox_fault( 'create-session', 'hang', 1, array( 'delayMs' => 16000 ) );
		try {
			$this->gateway()->process_payment( $order->get_id() );
			$this->fail( 'the lost answer must not send the shopper anywhere' );
		} catch ( \Exception $e ) {
			$this->assertStringContainsString( 'not responding', $e->getMessage() );
		}
	}

	public function test_the_session_carries_the_order_and_adds_up(): void {
		$scarf      = $this->create_product( 29000 );
		$tea        = $this->create_product( 12000 );
		$order      = $this->create_order(
			array(
				'items' => array( array( $scarf, 2 ), array( $tea, 1 ) ),
				'meta'  => array( '_korea_checkout_method' => 'kakao_pay' ),
			)
		);
		$session_id = $this->start_payment( $order );

		$session = $this->sandbox_call( 'GET', '/sandbox/sessions/' . $session_id );
		$this->assertSame( 'pending', $session['status'] );
		$this->assertSame( (string) $order->get_id(), $session['platformOrderId'] );
		$this->assertSame( 73000, $session['totalAmount'], '2 × 29,000 + 12,000 + 3,000 shipping' );
		$this->assertSame( 'KRW', $session['currency'] );
		$sum = array_sum( array_map( static fn( array $i ) => $i['price'] * $i['quantity'], $session['items'] ) );
		$this->assertSame( 73000, $sum );
		$this->assertSame( 'Kim Jiwoo', $session['customer']['name'], 'a Korean address: family name first' );
		$this->assertSame( 'jiwoo.kim@example.com', $session['customer']['email'] );
		$this->assertSame( '+82-10-1234-5678', $session['customer']['phone'], 'one normalised form for the service' );
		$this->assertSame( 'kakao_pay', $session['metadata']['paymentMethod'] );
		$this->assertSame( implode( ',', \KoreaCheckout\Checkout\MethodChoice::enabled() ), $session['metadata']['paymentMethods'], 'only the methods the shop has and the owner kept on' );
		$this->assertSame( (string) $order->get_id(), $session['metadata']['orderId'] );
		$this->assertSame( hash( 'sha256', $order->get_order_key() ), $session['metadata']['orderKeyHash'] );
		$this->assertSame( 'kakao_pay', $session['metadata']['paymentMethod'] );
		$this->assertContains( $session['metadata']['locale'], array( 'ko', 'en', 'ja', 'zh' ) );
		$this->assertSame( rest_url( 'korea-checkout/v1/webhook' ), $session['webhookUrl'] );
		$this->assertStringContainsString( 'wc-api=korea_checkout_return', $session['returnUrl'] );
		$this->assertStringNotContainsString( $order->get_order_key(), wp_json_encode( $session ), 'the order key never leaves the store' );

		$stored = $this->reload( $order->get_id() );
		$this->assertSame( $session_id, $stored->get_meta( '_korea_checkout_session_id' ) );
		$this->assertSame( 'pending', $stored->get_status() );
	}

	public function test_a_korean_name_is_sent_family_name_first(): void {
		$order = $this->create_order();
		$order->set_billing_first_name( '길동' );
		$order->set_billing_last_name( '홍' );
		$order->save();
		$session = $this->sandbox_call( 'GET', '/sandbox/sessions/' . $this->start_payment( $order ) );
		$this->assertSame( '홍길동', $session['customer']['name'] );
	}

	public function test_a_double_click_and_a_return_to_the_unchanged_order_reuse_the_session(): void {
		$order  = $this->create_order();
		$first  = $this->start_payment( $order );
		$second = $this->start_payment( $this->reload( $order->get_id() ) );
		$this->assertSame( $first, $second );
		$this->assertSame( 1, $this->sessions_of( $order->get_id() ) );
	}

	public function test_a_session_the_order_lost_track_of_is_retired_before_another_is_made(): void {
		$order = $this->create_order();
		$first = $this->start_payment( $order );
		$stale = $this->reload( $order->get_id() );
		$stale->delete_meta_data( '_korea_checkout_session_id' );
		$stale->save();

		$second = $this->start_payment( $this->reload( $order->get_id() ) );
		$this->assertNotSame( $first, $second );
		$this->assertSame( 'expired', $this->sandbox_call( 'GET', '/sandbox/sessions/' . $first )['status'], 'the earlier session can no longer take money' );
		$this->assertSame( 'pending', $this->sandbox_call( 'GET', '/sandbox/sessions/' . $second )['status'] );
	}

	public function test_after_a_failure_paying_again_retires_the_failed_session_and_makes_a_new_one(): void {
		$order = $this->create_order();
		$first = $this->start_payment( $order );

		$this->sandbox_call( 'POST', "/sandbox/sessions/{$first}/fail", array( 'code' => 'REJECT_CARD_COMPANY' ) );
		$second = $this->start_payment( $this->reload( $order->get_id() ) );
		$this->assertNotSame( $first, $second, 'a new payment page, not the failed one' );
		$this->assertSame( 'expired', $this->sandbox_call( 'GET', '/sandbox/sessions/' . $first )['status'], 'the failed session was retired first: it can no longer take money' );

		$changed = $this->reload( $order->get_id() );
		$changed->add_product( $this->create_product( 5000 ), 1 );
		$changed->calculate_totals( false );
		$changed->save();
		$third = $this->start_payment( $this->reload( $order->get_id() ) );
		$this->assertNotSame( $second, $third );
		$this->assertSame( 37000, $this->sandbox_call( 'GET', '/sandbox/sessions/' . $third )['totalAmount'] );
		$this->assertSame( 'expired', $this->sandbox_call( 'GET', '/sandbox/sessions/' . $second )['status'] );
	}

	public function test_paying_again_an_order_whose_session_was_paid_charges_nothing_more(): void {
		$order = $this->create_order();
		$first = $this->start_payment( $order );
		// Paid on the hosted page while the webhook is lost: the store has not heard of it.
		$this->sandbox_fault( 'webhook', 'bad-signature' );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$first}/pay", array( 'method' => 'card' ) );
		$this->assertSame( 'pending', $this->reload( $order->get_id() )->get_status() );

		$result = $this->gateway()->process_payment( $order->get_id() );
		$paid   = $this->reload( $order->get_id() );
		$this->assertSame( 'success', $result['result'] );
		$this->assertSame( $paid->get_checkout_order_received_url(), $result['redirect'], 'to the order-received page, not to a second session' );
		$this->assertSame( 'processing', $paid->get_status() );
		$this->assertSame( $first, $paid->get_meta( '_korea_checkout_completed' ) );
		$this->assertSame( 1, $this->sessions_of( $order->get_id() ) );
	}

	public function test_a_lost_answer_of_create_session_gets_the_same_session_on_the_retry(): void {
		$order = $this->create_order();
		$this->lose_create_session_answer( $order );
		$this->assertSame( 1, $this->sessions_of( $order->get_id() ), 'the service made one' );

		$retry = $this->start_payment( $this->reload( $order->get_id() ) );
		$this->assertSame( 1, $this->sessions_of( $order->get_id() ), 'the retry is the same request: no second session' );
		$this->assertSame( $retry, $this->reload( $order->get_id() )->get_meta( '_korea_checkout_session_id' ) );
	}

	public function test_a_lost_answer_kept_until_its_expiry_is_near_is_made_anew_not_refused(): void {
		$order = $this->create_order();
		$this->lose_create_session_answer( $order );
		// The shopper comes back when the kept request's session would expire within the reuse margin: sending it
		// again needs a new expiry, and the same key with another body is refused for 24 hours.
		$kept                = $this->reload( $order->get_id() );
		$intent              = $kept->get_meta( '_korea_checkout_session_intent' );
		$intent['expiresAt'] = gmdate( 'Y-m-d\TH:i:s\Z', time() + 60 );
		$kept->update_meta_data( '_korea_checkout_session_intent', $intent );
		$kept->save();

		$retry = $this->start_payment( $this->reload( $order->get_id() ) );
		$paid  = $this->reload( $order->get_id() );
		$this->assertSame( $retry, $paid->get_meta( '_korea_checkout_session_id' ) );
		$this->assertSame( '', $paid->get_meta( '_korea_checkout_session_intent' ), 'answered: nothing left to send again' );
		$this->assertSame( 2, $this->sessions_of( $order->get_id() ), 'the lost one, never shown to the shopper, and the new one' );
	}

	public function test_paying_again_while_the_shopper_is_paying_makes_no_second_session(): void {
		$order = $this->create_order();
		$first = $this->start_payment( $order );
		// The shopper approves in the wallet app and, meanwhile, presses Place order again in another tab.
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$first}/begin", array( 'method' => 'kakao_pay' ) );
		try {
			$this->gateway()->process_payment( $order->get_id() );
			$this->fail( 'a session being paid must not be replaced' );
		} catch ( \Exception $e ) {
			$this->assertStringContainsString( 'already begun', $e->getMessage() );
		}
		$this->assertSame( 1, $this->sessions_of( $order->get_id() ), 'no second session beside the one being paid' );
		$this->assertSame( 'processing', $this->sandbox_call( 'GET', '/sandbox/sessions/' . $first )['status'], 'and it was not retired' );
		$this->assertSame( 'pending', $this->reload( $order->get_id() )->get_status() );

		// The approval goes through while its webhook is lost: Place order again now leads to the paid order.
		$this->sandbox_fault( 'webhook', 'bad-signature' );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$first}/pay", array( 'method' => 'kakao_pay' ) );
		$result = $this->gateway()->process_payment( $order->get_id() );
		$paid   = $this->reload( $order->get_id() );
		$this->assertSame( $paid->get_checkout_order_received_url(), $result['redirect'] );
		$this->assertSame( 'processing', $paid->get_status() );
		$this->assertSame( 1, $this->sessions_of( $order->get_id() ) );
		$this->assertSame( 1, $this->actions_fired( 'korea_checkout_payment_complete' ) );
	}

	public function test_a_discount_fee_is_folded_in_and_still_adds_up(): void {
		$order = $this->create_order( array( 'items' => array( array( $this->create_product( 10000 ), 3 ) ) ) );
		$fee   = new \WC_Order_Item_Fee();
		$fee->set_name( 'Member discount' );
		$fee->set_total( '-1001' );
		$order->add_item( $fee );
		$order->calculate_totals( false );
		$order->save();
		$this->assertSame( '31999', $order->get_total() );

		$session = $this->sandbox_call( 'GET', '/sandbox/sessions/' . $this->start_payment( $order ) );
		$this->assertSame( 31999, $session['totalAmount'] );
		$this->assertSame( 31999, array_sum( array_map( static fn( array $i ) => $i['price'] * $i['quantity'], $session['items'] ) ) );
		foreach ( $session['items'] as $item ) {
			$this->assertGreaterThanOrEqual( 0, $item['price'] );
		}
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public function fault_cases(): array {
		return array(
			'server error'      => array(
				array(
					'mode'  => '500',
					'count' => 5,
				),
				'not responding',
			),
			'long rate limit'   => array(
				array(
					'mode'    => '429',
					'count'   => 5,
					'delayMs' => 30000,
				),
				'wait a moment',
			),
			'repeated 429'      => array(
				array(
					'mode'    => '429',
					'count'   => 2,
					'delayMs' => 1000,
				),
				'wait a moment',
			),
			'hang past timeout' => array(
				array(
					'mode'    => 'hang',
					'count'   => 1,
					'delayMs' => 20000,
				),
				'not responding',
			),
		);
	}

	/**
	 * @dataProvider fault_cases
	 *
	 * @param array<string, mixed> $fault    The sandbox fault.
	 * @param string               $expected Part of the shopper's message.
	 */
	public function test_an_api_fault_gives_a_clear_message_and_no_session( array $fault, string $expected ): void {
		$order = $this->create_order();
		$this->sandbox_call( 'POST', '/sandbox/faults', array_merge( array( 'target' => 'create-session' ), $fault ) );
		$started = microtime( true );
		try {
			$this->gateway()->process_payment( $order->get_id() );
			$this->fail( 'process_payment() should have thrown' );
		} catch ( \Exception $e ) {
			$this->assertStringContainsString( $expected, $e->getMessage() );
			$this->assertStringNotContainsString( 'sk_test_', $e->getMessage() );
		}
		$this->assertLessThan( 20, microtime( true ) - $started, 'a hang is cut at the client timeout' );
		$stored = $this->reload( $order->get_id() );
		$this->assertSame( '', $stored->get_meta( '_korea_checkout_session_id' ) );
		$this->assertSame( 'pending', $stored->get_status(), 'the order stays for the next attempt' );

		$this->sandbox_call( 'DELETE', '/sandbox/faults' );
		$this->start_payment( $stored );
		$this->assertSame( 1, $this->sessions_of( $order->get_id() ), 'the retry makes exactly one session' );
	}

	public function test_one_short_429_is_waited_out(): void {
		$order = $this->create_order();
		$this->sandbox_fault( 'create-session', '429', 1, array( 'delayMs' => 1000 ) );
		$this->start_payment( $order );
		$this->assertSame( 1, $this->sessions_of( $order->get_id() ) );
	}

	public function test_the_log_names_the_failure_without_secrets_or_personal_data(): void {
		$order = $this->create_order();
		$this->sandbox_fault( 'create-session', '500' );
		$lines = array();
		$log   = static function ( $message, $level, $context ) use ( &$lines ) {
			$lines[] = $message . ' ' . wp_json_encode( $context );
			return $message;
		};
		add_filter( 'woocommerce_logger_log_message', $log, 10, 3 );
		try {
			$this->gateway()->process_payment( $order->get_id() );
		} catch ( \Exception $e ) {
			$this->assertNotSame( '', $e->getMessage() );
		}
		$all = implode( "\n", $lines );
		$this->assertStringContainsString( 'could not be created', $all );
		$this->assertStringContainsString( '"status":500', $all );
		$this->assertStringNotContainsString( (string) \KoreaCheckout\Settings\Settings::get( 'api_key' ), $all );
		$this->assertNotSame( '', (string) \KoreaCheckout\Settings\Settings::get( 'api_key' ) );
		$this->assertStringNotContainsString( 'jiwoo.kim@example.com', $all );
		$this->assertStringNotContainsString( '010-1234-5678', $all );
	}
}
