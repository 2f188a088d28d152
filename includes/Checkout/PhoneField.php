<?php
/**
 * The phone field of Korean addresses in both checkouts.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

use KoreaCheckout\Assets;

defined( 'ABSPATH' ) || exit;

/**
 * A Korean address needs a Korean phone number (PhoneNumber says which are); addresses in other countries keep
 * WooCommerce's own check. The rule runs where WooCommerce checks every phone (`woocommerce_validate_phone`:
 * the Store API, the classic checkout, My Account), the classic checkout shows our sentence instead of
 * WooCommerce's general one, and the block checkout's script (`build/korean-phone.js`) shows it beside the
 * field before the order is placed. An accepted Korean number is kept in one form, `010-1234-5678`, however it
 * was typed.
 */
final class PhoneField {

	/**
	 * The address groups that have a phone field in the classic checkout.
	 */
	private const GROUPS = array( 'billing', 'shipping' );

	/**
	 * Adds the hooks.
	 */
	public function register(): void {
		add_filter( 'woocommerce_validate_phone', array( $this, 'validate' ), 10, 3 );
		add_action( 'woocommerce_after_checkout_validation', array( $this, 'reword_classic_error' ), 20, 2 );
		add_action( 'woocommerce_blocks_checkout_enqueue_data', array( $this, 'enqueue_block' ) );
		add_filter( 'woocommerce_checkout_posted_data', array( $this, 'tidy_classic' ) );
		add_action( 'woocommerce_store_api_checkout_update_order_from_request', array( $this, 'tidy_order' ) );
	}

	/**
	 * The number an order keeps for a Korean address: as Koreans write it (`010-1234-5678`), whatever the shopper
	 * typed (`０１０－１２３４－５６７８` from a Korean input method, `+82 10 1234 5678`), so that couriers, text
	 * messages and searches in the orders list see one form. Anything else is kept as typed (the check refuses it).
	 *
	 * @param string $phone   What the shopper typed.
	 * @param string $country The address's country.
	 */
	public static function tidy( string $phone, string $country ): string {
		$number = 'KR' === strtoupper( $country ) ? PhoneNumber::parse( $phone ) : null;
		return null === $number ? $phone : $number->national();
	}

	/**
	 * Classic checkout: tidies the posted numbers before WooCommerce checks and saves them.
	 *
	 * @param mixed $data Posted checkout data.
	 * @return mixed The data.
	 */
	public function tidy_classic( $data ) {
		if ( ! is_array( $data ) ) {
			return $data;
		}
		foreach ( self::GROUPS as $group ) {
			$key = $group . '_phone';
			if ( isset( $data[ $key ] ) && is_string( $data[ $key ] ) ) {
				$data[ $key ] = self::tidy( $data[ $key ], self::posted( $data, $group . '_country' ) );
			}
		}
		return $data;
	}

	/**
	 * Block checkout: tidies the order's numbers before the Store API saves the order it is placing.
	 *
	 * @param mixed $order The order.
	 */
	public function tidy_order( $order ): void {
		if ( ! $order instanceof \WC_Order ) {
			return;
		}
		$order->set_billing_phone( self::tidy( $order->get_billing_phone(), $order->get_billing_country() ) );
		$order->set_shipping_phone( self::tidy( $order->get_shipping_phone(), $order->get_shipping_country() ) );
	}

	/**
	 * The sentence shown next to the field (also in src/korean-phone/message.ts).
	 */
	public static function message(): string {
		return __( 'Please enter a Korean phone number, such as 010-1234-5678 or 02-123-4567.', 'korea-checkout' );
	}

	/**
	 * WooCommerce's phone check, replaced by the Korean one for Korean addresses.
	 *
	 * @param mixed       $valid   WooCommerce's verdict.
	 * @param mixed       $phone   The number.
	 * @param string|null $country The address's country, when known.
	 * @return mixed The verdict.
	 */
	public function validate( $valid, $phone, $country = null ) {
		if ( ! is_string( $country ) || 'KR' !== strtoupper( $country ) || ! is_string( $phone ) ) {
			return $valid;
		}
		// Ours decides alone for Korea: it is stricter than WooCommerce's character check, and it also takes the
		// full-width digits and dashes a Korean input method types, which that check refuses.
		return PhoneNumber::is_acceptable( $phone, $country );
	}

	/**
	 * Classic checkout: puts our sentence in place of WooCommerce's "… is not a valid phone number." for a Korean
	 * address, with the field's id so that the checkout shows it under the field.
	 *
	 * @param array<string, mixed> $data   Posted checkout data.
	 * @param \WP_Error            $errors Errors shown to the shopper.
	 */
	public function reword_classic_error( $data, $errors ): void {
		if ( ! is_array( $data ) || ! $errors instanceof \WP_Error ) {
			return;
		}
		foreach ( self::GROUPS as $group ) {
			$key     = $group . '_phone';
			$phone   = self::posted( $data, $key );
			$country = self::posted( $data, $group . '_country' );
			if ( '' === $phone || 'KR' !== $country || PhoneNumber::is_acceptable( $phone, $country ) ) {
				continue;
			}
			$errors->remove( $key . '_validation' );
			$errors->add( $key . '_validation', self::message(), array( 'id' => $key ) );
		}
	}

	/**
	 * A text field of the posted checkout data, '' when it is missing or not text.
	 *
	 * @param array<string, mixed> $data Posted checkout data.
	 * @param string               $key  Field key (`billing_phone`, `shipping_country`, …).
	 */
	private static function posted( array $data, string $key ): string {
		return isset( $data[ $key ] ) && is_string( $data[ $key ] ) ? $data[ $key ] : '';
	}

	/**
	 * Block checkout: loads the script that shows the sentence beside the field (fires only where the block
	 * renders).
	 */
	public function enqueue_block(): void {
		// It reads the addresses from wc/store/cart and writes to wc/store/validation.
		Assets::enqueue_script( 'korean-phone', array( 'wc-blocks-data-store' ) );
	}
}
