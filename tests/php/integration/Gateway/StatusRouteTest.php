<?php
/**
 * The order-status route the order-received page polls, and the virtual-account email.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Gateway;

use KoreaCheckout\Orders\SessionOwner;

require_once __DIR__ . '/GatewayTestCase.php';

/**
 * @covers \KoreaCheckout\Gateway\StatusRoute
 * @covers \KoreaCheckout\Gateway\VirtualAccountView
 */
final class StatusRouteTest extends GatewayTestCase {

	/**
	 * GET the route.
	 *
	 * @param int    $order_id Order id.
	 * @param string $key      Order key.
	 */
	private function status( int $order_id, string $key ): \WP_REST_Response {
		return $this->rest_request( 'GET', "/korea-checkout/v1/orders/{$order_id}/status", null, array(), array( 'key' => $key ) );
	}

	public function test_the_wrong_key_learns_nothing(): void {
		$order = $this->create_order();
		$this->assertSame( 404, $this->status( $order->get_id(), 'wc_order_wrongkey' )->get_status() );
		$this->assertSame( 404, $this->status( 999999, $order->get_order_key() )->get_status() );
		$this->assertSame( 400, $this->status( $order->get_id(), 'not-a-key' )->get_status() );
	}

	public function test_it_follows_the_payment_and_shows_no_personal_data(): void {
		$order      = $this->create_order();
		$session_id = $this->start_payment( $order );

		$waiting = $this->rest_data( $this->status( $order->get_id(), $order->get_order_key() ) );
		$this->assertSame( 'processing', $waiting['state'] );
		$this->assertFalse( $waiting['final'] );

		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$this->free_api_slot( $session_id );
		$response = $this->status( $order->get_id(), $order->get_order_key() );
		$paid     = $this->rest_data( $response );
		$this->assertSame( 'paid', $paid['state'], 'the route asked the API and the order followed' );
		$this->assertTrue( $paid['final'] );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] ?? '' );
		$body = (string) wp_json_encode( $paid );
		foreach ( array( 'Jiwoo', 'Kim', 'example.com', '010', (string) $order->get_total() ) as $private ) {
			$this->assertStringNotContainsString( $private, $body );
		}
	}

	public function test_the_api_is_asked_at_most_once_per_interval(): void {
		$order      = $this->create_order();
		$session_id = $this->start_payment( $order );
		$this->status( $order->get_id(), $order->get_order_key() );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$again = $this->rest_data( $this->status( $order->get_id(), $order->get_order_key() ) );
		$this->assertSame( 'processing', $again['state'], 'within the interval the route answers from the order' );
	}

	public function test_the_on_hold_email_carries_the_account_escaped(): void {
		$order = $this->create_order(
			array(
				'status' => 'on-hold',
				'meta'   => array(
					'_korea_checkout_virtual_account' => array(
						'bankName'      => '신한<script>',
						'accountNumber' => '110-123-456789',
						'accountHolder' => '(주)코리아체크아웃',
						'dueDate'       => '2026-11-28T23:59:59+09:00',
					),
				),
			)
		);
		ob_start();
		do_action( 'woocommerce_email_before_order_table', $order, false, false, null );
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( '110-123-456789', $html );
		$this->assertStringContainsString( '신한&lt;script&gt;', $html );
		$this->assertStringNotContainsString( '<script>', $html );

		ob_start();
		do_action( 'woocommerce_email_before_order_table', $order, false, true, null );
		$plain = (string) ob_get_clean();
		$this->assertStringContainsString( '110-123-456789', $plain );
		$this->assertStringContainsString( '(주)코리아체크아웃', $plain );

		ob_start();
		do_action( 'woocommerce_email_before_order_table', $order, true, false, null );
		$this->assertSame( '', (string) ob_get_clean(), 'the store\'s own email does not need it' );
	}

	public function test_the_email_states_the_amount_in_won_without_decimals_whatever_the_price_settings(): void {
		update_option( 'woocommerce_price_num_decimals', 2 );
		$order = $this->create_order(
			array(
				'status' => 'on-hold',
				'meta'   => array(
					'_korea_checkout_virtual_account' => array(
						'bankName'      => '국민은행',
						'accountNumber' => '123-45-678901',
						'accountHolder' => '코리아체크아웃',
						'dueDate'       => '2026-11-28T23:59:59+09:00',
					),
				),
			)
		);
		ob_start();
		do_action( 'woocommerce_email_before_order_table', $order, false, true, null );
		$plain = (string) ob_get_clean();
		update_option( 'woocommerce_price_num_decimals', 0 );

		$amount = number_format( (int) $order->get_total( 'edit' ) );
		$this->assertSame( '32,000', $amount, 'one 29,000 KRW product and 3,000 KRW shipping' );
		$this->assertStringContainsString( '₩' . $amount, $plain, 'the symbol as a character in a plain-text email' );
		$this->assertStringNotContainsString( $amount . '.00', $plain, 'KRW has no decimals anywhere' );
	}

	/**
	 * Lets the next poll ask the API at once, as if the interval had passed.
	 *
	 * @param string $session_id The session.
	 */
	private function free_api_slot( string $session_id ): void {
		global $wpdb;
		$wpdb->update( SessionOwner::table(), array( 'checked_at' => null ), array( 'session_id' => $session_id ) );
	}
}
