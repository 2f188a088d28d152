<?php
/**
 * The settings REST endpoint the settings page talks to.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

use KoreaCheckout\Logging\Logger;
use KoreaCheckout\Plugin;
use KoreaCheckout\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * `GET|POST /wp-json/korea-checkout/v1/settings`, for people who may manage WooCommerce.
 *
 * Cookie requests need the REST nonce (`X-WP-Nonce`): without it WordPress treats the request as logged out
 * and the capability check refuses it. A POST is all or nothing: any refused field means nothing is saved,
 * and the answer names every refused field with a sentence the page shows beside it.
 */
final class SettingsController {

	public const ROUTE = '/settings';

	/**
	 * Settings whose change makes cached shop data stale.
	 */
	private const CONNECTION_FIELDS = array( 'mode', 'api_key', 'api_url', 'shop_id' );

	/**
	 * Registers the route (on `rest_api_init`).
	 */
	public function register_routes(): void {
		register_rest_route(
			Plugin::REST_NAMESPACE,
			self::ROUTE,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'read' ),
					'permission_callback' => array( self::class, 'can_manage' ),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'save' ),
					'permission_callback' => array( self::class, 'can_manage' ),
				),
			)
		);
	}

	/**
	 * Whether the current user may see and change the settings.
	 */
	public static function can_manage(): bool {
		return current_user_can( 'manage_woocommerce' );
	}

	/**
	 * The settings as the page shows them.
	 */
	public function read(): \WP_REST_Response {
		return new \WP_REST_Response( SettingsView::build(), 200 );
	}

	/**
	 * Validates and stores a submission.
	 *
	 * @param \WP_REST_Request $request The request; its JSON body (or form fields) holds any subset of the settings.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function save( \WP_REST_Request $request ) {
		$input = $request->get_json_params();
		if ( ! is_array( $input ) ) {
			$input = $request->get_body_params();
		}
		if ( ! is_array( $input ) || array() === $input ) {
			return new \WP_Error( 'korea_checkout_no_settings', __( 'Nothing to save: the request held no settings.', 'korea-checkout' ), array( 'status' => 400 ) );
		}
		// Read-only facts the page may send back with the values.
		unset( $input['has_key'], $input['has_webhook_secret'] );

		$locked = array_values( array_filter( array_keys( Settings::LOCKABLE ), array( Settings::class, 'is_locked' ) ) );
		$result = ( new SettingsValidator( SettingsView::order_status_slugs() ) )->validate( $input, Settings::all(), $locked );

		if ( $result['errors'] ) {
			return self::refusal( $result['errors'] );
		}

		$changed = array_keys( $result['values'] );
		Settings::update( $result['values'] );
		if ( array_intersect( $changed, self::CONNECTION_FIELDS ) ) {
			ConnectionTest::forget();
		}
		Logger::info( 'Korea Checkout settings saved.', array( 'fields' => $changed ) );

		return new \WP_REST_Response( SettingsView::build(), 200 );
	}

	/**
	 * The 400 answer naming each refused field.
	 *
	 * @param array<string, InvalidSetting> $errors Refusals by field.
	 */
	private static function refusal( array $errors ): \WP_Error {
		$messages = array();
		$codes    = array();
		foreach ( $errors as $field => $refusal ) {
			$messages[ $field ] = ValidationMessages::sentence( $refusal );
			$codes[ $field ]    = $refusal->rule();
		}
		return new \WP_Error(
			'korea_checkout_invalid_settings',
			_n( 'A setting was not accepted, so nothing was saved. Correct it and save again.', 'Some settings were not accepted, so nothing was saved. Correct them and save again.', count( $errors ), 'korea-checkout' ),
			array(
				'status' => 400,
				'errors' => $messages,
				'codes'  => $codes,
			)
		);
	}
}
