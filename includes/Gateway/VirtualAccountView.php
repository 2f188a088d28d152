<?php
/**
 * The virtual account a shopper must pay into: on the order-received page, in My Account and in the email.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

use KoreaCheckout\Api\Money;
use KoreaCheckout\Orders\OrderMeta;

defined( 'ABSPATH' ) || exit;

/**
 * Shows bank, account number, holder and due date while the order waits for its deposit. The details are the
 * ones Orders\SessionSync stored from the verified session (OrderMeta::VIRTUAL_ACCOUNT).
 */
final class VirtualAccountView {

	/**
	 * The account of an order still waiting for its deposit, or null.
	 *
	 * @param \WC_Order $order The order.
	 * @return array{bankName: string, accountNumber: string, accountHolder: string, dueDate: string}|null
	 */
	public static function account( \WC_Order $order ): ?array {
		if ( ! OrderMeta::is_ours( $order ) || $order->is_paid() || ! $order->has_status( array( 'on-hold', 'pending' ) ) ) {
			return null;
		}
		return OrderMeta::virtual_account( $order );
	}

	/**
	 * The rows shown, label => value, with the due date in the site's date and time format.
	 *
	 * @param array{bankName: string, accountNumber: string, accountHolder: string, dueDate: string} $account The account.
	 * @return array<string, string>
	 */
	public static function rows( array $account ): array {
		$due  = strtotime( $account['dueDate'] );
		$when = false === $due ? $account['dueDate'] : wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $due );
		return array(
			__( 'Bank', 'korea-checkout' )           => $account['bankName'],
			__( 'Account number', 'korea-checkout' ) => $account['accountNumber'],
			__( 'Account holder', 'korea-checkout' ) => $account['accountHolder'],
			__( 'Pay by', 'korea-checkout' )         => (string) $when,
		);
	}

	/**
	 * The box on the order-received page and in My Account (hooked on
	 * `woocommerce_order_details_before_order_table`, which both pages and the block order confirmation fire).
	 *
	 * @param \WC_Order $order The order.
	 */
	public static function render_page( $order ): void {
		if ( ! $order instanceof \WC_Order ) {
			return;
		}
		$account = self::account( $order );
		if ( null === $account ) {
			return;
		}
		echo '<section class="korea-checkout-virtual-account woocommerce-order-details">';
		echo '<h2 class="woocommerce-order-details__title">' . esc_html__( 'Pay by bank transfer into this account', 'korea-checkout' ) . '</h2>';
		echo '<p>' . esc_html__( 'Your order is reserved. It ships once the full amount arrives in this virtual account.', 'korea-checkout' ) . '</p>';
		echo '<table class="woocommerce-table shop_table korea-checkout-virtual-account__details"><tbody>';
		foreach ( self::rows( $account ) as $label => $value ) {
			echo '<tr><th scope="row">' . esc_html( $label ) . '</th><td>' . esc_html( $value ) . '</td></tr>';
		}
		echo '<tr><th scope="row">' . esc_html__( 'Amount', 'korea-checkout' ) . '</th><td>' . wp_kses_post( $order->get_formatted_order_total() ) . '</td></tr>';
		echo '</tbody></table></section>';
	}

	/**
	 * The same details in the customer's emails (hooked on `woocommerce_email_before_order_table`).
	 *
	 * @param \WC_Order $order         The order.
	 * @param bool      $sent_to_admin Whether the email goes to the store.
	 * @param bool      $plain_text    Whether it is plain text.
	 */
	public static function render_email( $order, $sent_to_admin = false, $plain_text = false ): void {
		if ( ! $order instanceof \WC_Order || $sent_to_admin ) {
			return;
		}
		$account = self::account( $order );
		if ( null === $account ) {
			return;
		}
		$title                                    = __( 'Pay by bank transfer into this account', 'korea-checkout' );
		$rows                                     = self::rows( $account );
		$rows[ __( 'Amount', 'korea-checkout' ) ] = html_entity_decode( Money::as_text( Money::to_minor( (string) $order->get_total( 'edit' ), $order->get_currency() ), $order->get_currency() ), ENT_QUOTES, 'UTF-8' );

		if ( $plain_text ) {
			echo "\n" . esc_html( wc_strtoupper( $title ) ) . "\n\n";
			foreach ( $rows as $label => $value ) {
				echo esc_html( $label . ': ' . $value ) . "\n";
			}
			echo "\n";
			return;
		}
		echo '<h2>' . esc_html( $title ) . '</h2>';
		echo '<table class="td" cellspacing="0" cellpadding="6" border="1" style="width:100%;margin-bottom:24px"><tbody>';
		foreach ( $rows as $label => $value ) {
			echo '<tr><th class="td" scope="row" style="text-align:left">' . esc_html( $label ) . '</th><td class="td">' . esc_html( $value ) . '</td></tr>';
		}
		echo '</tbody></table>';
	}
}
