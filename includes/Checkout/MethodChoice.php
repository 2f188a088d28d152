<?php
/**
 * The shopper's choice of payment method (card, KakaoPay, ...) inside the Korea Checkout gateway.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

use KoreaCheckout\Orders\OrderMeta;
use KoreaCheckout\PaymentMethods;
use KoreaCheckout\Plugin;
use KoreaCheckout\Settings\Settings;
use KoreaCheckout\Settings\ShopMethods;
use KoreaCheckout\Theme\CssVars;

defined( 'ABSPATH' ) || exit;

/**
 * Offers the enabled methods, checks the choice on the server and stores it on the order as
 * `_korea_checkout_method` before the gateway's process_payment() runs, for both checkouts.
 * An empty choice is allowed: the hosted page then offers every enabled method.
 *
 * The enabled methods are those the store owner kept on that the shop has (Settings\ShopMethods); when none
 * is left, Korea Checkout is not offered at all (the settings page says why).
 */
final class MethodChoice {

	public const INPUT = 'korea_checkout_method';

	/**
	 * Adds the hooks.
	 */
	public function register(): void {
		add_action( 'woocommerce_after_checkout_validation', array( $this, 'validate_classic' ), 10, 2 );
		add_action( 'woocommerce_checkout_create_order', array( $this, 'save_classic' ), 10, 2 );
		// Before WooCommerce's own handler (priority 999) calls the gateway's process_payment().
		add_action( 'woocommerce_rest_checkout_process_payment_with_context', array( $this, 'save_block' ), 10, 1 );
		// The pay-for-order form (My Account → Pay, a failed payment tried again) fires neither hook above.
		add_action( 'woocommerce_before_pay_action', array( $this, 'save_pay_for_order' ), 10, 1 );
		// The gateway's payment_fields() fires this inside its box in the classic form.
		add_action( 'korea_checkout_classic_payment_fields', array( self::class, 'render_classic' ), 10, 0 );
		add_filter( 'woocommerce_available_payment_gateways', array( $this, 'hide_without_methods' ) );
	}

	/**
	 * The method ids shoppers are offered, in the store owner's order: those the owner kept on (none chosen
	 * means all) that the shop has, as far as the shop's methods are known. May be empty.
	 *
	 * @return array<int, string>
	 */
	public static function enabled(): array {
		return ShopMethods::offered( self::kept_on(), ShopMethods::methods() );
	}

	/**
	 * The method ids the store owner kept on, in order ([] = every method).
	 *
	 * @return array<int, string>
	 */
	public static function kept_on(): array {
		$configured = Settings::get( 'enabled_methods' );
		return is_array( $configured ) ? array_values( array_unique( array_filter( array_map( 'strval', $configured ), array( PaymentMethods::class, 'is_known' ) ) ) ) : array();
	}

	/**
	 * Leaves Korea Checkout out of the checkout (both kinds) when none of the owner's methods is one the shop
	 * has: a shopper could not pay with it.
	 *
	 * @param mixed $gateways Available gateways keyed by id.
	 * @return mixed The gateways.
	 */
	public function hide_without_methods( $gateways ) {
		if ( is_array( $gateways ) && isset( $gateways[ Plugin::GATEWAY_ID ] ) && array() === self::enabled() ) {
			unset( $gateways[ Plugin::GATEWAY_ID ] );
		}
		return $gateways;
	}

	/**
	 * The checked choice: '' (none), a method id, or null when the value is not an enabled method.
	 *
	 * @param mixed              $value   Submitted value.
	 * @param array<int, string> $enabled Enabled ids.
	 */
	public static function check( $value, array $enabled ): ?string {
		if ( null === $value || '' === $value ) {
			return '';
		}
		if ( ! is_string( $value ) ) {
			return null;
		}
		$value = trim( $value );
		return in_array( $value, $enabled, true ) ? $value : null;
	}

	/**
	 * The sentence shown when the choice is not acceptable.
	 */
	public static function error_message(): string {
		return __( 'The chosen payment method is not available in this store. Please choose another one.', 'korea-checkout' );
	}

	/**
	 * Classic checkout: rejects a choice that is not enabled.
	 *
	 * @param array<string, mixed> $data   Posted checkout data.
	 * @param \WP_Error            $errors Errors shown to the shopper.
	 */
	public function validate_classic( $data, $errors ): void {
		if ( ! $errors instanceof \WP_Error || ! $this->is_ours( $data ) ) {
			return;
		}
		if ( null === self::check( $this->posted(), self::enabled() ) ) {
			$errors->add( 'validation', self::error_message(), array( 'id' => self::INPUT ) );
		}
	}

	/**
	 * Classic checkout: stores the choice on the new order (saved by WooCommerce before payment).
	 *
	 * @param \WC_Order            $order The new order.
	 * @param array<string, mixed> $data  Posted checkout data.
	 */
	public function save_classic( $order, $data ): void {
		if ( ! $order instanceof \WC_Order || ! $this->is_ours( $data ) ) {
			return;
		}
		$choice = self::check( $this->posted(), self::enabled() );
		$order->update_meta_data( OrderMeta::METHOD, (string) $choice );
	}

	/**
	 * Pay-for-order form: checks and stores the choice before WooCommerce calls the gateway. A choice that is not
	 * enabled adds an error notice, which keeps WooCommerce from taking the payment.
	 *
	 * @param \WC_Order $order The order being paid.
	 */
	public function save_pay_for_order( $order ): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- WooCommerce verified the pay nonce before this hook.
		$gateway = isset( $_POST['payment_method'] ) && is_string( $_POST['payment_method'] ) ? sanitize_key( wp_unslash( $_POST['payment_method'] ) ) : '';
		if ( ! $order instanceof \WC_Order || Plugin::GATEWAY_ID !== $gateway ) {
			return;
		}
		$choice = self::check( $this->posted(), self::enabled() );
		if ( null === $choice ) {
			wc_add_notice( self::error_message(), 'error' );
			return;
		}
		$order->update_meta_data( OrderMeta::METHOD, $choice );
		$order->save();
	}

	/**
	 * Block checkout: checks and stores the choice sent as payment data `korea_checkout_method`.
	 *
	 * @param \Automattic\WooCommerce\StoreApi\Payments\PaymentContext $context The payment context.
	 * @throws \Exception When the choice is not an enabled method; the Store API shows the message.
	 */
	public function save_block( $context ): void {
		if ( ! is_object( $context ) || Plugin::GATEWAY_ID !== $context->payment_method ) {
			return;
		}
		$data   = is_array( $context->payment_data ) ? $context->payment_data : array();
		$choice = self::check( $data[ self::INPUT ] ?? '', self::enabled() );
		if ( null === $choice ) {
			throw new \Exception( esc_html( self::error_message() ) );
		}
		$order = $context->order;
		$order->update_meta_data( OrderMeta::METHOD, $choice );
		$order->save();
	}

	/**
	 * The classic checkout's radio group, printed by the gateway's payment_fields().
	 */
	public static function render_classic(): void {
		$methods = MethodMarks::for_browser( self::enabled() );
		$current = self::previous_choice();
		if ( ! in_array( $current, array_column( $methods, 'id' ), true ) && isset( $methods[0] ) ) {
			$current = $methods[0]['id'];
		}
		$show_korean = ! str_starts_with( determine_locale(), 'ko' );
		if ( array() === $methods ) {
			return;
		}
		?>
		<div class="<?php echo esc_attr( CssVars::SCOPE_CLASS ); ?> korea-checkout-methods">
		<fieldset class="korea-checkout-methods__group" id="korea-checkout-methods">
			<legend class="korea-checkout-methods__legend"><?php esc_html_e( 'Choose how to pay', 'korea-checkout' ); ?></legend>
			<?php foreach ( $methods as $method ) : ?>
				<label class="korea-checkout-methods__option">
					<input type="radio" name="<?php echo esc_attr( self::INPUT ); ?>" value="<?php echo esc_attr( $method['id'] ); ?>" <?php checked( $current, $method['id'] ); ?> />
					<img src="<?php echo esc_attr( $method['icon'] ); ?>" alt="" width="48" height="32" />
					<span class="korea-checkout-methods__name"><?php echo esc_html( $method['label'] ); ?>
					<?php if ( $show_korean && '' !== $method['koreanName'] ) : ?>
						<span class="korea-checkout-methods__korean" lang="ko"><?php echo esc_html( $method['koreanName'] ); ?></span>
					<?php endif; ?>
					</span>
				</label>
			<?php endforeach; ?>
		</fieldset>
		</div>
		<?php
	}

	/**
	 * What the shopper had picked before the form was redrawn: the classic checkout redraws the payment
	 * box on every `update_checkout`, sending the whole form as `post_data`.
	 */
	private static function previous_choice(): string {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- only re-selects a radio button; nothing is saved here.
		if ( isset( $_POST[ self::INPUT ] ) && is_string( $_POST[ self::INPUT ] ) ) {
			return sanitize_key( wp_unslash( $_POST[ self::INPUT ] ) );
		}
		if ( isset( $_POST['post_data'] ) && is_string( $_POST['post_data'] ) ) {
			parse_str( wp_unslash( $_POST['post_data'] ), $form ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only one key is read, through sanitize_key().
			return isset( $form[ self::INPUT ] ) && is_string( $form[ self::INPUT ] ) ? sanitize_key( $form[ self::INPUT ] ) : '';
		}
		// phpcs:enable WordPress.Security.NonceVerification.Missing
		return self::pay_page_order_choice();
	}

	/**
	 * On the pay-for-order page, the method kept on the order, so that the shopper finds the one chosen before
	 * ('' elsewhere, and when the page's order key does not match). The key in the link is what WooCommerce
	 * itself asks of a guest on this page.
	 */
	private static function pay_page_order_choice(): string {
		$order_id = absint( get_query_var( 'order-pay' ) );
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the order key is the pay link's own credential.
		$key = isset( $_GET['key'] ) && is_string( $_GET['key'] ) ? wc_clean( wp_unslash( $_GET['key'] ) ) : '';
		if ( $order_id <= 0 || '' === $key ) {
			return '';
		}
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order || ! hash_equals( $order->get_order_key(), $key ) ) {
			return '';
		}
		return (string) $order->get_meta( OrderMeta::METHOD );
	}

	/**
	 * Whether the order is being paid with our gateway.
	 *
	 * @param mixed $data Posted checkout data.
	 */
	private function is_ours( $data ): bool {
		return is_array( $data ) && Plugin::GATEWAY_ID === ( $data['payment_method'] ?? '' );
	}

	/**
	 * The posted choice (classic form).
	 *
	 * @return mixed
	 */
	private function posted() {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- WooCommerce verified the checkout nonce before these hooks.
		return isset( $_POST[ self::INPUT ] ) && is_string( $_POST[ self::INPUT ] ) ? sanitize_text_field( wp_unslash( $_POST[ self::INPUT ] ) ) : '';
	}
}
