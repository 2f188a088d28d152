<?php
/**
 * The Korea Checkout payment method in the block checkout.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

use Automattic\WooCommerce\Blocks\Payments\Integrations\AbstractPaymentMethodType;
use KoreaCheckout\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Tells the Checkout block about our payment method: its script and the data the script reads with
 * `getSetting( 'korea_checkout_data' )`. Nothing secret goes into that data.
 */
final class BlockPaymentMethod extends AbstractPaymentMethodType {

	/**
	 * Payment method name: the gateway id.
	 *
	 * @var string
	 */
	protected $name = MethodChoice::GATEWAY_ID;

	/**
	 * Reads the settings.
	 */
	public function initialize(): void {
		$this->settings = array(
			'enabled'     => Settings::get( 'enabled' ),
			'title'       => Settings::get( 'title' ),
			'description' => Settings::get( 'description' ),
		);
	}

	/**
	 * Whether the method is offered: switched on and, once the gateway exists, usable (key set, currency
	 * supported, total above zero).
	 *
	 * @return bool
	 */
	public function is_active() {
		if ( ! filter_var( $this->get_setting( 'enabled', true ), FILTER_VALIDATE_BOOLEAN ) ) {
			return false;
		}
		$gateway = $this->gateway();
		return null === $gateway || ! method_exists( $gateway, 'is_usable' ) || (bool) $gateway->is_usable();
	}

	/**
	 * The script handles the Checkout block loads for this method.
	 *
	 * @return array<int, string>
	 */
	public function get_payment_method_script_handles() {
		$handle = Assets::register_script( 'payment-method' );
		if ( '' === $handle ) {
			return array();
		}
		Assets::enqueue_style( 'payment-method' );
		return array( $handle );
	}

	/**
	 * What the payment-method script reads. Public information only.
	 *
	 * @return array<string, mixed>
	 */
	public function get_payment_method_data() {
		$title = trim( (string) $this->get_setting( 'title', '' ) );
		return array(
			'title'         => '' !== $title ? $title : __( 'Korea Checkout', 'korea-checkout' ),
			'description'   => (string) $this->get_setting( 'description', '' ),
			'methods'       => MethodMarks::for_browser( MethodChoice::enabled() ),
			'showKorean'    => ! str_starts_with( determine_locale(), 'ko' ),
			'addressSearch' => AddressSearch::is_enabled(),
			'postcodeUrl'   => AddressSearch::script_url(),
			'scopeClass'    => \KoreaCheckout\Theme\CssVars::SCOPE_CLASS,
			'supports'      => $this->get_supported_features(),
		);
	}

	/**
	 * The features the gateway supports (products, refunds), as WooCommerce's registry reports them.
	 *
	 * @return array<int, string>
	 */
	public function get_supported_features() {
		$gateway = $this->gateway();
		return null !== $gateway ? array_values( $gateway->supports ) : array( 'products' );
	}

	/**
	 * Our gateway object, when the payments module registered it.
	 *
	 * @return \WC_Payment_Gateway|null
	 */
	private function gateway() {
		if ( ! function_exists( 'WC' ) || null === WC()->payment_gateways() ) {
			return null;
		}
		$gateways = WC()->payment_gateways()->payment_gateways();
		return isset( $gateways[ $this->name ] ) && $gateways[ $this->name ] instanceof \WC_Payment_Gateway ? $gateways[ $this->name ] : null;
	}
}
