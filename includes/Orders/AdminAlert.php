<?php
/**
 * Emails the store's administrator about a payment that needs a person.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

defined( 'ABSPATH' ) || exit;

/**
 * Used when a session's amount or currency does not match its order, or when an order was paid twice. The mail
 * names the order and links to it; it carries no customer data beyond the order number.
 */
final class AdminAlert {

	/**
	 * Sends the alert to the site's admin email.
	 *
	 * @param \WC_Order $order   The order concerned.
	 * @param string    $subject Translated subject line.
	 * @param string    $message Translated explanation of what happened and what to do.
	 */
	public static function send( \WC_Order $order, string $subject, string $message ): bool {
		$to = (string) get_option( 'admin_email' );
		if ( ! is_email( $to ) ) {
			return false;
		}
		$body = $message . "\n\n" . $order->get_edit_order_url();
		/* translators: 1: site name, 2: the alert's subject */
		$title = sprintf( __( '[%1$s] Korea Checkout: %2$s', 'korea-checkout' ), wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES ), $subject );
		return (bool) wp_mail( $to, $title, $body );
	}
}
