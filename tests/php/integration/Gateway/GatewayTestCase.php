<?php
/**
 * Shared steps of the gateway's integration tests: pay an order's session in the sandbox and come back.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Gateway;

use KoreaCheckout\Gateway\Gateway;
use KoreaCheckout\Gateway\ReturnHandler;
use KoreaCheckout\Api\Client;
use KoreaCheckout\Tests\Integration\TestCase;

/**
 * Helpers over the real gateway, the real return handler and the sandbox.
 */
abstract class GatewayTestCase extends TestCase {

	/**
	 * Needs the sandbox, starts from a clean one, and turns faults off afterwards.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->sandbox();
		$this->sandbox_call( 'DELETE', '/sandbox/faults' );
	}

	/**
	 * Disarms faults a failed test may have left.
	 */
	protected function tearDown(): void {
		if ( '' !== (string) getenv( 'KC_SANDBOX_URL' ) ) {
			wp_remote_request( getenv( 'KC_SANDBOX_URL' ) . '/sandbox/faults', array( 'method' => 'DELETE' ) );
		}
		parent::tearDown();
	}

	/**
	 * The registered gateway instance.
	 */
	protected function gateway(): Gateway {
		$gateways = WC()->payment_gateways()->payment_gateways();
		$this->assertArrayHasKey( 'korea_checkout', $gateways );
		$this->assertInstanceOf( Gateway::class, $gateways['korea_checkout'] );
		return $gateways['korea_checkout'];
	}

	/**
	 * Places the order with the gateway; returns the session id from the redirect's last path segment.
	 *
	 * @param \WC_Order $order The order.
	 */
	protected function start_payment( \WC_Order $order ): string {
		$result = $this->gateway()->process_payment( $order->get_id() );
		$this->assertSame( 'success', $result['result'] );
		$session_id = basename( (string) wp_parse_url( $result['redirect'], PHP_URL_PATH ) );
		$this->assertMatchesRegularExpression( '/^cs_/', $session_id );
		return $session_id;
	}

	/**
	 * Comes back as the hosted page sends the browser: to the redirect URL the sandbox gives.
	 *
	 * @param string $redirect_url The sandbox's redirectUrl.
	 * @return string Where the store sends the shopper next.
	 */
	protected function come_back( string $redirect_url ): string {
		$query = array();
		wp_parse_str( (string) wp_parse_url( $redirect_url, PHP_URL_QUERY ), $query );
		return ( new ReturnHandler( new Client() ) )->destination( $query );
	}

	/**
	 * The order as the database has it now.
	 *
	 * @param int $order_id Order id.
	 */
	protected function reload( int $order_id ): \WC_Order {
		wp_cache_flush();
		$order = wc_get_order( $order_id );
		$this->assertInstanceOf( \WC_Order::class, $order );
		return $order;
	}

	/**
	 * Error notices waiting for the shopper's next page, then clears them.
	 *
	 * @return array<int, string>
	 */
	protected function take_error_notices(): array {
		$notices = array_map( static fn( $n ) => is_array( $n ) ? (string) $n['notice'] : (string) $n, wc_get_notices( 'error' ) );
		wc_clear_notices();
		return $notices;
	}
}
