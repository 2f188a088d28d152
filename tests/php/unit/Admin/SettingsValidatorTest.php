<?php
/**
 * The rules of the settings page, without WordPress.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Admin;

use KoreaCheckout\Admin\InvalidSetting;
use KoreaCheckout\Admin\SecretMask;
use KoreaCheckout\Admin\SettingsValidator;
use PHPUnit\Framework\TestCase;

final class SettingsValidatorTest extends TestCase {

	private const TEST_KEY = 'sk_test_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
	private const LIVE_KEY = 'sk_live_fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';

	/**
	 * The validator under test, with a store's usual order statuses.
	 *
	 * @var SettingsValidator
	 */
	private SettingsValidator $validator;

	protected function setUp(): void {
		$this->validator = new SettingsValidator( array( 'wc-pending', 'wc-processing', 'wc-on-hold', 'wc-completed', 'wc-cancelled', 'wc-refunded', 'wc-failed' ) );
	}

	/**
	 * The values in effect on a fresh store.
	 *
	 * @param array<string, mixed> $overrides Values that differ.
	 * @return array<string, mixed>
	 */
	private static function current( array $overrides = array() ): array {
		return array_merge(
			array(
				'enabled'          => true,
				'title'            => '',
				'description'      => '',
				'mode'             => 'sandbox',
				'api_key'          => '',
				'webhook_secret'   => '',
				'api_url'          => '',
				'shop_id'          => '',
				'enabled_methods'  => array(),
				'status_map'       => array(),
				'address_search'   => true,
				'session_lifetime' => 24,
				'customs_code'     => false,
				'debug'            => false,
			),
			$overrides
		);
	}

	/**
	 * Validates and returns [values, rule codes by field].
	 *
	 * @param array<string, mixed> $input   Submitted.
	 * @param array<string, mixed> $current In effect.
	 * @param array<int, string>   $locked  Locked keys.
	 * @return array{0: array<string, mixed>, 1: array<string, string>}
	 */
	private function check( array $input, array $current = array(), array $locked = array() ): array {
		$result = $this->validator->validate( $input, self::current( $current ), $locked );
		$codes  = array_map( static fn( InvalidSetting $e ): string => $e->rule(), $result['errors'] );
		return array( $result['values'], $codes );
	}

	public function test_a_test_key_is_accepted_in_sandbox_mode_and_trimmed(): void {
		[ $values, $errors ] = $this->check( array( 'api_key' => '  ' . self::TEST_KEY . "\n" ) );
		$this->assertSame( array(), $errors );
		$this->assertSame( array( 'api_key' => self::TEST_KEY ), $values );
	}

	public function test_a_live_key_and_live_mode_together_are_accepted(): void {
		[ $values, $errors ] = $this->check(
			array(
				'mode'    => 'live',
				'api_key' => self::LIVE_KEY,
			)
		);
		$this->assertSame( array(), $errors );
		$this->assertSame(
			array(
				'mode'    => 'live',
				'api_key' => self::LIVE_KEY,
			),
			$values
		);
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public static function bad_keys(): array {
		return array(
			'publishable-looking prefix' => array( 'pk_test_' . str_repeat( 'a', 64 ), 'key_prefix' ),
			'no prefix'                  => array( str_repeat( 'a', 64 ), 'key_prefix' ),
			'63 hex characters'          => array( 'sk_test_' . str_repeat( 'a', 63 ), 'key_format' ),
			'65 hex characters'          => array( 'sk_test_' . str_repeat( 'a', 65 ), 'key_format' ),
			'not hex'                    => array( 'sk_test_' . str_repeat( 'g', 64 ), 'key_format' ),
			'space inside'               => array( 'sk_test_' . str_repeat( 'a', 32 ) . ' ' . str_repeat( 'a', 32 ), 'key_format' ),
			'another key\'s mask'        => array( 'sk_test_' . SecretMask::BULLETS . '9999', 'key_masked' ),
		);
	}

	/**
	 * @dataProvider bad_keys
	 * @param string $key  Submitted.
	 * @param string $rule Expected rule.
	 */
	public function test_a_malformed_key_is_refused_with_its_rule( string $key, string $rule ): void {
		[ $values, $errors ] = $this->check( array( 'api_key' => $key ) );
		$this->assertSame( array( 'api_key' => $rule ), $errors );
		$this->assertSame( array(), $values );
	}

	public function test_a_key_that_is_not_a_string_is_refused(): void {
		[ , $errors ] = $this->check( array( 'api_key' => array( 'sk_test_' ) ) );
		$this->assertSame( array( 'api_key' => 'key_format' ), $errors );
	}

	public function test_a_live_key_in_sandbox_mode_is_blamed_on_the_key(): void {
		[ $values, $errors ] = $this->check( array( 'api_key' => self::LIVE_KEY ) );
		$this->assertSame( array( 'api_key' => 'key_mode_mismatch' ), $errors );
		$this->assertSame( array(), $values );
	}

	public function test_switching_to_live_with_a_saved_test_key_is_blamed_on_the_mode(): void {
		[ , $errors ] = $this->check( array( 'mode' => 'live' ), array( 'api_key' => self::TEST_KEY ) );
		$this->assertSame( array( 'mode' => 'key_mode_mismatch' ), $errors );
	}

	public function test_an_unrelated_save_is_not_blocked_by_a_mismatch_already_stored(): void {
		[ $values, $errors ] = $this->check(
			array( 'debug' => true ),
			array(
				'mode'    => 'live',
				'api_key' => self::TEST_KEY,
			)
		);
		$this->assertSame( array(), $errors );
		$this->assertSame( array( 'debug' => true ), $values );
	}

	public function test_the_mask_sent_back_keeps_the_stored_key(): void {
		$mask = SecretMask::mask( self::TEST_KEY );
		$this->assertSame( 'sk_test_' . SecretMask::BULLETS . 'cdef', $mask );
		[ $values, $errors ] = $this->check(
			array(
				'api_key' => $mask,
				'debug'   => '1',
			),
			array( 'api_key' => self::TEST_KEY )
		);
		$this->assertSame( array(), $errors );
		$this->assertSame( array( 'debug' => true ), $values, 'the key is not in the values to store, so it stays' );
	}

	public function test_an_empty_key_removes_the_key(): void {
		[ $values, $errors ] = $this->check( array( 'api_key' => '' ), array( 'api_key' => self::TEST_KEY ) );
		$this->assertSame( array(), $errors );
		$this->assertSame( array( 'api_key' => '' ), $values );
	}

	public function test_a_locked_key_may_come_back_as_its_mask_but_not_change(): void {
		$current             = array( 'api_key' => self::TEST_KEY );
		[ $values, $errors ] = $this->check( array( 'api_key' => SecretMask::mask( self::TEST_KEY ) ), $current, array( 'api_key' ) );
		$this->assertSame( array(), $errors );
		$this->assertSame( array(), $values );

		[ , $errors ] = $this->check( array( 'api_key' => 'sk_test_' . str_repeat( 'b', 64 ) ), $current, array( 'api_key' ) );
		$this->assertSame( array( 'api_key' => 'locked' ), $errors );
	}

	public function test_live_mode_against_a_locked_test_key_says_the_constant_is_the_problem(): void {
		[ , $errors ] = $this->check( array( 'mode' => 'live' ), array( 'api_key' => self::TEST_KEY ), array( 'api_key' ) );
		$this->assertSame( array( 'mode' => 'locked_key_mode_mismatch' ), $errors );
	}

	/**
	 * @return array<string, array{0: mixed, 1: string|null}>
	 */
	public static function secrets(): array {
		return array(
			'ascii'            => array( 'whsec_abc123XYZ', null ),
			'with punctuation' => array( 'whsec_a+b/c=d!', null ),
			'korean text'      => array( 'whsec_비밀열쇠', null ),
			'ending in spaces' => array( 'whsec_abc  ', null ),
			'inner space'      => array( 'whsec_a b', null ),
			'leading space'    => array( ' whsec_abc', 'secret_format' ),
			'only the prefix'  => array( 'whsec_', 'secret_format' ),
			'wrong prefix'     => array( 'wh_sec_abc', 'secret_format' ),
			'api key instead'  => array( self::TEST_KEY, 'secret_format' ),
			'control char'     => array( "whsec_ab\x07c", 'secret_format' ),
			'broken utf-8'     => array( "whsec_ab\xC3", 'secret_format' ),
			'too long'         => array( 'whsec_' . str_repeat( 'x', 251 ), 'secret_format' ),
			'a number'         => array( 42, 'secret_format' ),
			'a mask'           => array( 'whsec_' . SecretMask::BULLETS . 'abcd', 'secret_masked' ),
		);
	}

	/**
	 * @dataProvider secrets
	 * @param mixed       $secret Submitted.
	 * @param string|null $rule   Expected rule, null when accepted.
	 */
	public function test_webhook_secret_rules( $secret, ?string $rule ): void {
		[ $values, $errors ] = $this->check( array( 'webhook_secret' => $secret ) );
		if ( null === $rule ) {
			$this->assertSame( array(), $errors );
			$this->assertSame( array( 'webhook_secret' => $secret ), $values );
			return;
		}
		$this->assertSame( array( 'webhook_secret' => $rule ), $errors );
	}

	public function test_the_secret_mask_keeps_the_stored_secret(): void {
		$stored              = 'whsec_' . str_repeat( 'q', 20 ) . 'WXYZ';
		[ $values, $errors ] = $this->check( array( 'webhook_secret' => SecretMask::mask( $stored ) ), array( 'webhook_secret' => $stored ) );
		$this->assertSame( array(), $errors );
		$this->assertSame( array(), $values );
	}

	/**
	 * @return array<string, array{0: mixed, 1: string|null, 2?: string}>
	 */
	public static function urls(): array {
		return array(
			'local sandbox'   => array( 'http://127.0.0.1:4010/', null, 'http://127.0.0.1:4010' ),
			'https with path' => array( 'https://api.example.com/kc', null, 'https://api.example.com/kc' ),
			'empty'           => array( '', null, '' ),
			'ftp'             => array( 'ftp://api.example.com', 'url_invalid' ),
			'no scheme'       => array( 'api.koreacheckout.com', 'url_invalid' ),
			'query'           => array( 'https://api.example.com/?a=1', 'url_invalid' ),
			'credentials'     => array( 'https://user:pw@api.example.com', 'url_invalid' ),
			'javascript'      => array( 'javascript:alert(1)', 'url_invalid' ),
			'not a string'    => array( true, 'url_invalid' ),
		);
	}

	/**
	 * @dataProvider urls
	 * @param mixed       $url    Submitted.
	 * @param string|null $rule   Expected rule, null when accepted.
	 * @param string      $stored What is stored when accepted.
	 */
	public function test_api_url_rules( $url, ?string $rule, string $stored = '' ): void {
		[ $values, $errors ] = $this->check( array( 'api_url' => $url ) );
		if ( null === $rule ) {
			$this->assertSame( array(), $errors );
			$this->assertSame( array( 'api_url' => $stored ), $values );
			return;
		}
		$this->assertSame( array( 'api_url' => $rule ), $errors );
	}

	public function test_a_new_api_address_needs_the_key_in_the_same_save(): void {
		$saved               = array( 'api_key' => self::TEST_KEY );
		[ $values, $errors ] = $this->check( array( 'api_url' => 'https://collector.example.net' ), $saved );
		$this->assertSame( array( 'api_url' => 'url_needs_key' ), $errors, 'the saved key is never sent to a new host' );
		$this->assertSame( array(), $values );

		[ , $errors ] = $this->check(
			array(
				'api_url' => 'https://collector.example.net',
				'api_key' => SecretMask::mask( self::TEST_KEY ),
			),
			$saved
		);
		$this->assertSame( array( 'api_url' => 'url_needs_key' ), $errors, 'a mask is not the key' );

		[ $values, $errors ] = $this->check(
			array(
				'api_url' => 'https://collector.example.net',
				'api_key' => self::TEST_KEY,
			),
			$saved
		);
		$this->assertSame( array(), $errors );
		$this->assertSame( 'https://collector.example.net', $values['api_url'] );

		[ , $errors ] = $this->check( array( 'api_url' => 'https://collector.example.net' ), $saved, array( 'api_key' ) );
		$this->assertSame( array( 'api_url' => 'url_needs_locked_key' ), $errors );

		[ , $errors ] = $this->check( array( 'api_url' => 'https://collector.example.net' ) );
		$this->assertSame( array(), $errors, 'no key saved: nothing to protect' );
		[ , $errors ] = $this->check( array( 'api_url' => '' ), array( 'api_key' => self::TEST_KEY ) );
		$this->assertSame( array(), $errors, 'unchanged: allowed' );
	}

	public function test_mode_must_be_sandbox_or_live(): void {
		[ , $errors ] = $this->check( array( 'mode' => 'test' ) );
		$this->assertSame( array( 'mode' => 'mode_invalid' ), $errors );
		[ $values ] = $this->check( array( 'mode' => 'sandbox' ) );
		$this->assertSame( array( 'mode' => 'sandbox' ), $values );
	}

	public function test_shop_ids(): void {
		[ $values, $errors ] = $this->check( array( 'shop_id' => ' shop_1234abcd ' ) );
		$this->assertSame( array(), $errors );
		$this->assertSame( array( 'shop_id' => 'shop_1234abcd' ), $values );
		[ , $errors ] = $this->check( array( 'shop_id' => 'shop 1; DROP' ) );
		$this->assertSame( array( 'shop_id' => 'shop_id_invalid' ), $errors );
	}

	public function test_enabled_methods_keep_the_shoppers_order(): void {
		[ $values, $errors ] = $this->check( array( 'enabled_methods' => array( 'kakao_pay', 'card', 'virtual_account' ) ) );
		$this->assertSame( array(), $errors );
		$this->assertSame( array( 'enabled_methods' => array( 'kakao_pay', 'card', 'virtual_account' ) ), $values );
	}

	/**
	 * @return array<string, array{0: mixed, 1: string}>
	 */
	public static function bad_methods(): array {
		return array(
			'unknown id'   => array( array( 'card', 'paypal' ), 'method_unknown' ),
			'twice'        => array( array( 'card', 'naver_pay', 'card' ), 'method_duplicate' ),
			'not a list'   => array( array( 'a' => 'card' ), 'methods_not_list' ),
			'a string'     => array( 'card', 'methods_not_list' ),
			'nested array' => array( array( array( 'card' ) ), 'method_unknown' ),
		);
	}

	/**
	 * @dataProvider bad_methods
	 * @param mixed  $methods Submitted.
	 * @param string $rule    Expected rule.
	 */
	public function test_bad_method_lists_are_refused( $methods, string $rule ): void {
		[ , $errors ] = $this->check( array( 'enabled_methods' => $methods ) );
		$this->assertSame( array( 'enabled_methods' => $rule ), $errors );
	}

	public function test_status_map_overrides_are_normalised_and_automatic_ones_dropped(): void {
		[ $values, $errors ] = $this->check(
			array(
				'status_map' => array(
					'completed'  => 'wc-completed',
					'processing' => 'on-hold',
					'expired'    => 'automatic',
					'failed'     => '',
				),
			)
		);
		$this->assertSame( array(), $errors );
		$this->assertSame(
			array(
				'status_map' => array(
					'completed'  => 'completed',
					'processing' => 'on-hold',
				),
			),
			$values
		);
	}

	/**
	 * @return array<string, array{0: mixed, 1: string}>
	 */
	public static function bad_status_maps(): array {
		return array(
			'unknown payment status'           => array( array( 'paid' => 'processing' ), 'status_unknown' ),
			'unknown order status'             => array( array( 'completed' => 'shipped' ), 'order_status_unknown' ),
			'paid payment to an unpaid status' => array( array( 'completed' => 'cancelled' ), 'status_not_allowed' ),
			'failed payment to paid status'    => array( array( 'failed' => 'processing' ), 'status_not_allowed' ),
			'a list'                           => array( array( 'processing' ), 'status_map_not_object' ),
			'a string'                         => array( 'completed=processing', 'status_map_not_object' ),
			'a non-string target'              => array( array( 'completed' => 3 ), 'order_status_unknown' ),
		);
	}

	/**
	 * @dataProvider bad_status_maps
	 * @param mixed  $map  Submitted.
	 * @param string $rule Expected rule.
	 */
	public function test_bad_status_maps_are_refused( $map, string $rule ): void {
		[ , $errors ] = $this->check( array( 'status_map' => $map ) );
		$this->assertSame( array( 'status_map' => $rule ), $errors );
	}

	/**
	 * @return array<string, array{0: mixed, 1: int|null}>
	 */
	public static function lifetimes(): array {
		return array(
			'one hour'       => array( 1, 1 ),
			'seven days'     => array( 168, 168 ),
			'digits'         => array( ' 48 ', 48 ),
			'whole float'    => array( 12.0, 12 ),
			'zero'           => array( 0, null ),
			'over a week'    => array( 169, null ),
			'negative'       => array( -5, null ),
			'fraction'       => array( 1.5, null ),
			'words'          => array( 'a day', null ),
			'decimal string' => array( '2.5', null ),
		);
	}

	/**
	 * @dataProvider lifetimes
	 * @param mixed    $hours  Submitted.
	 * @param int|null $stored What is stored, null when refused.
	 */
	public function test_session_lifetime_is_whole_hours_from_1_to_168( $hours, ?int $stored ): void {
		[ $values, $errors ] = $this->check( array( 'session_lifetime' => $hours ) );
		if ( null === $stored ) {
			$this->assertSame( array( 'session_lifetime' => 'lifetime_range' ), $errors );
			return;
		}
		$this->assertSame( array( 'session_lifetime' => $stored ), $values );
	}

	public function test_switches_take_booleans_and_the_usual_words_only(): void {
		[ $values, $errors ] = $this->check(
			array(
				'address_search' => 'no',
				'customs_code'   => 1,
				'debug'          => 'true',
				'enabled'        => false,
			)
		);
		$this->assertSame( array(), $errors );
		$this->assertSame(
			array(
				'address_search' => false,
				'customs_code'   => true,
				'debug'          => true,
				'enabled'        => false,
			),
			$values
		);

		[ , $errors ] = $this->check(
			array(
				'debug'        => 'maybe',
				'customs_code' => array(),
			)
		);
		$this->assertSame(
			array(
				'debug'        => 'not_boolean',
				'customs_code' => 'not_boolean',
			),
			$errors
		);
	}

	public function test_title_and_description_are_plain_text(): void {
		[ $values, $errors ] = $this->check(
			array(
				'title'       => ' 간편결제 ',
				'description' => 'Card, KakaoPay & more',
			)
		);
		$this->assertSame( array(), $errors );
		$this->assertSame(
			array(
				'title'       => '간편결제',
				'description' => 'Card, KakaoPay & more',
			),
			$values
		);

		[ , $errors ] = $this->check(
			array(
				'title'       => '<script>alert(1)</script>',
				'description' => str_repeat(
					'가',
					501
				),
			)
		);
		$this->assertSame(
			array(
				'title'       => 'text_invalid',
				'description' => 'text_too_long',
			),
			$errors
		);
	}

	public function test_an_unknown_field_is_refused(): void {
		[ , $errors ] = $this->check( array( 'secret_backdoor' => 'x' ) );
		$this->assertSame( array( 'secret_backdoor' => 'unknown_setting' ), $errors );
	}

	public function test_one_refused_field_means_nothing_is_stored_and_every_refusal_is_named(): void {
		$result = $this->validator->validate(
			array(
				'debug'            => true,
				'session_lifetime' => 500,
				'mode'             => 'prod',
				'shop_id'          => 'shop_ok',
			),
			self::current(),
			array()
		);
		$this->assertSame( array(), $result['values'] );
		$this->assertSame( array( 'session_lifetime', 'mode' ), array_keys( $result['errors'] ) );
		$this->assertSame(
			array(
				'min' => 1,
				'max' => 168,
			),
			$result['errors']['session_lifetime']->params()
		);
	}

	public function test_key_mode_reads_the_prefix(): void {
		$this->assertSame( 'sandbox', SettingsValidator::key_mode( self::TEST_KEY ) );
		$this->assertSame( 'live', SettingsValidator::key_mode( self::LIVE_KEY ) );
		$this->assertNull( SettingsValidator::key_mode( 'whsec_x' ) );
	}
}
