<?php
/**
 * Korea Checkout's tests in Tools > Site Health.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

use KoreaCheckout\Plugin;

defined( 'ABSPATH' ) || exit;

/**
 * Adds HealthChecks' tests to Site Health (filter `site_status_tests`). Most are direct tests, run while the page
 * loads. The webhook endpoint's test makes an HTTP request to the site itself and may wait up to ten seconds, so
 * it is an asynchronous test: the page asks for it through the REST route ROUTE once it has loaded, as WordPress's
 * own loopback and REST tests are run.
 */
final class SiteHealth {

	/**
	 * The REST route of the asynchronous test, under Plugin::REST_NAMESPACE.
	 */
	public const ROUTE = '/site-health/webhook-endpoint';

	/**
	 * The tests that run asynchronously (they make HTTP requests).
	 */
	public const ASYNC = array( 'korea_checkout_rest_api' );

	/**
	 * Test id => HealthChecks method.
	 */
	public const TESTS = array(
		'korea_checkout_api_key'        => 'api_key',
		'korea_checkout_webhook_secret' => 'webhook_secret',
		'korea_checkout_webhook_https'  => 'webhook_https',
		'korea_checkout_rest_api'       => 'rest_api',
		'korea_checkout_currency'       => 'currency',
		'korea_checkout_wc_version'     => 'wc_version',
		'korea_checkout_last_webhook'   => 'last_webhook',
	);

	/**
	 * Adds the tests.
	 *
	 * @param array<string, mixed> $tests Site Health's tests.
	 * @return array<string, mixed>
	 */
	public function add_tests( $tests ): array {
		$tests  = is_array( $tests ) ? $tests : array();
		$checks = new HealthChecks();
		foreach ( self::TESTS as $id => $method ) {
			if ( in_array( $id, self::ASYNC, true ) ) {
				$tests['async'][ $id ] = array(
					'label'             => self::label( $id ),
					'test'              => rest_url( Plugin::REST_NAMESPACE . self::ROUTE ),
					'has_rest'          => true,
					// What WP-CLI and other callers outside the page run instead of the REST request.
					'async_direct_test' => array( $checks, $method ),
				);
				continue;
			}
			$tests['direct'][ $id ] = array(
				'label' => self::label( $id ),
				'test'  => array( $checks, $method ),
			);
		}
		return $tests;
	}

	/**
	 * Registers the asynchronous test's route (on `rest_api_init`), for users who may see Site Health.
	 */
	public function register_routes(): void {
		register_rest_route(
			Plugin::REST_NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => static fn(): \WP_REST_Response => new \WP_REST_Response( ( new HealthChecks() )->rest_api(), 200 ),
				'permission_callback' => static fn(): bool => current_user_can( 'view_site_health_checks' ),
			)
		);
	}

	/**
	 * The name of a test as Site Health lists it.
	 *
	 * @param string $id A key of TESTS.
	 */
	private static function label( string $id ): string {
		$labels = array(
			'korea_checkout_api_key'        => __( 'Korea Checkout API key', 'korea-checkout' ),
			'korea_checkout_webhook_secret' => __( 'Korea Checkout webhook secret', 'korea-checkout' ),
			'korea_checkout_webhook_https'  => __( 'Korea Checkout webhook address', 'korea-checkout' ),
			'korea_checkout_rest_api'       => __( 'Korea Checkout webhook endpoint', 'korea-checkout' ),
			'korea_checkout_currency'       => __( 'Korea Checkout currency decimals', 'korea-checkout' ),
			'korea_checkout_wc_version'     => __( 'Korea Checkout WooCommerce version', 'korea-checkout' ),
			'korea_checkout_last_webhook'   => __( 'Korea Checkout webhooks received', 'korea-checkout' ),
		);
		return $labels[ $id ] ?? $id;
	}
}
