<?php
/**
 * Shows what the checkout UI stored on the order, where WooCommerce does not show it itself.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

use KoreaCheckout\Orders\OrderMeta;
use KoreaCheckout\PaymentMethods;

defined( 'ABSPATH' ) || exit;

/**
 * The chosen payment method and the field values, on the order screen, the order-received page and in
 * emails. WooCommerce shows additional-field values itself, but only for orders placed through the Store API
 * (the block checkout); for those we add just the textareas it cannot hold, for the rest every field.
 */
final class OrderDisplay {

	/**
	 * Adds the hooks.
	 */
	public function register(): void {
		add_action( 'woocommerce_admin_order_data_after_billing_address', array( $this, 'render_admin' ) );
		add_action( 'woocommerce_order_details_after_customer_details', array( $this, 'render_customer' ) );
		add_filter( 'woocommerce_email_order_meta_fields', array( $this, 'email_fields' ), 10, 3 );
	}

	/**
	 * Label => value rows for an order; empty when the order has nothing of ours.
	 *
	 * @param \WC_Order $order The order.
	 * @return array<int, array{label: string, value: string}>
	 */
	public static function rows( \WC_Order $order ): array {
		$rows   = array();
		$method = (string) $order->get_meta( OrderMeta::METHOD, true );
		if ( '' !== $method ) {
			$rows[] = array(
				'label' => __( 'Chosen payment method', 'korea-checkout' ),
				'value' => PaymentMethods::label( $method ),
			);
		}
		$shown_by_woocommerce = 'store-api' === $order->get_created_via() && null !== Fields::wc_fields_service();
		foreach ( Fields::definitions() as $field ) {
			if ( $shown_by_woocommerce && Fields::is_native_type( $field ) ) {
				continue;
			}
			$value = Fields::value( $order, $field );
			if ( '' !== $value ) {
				$rows[] = array(
					'label' => $field['label'],
					'value' => Fields::display_value( $field, $value ),
				);
			}
		}
		return $rows;
	}

	/**
	 * The order screen (admin), below the billing address.
	 *
	 * @param \WC_Order $order The order.
	 */
	public function render_admin( $order ): void {
		if ( $order instanceof \WC_Order ) {
			$this->render_list( self::rows( $order ), 'korea-checkout-order-details' );
		}
	}

	/**
	 * The order-received page and the account's order view.
	 *
	 * @param \WC_Order $order The order.
	 */
	public function render_customer( $order ): void {
		if ( ! $order instanceof \WC_Order ) {
			return;
		}
		$rows = self::rows( $order );
		if ( array() === $rows ) {
			return;
		}
		echo '<section class="woocommerce-korea-checkout-details"><h2 class="woocommerce-column__title">' . esc_html__( 'Checkout details', 'korea-checkout' ) . '</h2>';
		$this->render_list( $rows, 'korea-checkout-order-details' );
		echo '</section>';
	}

	/**
	 * Emails (HTML and plain text): WooCommerce prints these rows with its own markup and escaping.
	 *
	 * @param array<string, array<string, string>> $fields        Rows so far.
	 * @param bool                                 $sent_to_admin Whether the email goes to the store.
	 * @param \WC_Order                            $order         The order.
	 * @return array<string, array<string, string>>
	 */
	public function email_fields( $fields, $sent_to_admin = false, $order = null ) {
		if ( ! is_array( $fields ) || ! $order instanceof \WC_Order ) {
			return $fields;
		}
		foreach ( self::rows( $order ) as $index => $row ) {
			$fields[ 'korea_checkout_' . $index ] = $row;
		}
		return $fields;
	}

	/**
	 * A definition list of rows.
	 *
	 * @param array<int, array{label: string, value: string}> $rows  Rows.
	 * @param string                                          $class CSS class.
	 */
	private function render_list( array $rows, string $class ): void {
		if ( array() === $rows ) {
			return;
		}
		echo '<dl class="' . esc_attr( $class ) . '">';
		foreach ( $rows as $row ) {
			echo '<dt>' . esc_html( $row['label'] ) . '</dt><dd>' . nl2br( esc_html( $row['value'] ) ) . '</dd>';
		}
		echo '</dl>';
	}
}
