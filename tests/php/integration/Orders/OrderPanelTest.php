<?php
/**
 * The order screen's Korea Checkout box and its "check status now" action.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Orders;

use KoreaCheckout\Orders\OrderPanel;
use KoreaCheckout\Tests\Integration\Admin\AdminUsers;
use KoreaCheckout\Tests\Integration\TestCase;
use KoreaCheckout\Tests\Integration\WpDieException;

require_once __DIR__ . '/../Admin/AdminUsers.php';

/**
 * The box is rendered as WordPress would, and the action is called as admin-post.php would call it.
 */
final class OrderPanelTest extends TestCase {
	use AdminUsers;

	/**
	 * A paid-looking order with virtual-account details that try to inject markup.
	 */
	private function order(): \WC_Order {
		return $this->create_order(
			array(
				'status' => 'on-hold',
				'meta'   => array(
					'_korea_checkout_session_id'      => 'cs_panel_1',
					'_korea_checkout_session_status'  => 'processing',
					'_korea_checkout_paid_method'     => 'virtual_account',
					'_korea_checkout_gateway'         => 'kcp',
					'_korea_checkout_virtual_account' => array(
						'bankName'      => '신한은행',
						'accountNumber' => '110-222-333444',
						'accountHolder' => '<script>alert(1)</script>Shop',
						'dueDate'       => '2026-11-30',
					),
				),
			)
		);
	}

	/**
	 * Calls the action; returns where it redirected to.
	 *
	 * @param OrderPanel $panel Panel.
	 */
	private static function call_check( OrderPanel $panel ): string {
		add_filter(
			'wp_redirect',
			static function ( $location ) {
				throw new \RuntimeException( 'redirect:' . $location );
			}
		);
		try {
			$panel->check_status();
		} catch ( \RuntimeException $e ) {
			if ( str_starts_with( $e->getMessage(), 'redirect:' ) ) {
				return substr( $e->getMessage(), 9 );
			}
			throw $e;
		}
		return '';
	}

	public function test_the_box_is_added_on_the_order_screen_for_this_gateway_only(): void {
		global $wp_meta_boxes;
		// What wp-admin loads before `add_meta_boxes` fires.
		require_once ABSPATH . 'wp-admin/includes/template.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		require_once WC_ABSPATH . 'includes/admin/wc-admin-functions.php';
		wp_set_current_user( self::user_with_role( 'shop_manager' ) );
		$screen = wc_get_page_screen_id( 'shop-order' );
		$panel  = new OrderPanel();

		$panel->add( $screen, $this->create_order( array( 'payment_method' => 'cod' ) ) );
		$this->assertEmpty( $wp_meta_boxes[ $screen ]['side']['default']['korea-checkout-payment'] ?? null );

		$panel->add( $screen, $this->order() );
		$this->assertSame( 'Korea Checkout', $wp_meta_boxes[ $screen ]['side']['default']['korea-checkout-payment']['title'] ?? null );
	}

	public function test_the_box_shows_the_payment_escaped(): void {
		wp_set_current_user( self::user_with_role( 'shop_manager' ) );
		$order = $this->order();
		ob_start();
		( new OrderPanel() )->render( $order );
		$html = (string) ob_get_clean();

		$this->assertStringContainsString( 'cs_panel_1', $html );
		$this->assertStringContainsString( 'Virtual account', $html );
		$this->assertStringContainsString( '신한은행 110-222-333444', $html );
		$this->assertStringContainsString( 'kcp', $html );
		$this->assertStringNotContainsString( '<script>', $html );
		$this->assertStringContainsString( '&lt;script&gt;', $html );
		$this->assertStringContainsString( 'Check status now', $html );
		$this->assertStringContainsString( '_wpnonce=', $html );
	}

	public function test_refunds_are_listed_in_won_without_decimals_whatever_the_price_settings(): void {
		wp_set_current_user( self::user_with_role( 'shop_manager' ) );
		update_option( 'woocommerce_price_num_decimals', 2 );
		$order = $this->order();
		wc_create_refund(
			array(
				'order_id' => $order->get_id(),
				'amount'   => '5000',
				'reason'   => 'Size',
			)
		);
		ob_start();
		( new OrderPanel() )->render( wc_get_order( $order->get_id() ) );
		$html = (string) ob_get_clean();
		update_option( 'woocommerce_price_num_decimals', 0 );

		$this->assertStringContainsString( '5,000', $html );
		$this->assertStringNotContainsString( '5,000.00', $html, 'KRW has no decimals anywhere' );
		$this->assertStringContainsString( 'not sent through Korea Checkout', $html );
	}

	public function test_the_button_is_hidden_from_users_who_cannot_edit_orders(): void {
		wp_set_current_user( self::user_with_role( 'customer' ) );
		ob_start();
		( new OrderPanel() )->render( $this->order() );
		$this->assertStringNotContainsString( 'Check status now', (string) ob_get_clean() );
	}

	public function test_the_check_refuses_a_missing_nonce_and_a_user_without_the_capability(): void {
		$order                = $this->order();
		$_GET['order_id']     = (string) $order->get_id();
		$_REQUEST['order_id'] = (string) $order->get_id();
		wp_set_current_user( self::user_with_role( 'shop_manager' ) );
		try {
			self::call_check( new OrderPanel() );
			$this->fail( 'a request without a nonce must die' );
		} catch ( WpDieException $e ) {
			$this->assertSame( 403, $e->getCode() );
		}

		wp_set_current_user( self::user_with_role( 'customer' ) );
		$_REQUEST['_wpnonce'] = wp_create_nonce( OrderPanel::ACTION . '_' . $order->get_id() );
		try {
			self::call_check( new OrderPanel() );
			$this->fail( 'a customer must not update orders' );
		} catch ( WpDieException $e ) {
			$this->assertSame( 403, $e->getCode() );
		}
	}

	public function test_the_check_asks_the_api_and_applies_what_it_says(): void {
		$this->sandbox();
		wp_set_current_user( self::user_with_role( 'shop_manager' ) );
		$order  = $this->create_order();
		$result = WC()->payment_gateways()->payment_gateways()['korea_checkout']->process_payment( $order->get_id() );
		$sid    = basename( (string) wp_parse_url( $result['redirect'], PHP_URL_PATH ) );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$sid}/pay", array( 'method' => 'card' ) );

		$_GET['order_id']     = (string) $order->get_id();
		$_REQUEST['_wpnonce'] = wp_create_nonce( OrderPanel::ACTION . '_' . $order->get_id() );
		$location             = self::call_check( new OrderPanel() );

		$this->assertStringContainsString( OrderPanel::RESULT_ARG . '=ok%3Apay', $location );
		wp_cache_flush();
		$this->assertSame( 'processing', wc_get_order( $order->get_id() )->get_status() );
		$notes = wp_list_pluck( wc_get_order_notes( array( 'order_id' => $order->get_id() ) ), 'content' );
		$this->assertNotEmpty( array_filter( $notes, static fn( $note ) => str_contains( $note, 'confirmed by admin' ) ) );
	}
}
