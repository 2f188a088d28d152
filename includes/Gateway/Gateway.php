<?php
/**
 * The WooCommerce payment gateway `korea_checkout`.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Api\Money;
use KoreaCheckout\Logging\Logger;
use KoreaCheckout\Orders\LockTimeout;
use KoreaCheckout\Orders\OrderMeta;
use KoreaCheckout\Plugin;
use KoreaCheckout\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Sends the shopper to the Korea Checkout hosted page and refunds from the order screen. The same class
 * serves the classic checkout, the pay-for-order page and (through the Store API) the Checkout block.
 * Its settings live in the plugin's own settings (Settings), not in the gateway's option.
 */
class Gateway extends \WC_Payment_Gateway {

	/**
	 * What the gateway supports; the block payment method reports the same list without building the gateway.
	 */
	public const SUPPORTS = array( 'products', 'refunds' );

	/**
	 * Sets the gateway up from the plugin settings.
	 */
	public function __construct() {
		$this->id                 = Plugin::GATEWAY_ID;
		$this->has_fields         = true;
		$this->method_title       = __( 'Korea Checkout', 'korea-checkout' );
		$this->method_description = __( 'Cards, virtual accounts, real-time bank transfer, KakaoPay, NaverPay and more, on the Korea Checkout hosted payment page.', 'korea-checkout' );
		$this->supports           = self::SUPPORTS;
		$this->form_fields        = array();

		$title             = trim( (string) Settings::get( 'title' ) );
		$description       = trim( (string) Settings::get( 'description' ) );
		$this->title       = '' !== $title ? $title : self::default_title();
		$this->description = '' !== $description ? $description : self::default_description();
		$this->enabled     = Settings::get( 'enabled' ) ? 'yes' : 'no';
	}

	/**
	 * The title shoppers see when the store owner set none.
	 */
	public static function default_title(): string {
		return __( 'Korea Checkout', 'korea-checkout' );
	}

	/**
	 * The description shoppers see when the store owner set none.
	 */
	public static function default_description(): string {
		return __( 'Card, virtual account, bank transfer, KakaoPay, NaverPay and more', 'korea-checkout' );
	}

	/**
	 * Keeps WooCommerce's own on/off switch (Settings > Payments) and the plugin's settings page in step: the
	 * switch writes through here, and the plugin's `enabled` setting is the one place the answer is kept.
	 *
	 * @param string $key   Option key.
	 * @param mixed  $value Value.
	 * @return bool
	 */
	public function update_option( $key, $value = '' ) {
		if ( 'enabled' !== $key ) {
			return parent::update_option( $key, $value );
		}
		$enabled = in_array( $value, array( 'yes', true, 1, '1' ), true );
		Settings::update( array( 'enabled' => $enabled ) );
		$this->enabled = $enabled ? 'yes' : 'no';
		return true;
	}

	/**
	 * Offered only when enabled and usable.
	 */
	public function is_available() {
		return self::is_configured() && $this->has_amount_to_pay();
	}

	/**
	 * Whether payments can work at all: switched on, a key set and the store's currency one the service takes.
	 * Reads only the autoloaded settings, so the block checkout's payment method can ask it on every page without
	 * building WooCommerce's gateways.
	 */
	public static function is_configured(): bool {
		return (bool) Settings::get( 'enabled' ) && '' !== (string) Settings::get( 'api_key' ) && Money::is_supported( get_woocommerce_currency() );
	}

	/**
	 * Whether there is something to pay on the pay-for-order page or in the cart (true when neither is known, as
	 * on admin screens).
	 */
	private function has_amount_to_pay(): bool {
		$currency = get_woocommerce_currency();
		$order_id = absint( get_query_var( 'order-pay' ) );
		if ( $order_id > 0 ) {
			$order = wc_get_order( $order_id );
			return ! $order || Money::to_minor( $order->get_total( 'edit' ), $order->get_currency() ) > 0;
		}
		if ( function_exists( 'WC' ) && WC()->cart ) {
			return Money::to_minor( WC()->cart->get_total( 'edit' ), $currency ) > 0;
		}
		return true;
	}

	/**
	 * The description, then whatever the checkout module shows on the classic form (the method choice).
	 */
	public function payment_fields(): void {
		parent::payment_fields();

		/**
		 * Fires inside the gateway's box on the classic checkout and pay-for-order forms, after the description.
		 * The checkout module prints its payment-method choice here (posted as `korea_checkout_method`).
		 *
		 * @since 0.1.0
		 *
		 * @param Gateway $gateway This gateway.
		 */
		do_action( 'korea_checkout_classic_payment_fields', $this );
	}

	/**
	 * Sends the shopper to the order's session (made, reused, or the order-received page when it is paid already).
	 *
	 * @param int $order_id Order id.
	 * @return array{result: string, redirect: string}
	 * @throws \Exception With a translated message when the session cannot be started; WooCommerce shows it on
	 *                    the checkout (classic and block alike) and keeps the order for the next attempt.
	 */
	public function process_payment( $order_id ) {
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order ) {
			throw new \Exception( esc_html__( 'The order could not be found. Please try again.', 'korea-checkout' ) );
		}
		$this->remember_checkout_page( $order );
		try {
			$url = ( new SessionStarter() )->start( $order );
		} catch ( ApiException $e ) {
			Logger::error(
				'The checkout session could not be created.',
				array(
					'order_id'    => $order->get_id(),
					'code'        => $e->get_error_code(),
					'status'      => $e->get_status(),
					'api_message' => $e->get_api_message(),
				)
			);
			throw new \Exception( esc_html( FailureMessages::for_start( $e ) ) );
		} catch ( PaymentInProgress $e ) {
			Logger::info(
				'Not paying the order again: the shopper is paying one of its sessions.',
				array(
					'order_id'   => $order->get_id(),
					'session_id' => $e->session_id(),
				)
			);
			throw new \Exception( esc_html__( 'A payment of this order has already begun and is not finished yet. Please finish it on the Korea Checkout page, or try again in a few minutes.', 'korea-checkout' ) );
		} catch ( LockTimeout $e ) {
			throw new \Exception( esc_html__( 'This order is being updated right now. Please wait a moment and try again.', 'korea-checkout' ) );
		}
		return array(
			'result'   => 'success',
			'redirect' => $url,
		);
	}

	/**
	 * Keeps the page the order was placed from (block checkout, classic checkout or pay-for-order page), so
	 * that a shopper whose payment failed goes back to that same page. Only a page of this site is kept.
	 *
	 * @param \WC_Order $order The order.
	 */
	private function remember_checkout_page( \WC_Order $order ): void {
		// The browser's Referer, not wp_get_referer(): the classic form's `_wp_http_referer` names the
		// `?wc-ajax=update_order_review` request that last rendered it, not the page.
		$referer = isset( $_SERVER['HTTP_REFERER'] ) ? esc_url_raw( wp_unslash( $_SERVER['HTTP_REFERER'] ) ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- esc_url_raw() sanitizes it.
		if ( '' === $referer || str_contains( $referer, 'wc-ajax' ) || wp_validate_redirect( $referer, '' ) !== $referer ) {
			return;
		}
		if ( OrderMeta::text( $order, OrderMeta::RETURN_TO ) !== $referer ) {
			$order->update_meta_data( OrderMeta::RETURN_TO, $referer );
			$order->save();
		}
	}

	/**
	 * Refunds through the API; on refusal WooCommerce shows the message and deletes its refund.
	 *
	 * @param int        $order_id Order id.
	 * @param float|null $amount   Amount in the order's currency; null for everything left.
	 * @param string     $reason   The store owner's reason.
	 * @return bool|\WP_Error
	 */
	public function process_refund( $order_id, $amount = null, $reason = '' ) {
		// WooCommerce checked the refund request's nonce and the user's capability before it called us.
		$notify = ! isset( $_POST[ RefundProcessor::NOTIFY_FIELD ] ) || '1' === sanitize_text_field( wp_unslash( $_POST[ RefundProcessor::NOTIFY_FIELD ] ) ); // phpcs:ignore WordPress.Security.NonceVerification.Missing
		return ( new RefundProcessor() )->refund( (int) $order_id, $amount, (string) $reason, $notify );
	}

	/**
	 * Points from WooCommerce's payment settings to the plugin's own settings page.
	 */
	public function admin_options(): void {
		printf(
			'<h2>%1$s</h2><p>%2$s</p><p><a class="button" href="%3$s">%4$s</a></p>',
			esc_html( $this->method_title ),
			esc_html( $this->method_description ),
			esc_url( admin_url( 'admin.php?page=korea-checkout' ) ),
			esc_html__( 'Open the Korea Checkout settings', 'korea-checkout' )
		);
	}
}
