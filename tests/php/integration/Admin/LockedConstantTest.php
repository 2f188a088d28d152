<?php
/**
 * A secret defined in wp-config.php is shown as locked and cannot be changed through the endpoint.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Admin;

use KoreaCheckout\Tests\Integration\TestCase;

require_once __DIR__ . '/AdminUsers.php';

final class LockedConstantTest extends TestCase {

	use AdminUsers;

	/**
	 * The other WordPress process must see the administrator, so this test commits and cleans up.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	public function test_a_secret_defined_as_a_constant_is_locked(): void {
		$admin = self::user_with_role( 'administrator' );
		try {
			// A constant cannot be undefined again, so it is defined in a WordPress process of its own.
			$result = $this->run_in_separate_wordpress(
				<<<'PHP'
				define( 'KOREA_CHECKOUT_WEBHOOK_SECRET', 'whsec_from_wp_config_0042' );
				$post = new WP_REST_Request( 'POST', '/korea-checkout/v1/settings' );
				$post->set_header( 'content-type', 'application/json' );
				$post->set_body( wp_json_encode( array( 'webhook_secret' => 'whsec_new_value' ) ) );
				$refused = rest_do_request( $post );
				$read    = rest_do_request( new WP_REST_Request( 'GET', '/korea-checkout/v1/settings' ) );
				$stored  = (array) get_option( 'korea_checkout_settings', array() );
				return array(
					'status'  => $refused->get_status(),
					'refused' => rest_get_server()->response_to_data( $refused, false ),
					'read'    => rest_get_server()->response_to_data( $read, false ),
					'stored'  => $stored['webhook_secret'] ?? '',
				);
				PHP,
				array(),
				$admin
			);
		} finally {
			require_once ABSPATH . 'wp-admin/includes/user.php';
			wp_delete_user( $admin );
		}

		$this->assertSame( 400, $result['status'] );
		$this->assertSame( 'locked', $result['refused']['data']['codes']['webhook_secret'] );
		$this->assertStringContainsString( 'KOREA_CHECKOUT_WEBHOOK_SECRET', $result['refused']['data']['errors']['webhook_secret'] );
		$this->assertTrue( $result['read']['locked']['webhook_secret'] );
		$this->assertSame( 'whsec_••••0042', $result['read']['settings']['webhook_secret'] );
		$this->assertNotSame( 'whsec_new_value', $result['stored'] );
	}

	public function test_a_secret_from_a_constant_is_used_to_its_last_byte(): void {
		$result = $this->run_in_separate_wordpress(
			<<<'PHP'
			define( 'KOREA_CHECKOUT_WEBHOOK_SECRET', 'whsec_constant with a space ' );
			$body      = '{"event":"shop.updated"}';
			$t         = time();
			$sign      = static fn( string $secret ): string => 't=' . $t . ',v1=' . hash_hmac( 'sha256', $t . '.' . $body, $secret );
			$post      = static function ( string $header ) use ( $body ): int {
				$request = new WP_REST_Request( 'POST', '/korea-checkout/v1/webhook' );
				$request->set_header( 'x-korea-checkout-signature', $header );
				$request->set_body( $body );
				return rest_do_request( $request )->get_status();
			};
			return array(
				'secret'  => \KoreaCheckout\Settings\Settings::get( 'webhook_secret' ),
				'exact'   => $post( $sign( 'whsec_constant with a space ' ) ),
				'trimmed' => $post( $sign( 'whsec_constant with a space' ) ),
			);
			PHP
		);
		$this->assertSame( 'whsec_constant with a space ', $result['secret'], 'the constant, as written' );
		$this->assertSame( 200, $result['exact'] );
		$this->assertSame( 400, $result['trimmed'], 'the trimmed secret is another secret' );
	}

	public function test_a_secret_from_the_environment_is_used_to_its_last_byte(): void {
		putenv( 'KOREA_CHECKOUT_WEBHOOK_SECRET=whsec_from the environment ' );
		try {
			$this->assertSame( 'whsec_from the environment ', \KoreaCheckout\Settings\Settings::get( 'webhook_secret' ) );
			$this->assertTrue( \KoreaCheckout\Settings\Settings::is_locked( 'webhook_secret' ) );
		} finally {
			putenv( 'KOREA_CHECKOUT_WEBHOOK_SECRET' );
		}
	}
}
