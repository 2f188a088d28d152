<?php
/**
 * `korea_checkout_fields` in real WooCommerce: registration, Store API and classic checkout, order display.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Checkout;

use Automattic\WooCommerce\Blocks\Domain\Services\CheckoutFields;
use Automattic\WooCommerce\Blocks\Package;
use KoreaCheckout\Checkout\BlockFields;
use KoreaCheckout\Checkout\ClassicFields;
use KoreaCheckout\Checkout\Fields;
use KoreaCheckout\Tests\Integration\TestCase;

/**
 * @covers \KoreaCheckout\Checkout\Fields
 * @covers \KoreaCheckout\Checkout\BlockFields
 * @covers \KoreaCheckout\Checkout\ClassicFields
 * @covers \KoreaCheckout\Checkout\OrderDisplay
 */
final class CheckoutFieldsTest extends TestCase {

	/**
	 * Block-checkout field ids this test registered, removed again afterwards (WooCommerce's registry is not
	 * part of the rolled-back state).
	 *
	 * @var array<int, string>
	 */
	private array $registered = array();

	/**
	 * Removes what this test registered with WooCommerce.
	 */
	protected function tearDown(): void {
		foreach ( $this->registered as $id ) {
			$this->wc_fields()->deregister_checkout_field( $id );
		}
		parent::tearDown();
	}

	private function wc_fields(): CheckoutFields {
		return Package::container()->get( CheckoutFields::class );
	}

	/**
	 * Adds theme fields with the filter and registers them with WooCommerce as the plugin does on woocommerce_init.
	 *
	 * @param array<string, array<string, mixed>> $fields Fields to add.
	 */
	private function add_theme_fields( array $fields ): void {
		add_filter( 'korea_checkout_fields', static fn( $existing ) => array_merge( $existing, $fields ) );
		$only_new = static fn() => $fields;
		add_filter( 'korea_checkout_fields', $only_new, 99 );
		( new BlockFields() )->register_native_fields();
		remove_filter( 'korea_checkout_fields', $only_new, 99 );
		foreach ( $fields as $key => $field ) {
			if ( 'textarea' !== ( $field['type'] ?? 'text' ) ) {
				$this->registered[] = Fields::block_id( $key );
			}
		}
	}

	/**
	 * Places a block-checkout order through the Store API in this process.
	 *
	 * @param array<string, mixed> $extra Body fields over the defaults.
	 */
	private function store_api_checkout( array $extra ): \WP_REST_Response {
		add_filter( 'woocommerce_store_api_disable_nonce_check', '__return_true' );
		wc_load_cart();
		WC()->cart->empty_cart();
		WC()->cart->add_to_cart( $this->create_product( 12000 )->get_id() );
		$address = array(
			'first_name' => 'Jiwoo',
			'last_name'  => 'Kim',
			'company'    => '',
			'address_1'  => '서울 강남구 테헤란로 152 (역삼동, 강남파이낸스센터)',
			'address_2'  => '12층',
			'city'       => '서울 강남구',
			'state'      => '',
			'postcode'   => '06236',
			'country'    => 'KR',
			'phone'      => '010-1234-5678',
		);
		return $this->rest_request(
			'POST',
			'/wc/store/v1/checkout',
			array_merge(
				array(
					'billing_address'  => $address + array( 'email' => 'jiwoo.kim@example.com' ),
					'shipping_address' => $address,
					'payment_method'   => 'cod',
				),
				$extra
			)
		);
	}

	public function test_default_fields_are_registered_in_the_block_checkout(): void {
		$ids = array_keys( $this->wc_fields()->get_additional_fields() );
		$this->assertContains( 'korea-checkout/delivery_memo', $ids );
		$this->assertContains( 'korea-checkout/delivery_memo_note', $ids );
		$this->assertNotContains( 'korea-checkout/customs_code', $ids, 'The customs code is off by default.' );
		$memo = $this->wc_fields()->get_additional_fields()['korea-checkout/delivery_memo'];
		$this->assertSame( 'select', $memo['type'] );
		$this->assertSame( 'order', $memo['location'] );
	}

	public function test_customs_code_appears_when_the_store_turns_it_on(): void {
		$this->set_plugin_settings( array( 'customs_code' => true ) );
		$fields = Fields::definitions();
		$this->assertArrayHasKey( 'customs_code', $fields );
		$this->assertTrue( $fields['customs_code']['required'] );

		$result = Fields::check( $fields['customs_code'], 'P12345' );
		$this->assertWPError( $result );
		$this->assertSame( 'The personal customs clearance code is the letter P followed by 12 digits, e.g. P123456789012.', $result->get_error_message() );
		$this->assertSame( 'P123456789012', Fields::check( $fields['customs_code'], 'p123456789012' ) );
	}

	public function test_a_theme_copying_the_services_example_gets_a_working_field_in_the_store_api(): void {
		$this->add_theme_fields(
			array(
				'custom_field' => array(
					'type'     => 'text',
					'label'    => 'Custom Field',
					'required' => false,
				),
			)
		);
		$this->assertArrayHasKey( 'korea-checkout/custom_field', $this->wc_fields()->get_additional_fields() );

		$response = $this->store_api_checkout(
			array(
				'additional_fields' => array(
					'korea-checkout/custom_field'  => 'Hello from the theme',
					'korea-checkout/delivery_memo' => 'door',
				),
			)
		);

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $this->rest_data( $response ) ) );
		$order = wc_get_order( $this->rest_data( $response )['order_id'] );
		$this->assertSame( 'Hello from the theme', Fields::value( $order, Fields::definitions()['custom_field'] ) );
		$this->assertSame( 'door', $order->get_meta( '_wc_other/korea-checkout/delivery_memo' ) );
		$this->assertSame(
			array(
				'field_delivery_memo' => 'door',
				'field_custom_field'  => 'Hello from the theme',
			),
			Fields::session_metadata( $order )
		);
	}

	public function test_the_store_api_rejects_a_bad_value_with_the_fields_message(): void {
		$this->add_theme_fields(
			array(
				'member_no' => array(
					'type'    => 'text',
					'label'   => 'Membership number',
					'pattern' => '[0-9]{6}',
				),
			)
		);

		$response = $this->store_api_checkout( array( 'additional_fields' => array( 'korea-checkout/member_no' => '12ab' ) ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertStringContainsString( 'Membership number is not in the expected format.', (string) wp_json_encode( $this->rest_data( $response ), JSON_UNESCAPED_UNICODE ) );
	}

	public function test_the_store_api_rejects_a_select_value_that_is_not_offered(): void {
		$response = $this->store_api_checkout( array( 'additional_fields' => array( 'korea-checkout/delivery_memo' => 'throw it over the fence' ) ) );
		$this->assertSame( 400, $response->get_status() );
	}

	public function test_textareas_travel_as_extension_data_and_are_checked_and_saved(): void {
		add_filter(
			'korea_checkout_fields',
			static function ( $fields ) {
				$fields['gift_message'] = array(
					'type'     => 'textarea',
					'label'    => 'Gift message',
					'required' => true,
				);
				return $fields;
			}
		);

		$missing = $this->store_api_checkout( array() );
		$this->assertSame( 400, $missing->get_status() );
		$this->assertSame( 'Gift message is a required field.', $this->rest_data( $missing )['message'] );

		$response = $this->store_api_checkout( array( 'extensions' => array( 'korea-checkout' => array( 'fields' => array( 'gift_message' => "생일 축하해\n사랑해" ) ) ) ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $this->rest_data( $response ) ) );
		$order = wc_get_order( $this->rest_data( $response )['order_id'] );
		$this->assertSame( "생일 축하해\n사랑해", $order->get_meta( '_korea_checkout_field_gift_message' ) );
		$this->assertSame( "생일 축하해\n사랑해", Fields::session_metadata( $order )['field_gift_message'] );
	}

	public function test_classic_checkout_shows_checks_and_saves_the_same_fields(): void {
		add_filter(
			'korea_checkout_fields',
			static function ( $fields ) {
				$fields['custom_field'] = array(
					'type'     => 'text',
					'label'    => 'Custom Field',
					'required' => false,
				);
				return $fields;
			}
		);
		$form = WC()->checkout()->get_checkout_fields();
		$this->assertSame( 'select', $form['order']['korea_checkout_field_delivery_memo']['type'] );
		$this->assertArrayHasKey( '', $form['order']['korea_checkout_field_delivery_memo']['options'], 'A select starts with an empty choice.' );
		$this->assertSame( 'Custom Field', $form['order']['korea_checkout_field_custom_field']['label'] );

		$errors = new \WP_Error();
		$data   = array(
			'payment_method'                     => 'cod',
			'korea_checkout_field_delivery_memo' => 'on the roof',
			'korea_checkout_field_custom_field'  => '',
		);
		( new ClassicFields() )->validate( $data, $errors );
		$this->assertSame( array( 'Please choose one of the offered options for Delivery request.' ), $errors->get_error_messages() );

		$order = $this->create_order( array( 'payment_method' => 'cod' ) );
		$_POST = array( 'korea_checkout_field_delivery_memo_note' => "Door code\n1234" );
		do_action(
			'woocommerce_checkout_create_order',
			$order,
			array(
				'payment_method'                     => 'cod',
				'korea_checkout_field_delivery_memo' => 'security',
				'korea_checkout_field_custom_field'  => 'Classic hello',
			)
		);
		$order->save();
		$order = wc_get_order( $order->get_id() );

		$this->assertSame( 'security', $order->get_meta( '_wc_other/korea-checkout/delivery_memo' ) );
		$this->assertSame( 'Door code 1234', $order->get_meta( '_wc_other/korea-checkout/delivery_memo_note' ), 'A one-line field keeps one line.' );
		$this->assertSame( 'Classic hello', Fields::value( $order, Fields::definitions()['custom_field'] ) );
	}

	public function test_values_show_on_the_order_received_page_the_order_screen_and_in_emails(): void {
		add_filter(
			'korea_checkout_fields',
			static function ( $fields ) {
				$fields['gift_message'] = array(
					'type'  => 'textarea',
					'label' => 'Gift message',
				);
				return $fields;
			}
		);
		$order       = $this->create_order( array( 'payment_method' => 'korea_checkout' ) );
		$definitions = Fields::definitions();
		Fields::save_value( $order, $definitions['delivery_memo'], 'door' );
		Fields::save_value( $order, $definitions['gift_message'], "축하해 <b>!</b>\n친구" );
		$order->update_meta_data( '_korea_checkout_method', 'kakao_pay' );
		$order->save();

		ob_start();
		do_action( 'woocommerce_order_details_after_customer_details', $order );
		$received = (string) ob_get_clean();
		$this->assertStringContainsString( 'KakaoPay', $received );
		$this->assertStringContainsString( '<dt>Delivery request</dt><dd>Please leave it at the door</dd>', $received, 'A classic order shows every field.' );
		$this->assertStringContainsString( '축하해 &lt;b&gt;!&lt;/b&gt;<br />', $received, 'Textareas are escaped and keep their line breaks.' );

		ob_start();
		do_action( 'woocommerce_admin_order_data_after_billing_address', $order );
		$admin = (string) ob_get_clean();
		$this->assertStringContainsString( 'Chosen payment method', $admin );
		$this->assertStringContainsString( 'Gift message', $admin );

		$rows = apply_filters( 'woocommerce_email_order_meta_fields', array(), false, $order );
		$this->assertContains(
			array(
				'label' => 'Delivery request',
				'value' => 'Please leave it at the door',
			),
			array_values( $rows )
		);
		$this->assertContains(
			array(
				'label' => 'Gift message',
				'value' => "축하해 <b>!</b>\n친구",
			),
			array_values( $rows ),
			'WooCommerce escapes these rows when it prints them.'
		);
	}

	public function test_block_orders_leave_the_native_fields_to_woocommerce_and_show_no_duplicates(): void {
		$order = $this->create_order();
		$order->set_created_via( 'store-api' );
		Fields::save_value( $order, Fields::definitions()['delivery_memo'], 'parcel_box' );
		$order->save();

		$shown = $this->wc_fields()->get_order_additional_fields_with_values( $order, 'order', 'other', 'view' );
		$this->assertSame( 'Please leave it in the parcel locker', $shown['korea-checkout/delivery_memo']['value'] );

		ob_start();
		do_action( 'woocommerce_order_details_after_customer_details', $order );
		$this->assertSame( 1, substr_count( (string) ob_get_clean(), 'parcel locker' ), 'WooCommerce shows it, and only WooCommerce.' );
		$rows = apply_filters( 'woocommerce_email_order_meta_fields', array(), false, $order );
		$this->assertNotContains( 'Delivery request', array_column( array_values( $rows ), 'label' ) );
	}

	public function test_broken_theme_definitions_are_left_out_and_reported_to_developers(): void {
		add_filter(
			'korea_checkout_fields',
			static function ( $fields ) {
				$fields['no_label'] = array( 'type' => 'text' );
				$fields['bad type'] = array(
					'type'  => 'date',
					'label' => 'When',
				);
				return $fields;
			}
		);
		$fields = Fields::definitions();
		$this->assertArrayNotHasKey( 'no_label', $fields );
		$this->assertArrayHasKey( 'delivery_memo', $fields );
		$reported = html_entity_decode( implode( "\n", $this->wordpress_warnings ), ENT_QUOTES );
		$this->assertStringContainsString( 'Field "no_label": a label is required.', $reported );
		$this->assertStringContainsString( 'the key must use only letters', $reported );
		$this->wordpress_warnings = array();
	}

	/**
	 * Asserts a WP_Error.
	 *
	 * @param mixed $actual Value.
	 */
	private function assertWPError( $actual ): void {
		$this->assertInstanceOf( \WP_Error::class, $actual );
	}
}
