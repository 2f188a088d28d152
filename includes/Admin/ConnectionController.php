<?php
/**
 * The connection-test REST endpoint.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

use KoreaCheckout\Plugin;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /wp-json/korea-checkout/v1/connection[?refresh=1]`, for people who may manage WooCommerce (cookie
 * requests need the REST nonce). The answer is 200 whether the connection works or not: the test itself
 * ran; `ok` and `problem` say how it went.
 */
final class ConnectionController {

	public const ROUTE = '/connection';

	/**
	 * Registers the route (on `rest_api_init`).
	 */
	public function register_routes(): void {
		register_rest_route(
			Plugin::REST_NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'check' ),
				'permission_callback' => array( SettingsController::class, 'can_manage' ),
				'args'                => array(
					'refresh' => array(
						'description' => __( 'Ask the API again instead of using the cached shop data.', 'korea-checkout' ),
						'type'        => 'boolean',
						'default'     => false,
					),
				),
			)
		);
	}

	/**
	 * Runs the test.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function check( \WP_REST_Request $request ): \WP_REST_Response {
		$result = ( new ConnectionTest() )->run( (bool) $request->get_param( 'refresh' ) );
		return new \WP_REST_Response( $result, 200 );
	}
}
