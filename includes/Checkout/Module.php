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
 * phone numbers and postcode search, the payment-method choice, the `korea_checkout_fields` fields, and the
 * shopper's language (kept on the order, used for the hosted page and the emails). The block checkout's payment
 * method itself is the Gateway module's.
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
	}
}
