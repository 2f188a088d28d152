<?php
/**
 * Korean phone numbers through WooCommerce's own phone check, in both checkouts.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Checkout;

use KoreaCheckout\Checkout\PhoneField;
use KoreaCheckout\Tests\Integration\TestCase;

/**
 * @covers \KoreaCheckout\Checkout\PhoneField
 */
final class PhoneFieldTest extends TestCase {

	/**
	 * A Store API cart holding one product (nonce checks off, as for a script), and a Seoul address without phone
	 * or email.
	 *
	 * @return array<string, string>
	 */
	private function cart_for_a_seoul_address(): array {
		add_filter( 'woocommerce_store_api_disable_nonce_check', '__return_true' );
		wc_load_cart();
		WC()->cart->empty_cart();
		WC()->cart->add_to_cart( $this->create_product( 8500 )->get_id() );
		return array(
			'first_name' => 'Jiwoo',
			'last_name'  => 'Kim',
			'address_1'  => '서울 강남구 테헤란로 152',
			'city'       => '서울 강남구',
			'postcode'   => '06236',
			'country'    => 'KR',
		);
	}

	public function test_a_korean_address_needs_a_korean_number(): void {
		$this->assertTrue( \WC_Validation::is_phone( '010-1234-5678', 'KR' ) );
		$this->assertTrue( \WC_Validation::is_phone( '+82 2 123 4567', 'KR' ) );
		$this->assertFalse( \WC_Validation::is_phone( '010-123', 'KR' ) );
		$this->assertFalse( \WC_Validation::is_phone( '+81 90-1234-5678', 'KR' ) );
		$this->assertTrue( \WC_Validation::is_phone( '０１０－１２３４－５６７８', 'KR' ), 'as a Korean input method types it' );
		$this->assertFalse( \WC_Validation::is_phone( '010-1234-5678 ext', 'KR' ) );
	}

	public function test_other_countries_keep_woocommerces_check(): void {
		$this->assertTrue( \WC_Validation::is_phone( '+81 90-1234-5678', 'JP' ) );
		$this->assertTrue( \WC_Validation::is_phone( '010-123', 'US' ) );
		$this->assertTrue( \WC_Validation::is_phone( '010-123' ) );
		$this->assertFalse( \WC_Validation::is_phone( 'call me', 'JP' ) );
	}

	public function test_the_store_api_refuses_a_korean_address_with_a_foreign_number(): void {
		$address  = $this->cart_for_a_seoul_address() + array( 'email' => 'jiwoo.kim@example.com' );
		$refused  = $this->rest_request( 'POST', '/wc/store/v1/cart/update-customer', array( 'billing_address' => $address + array( 'phone' => '555-0100' ) ) );
		$accepted = $this->rest_request( 'POST', '/wc/store/v1/cart/update-customer', array( 'billing_address' => $address + array( 'phone' => '010 1234 5678' ) ) );
		$this->assertSame( 400, $refused->get_status() );
		$this->assertStringContainsString( 'invalid_phone', (string) wp_json_encode( $this->rest_data( $refused ) ) );
		$this->assertSame( 200, $accepted->get_status() );
	}

	public function test_the_classic_checkout_keeps_a_korean_number_in_one_form(): void {
		$data = apply_filters(
			'woocommerce_checkout_posted_data',
			array(
				'billing_phone'    => '０１０－１２３４－５６７８',
				'billing_country'  => 'KR',
				'shipping_phone'   => '+82 2 123 4567',
				'shipping_country' => 'KR',
			)
		);
		$this->assertSame( array( '010-1234-5678', '02-123-4567' ), array( $data['billing_phone'], $data['shipping_phone'] ) );

		$data = apply_filters(
			'woocommerce_checkout_posted_data',
			array(
				'billing_phone'   => '+81 90-1234-5678',
				'billing_country' => 'JP',
				'shipping_phone'  => '010-123',
			)
		);
		$this->assertSame( array( '+81 90-1234-5678', '010-123' ), array( $data['billing_phone'], $data['shipping_phone'] ), 'other countries, and numbers the check refuses, as typed' );
	}

	public function test_the_block_checkout_keeps_a_korean_number_in_one_form(): void {
		$address  = $this->cart_for_a_seoul_address();
		$response = $this->rest_request(
			'POST',
			'/wc/store/v1/checkout',
			array(
				'billing_address'  => $address + array(
					'email' => 'jiwoo.kim@example.com',
					'phone' => '０１０　１２３４　５６７８',
				),
				'shipping_address' => $address + array( 'phone' => '+82-10-9876-5432' ),
				'payment_method'   => 'cod',
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $this->rest_data( $response ) ) );
		$order = wc_get_order( (int) $this->rest_data( $response )['order_id'] );
		$this->assertSame( array( '010-1234-5678', '010-9876-5432' ), array( $order->get_billing_phone(), $order->get_shipping_phone() ) );
	}

	public function test_the_classic_checkout_shows_our_sentence_under_the_field(): void {
		$errors = new \WP_Error();
		$errors->add( 'billing_phone_validation', '<strong>Billing Phone</strong> is not a valid phone number.', array( 'id' => 'billing_phone' ) );
		( new PhoneField() )->reword_classic_error(
			array(
				'billing_phone'   => '010-123',
				'billing_country' => 'KR',
			),
			$errors
		);
		$this->assertSame( array( PhoneField::message() ), $errors->get_error_messages( 'billing_phone_validation' ) );
		$this->assertSame( array( 'id' => 'billing_phone' ), $errors->get_error_data( 'billing_phone_validation' ) );
	}

	public function test_the_classic_checkout_leaves_other_countries_to_woocommerce(): void {
		$errors = new \WP_Error();
		( new PhoneField() )->reword_classic_error(
			array(
				'billing_phone'   => '010-123',
				'billing_country' => 'US',
			),
			$errors
		);
		$this->assertFalse( $errors->has_errors() );
	}
}
