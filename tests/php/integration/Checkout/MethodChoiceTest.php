<?php
/**
 * The payment-method choice checked and stored on real orders, before the gateway runs.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Checkout;

use Automattic\WooCommerce\StoreApi\Payments\PaymentContext;
use Automattic\WooCommerce\StoreApi\Payments\PaymentResult;
use KoreaCheckout\Gateway\BlockPaymentMethod;
use KoreaCheckout\Checkout\MethodChoice;
use KoreaCheckout\Tests\Integration\TestCase;

/**
 * @covers \KoreaCheckout\Checkout\MethodChoice
 * @covers \KoreaCheckout\Gateway\BlockPaymentMethod
 */
final class MethodChoiceTest extends TestCase {

	public function test_block_choice_is_stored_before_the_gateway_runs(): void {
		$this->set_plugin_settings( array( 'enabled_methods' => array( 'kakao_pay', 'card' ) ) );
		$order       = $this->create_order();
		$seen_by_999 = null;
		// WooCommerce's own handler calls process_payment() at 999; at that point the meta must be there.
		add_action(
			'woocommerce_rest_checkout_process_payment_with_context',
			static function ( PaymentContext $context ) use ( &$seen_by_999 ) {
				$seen_by_999 = wc_get_order( $context->order->get_id() )->get_meta( '_korea_checkout_method' );
				throw new \Exception( 'stop before the real gateway' );
			},
			998
		);
		$result = new PaymentResult();
		try {
			do_action_ref_array( 'woocommerce_rest_checkout_process_payment_with_context', array( $this->payment_context( $order, array( 'korea_checkout_method' => 'kakao_pay' ) ), &$result ) );
		} catch ( \Exception $e ) {
			$this->assertSame( 'stop before the real gateway', $e->getMessage() );
		}
		$this->assertSame( 'kakao_pay', $seen_by_999 );
	}

	public function test_block_choice_that_the_store_did_not_enable_is_refused(): void {
		$this->set_plugin_settings( array( 'enabled_methods' => array( 'card' ) ) );
		$order = $this->create_order();
		$this->expectExceptionMessage( 'The chosen payment method is not available in this store. Please choose another one.' );
		( new MethodChoice() )->save_block( $this->payment_context( $order, array( 'korea_checkout_method' => 'naver_pay' ) ) );
	}

	public function test_no_choice_lets_the_hosted_page_offer_every_method_and_other_gateways_are_ignored(): void {
		$order = $this->create_order();
		( new MethodChoice() )->save_block( $this->payment_context( $order, array() ) );
		$this->assertSame( '', wc_get_order( $order->get_id() )->get_meta( '_korea_checkout_method' ) );

		$cod = $this->create_order( array( 'payment_method' => 'cod' ) );
		( new MethodChoice() )->save_block( $this->payment_context( $cod, array( 'korea_checkout_method' => 'bitcoin' ), 'cod' ) );
		$this->assertSame( '', wc_get_order( $cod->get_id() )->get_meta( '_korea_checkout_method' ) );
	}

	public function test_the_pay_for_order_form_stores_a_new_choice_and_refuses_one_not_offered(): void {
		$this->set_plugin_settings( array( 'enabled_methods' => array( 'card', 'naver_pay' ) ) );
		$order = $this->create_order( array( 'meta' => array( '_korea_checkout_method' => 'card' ) ) );
		wc_clear_notices();

		// My Account → Pay: WooCommerce checks the pay nonce, then fires this before it calls the gateway.
		$_POST = array(
			'payment_method'        => 'korea_checkout',
			'korea_checkout_method' => 'naver_pay',
		);
		do_action( 'woocommerce_before_pay_action', $order );
		wp_cache_flush();
		$this->assertSame( 'naver_pay', wc_get_order( $order->get_id() )->get_meta( '_korea_checkout_method' ) );
		$this->assertSame( 0, wc_notice_count( 'error' ) );

		$_POST['korea_checkout_method'] = 'samsung_pay';
		do_action( 'woocommerce_before_pay_action', wc_get_order( $order->get_id() ) );
		$this->assertSame( 1, wc_notice_count( 'error' ), 'an error notice keeps WooCommerce from taking the payment' );
		wp_cache_flush();
		$this->assertSame( 'naver_pay', wc_get_order( $order->get_id() )->get_meta( '_korea_checkout_method' ) );
		wc_clear_notices();

		$_POST = array(
			'payment_method'        => 'cod',
			'korea_checkout_method' => 'samsung_pay',
		);
		do_action( 'woocommerce_before_pay_action', wc_get_order( $order->get_id() ) );
		$this->assertSame( 0, wc_notice_count( 'error' ), 'another gateway is not ours to check' );
		$_POST = array();
	}

	public function test_classic_choice_is_validated_and_saved_on_the_new_order(): void {
		$this->set_plugin_settings( array( 'enabled_methods' => array( 'card', 'toss_pay' ) ) );
		$choice = new MethodChoice();
		$data   = array( 'payment_method' => 'korea_checkout' );

		$_POST  = array( 'korea_checkout_method' => 'samsung_pay' );
		$errors = new \WP_Error();
		$choice->validate_classic( $data, $errors );
		$this->assertSame( array( 'The chosen payment method is not available in this store. Please choose another one.' ), $errors->get_error_messages() );

		$_POST  = array( 'korea_checkout_method' => 'toss_pay' );
		$errors = new \WP_Error();
		$choice->validate_classic( $data, $errors );
		$this->assertFalse( $errors->has_errors() );
		$order = $this->create_order();
		$choice->save_classic( $order, $data );
		$order->save();
		$this->assertSame( 'toss_pay', wc_get_order( $order->get_id() )->get_meta( '_korea_checkout_method' ) );
	}

	public function test_classic_radio_group_lists_the_enabled_methods_and_keeps_the_choice_across_updates(): void {
		$this->set_plugin_settings( array( 'enabled_methods' => array( 'naver_pay', 'card' ) ) );
		$_POST = array(
			'post_data' => http_build_query(
				array(
					'korea_checkout_method' => 'card',
					'billing_first_name'    => 'Jiwoo',
				)
			),
		);
		ob_start();
		do_action( 'korea_checkout_classic_payment_fields', null );
		$html = (string) ob_get_clean();

		$this->assertStringContainsString( '<legend class="korea-checkout-methods__legend">Choose how to pay</legend>', $html );
		$this->assertSame( 2, substr_count( $html, 'type="radio"' ) );
		$this->assertLessThan( strpos( $html, 'value="card"' ), strpos( $html, 'value="naver_pay"' ), 'The store\'s order is kept.' );
		$this->assertMatchesRegularExpression( '/value="card"\s+checked/', $html );
		$this->assertStringContainsString( 'lang="ko">네이버페이<', $html );
	}

	public function test_the_pay_for_order_page_selects_the_method_kept_on_the_order_only_for_its_key(): void {
		$this->set_plugin_settings( array( 'enabled_methods' => array( 'card', 'naver_pay' ) ) );
		$order = $this->create_order( array( 'meta' => array( '_korea_checkout_method' => 'naver_pay' ) ) );
		$_POST = array();
		$radio = static function (): string {
			ob_start();
			do_action( 'korea_checkout_classic_payment_fields', null );
			return (string) ob_get_clean();
		};

		// The pay page's endpoint, as WordPress parses /checkout/order-pay/<id>/ into the main query.
		set_query_var( 'order-pay', (string) $order->get_id() );
		$_GET['key'] = $order->get_order_key();
		$html        = $radio();
		$this->assertMatchesRegularExpression( '/value="naver_pay"\s+checked/', $html, 'the method chosen at checkout' );
		$this->assertDoesNotMatchRegularExpression( '/value="card"\s+checked/', $html );

		$_GET['key'] = 'wc_order_somebodyelse';
		$html        = $radio();
		$this->assertMatchesRegularExpression( '/value="card"\s+checked/', $html, 'a wrong key learns nothing: the first method' );

		set_query_var( 'order-pay', '' );
	}

	public function test_block_payment_method_data_holds_nothing_secret(): void {
		$this->set_plugin_settings(
			array(
				'enabled_methods' => array( 'kakao_pay' ),
				'api_key'         => 'sk_test_secret_value_123',
				'webhook_secret'  => 'whsec_secret_value_456',
			)
		);
		$type = new BlockPaymentMethod();
		$type->initialize();
		$data = $type->get_payment_method_data();
		$json = (string) wp_json_encode( $data );

		$this->assertSame( array( 'kakao_pay' ), array_column( $data['methods'], 'id' ) );
		$this->assertStringStartsWith( 'data:image/svg+xml,%3Csvg', $data['methods'][0]['icon'] );
		$svg = rawurldecode( substr( $data['methods'][0]['icon'], strlen( 'data:image/svg+xml,' ) ) );
		$this->assertStringContainsString( "fill='#fee500'", $svg, 'a valid SVG once decoded' );
		$this->assertStringEndsWith( '>kakao</text></svg>', $svg );
		$this->assertDoesNotMatchRegularExpression( '/[<>#" ]/', $data['methods'][0]['icon'], 'nothing left to escape' );
		$this->assertSame( 'https://t1.daumcdn.net/mapjsapi/bundle/postcode/prod/postcode.v2.js', $data['postcodeUrl'] );
		$this->assertStringNotContainsString( 'sk_test_', $json );
		$this->assertStringNotContainsString( 'whsec_', $json );

		// A self-hosted copy on the store's own origin, whatever port the test store runs on.
		$self_hosted = home_url( '/postcode.js' );
		add_filter( 'korea_checkout_postcode_script_url', static fn() => $self_hosted );
		$this->assertSame( $self_hosted, $type->get_payment_method_data()['postcodeUrl'] );
		add_filter( 'korea_checkout_postcode_script_url', static fn() => 'javascript:alert(1)' );
		$this->assertSame( 'https://t1.daumcdn.net/mapjsapi/bundle/postcode/prod/postcode.v2.js', $type->get_payment_method_data()['postcodeUrl'] );
	}
}
