<?php
/**
 * The admin over real HTTP, as a browser meets it: REST nonce, the page, the way in from WooCommerce's Payments.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Admin;

use KoreaCheckout\Tests\Integration\TestCase;

require_once __DIR__ . '/AdminUsers.php';

final class AdminHttpTest extends TestCase {

	use AdminUsers;

	/**
	 * The served store must see the users and sessions, so this test commits and cleans up.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * Users to delete afterwards.
	 *
	 * @var array<int, int>
	 */
	private array $users = array();

	protected function tearDown(): void {
		require_once ABSPATH . 'wp-admin/includes/user.php';
		foreach ( $this->users as $user ) {
			wp_delete_user( $user );
		}
		parent::tearDown();
	}

	/**
	 * A committed user and their browser session.
	 *
	 * @param string $role Role.
	 * @return array{cookie: string, nonce: string}
	 */
	private function browser_of( string $role ): array {
		$user          = self::user_with_role( $role );
		$this->users[] = $user;
		return self::browser_session( $user );
	}

	public function test_a_cookie_request_needs_the_rest_nonce(): void {
		$admin = $this->browser_of( 'administrator' );

		$without = $this->http( 'GET', '/wp-json/korea-checkout/v1/settings', array( 'Cookie' => $admin['cookie'] ) );
		$this->assertSame( 401, $without['status'], 'without a nonce the cookie does not count: ' . $without['body'] );

		$wrong = $this->http(
			'GET',
			'/wp-json/korea-checkout/v1/settings',
			array(
				'Cookie'     => $admin['cookie'],
				'X-WP-Nonce' => 'abcdef1234',
			)
		);
		$this->assertSame( 403, $wrong['status'] );
		$this->assertSame( 'rest_cookie_invalid_nonce', $wrong['json']['code'] );

		$right = $this->http(
			'GET',
			'/wp-json/korea-checkout/v1/settings',
			array(
				'Cookie'     => $admin['cookie'],
				'X-WP-Nonce' => $admin['nonce'],
			)
		);
		$this->assertSame( 200, $right['status'], $right['body'] );
		$this->assertArrayHasKey( 'settings', $right['json'] );

		$post_without = $this->http(
			'POST',
			'/wp-json/korea-checkout/v1/settings',
			array(
				'Cookie'       => $admin['cookie'],
				'Content-Type' => 'application/json',
			),
			'{"debug":true}'
		);
		$this->assertSame( 401, $post_without['status'] );
	}

	public function test_a_subscriber_with_a_valid_nonce_is_still_refused(): void {
		$subscriber = $this->browser_of( 'subscriber' );
		$response   = $this->http(
			'POST',
			'/wp-json/korea-checkout/v1/settings',
			array(
				'Cookie'       => $subscriber['cookie'],
				'X-WP-Nonce'   => $subscriber['nonce'],
				'Content-Type' => 'application/json',
			),
			'{"debug":true}'
		);
		$this->assertSame( 403, $response['status'] );
		$this->assertSame( 'rest_forbidden', $response['json']['code'] );
	}

	public function test_the_settings_page_loads_the_app_for_shop_managers_only(): void {
		$manager = $this->browser_of( 'shop_manager' );
		$page    = $this->http( 'GET', '/wp-admin/admin.php?page=korea-checkout', array( 'Cookie' => $manager['cookie'] ) );
		$this->assertSame( 200, $page['status'] );
		$this->assertStringContainsString( 'id="korea-checkout-settings"', $page['body'] );
		if ( is_readable( KOREA_CHECKOUT_PATH . 'build/admin.js' ) ) {
			$this->assertMatchesRegularExpression( '#<script[^>]+build/admin\.js#', $page['body'] );
			$this->assertStringContainsString( 'wp-components', $page['body'] );
		}
		$this->assertStringNotContainsString( (string) \KoreaCheckout\Settings\Settings::get( 'api_key' ), $page['body'], 'the key is not printed into the page' );

		$subscriber = $this->browser_of( 'subscriber' );
		$refused    = $this->http( 'GET', '/wp-admin/admin.php?page=korea-checkout', array( 'Cookie' => $subscriber['cookie'] ) );
		$this->assertSame( 403, $refused['status'] );
	}

	public function test_the_gateway_entry_in_woocommerce_payments_leads_to_the_settings_page(): void {
		$admin    = $this->browser_of( 'administrator' );
		$gateways = WC()->payment_gateways()->payment_gateways();
		$this->assertArrayHasKey( 'korea_checkout', $gateways );

		// The address WooCommerce 11's Payments screen gives the gateway's "Manage" button.
		$provider = wc_get_container()->get( \Automattic\WooCommerce\Internal\Admin\Settings\PaymentsProviders::class );
		$details  = $provider->get_payment_gateway_base_details( $gateways['korea_checkout'], 0 );
		$manage   = (string) $details['management']['_links']['settings']['href'];
		$path     = (string) wp_parse_url( $manage, PHP_URL_PATH ) . '?' . (string) wp_parse_url( $manage, PHP_URL_QUERY );

		$response = $this->http( 'GET', $path, array( 'Cookie' => $admin['cookie'] ) );
		if ( str_contains( $path, 'page=korea-checkout' ) ) {
			$this->assertSame( 200, $response['status'], 'the gateway links straight to the page' );
			return;
		}
		$this->assertContains( $response['status'], array( 301, 302 ), "{$path} answered {$response['status']}" );
		$this->assertSame( admin_url( 'admin.php?page=korea-checkout' ), $response['headers']['location'] ?? '' );
	}
}
