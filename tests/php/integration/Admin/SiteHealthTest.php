<?php
/**
 * Korea Checkout's Site Health tests in real WordPress, each in its good and bad states.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Admin;

use KoreaCheckout\Admin\HealthChecks;
use KoreaCheckout\Admin\SiteHealth;
use KoreaCheckout\Tests\Integration\TestCase;
use KoreaCheckout\Webhook\LastWebhook;
use KoreaCheckout\Webhook\Refusals;

require_once __DIR__ . '/AdminUsers.php';

final class SiteHealthTest extends TestCase {
	use AdminUsers;

	private const TEST_KEY = 'sk_test_00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
	private const LIVE_KEY = 'sk_live_00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

	/**
	 * The checks under test.
	 *
	 * @var HealthChecks
	 */
	private HealthChecks $checks;

	protected function setUp(): void {
		parent::setUp();
		$this->checks = new HealthChecks();
		$this->set_plugin_settings(
			array(
				'mode'           => 'sandbox',
				'api_key'        => self::TEST_KEY,
				'webhook_secret' => 'whsec_health',
			)
		);
	}

	public function test_the_tests_are_registered_with_site_health(): void {
		require_once ABSPATH . 'wp-admin/includes/class-wp-site-health.php';
		$tests = \WP_Site_Health::get_tests();
		foreach ( array_keys( SiteHealth::TESTS ) as $id ) {
			$async = in_array( $id, SiteHealth::ASYNC, true );
			$this->assertArrayHasKey( $id, $tests[ $async ? 'async' : 'direct' ] );
			$this->assertArrayNotHasKey( $id, $tests[ $async ? 'direct' : 'async' ] );
			$test = $async ? $tests['async'][ $id ]['async_direct_test'] : $tests['direct'][ $id ]['test'];
			$this->assertIsCallable( $test );
			$result = call_user_func( $test );
			$this->assertSame( $id, $result['test'] );
			$this->assertContains( $result['status'], array( 'good', 'recommended', 'critical' ) );
			$this->assertSame( 'Korea Checkout', $result['badge']['label'] );
		}
	}

	public function test_the_webhook_endpoint_test_waits_for_no_one_and_answers_only_those_who_may_see_site_health(): void {
		require_once ABSPATH . 'wp-admin/includes/class-wp-site-health.php';
		$test = \WP_Site_Health::get_tests()['async']['korea_checkout_rest_api'];
		$this->assertTrue( $test['has_rest'] );
		$this->assertSame( rest_url( 'korea-checkout/v1/site-health/webhook-endpoint' ), $test['test'] );

		wp_set_current_user( 0 );
		$this->assertSame( 401, $this->rest_request( 'GET', '/korea-checkout/v1/site-health/webhook-endpoint' )->get_status() );
		wp_set_current_user( self::user_with_role( 'shop_manager' ) );
		$this->assertSame( 403, $this->rest_request( 'GET', '/korea-checkout/v1/site-health/webhook-endpoint' )->get_status(), 'Site Health is for administrators' );

		wp_set_current_user( self::user_with_role( 'administrator' ) );
		$response = $this->rest_request( 'GET', '/korea-checkout/v1/site-health/webhook-endpoint' );
		$this->assertSame( 200, $response->get_status() );
		$result = $this->rest_data( $response );
		$this->assertSame( 'korea_checkout_rest_api', $result['test'] );
		$this->assertSame( 'good', $result['status'], 'the store of this test answers at its webhook route' );
		$this->assertSame( 'Korea Checkout', $result['badge']['label'] );
	}

	public function test_api_key_states(): void {
		$this->assertSame( 'good', $this->checks->api_key()['status'] );

		$this->set_plugin_settings( array( 'api_key' => '' ) );
		$this->assertSame( 'critical', $this->checks->api_key()['status'] );
		$this->assertStringContainsString( 'no API key', $this->checks->api_key()['label'] );

		$this->set_plugin_settings(
			array(
				'api_key' => self::TEST_KEY,
				'mode'    => 'live',
			)
		);
		$result = $this->checks->api_key();
		$this->assertSame( 'critical', $result['status'] );
		$this->assertStringContainsString( 'other mode', $result['label'] );

		$this->set_plugin_settings( array( 'api_key' => self::LIVE_KEY ) );
		$this->assertSame( 'good', $this->checks->api_key()['status'] );

		$this->set_plugin_settings( array( 'api_key' => 'sk_live_short' ) );
		$this->assertSame( 'critical', $this->checks->api_key()['status'] );
	}

	public function test_webhook_secret_states(): void {
		$this->assertSame( 'good', $this->checks->webhook_secret()['status'] );
		$this->set_plugin_settings( array( 'webhook_secret' => '' ) );
		$this->assertSame( 'recommended', $this->checks->webhook_secret()['status'], 'sandbox: worth fixing' );
		$this->set_plugin_settings(
			array(
				'mode'    => 'live',
				'api_key' => self::LIVE_KEY,
			)
		);
		$this->assertSame( 'critical', $this->checks->webhook_secret()['status'], 'live: payments go unconfirmed' );
	}

	public function test_the_webhook_address_must_be_https_in_live_mode(): void {
		$this->assertStringStartsWith( 'http://', rest_url(), 'the test store is served over plain HTTP' );
		$this->assertSame( 'good', $this->checks->webhook_https()['status'] );

		$this->set_plugin_settings(
			array(
				'mode'    => 'live',
				'api_key' => self::LIVE_KEY,
			)
		);
		$result = $this->checks->webhook_https();
		$this->assertSame( 'critical', $result['status'] );
		$this->assertStringContainsString( esc_html( rest_url( 'korea-checkout/v1/webhook' ) ), $result['description'] );

		$https = static fn( string $url ): string => set_url_scheme( $url, 'https' );
		add_filter( 'rest_url', $https );
		$this->assertSame( 'good', $this->checks->webhook_https()['status'] );
	}

	public function test_the_rest_api_answers_at_the_webhook_route_over_http(): void {
		if ( '' === (string) getenv( 'KC_TEST_STORE_URL' ) ) {
			$this->markTestSkipped( 'skipped: the test store is not served (KC_TEST_STORE_URL is not set)' );
		}
		$result = $this->checks->rest_api();
		$this->assertSame( 'good', $result['status'], $result['description'] );

		// A security plugin that blocks /wp-json/ for everyone.
		add_filter(
			'pre_http_request',
			static fn( $pre, array $args, string $url ) => str_contains( $url, '/wp-json/' )
				? array(
					'headers'  => array(),
					'body'     => '',
					'response' => array(
						'code'    => 403,
						'message' => 'Forbidden',
					),
					'cookies'  => array(),
				)
				: $pre,
			10,
			3
		);
		$blocked = $this->checks->rest_api();
		$this->assertSame( 'critical', $blocked['status'] );
		$this->assertStringContainsString( 'HTTP 403', $blocked['description'] );
	}

	public function test_krw_must_have_no_decimals(): void {
		$this->assertSame( 'KRW', get_woocommerce_currency() );
		$this->assertSame( 'good', $this->checks->currency()['status'] );

		update_option( 'woocommerce_price_num_decimals', 2 );
		$result = $this->checks->currency();
		$this->assertSame( 'critical', $result['status'] );
		$this->assertStringContainsString( 'Number of decimals', $result['description'] );

		update_option( 'woocommerce_price_num_decimals', 0 );
		update_option( 'woocommerce_currency', 'EUR' );
		$this->assertSame( 'recommended', $this->checks->currency()['status'] );
	}

	public function test_the_woocommerce_version_is_supported(): void {
		$result = $this->checks->wc_version();
		$this->assertSame( 'good', $result['status'], $result['description'] );
		$this->assertStringContainsString( WC_VERSION, $result['description'] );
	}

	public function test_the_last_webhook_its_signature_and_refused_requests(): void {
		delete_option( LastWebhook::OPTION );
		delete_option( Refusals::OPTION );
		$this->assertSame( 'recommended', $this->checks->last_webhook()['status'] );

		Refusals::count( 'signature_mismatch' );
		$refused = $this->checks->last_webhook();
		$this->assertSame( 'critical', $refused['status'], 'refused requests and nothing accepted' );
		$this->assertStringContainsString( 'signature_mismatch', $refused['description'] );

		delete_option( Refusals::OPTION );
		LastWebhook::record( 'payment.completed', false );
		$unsigned = $this->checks->last_webhook();
		$this->assertSame( 'recommended', $unsigned['status'] );
		$this->assertStringContainsString( 'without a signature', $unsigned['description'] );

		LastWebhook::record( 'payment.completed', true );
		$good = $this->checks->last_webhook();
		$this->assertSame( 'good', $good['status'] );
		$this->assertStringContainsString( 'payment.completed', $good['description'] );

		Refusals::count( 'timestamp_out_of_tolerance' );
		$mixed = $this->checks->last_webhook();
		$this->assertSame( 'critical', $mixed['status'], 'accepted ones arrive, but some are refused' );
		$this->assertStringContainsString( 'timestamp_out_of_tolerance', $mixed['description'] );
		delete_option( Refusals::OPTION );

		update_option(
			LastWebhook::OPTION,
			array(
				'time'   => time() - 30 * DAY_IN_SECONDS,
				'signed' => true,
				'event'  => 'payment.completed',
			)
		);
		$this->set_plugin_settings(
			array(
				'mode'    => 'live',
				'api_key' => self::LIVE_KEY,
			)
		);
		$this->assertSame( 'recommended', $this->checks->last_webhook()['status'], 'live and quiet for a month' );
	}

	public function test_without_a_webhook_secret_the_store_says_webhooks_are_only_hints(): void {
		$this->set_plugin_settings( array( 'webhook_secret' => '' ) );
		$result = $this->checks->webhook_secret();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'not signed', $result['description'] );
		$this->assertStringContainsString( 'hint', $result['description'] );
	}
}
