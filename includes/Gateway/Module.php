<?php
/**
 * The Gateway module's entry point.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the payment gateway and its block checkout payment method, the shopper's return, the order-status
 * route, refund bookkeeping and the virtual-account and order-status displays. Order states are the Orders module's; webhooks the Webhook module's.
 */
final class Module {

	/**
	 * Adds this module's hooks.
	 */
	public function register(): void {
		add_filter( 'woocommerce_payment_gateways', array( $this, 'add_gateway' ) );
		add_action( 'woocommerce_api_' . ReturnHandler::ENDPOINT, array( $this, 'handle_return' ) );
		add_action( 'rest_api_init', array( StatusRoute::class, 'register' ) );
		add_action( 'woocommerce_create_refund', array( RefundProcessor::class, 'remember_refund' ) );
		add_action( 'woocommerce_order_details_before_order_table', array( VirtualAccountView::class, 'render_page' ) );
		add_action( 'woocommerce_order_details_before_order_table', array( OrderStatusView::class, 'render' ) );
		add_action( 'woocommerce_email_before_order_table', array( VirtualAccountView::class, 'render_email' ), 10, 3 );
		add_action( 'woocommerce_blocks_payment_method_type_registration', array( $this, 'register_payment_method_type' ) );
		add_action( 'woocommerce_blocks_checkout_enqueue_data', array( BlockPaymentMethod::class, 'enqueue_style' ) );
	}

	/**
	 * Registers our payment method with the Checkout block.
	 *
	 * @param \Automattic\WooCommerce\Blocks\Payments\PaymentMethodRegistry $registry The registry.
	 */
	public function register_payment_method_type( $registry ): void {
		$registry->register( new BlockPaymentMethod() );
	}

	/**
	 * Adds the gateway to WooCommerce's list.
	 *
	 * @param array<int, string|object> $gateways Gateway classes or instances.
	 * @return array<int, string|object>
	 */
	public function add_gateway( $gateways ): array {
		$gateways   = is_array( $gateways ) ? $gateways : array();
		$gateways[] = Gateway::class;
		return $gateways;
	}

	/**
	 * Handles the shopper's return from the hosted page.
	 */
	public function handle_return(): void {
		( new ReturnHandler() )->handle();
	}
}
