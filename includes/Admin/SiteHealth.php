<?php
/**
 * Korea Checkout's tests in Tools > Site Health.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * Adds HealthChecks' tests to Site Health's direct tests (filter `site_status_tests`).
 */
final class SiteHealth {

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
			$tests['direct'][ $id ] = array(
				'label' => self::label( $id ),
				'test'  => array( $checks, $method ),
			);
		}
		return $tests;
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
