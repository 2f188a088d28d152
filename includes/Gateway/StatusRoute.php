<?php
/**
 * `GET /wp-json/korea-checkout/v1/orders/{id}/status?key=…`: what the order-received page polls.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Api\Client;
use KoreaCheckout\Logging\Logger;

defined( 'ABSPATH' ) || exit;

/**
 * Public on purpose, like the order-received page it serves: the order key is the credential, as it is for
 * that page. Answers only the order's state (no names, addresses or amounts). While the order still waits,
 * it asks the API at most once per order every few seconds and lets Orders\SessionSync apply the answer, so
 * a lost or late webhook does not keep the shopper waiting.
 */
final class StatusRoute {

	public const NAMESPACE = 'korea-checkout/v1';

	/**
	 * Seconds between two API reads for the same order.
	 */
	public const API_INTERVAL = 5;

	/**
	 * Registers the route (on `rest_api_init`).
	 */
	public static function register(): void {
		register_rest_route(
			self::NAMESPACE,
			'/orders/(?P<id>\d+)/status',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'respond' ),
				'permission_callback' => '__return_true',
				'args'                => array(
					'id'  => array(
						'type'     => 'integer',
						'minimum'  => 1,
						'required' => true,
					),
					'key' => array(
						'type'      => 'string',
						'required'  => true,
						'maxLength' => 64,
						'pattern'   => '^wc_order_[A-Za-z0-9]+$',
					),
				),
			)
		);
	}

	/**
	 * The order's state.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function respond( \WP_REST_Request $request ) {
		$order = wc_get_order( (int) $request['id'] );
		if ( ! $order instanceof \WC_Order || Gateway::ID !== $order->get_payment_method() || ! hash_equals( $order->get_order_key(), (string) $request['key'] ) ) {
			return new \WP_Error( 'korea_checkout_order_not_found', __( 'No such order.', 'korea-checkout' ), array( 'status' => 404 ) );
		}

		if ( self::is_waiting( $order ) && self::may_ask_api( $order->get_id() ) ) {
			self::refresh( $order );
			$fresh = wc_get_order( $order->get_id() );
			$order = $fresh instanceof \WC_Order ? $fresh : $order;
		}

		$response = new \WP_REST_Response( self::state( $order ) );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * What the page needs: a state and whether it is final.
	 *
	 * @param \WC_Order $order The order.
	 * @return array{orderId: int, state: string, final: bool, payUrl: string}
	 */
	public static function state( \WC_Order $order ): array {
		$session_status = (string) $order->get_meta( '_korea_checkout_session_status' );
		if ( $order->is_paid() || $order->has_status( array( 'completed', 'refunded' ) ) ) {
			$state = 'paid';
		} elseif ( null !== VirtualAccountView::account( $order ) ) {
			$state = 'awaiting_deposit';
		} elseif ( $order->has_status( array( 'failed', 'cancelled' ) ) || in_array( $session_status, array( 'failed', 'cancelled', 'expired' ), true ) ) {
			$state = 'failed';
		} elseif ( $order->has_status( 'on-hold' ) ) {
			$state = 'on_hold';
		} else {
			$state = 'processing';
		}
		return array(
			'orderId' => $order->get_id(),
			'state'   => $state,
			'final'   => 'processing' !== $state,
			'payUrl'  => 'failed' === $state && $order->needs_payment() ? $order->get_checkout_payment_url() : '',
		);
	}

	/**
	 * Whether the order still waits for the outcome of a payment.
	 *
	 * @param \WC_Order $order The order.
	 */
	public static function is_waiting( \WC_Order $order ): bool {
		return 'processing' === self::state( $order )['state'] && '' !== (string) $order->get_meta( '_korea_checkout_session_id' );
	}

	/**
	 * Takes the order's API slot if it is free (one read per order per API_INTERVAL seconds, all visitors together).
	 *
	 * @param int $order_id Order id.
	 */
	private static function may_ask_api( int $order_id ): bool {
		$name = 'korea_checkout_poll_' . $order_id;
		if ( false !== get_transient( $name ) ) {
			return false;
		}
		set_transient( $name, 1, self::API_INTERVAL );
		return true;
	}

	/**
	 * Reads the session and hands it to the state machine.
	 *
	 * @param \WC_Order $order The order.
	 */
	private static function refresh( \WC_Order $order ): void {
		$session_id = (string) $order->get_meta( '_korea_checkout_session_id' );
		try {
			$session = ( new Client() )->get_session( $session_id );
		} catch ( ApiException $e ) {
			Logger::info(
				'Polling could not read the session.',
				array(
					'order_id' => $order->get_id(),
					'code'     => $e->get_error_code(),
				)
			);
			return;
		}
		if ( ! SessionOwnership::belongs( $session, $order->get_id() ) || ! class_exists( \KoreaCheckout\Orders\SessionSync::class ) ) {
			return;
		}
		try {
			\KoreaCheckout\Orders\SessionSync::apply( $order, $session, 'return' );
		} catch ( \Throwable $e ) {
			Logger::info(
				'Polling could not update the order now.',
				array(
					'order_id' => $order->get_id(),
					'error'    => $e->getMessage(),
				)
			);
		}
	}
}
