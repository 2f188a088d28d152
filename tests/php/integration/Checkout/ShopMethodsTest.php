<?php
/**
 * Only the shop's own methods at checkout: kept from the API, intersected with the owner's choice.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Checkout;

use KoreaCheckout\Admin\ConnectionTest;
use KoreaCheckout\Admin\SettingsView;
use KoreaCheckout\Api\Client;
use KoreaCheckout\Checkout\MethodChoice;
use KoreaCheckout\Settings\ShopMethods;
use KoreaCheckout\Tests\Integration\TestCase;

/**
 * @covers \KoreaCheckout\Settings\ShopMethods
 * @covers \KoreaCheckout\Checkout\MethodChoice
 */
final class ShopMethodsTest extends TestCase {

	/**
	 * A shop as the API shows it.
	 *
	 * @param array<int, string> $methods Its payment_methods.
	 * @return array<string, mixed>
	 */
	private static function shop( array $methods ): array {
		return array(
			'id'              => 'shop_test',
			'name'            => '서울 상점',
			'payment_methods' => $methods,
		);
	}

	public function test_unknown_shop_methods_leave_the_owners_choice_as_it_is(): void {
		ShopMethods::forget();
		$this->set_plugin_settings( array( 'enabled_methods' => array( 'kakao_pay', 'card' ) ) );
		$this->assertNull( ShopMethods::methods() );
		$this->assertSame( array( 'kakao_pay', 'card' ), MethodChoice::enabled() );
	}

	public function test_checkout_offers_what_the_owner_kept_on_and_the_shop_has_in_the_owners_order(): void {
		ShopMethods::remember( self::shop( array( 'card', 'virtual_account', 'kakao_pay', 'crypto' ) ) );
		$this->assertSame( array( 'card', 'virtual_account', 'kakao_pay' ), ShopMethods::methods(), 'unknown ids are dropped' );

		$this->set_plugin_settings( array( 'enabled_methods' => array( 'naver_pay', 'kakao_pay', 'card' ) ) );
		$this->assertSame( array( 'kakao_pay', 'card' ), MethodChoice::enabled() );

		$this->set_plugin_settings( array( 'enabled_methods' => array() ) );
		$this->assertSame( array( 'card', 'virtual_account', 'kakao_pay' ), MethodChoice::enabled(), 'no choice = every method the shop has' );
	}

	public function test_a_choice_the_shop_lacks_is_refused_at_checkout(): void {
		ShopMethods::remember( self::shop( array( 'card' ) ) );
		$this->assertNull( MethodChoice::check( 'naver_pay', MethodChoice::enabled() ) );
		$this->assertSame( 'card', MethodChoice::check( 'card', MethodChoice::enabled() ) );
	}

	public function test_korea_checkout_is_not_offered_when_nothing_is_left(): void {
		ShopMethods::remember( self::shop( array( 'card' ) ) );
		$this->set_plugin_settings( array( 'enabled_methods' => array( 'naver_pay' ) ) );
		$gateways = ( new MethodChoice() )->hide_without_methods(
			array(
				'korea_checkout' => 'ours',
				'cod'            => 'theirs',
			)
		);
		$this->assertSame( array( 'cod' => 'theirs' ), $gateways );

		$this->set_plugin_settings( array( 'enabled_methods' => array( 'naver_pay', 'card' ) ) );
		$gateways = ( new MethodChoice() )->hide_without_methods( array( 'korea_checkout' => 'ours' ) );
		$this->assertSame( array( 'korea_checkout' => 'ours' ), $gateways );
	}

	public function test_what_was_kept_for_another_key_or_shop_counts_as_unknown(): void {
		ShopMethods::remember( self::shop( array( 'card' ) ) );
		$this->assertSame( array( 'card' ), ShopMethods::methods() );
		$this->set_plugin_settings( array( 'shop_id' => 'shop_other' ) );
		$this->assertNull( ShopMethods::methods() );
	}

	public function test_the_option_is_not_autoloaded_and_not_rewritten_when_nothing_changed(): void {
		global $wpdb;
		ShopMethods::remember( self::shop( array( 'card', 'toss_pay' ) ) );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- checking how WordPress stored the row.
		$autoload = $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", ShopMethods::OPTION ) );
		$this->assertContains( $autoload, array( 'no', 'off' ) );

		$writes = $this->record_action( 'update_option_' . ShopMethods::OPTION );
		ShopMethods::remember( self::shop( array( 'card', 'toss_pay' ) ) );
		$this->assertCount( 0, $writes );
		ShopMethods::remember( self::shop( array( 'card' ) ) );
		$this->assertCount( 1, $writes );
	}

	public function test_the_settings_page_is_told_what_the_shop_has(): void {
		ShopMethods::forget();
		$this->assertNull( SettingsView::build()['shop_methods'] );
		ShopMethods::remember( self::shop( array( 'card', 'kakao_pay' ) ) );
		$kept = SettingsView::build()['shop_methods'];
		$this->assertSame( '서울 상점', $kept['shop_name'] );
		$this->assertSame( array( 'card', 'kakao_pay' ), $kept['methods'] );
	}

	public function test_the_connection_test_and_refresh_read_the_shop_from_the_api(): void {
		$sandbox = $this->sandbox();
		$this->set_plugin_settings(
			array(
				'mode'    => 'sandbox',
				'api_key' => $sandbox['api_key'],
				'api_url' => $sandbox['url'],
				'shop_id' => '',
			)
		);
		ShopMethods::forget();
		$client = new Client( $sandbox['api_key'], $sandbox['url'] );
		$shops  = $client->list_shops();
		$this->assertNotEmpty( $shops );
		$expected = array_values( array_intersect( (array) $shops[0]['payment_methods'], \KoreaCheckout\PaymentMethods::IDS ) );

		ShopMethods::refresh( $client );
		$this->assertSame( $expected, ShopMethods::methods() );

		ShopMethods::forget();
		$result = ( new ConnectionTest( $client ) )->run( true );
		$this->assertTrue( $result['ok'], (string) wp_json_encode( $result ) );
		$this->assertSame( $expected, ShopMethods::methods() );
	}
}
