<?php
/**
 * The Checkout module's entry point.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

defined( 'ABSPATH' ) || exit;

/**
 * The shopper's side of the checkout in both the block and the classic checkout: Korean address format,
 * phone numbers and postcode search, the payment-method choice, the `korea_checkout_fields` fields, the block
 * payment method, and the shopper's language (kept on the order, used for the hosted page and the emails).
 * Theming (`korea_checkout_css_vars`) lives in Theme\CssVars and is applied through Assets.
 */
final class Module {

	/**
	 * Adds this module's hooks.
	 */
	public function register(): void {
		( new AddressFormat() )->register();
		( new AddressSearch() )->register();
		( new BlockFields() )->register();
		( new ClassicFields() )->register();
		( new MethodChoice() )->register();
		( new OrderDisplay() )->register();
		( new PhoneField() )->register();
		( new ShopperLanguage() )->register();
		( new ShopperEmails() )->register();
		add_action( 'woocommerce_blocks_payment_method_type_registration', array( $this, 'register_payment_method_type' ) );
	}

	/**
	 * Registers our payment method with the Checkout block.
	 *
	 * @param \Automattic\WooCommerce\Blocks\Payments\PaymentMethodRegistry $registry The registry.
	 */
	public function register_payment_method_type( $registry ): void {
		$registry->register( new BlockPaymentMethod() );
	}
}
