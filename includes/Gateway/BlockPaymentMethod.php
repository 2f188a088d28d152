<?php
/**
 * The Korea Checkout payment method in the block checkout.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

use Automattic\WooCommerce\Blocks\Payments\Integrations\AbstractPaymentMethodType;
use KoreaCheckout\Assets;
use KoreaCheckout\Checkout\AddressSearch;
use KoreaCheckout\Checkout\MethodChoice;
use KoreaCheckout\Checkout\MethodMarks;
use KoreaCheckout\Plugin;
use KoreaCheckout\Settings\Settings;
use KoreaCheckout\Theme\CssVars;

defined( 'ABSPATH' ) || exit;

/**
 * Tells the Checkout block about our payment method: its script and the data the script reads with
 * `getSetting( 'korea_checkout_data' )`. Nothing secret goes into that data.
 *
 * WooCommerce asks is_active() and the script handles on pages that are not a checkout too, so is_active() reads
 * only the plugin's autoloaded settings (building WooCommerce's gateways to ask ours would cost queries on every
 * page), and the handles are only registered: the stylesheet is enqueued when the Checkout block enqueues its
 * own data (enqueue_style()), so pages without a checkout get none of it.
 */
final class BlockPaymentMethod extends AbstractPaymentMethodType {

	/**
	 * Payment method name: the gateway id.
	 *
	 * @var string
	 */
	protected $name = Plugin::GATEWAY_ID;

	/**
	 * Nothing to read up front: every answer comes from Settings when asked.
	 */
	public function initialize(): void {
	}

	/**
	 * Whether the method is offered: switched on, a key saved, and the store's currency one the service takes.
	 * Whether the cart has something to pay is the checkout's own question.
	 *
	 * @return bool
	 */
	public function is_active() {
		return Gateway::is_configured();
	}

	/**
	 * The script handles the Checkout block loads for this method.
	 *
	 * @return array<int, string>
	 */
	public function get_payment_method_script_handles() {
		$handle = Assets::register_script( 'payment-method' );
		return '' === $handle ? array() : array( $handle );
	}

	/**
	 * The method list's stylesheet and the theme's properties, where a Checkout block renders (on
	 * `woocommerce_blocks_checkout_enqueue_data`).
	 */
	public static function enqueue_style(): void {
		if ( Gateway::is_configured() ) {
			Assets::enqueue_style( 'payment-method' );
		}
	}

	/**
	 * What the payment-method script reads. Public information only.
	 *
	 * @return array<string, mixed>
	 */
	public function get_payment_method_data() {
		$title = trim( (string) Settings::get( 'title' ) );
		return array(
			'title'         => '' !== $title ? $title : Gateway::default_title(),
			'description'   => (string) Settings::get( 'description' ),
			'methods'       => MethodMarks::for_browser( MethodChoice::enabled() ),
			'showKorean'    => ! str_starts_with( determine_locale(), 'ko' ),
			'addressSearch' => AddressSearch::is_enabled(),
			'postcodeUrl'   => AddressSearch::script_url(),
			'scopeClass'    => CssVars::SCOPE_CLASS,
			'supports'      => $this->get_supported_features(),
		);
	}

	/**
	 * The features the gateway supports (products, refunds).
	 *
	 * @return array<int, string>
	 */
	public function get_supported_features() {
		return Gateway::SUPPORTS;
	}
}
