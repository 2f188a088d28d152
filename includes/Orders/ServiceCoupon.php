<?php
/**
 * A coupon the service applied to a session, written onto the order it paid.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

use KoreaCheckout\Api\Money;

defined( 'ABSPATH' ) || exit;

/**
 * The service's own coupons (`POST /api/coupons/apply`) lower what the shopper pays on the hosted page, so the
 * session's `totalAmount` is below the order's total. Transition accepts such a payment only when the session's
 * `coupon.originalAmount` is the order total and `totalAmount` is that total less `coupon.amount`. The order then
 * records the discount as a negative fee named after the coupon code, so that its total is what was paid and a
 * refund works from that, plus a note and the coupon itself in OrderMeta::COUPON.
 */
final class ServiceCoupon {

	/**
	 * The discount a session's coupon explains, in minor units, or null when it explains nothing.
	 *
	 * @param array<string, mixed> $session     The session.
	 * @param int                  $total_minor The order total in minor units.
	 * @param string               $currency    The currency.
	 */
	public static function discount( array $session, int $total_minor, string $currency ): ?int {
		$coupon = $session['coupon'] ?? null;
		if ( ! is_array( $coupon ) ) {
			return null;
		}
		$original = Transition::minor( $coupon['originalAmount'] ?? null, $currency );
		$discount = Transition::minor( $coupon['amount'] ?? null, $currency );
		$paid     = Transition::minor( $session['totalAmount'] ?? null, $currency );
		if ( null === $original || null === $discount || null === $paid ) {
			return null;
		}
		if ( $original !== $total_minor || $discount <= 0 || $paid < 0 || $paid !== $original - $discount ) {
			return null;
		}
		return $discount;
	}

	/**
	 * Adds the discount to a fresh order about to be marked paid (saved with it).
	 *
	 * @param \WC_Order            $order    The order, under its lock.
	 * @param array<string, mixed> $session  The paying session.
	 * @param int                  $discount Minor units.
	 */
	public static function apply( \WC_Order $order, array $session, int $discount ): void {
		$coupon   = is_array( $session['coupon'] ?? null ) ? $session['coupon'] : array();
		$code     = sanitize_text_field( (string) ( $coupon['code'] ?? '' ) );
		$currency = $order->get_currency();
		$amount   = Money::to_decimal_string( -$discount, $currency );
		$original = Money::to_minor( (string) $order->get_total( 'edit' ), $currency );

		$fee = new \WC_Order_Item_Fee();
		/* translators: %s: the coupon code used on the Korea Checkout payment page */
		$fee->set_name( sprintf( __( 'Korea Checkout coupon %s', 'korea-checkout' ), $code ) );
		$fee->set_amount( $amount );
		$fee->set_total( $amount );
		$fee->set_tax_status( 'none' );
		$order->add_item( $fee );
		// Only the fee is added: the other lines and their taxes stay as the shopper saw them.
		$order->set_total( Money::to_decimal_string( $original - $discount, $currency ) );

		$order->update_meta_data(
			OrderMeta::COUPON,
			array(
				'code'           => $code,
				'type'           => sanitize_key( (string) ( $coupon['type'] ?? '' ) ),
				'value'          => is_numeric( $coupon['value'] ?? null ) ? $coupon['value'] + 0 : 0,
				'amount'         => $discount,
				'originalAmount' => $original,
			)
		);
		$order->add_order_note(
			sprintf(
				/* translators: 1: coupon code, 2: the discount with its currency */
				__( 'The shopper used the Korea Checkout coupon %1$s on the payment page: %2$s off. The order total now matches what was paid.', 'korea-checkout' ),
				$code,
				Money::as_text( $discount, $currency )
			)
		);
	}
}
