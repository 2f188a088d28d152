<?php
/**
 * Korean addresses in real WooCommerce.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Checkout;

use KoreaCheckout\Tests\Integration\TestCase;

/**
 * @covers \KoreaCheckout\Checkout\AddressFormat
 */
final class AddressFormatTest extends TestCase {

	public function test_korean_forms_ask_for_the_postcode_first_and_no_state(): void {
		$fields = WC()->countries->get_address_fields( 'KR', 'billing_' );
		uasort( $fields, static fn( $a, $b ) => ( $a['priority'] ?? 0 ) <=> ( $b['priority'] ?? 0 ) );
		$order = array_values( array_intersect( array_keys( $fields ), array( 'billing_postcode', 'billing_address_1', 'billing_address_2', 'billing_city' ) ) );

		$this->assertSame( array( 'billing_postcode', 'billing_address_1', 'billing_address_2', 'billing_city' ), $order );
		$this->assertSame( 'Detailed address', $fields['billing_address_2']['label'] );
		$this->assertTrue( $fields['billing_postcode']['required'] );
		$this->assertFalse( $fields['billing_state']['required'] ?? false );
		$this->assertTrue( WC()->countries->get_country_locale()['KR']['state']['hidden'] );
	}

	public function test_postcodes_are_checked_and_tidied_for_korea_only(): void {
		$this->assertTrue( \WC_Validation::is_postcode( '06236', 'KR' ) );
		$this->assertFalse( \WC_Validation::is_postcode( '135-080', 'KR' ) );
		$this->assertFalse( \WC_Validation::is_postcode( '0623', 'KR' ) );
		$this->assertTrue( \WC_Validation::is_postcode( '90210', 'US' ) );
		$this->assertSame( '06236', wc_format_postcode( '０６２３６', 'KR' ) );
	}

	public function test_the_store_api_refuses_a_korean_address_with_a_bad_postcode(): void {
		add_filter( 'woocommerce_store_api_disable_nonce_check', '__return_true' );
		wc_load_cart();
		WC()->cart->empty_cart();
		WC()->cart->add_to_cart( $this->create_product( 8500 )->get_id() );
		$response = $this->rest_request(
			'POST',
			'/wc/store/v1/cart/update-customer',
			array(
				'billing_address' => array(
					'first_name' => 'Jiwoo',
					'last_name'  => 'Kim',
					'address_1'  => '서울 강남구 테헤란로 152',
					'city'       => '서울 강남구',
					'postcode'   => '135-080',
					'country'    => 'KR',
					'email'      => 'jiwoo.kim@example.com',
				),
			)
		);
		$this->assertSame( 400, $response->get_status() );
		$this->assertStringContainsString( 'postcode', strtolower( (string) wp_json_encode( $this->rest_data( $response ) ) ) );
	}

	public function test_formatted_address_reads_korean_and_does_not_repeat_the_city(): void {
		$searched = WC()->countries->get_formatted_address(
			array(
				'first_name' => '지우',
				'last_name'  => '김',
				'address_1'  => '서울 강남구 테헤란로 152 (역삼동, 강남파이낸스센터)',
				'address_2'  => '12층',
				'city'       => '서울 강남구',
				'postcode'   => '06236',
				'country'    => 'KR',
			),
			"\n"
		);
		$this->assertSame( "지우 김\n06236\n서울 강남구 테헤란로 152 (역삼동, 강남파이낸스센터)\n12층", $searched );

		$typed = WC()->countries->get_formatted_address(
			array(
				'first_name' => 'Jiwoo',
				'last_name'  => 'Kim',
				'address_1'  => '110 Sejong-daero',
				'city'       => 'Seoul',
				'postcode'   => '04524',
				'country'    => 'KR',
			),
			"\n"
		);
		$this->assertSame( "Jiwoo Kim\n04524\nSeoul 110 Sejong-daero", $typed );
	}
}
