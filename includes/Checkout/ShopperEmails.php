<?php
/**
 * WooCommerce's emails to the shopper, in the shopper's language.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

use KoreaCheckout\Orders\OrderMeta;

defined( 'ABSPATH' ) || exit;

/**
 * WooCommerce writes every customer email in the site's language (WC_Email::setup_locale()). For an order
 * that kept its shopper's language (ShopperLanguage), this switches to that language once the email knows its
 * order and before it builds its subject, and switches back when WooCommerce restores its own locale:
 *
 * - `woocommerce_allow_switching_email_locale` (setup_locale(), before the order is known) notes the email
 *   and hooks its "enabled" check;
 * - `woocommerce_email_enabled_{id}` (send_notification(), with the order, before subject and content)
 *   switches;
 * - `woocommerce_allow_restoring_email_locale` (restore_locale()) switches back.
 *
 * WordPress switches only to languages it has installed (the profile's language list offers only those);
 * otherwise the email stays in the site's language.
 */
final class ShopperEmails {

	/**
	 * Object ids of the emails between setup_locale() and restore_locale(), with whether we switched.
	 *
	 * @var array<int, bool>
	 */
	private array $open = array();

	/**
	 * Adds the hooks.
	 */
	public function register(): void {
		add_filter( 'woocommerce_allow_switching_email_locale', array( $this, 'note' ), 10, 2 );
		add_filter( 'woocommerce_allow_restoring_email_locale', array( $this, 'restore' ), 10, 2 );
	}

	/**
	 * Notes a customer email that is being prepared, and hooks its "enabled" check (the first moment it knows
	 * its order).
	 *
	 * @param mixed $allow Whether WooCommerce may switch to the site's locale.
	 * @param mixed $email The email.
	 * @return mixed Unchanged.
	 */
	public function note( $allow, $email = null ) {
		if ( $email instanceof \WC_Email && $email->is_customer_email() ) {
			$this->open[ spl_object_id( $email ) ] = false;
			$hook                                  = 'woocommerce_email_enabled_' . $email->id;
			if ( false === has_filter( $hook, array( $this, 'switch_for_order' ) ) ) {
				add_filter( $hook, array( $this, 'switch_for_order' ), 10, 3 );
			}
		}
		return $allow;
	}

	/**
	 * Switches to the shopper's language when the email being sent is about an order that kept one.
	 *
	 * @param mixed $enabled Whether the email is on.
	 * @param mixed $order   The email's object.
	 * @param mixed $email   The email.
	 * @return mixed Unchanged.
	 */
	public function switch_for_order( $enabled, $order = null, $email = null ) {
		if ( ! $enabled || ! $email instanceof \WC_Email || ! $order instanceof \WC_Order ) {
			return $enabled;
		}
		$id = spl_object_id( $email );
		if ( ! array_key_exists( $id, $this->open ) || $this->open[ $id ] ) {
			return $enabled;
		}
		$language = OrderMeta::locale( $order );
		if ( '' !== $language ) {
			$this->open[ $id ] = switch_to_locale( ShopperLanguage::wp_locale( $language ) );
		}
		return $enabled;
	}

	/**
	 * Switches back before WooCommerce restores its own locale.
	 *
	 * @param mixed $allow Whether WooCommerce may restore its locale.
	 * @param mixed $email The email.
	 * @return mixed Unchanged.
	 */
	public function restore( $allow, $email = null ) {
		if ( ! $email instanceof \WC_Email ) {
			return $allow;
		}
		$id = spl_object_id( $email );
		if ( $this->open[ $id ] ?? false ) {
			restore_previous_locale();
		}
		unset( $this->open[ $id ] );
		return $allow;
	}
}
