<?php
/**
 * The settings REST endpoint in real WordPress: who may use it, what it refuses and why, what it never shows.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Admin;

use KoreaCheckout\Settings\Settings;
use KoreaCheckout\Tests\Integration\TestCase;

require_once __DIR__ . '/AdminUsers.php';

final class SettingsEndpointTest extends TestCase {

	use AdminUsers;

	private const ROUTE    = '/korea-checkout/v1/settings';
	private const TEST_KEY = 'sk_test_00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
	private const LIVE_KEY = 'sk_live_ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100';

	protected function tearDown(): void {
		putenv( 'KOREA_CHECKOUT_API_KEY' );
		parent::tearDown();
	}

	/**
	 * Posts settings as the current user.
	 *
	 * @param array<string, mixed> $values Submitted.
	 * @return array{0: int, 1: mixed}
	 */
	private function post( array $values ): array {
		$response = $this->rest_request( 'POST', self::ROUTE, $values );
		return array( $response->get_status(), $this->rest_data( $response ) );
	}

	private function as_admin(): void {
		wp_set_current_user( self::user_with_role( 'administrator' ) );
	}

	public function test_only_people_who_manage_woocommerce_may_read_or_change_settings(): void {
		$this->assertSame( 401, $this->rest_request( 'GET', self::ROUTE )->get_status(), 'logged out' );
		$this->assertSame( 401, $this->rest_request( 'POST', self::ROUTE, array( 'debug' => true ) )->get_status(), 'logged out' );

		foreach ( array( 'subscriber', 'customer', 'editor' ) as $role ) {
			wp_set_current_user( self::user_with_role( $role ) );
			$this->assertSame( 403, $this->rest_request( 'GET', self::ROUTE )->get_status(), $role );
			$this->assertSame( 403, $this->rest_request( 'POST', self::ROUTE, array( 'debug' => true ) )->get_status(), $role );
		}
		$this->assertFalse( (bool) Settings::get( 'debug' ), 'nobody without the capability changed anything' );

		foreach ( array( 'shop_manager', 'administrator' ) as $role ) {
			wp_set_current_user( self::user_with_role( $role ) );
			$this->assertSame( 200, $this->rest_request( 'GET', self::ROUTE )->get_status(), $role );
			[ $status ] = $this->post( array( 'session_lifetime' => 'shop_manager' === $role ? 12 : 36 ) );
			$this->assertSame( 200, $status, $role );
		}
		$this->assertSame( 36, Settings::get( 'session_lifetime' ) );
	}

	public function test_a_webhook_secret_is_kept_to_its_last_byte_and_verifies_so(): void {
		$this->as_admin();
		$secret            = 'whsec_ends-with-a-space ';
		[ $status, $data ] = $this->post( array( 'webhook_secret' => $secret ) );
		$this->assertSame( 200, $status, (string) wp_json_encode( $data ) );
		$this->assertSame( $secret, Settings::get( 'webhook_secret' ), 'not trimmed' );

		$body      = '{"event":"shop.updated"}';
		$t         = time();
		$signature = 't=' . $t . ',v1=' . hash_hmac( 'sha256', $t . '.' . $body, $secret );
		$response  = $this->rest_request( 'POST', '/korea-checkout/v1/webhook', $body, array( 'x-korea-checkout-signature' => $signature ) );
		$this->assertSame( 200, $response->get_status(), 'signed with the exact secret' );
		$trimmed  = 't=' . $t . ',v1=' . hash_hmac( 'sha256', $t . '.' . $body, rtrim( $secret ) );
		$response = $this->rest_request( 'POST', '/korea-checkout/v1/webhook', $body, array( 'x-korea-checkout-signature' => $trimmed ) );
		$this->assertSame( 400, $response->get_status(), 'the trimmed secret is another secret' );
	}

	public function test_the_saved_key_never_goes_to_a_new_address_without_being_entered_again(): void {
		$this->as_admin();
		$this->set_plugin_settings(
			array(
				'api_key' => self::TEST_KEY,
				'api_url' => '',
			)
		);
		[ $status, $data ] = $this->post( array( 'api_url' => 'https://collector.example.net' ) );
		$this->assertSame( 400, $status );
		$this->assertArrayHasKey( 'api_url', $data['data']['errors'] );
		$this->assertStringContainsString( 'API key again', $data['data']['errors']['api_url'] );
		$this->assertSame( '', (string) Settings::get( 'api_url' ) );

		[ $status ] = $this->post(
			array(
				'api_url' => 'https://collector.example.net',
				'api_key' => self::TEST_KEY,
			)
		);
		$this->assertSame( 200, $status );
		$this->assertSame( 'https://collector.example.net', Settings::api_url() );
	}

	public function test_a_saved_key_is_only_ever_answered_as_its_mask(): void {
		$this->as_admin();
		$this->set_plugin_settings(
			array(
				'mode'           => 'sandbox',
				'api_key'        => '',
				'webhook_secret' => '',
			)
		);

		$response = $this->rest_request(
			'POST',
			self::ROUTE,
			array(
				'api_key'        => self::TEST_KEY,
				'webhook_secret' => 'whsec_topsecretvalue1234',
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$raw  = (string) wp_json_encode( rest_get_server()->response_to_data( $response, false ) );
		$data = $this->rest_data( $response );

		$this->assertStringNotContainsString( substr( self::TEST_KEY, 8, 20 ), $raw, 'no part of the key body is sent back' );
		$this->assertStringNotContainsString( 'topsecretvalue', $raw );
		$this->assertSame( 'sk_test_••••eeff', $data['settings']['api_key'] );
		$this->assertSame( 'whsec_••••1234', $data['settings']['webhook_secret'] );
		$this->assertTrue( $data['settings']['has_key'] );
		$this->assertTrue( $data['settings']['has_webhook_secret'] );
		$this->assertSame( self::TEST_KEY, Settings::get( 'api_key' ), 'the whole key is stored' );

		$read = (string) wp_json_encode( $this->rest_data( $this->rest_request( 'GET', self::ROUTE ) ) );
		$this->assertStringNotContainsString( substr( self::TEST_KEY, 8, 20 ), $read );

		// The page sends the mask back with other changes: the key stays.
		[ $status, $data ] = $this->post(
			array(
				'api_key'        => 'sk_test_••••eeff',
				'webhook_secret' => 'whsec_••••1234',
				'debug'          => true,
			)
		);
		$this->assertSame( 200, $status );
		$this->assertSame( self::TEST_KEY, Settings::get( 'api_key' ) );
		$this->assertSame( 'whsec_topsecretvalue1234', Settings::get( 'webhook_secret' ) );
		$this->assertTrue( Settings::get( 'debug' ) );

		// Emptying the field removes the key.
		[ $status, $data ] = $this->post( array( 'api_key' => '' ) );
		$this->assertSame( 200, $status );
		$this->assertFalse( $data['settings']['has_key'] );
		$this->assertSame( '', Settings::get( 'api_key' ) );
	}

	/**
	 * Every field with a refused value, the rule code and a piece of the sentence the owner reads.
	 *
	 * @return array<string, array{0: array<string, mixed>, 1: string, 2: string, 3: string}>
	 */
	public static function refusals(): array {
		$key = 'sk_test_00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
		return array(
			'mode'                   => array( array( 'mode' => 'production' ), 'mode', 'mode_invalid', 'sandbox or live' ),
			'key prefix'             => array( array( 'api_key' => 'pk_test_123' ), 'api_key', 'key_prefix', 'starts with sk_test_' ),
			'key length'             => array( array( 'api_key' => 'sk_test_abc' ), 'api_key', 'key_format', '64 characters' ),
			'live key, sandbox mode' => array(
				array(
					'mode'    => 'sandbox',
					'api_key' => str_replace( 'sk_test_', 'sk_live_', $key ),
				),
				'api_key',
				'key_mode_mismatch',
				'Sandbox mode needs a test key',
			),
			'test key, live mode'    => array(
				array(
					'mode'    => 'live',
					'api_key' => $key,
				),
				'api_key',
				'key_mode_mismatch',
				'Live mode needs a live key',
			),
			'webhook secret'         => array( array( 'webhook_secret' => 'secret_without_prefix' ), 'webhook_secret', 'secret_format', 'whsec_' ),
			'api url'                => array( array( 'api_url' => 'ftp://example.com' ), 'api_url', 'url_invalid', 'https://' ),
			'shop id'                => array( array( 'shop_id' => 'shop 1' ), 'shop_id', 'shop_id_invalid', 'letters, digits' ),
			'unknown method'         => array( array( 'enabled_methods' => array( 'card', 'bitcoin' ) ), 'enabled_methods', 'method_unknown', '“bitcoin”' ),
			'method twice'           => array( array( 'enabled_methods' => array( 'card', 'card' ) ), 'enabled_methods', 'method_duplicate', 'twice' ),
			'unknown payment status' => array( array( 'status_map' => array( 'paid' => 'processing' ) ), 'status_map', 'status_unknown', '“paid”' ),
			'unknown order status'   => array( array( 'status_map' => array( 'completed' => 'wc-shipped' ) ), 'status_map', 'order_status_unknown', '“shipped”' ),
			'paid to cancelled'      => array( array( 'status_map' => array( 'completed' => 'cancelled' ) ), 'status_map', 'status_not_allowed', 'unpaid status' ),
			'address search'         => array( array( 'address_search' => 'sometimes' ), 'address_search', 'not_boolean', 'on or off' ),
			'lifetime too long'      => array( array( 'session_lifetime' => 200 ), 'session_lifetime', 'lifetime_range', 'from 1 to 168' ),
			'lifetime zero'          => array( array( 'session_lifetime' => 0 ), 'session_lifetime', 'lifetime_range', 'from 1 to 168' ),
			'customs code'           => array( array( 'customs_code' => array( 1 ) ), 'customs_code', 'not_boolean', 'on or off' ),
			'debug'                  => array( array( 'debug' => 'verbose' ), 'debug', 'not_boolean', 'on or off' ),
			'enabled'                => array( array( 'enabled' => 2 ), 'enabled', 'not_boolean', 'on or off' ),
			'title with markup'      => array( array( 'title' => '<b>Pay</b>' ), 'title', 'text_invalid', 'without HTML' ),
			'description too long'   => array( array( 'description' => str_repeat( 'x', 501 ) ), 'description', 'text_too_long', '500' ),
			'unknown setting'        => array( array( 'api_secret' => 'x' ), 'api_secret', 'unknown_setting', '“api_secret”' ),
		);
	}

	/**
	 * @dataProvider refusals
	 * @param array<string, mixed> $input    Submitted.
	 * @param string               $field    Field blamed.
	 * @param string               $rule     Rule code.
	 * @param string               $sentence A piece of the message.
	 */
	public function test_every_field_refuses_bad_values_with_a_sentence_and_saves_nothing( array $input, string $field, string $rule, string $sentence ): void {
		$this->as_admin();
		$this->set_plugin_settings(
			array(
				'mode'    => 'sandbox',
				'api_key' => self::TEST_KEY,
			)
		);
		$before = get_option( Settings::OPTION );

		[ $status, $data ] = $this->post( array_merge( array( 'debug' => true ), $input ) );

		$this->assertSame( 400, $status );
		$this->assertSame( 'korea_checkout_invalid_settings', $data['code'] );
		$this->assertStringContainsString( 'nothing was saved', $data['message'] );
		$this->assertSame( $rule, $data['data']['codes'][ $field ] ?? null, (string) wp_json_encode( $data ) );
		$this->assertStringContainsString( $sentence, $data['data']['errors'][ $field ] );
		$this->assertSame( $before, get_option( Settings::OPTION ), 'nothing stored, not even the valid debug switch' );
	}

	public function test_a_whole_valid_submission_is_stored_as_given(): void {
		$this->as_admin();
		[ $status, $data ] = $this->post(
			array(
				'mode'             => 'live',
				'api_key'          => self::LIVE_KEY,
				'webhook_secret'   => 'whsec_live-secret/ABC=',
				'api_url'          => '',
				'shop_id'          => 'shop_abc12345',
				'enabled_methods'  => array( 'naver_pay', 'card' ),
				'status_map'       => array( 'completed' => 'wc-completed' ),
				'address_search'   => false,
				'session_lifetime' => '72',
				'customs_code'     => true,
				'debug'            => false,
				'enabled'          => true,
				'title'            => '간편결제',
				'description'      => '카드, 카카오페이',
			)
		);
		$this->assertSame( 200, $status, (string) wp_json_encode( $data ) );
		$this->assertSame( 'live', Settings::get( 'mode' ) );
		$this->assertSame( array( 'naver_pay', 'card' ), Settings::get( 'enabled_methods' ) );
		$this->assertSame( array( 'completed' => 'completed' ), Settings::get( 'status_map' ) );
		$this->assertSame( 72, Settings::get( 'session_lifetime' ) );
		$this->assertFalse( Settings::get( 'address_search' ) );
		$this->assertTrue( Settings::get( 'customs_code' ) );
		$this->assertSame( '간편결제', Settings::get( 'title' ) );
		$this->assertSame( 'https://api.koreacheckout.com', Settings::api_url() );
		$this->assertSame( 'sk_live_••••1100', $data['settings']['api_key'] );
		$this->assertSame( rest_url( 'korea-checkout/v1/webhook' ), $data['webhook_url'] );
	}

	public function test_a_key_set_in_the_environment_is_locked(): void {
		$this->as_admin();
		$this->set_plugin_settings(
			array(
				'mode'    => 'sandbox',
				'api_key' => '',
			)
		);
		putenv( 'KOREA_CHECKOUT_API_KEY=' . self::TEST_KEY );

		$data = $this->rest_data( $this->rest_request( 'GET', self::ROUTE ) );
		$this->assertTrue( $data['locked']['api_key'] );
		$this->assertSame( 'KOREA_CHECKOUT_API_KEY', $data['locked_by']['api_key'] );
		$this->assertSame( 'sk_test_••••eeff', $data['settings']['api_key'] );
		$this->assertTrue( $data['settings']['has_key'] );

		[ $status, $data ] = $this->post( array( 'api_key' => 'sk_test_' . str_repeat( '1', 64 ) ) );
		$this->assertSame( 400, $status );
		$this->assertSame( 'locked', $data['data']['codes']['api_key'] );
		$this->assertStringContainsString( 'KOREA_CHECKOUT_API_KEY', $data['data']['errors']['api_key'] );

		[ $status, $data ] = $this->post( array( 'mode' => 'live' ) );
		$this->assertSame( 400, $status );
		$this->assertSame( 'locked_key_mode_mismatch', $data['data']['codes']['mode'] );

		[ $status ] = $this->post(
			array(
				'api_key' => 'sk_test_••••eeff',
				'debug'   => true,
			)
		);
		$this->assertSame( 200, $status, 'the locked value may come back as its mask' );
		$stored = get_option( Settings::OPTION );
		$this->assertSame( '', $stored['api_key'] ?? '', 'the option never receives the locked key' );
	}

	public function test_the_answer_offers_the_known_methods_statuses_and_automatic_mapping(): void {
		$this->as_admin();
		$data = $this->rest_data( $this->rest_request( 'GET', self::ROUTE ) );
		$this->assertSame( array( 'card', 'virtual_account', 'bank_transfer', 'kakao_pay', 'naver_pay', 'toss_pay', 'samsung_pay' ), array_column( $data['choices']['methods'], 'id' ) );
		$this->assertContains( 'on-hold', array_column( $data['choices']['order_statuses'], 'id' ) );
		$automatic = array_column( $data['choices']['session_statuses'], 'automatic', 'id' );
		$this->assertSame( 'on-hold', $automatic['processing'] );
		$this->assertSame(
			array(
				'min' => 1,
				'max' => 168,
			),
			$data['choices']['lifetime']
		);
	}
}
