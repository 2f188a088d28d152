<?php
/**
 * "Test connection" against the stack's sandbox over HTTP, and its explanations when something is wrong.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Admin;

use KoreaCheckout\Admin\ConnectionProblem;
use KoreaCheckout\Admin\ConnectionTest;
use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Tests\Integration\TestCase;

require_once __DIR__ . '/AdminUsers.php';

final class ConnectionEndpointTest extends TestCase {

	use AdminUsers;

	private const ROUTE = '/korea-checkout/v1/connection';

	/**
	 * The sandbox the stack wired the plugin to.
	 *
	 * @var array{url: string, api_key: string, webhook_secret: string}
	 */
	private array $sandbox;

	protected function setUp(): void {
		parent::setUp();
		$this->sandbox = $this->sandbox();
		$this->set_plugin_settings(
			array(
				'mode'    => 'sandbox',
				'api_url' => $this->sandbox['url'],
				'api_key' => $this->sandbox['api_key'],
				'shop_id' => '',
			)
		);
		ConnectionTest::forget();
		wp_set_current_user( self::user_with_role( 'shop_manager' ) );
	}

	/**
	 * Runs the endpoint.
	 *
	 * @param bool $refresh Ask the API again.
	 * @return array<string, mixed>
	 */
	private function check( bool $refresh = true ): array {
		$response = $this->rest_request( 'GET', self::ROUTE, null, array(), $refresh ? array( 'refresh' => '1' ) : array() );
		$this->assertSame( 200, $response->get_status() );
		return $this->rest_data( $response );
	}

	public function test_the_sandbox_shop_is_shown_with_its_facts_and_cached(): void {
		$result = $this->check();

		$this->assertTrue( $result['ok'], (string) wp_json_encode( $result ) );
		$this->assertFalse( $result['cached'] );
		$this->assertSame( 'Sandbox Shop', $result['shop']['name'] );
		$this->assertStringStartsWith( 'shop_', $result['shop']['id'] );
		$this->assertTrue( $result['shop']['automatic'], 'no shop chosen: the key\'s only shop is used' );
		$this->assertTrue( $result['shop']['business_verified'] );
		$this->assertSame( array( 'card', 'virtual_account', 'bank_transfer', 'kakao_pay', 'naver_pay', 'toss_pay', 'samsung_pay' ), array_column( $result['shop']['payment_methods'], 'id' ) );
		$this->assertSame( 'KakaoPay', $result['shop']['payment_methods'][3]['label'] );
		$this->assertSame( '', $result['shop']['custom_domain'] );
		$this->assertCount( 1, $result['shops'] );
		// The sandbox's limit per minute as it was started (SANDBOX_RATE_LIMIT; 100 by default).
		$limit = false !== getenv( 'SANDBOX_RATE_LIMIT' ) ? (int) getenv( 'SANDBOX_RATE_LIMIT' ) : 100;
		$this->assertSame( $limit, $result['rate_limit']['limit'] );
		$this->assertLessThan( $limit, $result['rate_limit']['remaining'] );
		$this->assertGreaterThan( time() - 5, $result['rate_limit']['reset'] );
		$this->assertStringNotContainsString( $this->sandbox['api_key'], (string) wp_json_encode( $result ) );

		$again = $this->check( false );
		$this->assertTrue( $again['cached'], 'the second look comes from the transient' );
		$this->assertSame( $result['shop'], $again['shop'] );

		$this->set_plugin_settings( array( 'shop_id' => $result['shop']['id'] ) );
		$chosen = $this->check( false );
		$this->assertFalse( $chosen['cached'], 'another shop setting does not reuse the cache' );
		$this->assertFalse( $chosen['shop']['automatic'] );
	}

	public function test_a_custom_domain_and_its_verification_status_are_shown(): void {
		$shop_id = $this->check()['shop']['id'];
		// A `.invalid` domain fails the sandbox's verification, so other tests' checkout URLs never move to it.
		$this->set_custom_domain( $shop_id, 'checkout.admin-test.invalid' );
		try {
			$pending = $this->check();
			$this->assertSame( 'checkout.admin-test.invalid', $pending['shop']['custom_domain'] );
			$this->assertSame( 'pending', $pending['shop']['domain_verification_status'] );

			usleep( 1200000 );
			$failed = $this->check();
			$this->assertSame( 'failed', $failed['shop']['domain_verification_status'] );
			$this->assertSame( 'failed', $failed['shop']['domain_configuration_status'] );
		} finally {
			$this->set_custom_domain( $shop_id, null );
		}
	}

	/**
	 * Sets (or, with null, removes) the shop's custom domain through the API, as the dashboard would.
	 *
	 * @param string      $shop_id Shop.
	 * @param string|null $domain  Domain.
	 */
	private function set_custom_domain( string $shop_id, ?string $domain ): void {
		$answer = wp_remote_request(
			$this->sandbox['url'] . '/api/shops/' . $shop_id . '/custom-domain',
			array(
				'method'  => 'PATCH',
				'headers' => array(
					'x-api-key'    => $this->sandbox['api_key'],
					'Content-Type' => 'application/json',
				),
				'body'    => (string) wp_json_encode( array( 'domain' => $domain ) ),
			)
		);
		$this->assertSame( 200, wp_remote_retrieve_response_code( $answer ), (string) wp_remote_retrieve_body( $answer ) );
	}

	public function test_a_key_the_api_does_not_know_is_explained(): void {
		$this->set_plugin_settings( array( 'api_key' => 'sk_test_' . str_repeat( '0', 64 ) ) );
		$result = $this->check();
		$this->assertFalse( $result['ok'] );
		$this->assertSame( 'bad_key', $result['problem']['code'] );
		$this->assertStringContainsString( 'refused the key', $result['problem']['message'] );
		$this->assertFalse( get_transient( ConnectionTest::TRANSIENT ), 'a failure is not cached' );
	}

	public function test_a_key_of_the_other_mode_is_explained_without_calling_the_api(): void {
		$this->set_plugin_settings( array( 'mode' => 'live' ) );
		$result = $this->check();
		$this->assertSame( 'wrong_mode', $result['problem']['code'] );
		$this->assertStringContainsString( 'live mode but the key is a test key', $result['problem']['message'] );
	}

	public function test_no_key_is_explained(): void {
		$this->set_plugin_settings( array( 'api_key' => '' ) );
		$result = $this->check();
		$this->assertSame( 'no_key', $result['problem']['code'] );
	}

	public function test_an_unreachable_api_is_explained_with_its_address(): void {
		$this->set_plugin_settings( array( 'api_url' => 'http://127.0.0.1:9' ) );
		$result = $this->check();
		$this->assertSame( 'unreachable', $result['problem']['code'] );
		$this->assertStringContainsString( 'http://127.0.0.1:9', $result['problem']['message'] );
	}

	public function test_a_shop_that_is_not_the_keys_is_explained_and_the_keys_shops_offered(): void {
		$this->set_plugin_settings( array( 'shop_id' => 'shop_notmine00' ) );
		$result = $this->check();
		$this->assertSame( 'shop_not_found', $result['problem']['code'] );
		$this->assertSame( array( 'Sandbox Shop' ), array_column( $result['shops'], 'name' ) );
	}

	public function test_rate_limiting_is_explained_with_the_wait(): void {
		// The sandbox limits a key to 100 calls a minute; exhausting it here would slow every other test,
		// so the API's answer is built as the client builds it from a 429.
		$problem = ConnectionProblem::from_api( new ApiException( 'rate_limited', 'busy', 429, 42 ), 'sandbox', $this->sandbox['url'], 100 );
		$this->assertSame( 'rate_limited', $problem['code'] );
		$this->assertSame( 42, $problem['retry_after'] );
		$this->assertStringContainsString( '100 requests a minute', $problem['message'] );
		$this->assertStringContainsString( '42 seconds', $problem['message'] );
	}

	public function test_people_without_the_capability_cannot_test(): void {
		wp_set_current_user( self::user_with_role( 'subscriber' ) );
		$this->assertSame( 403, $this->rest_request( 'GET', self::ROUTE )->get_status() );
		wp_set_current_user( 0 );
		$this->assertSame( 401, $this->rest_request( 'GET', self::ROUTE )->get_status() );
	}
}
