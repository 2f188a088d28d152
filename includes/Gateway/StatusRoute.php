<?php
/**
 * `GET /wp-json/korea-checkout/v1/orders/{id}/status?key=…`: what the order-received page polls.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

use KoreaCheckout\Logging\Logger;
use KoreaCheckout\Orders\OrderMeta;
use KoreaCheckout\Orders\Refresh;
use KoreaCheckout\Orders\SessionOwner;
use KoreaCheckout\Plugin;

defined( 'ABSPATH' ) || exit;

/**
 * Public on purpose, like the order-received page it serves: the order key is the credential, as it is for
 * that page. Answers only the order's state (no names, addresses or amounts). While the order still waits,
 * it refreshes the order from its session at most once per session every few seconds, whoever asks and on
 * whichever web node, so a lost or late webhook does not keep the shopper waiting.
 */
final class StatusRoute {

	/**
	 * Seconds between two API reads for the same order.
	 */
	public const API_INTERVAL = 5;

	/**
	 * Registers the route (on `rest_api_init`).
	 */
	public static function register(): void {
		register_rest_route(
			Plugin::REST_NAMESPACE,
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
		if ( ! $order instanceof \WC_Order || ! OrderMeta::is_ours( $order ) || ! hash_equals( $order->get_order_key(), (string) $request['key'] ) ) {
			return new \WP_Error( 'korea_checkout_order_not_found', __( 'No such order.', 'korea-checkout' ), array( 'status' => 404 ) );
		}

		if ( self::is_waiting( $order ) && SessionOwner::may_ask_api( OrderMeta::session_id( $order ), self::API_INTERVAL ) ) {
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
		$session_status = OrderMeta::text( $order, OrderMeta::SESSION_STATUS );
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
		return 'processing' === self::state( $order )['state'] && '' !== OrderMeta::session_id( $order );
	}

	/**
	 * Refreshes the order from its current session; a failure only means the next poll tries again.
	 *
	 * @param \WC_Order $order The order.
	 */
	private static function refresh( \WC_Order $order ): void {
		try {
			( new Refresh() )->refresh( $order, OrderMeta::session_id( $order ), 'return' );
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
