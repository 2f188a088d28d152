<?php
/**
 * The Daum (Kakao) postcode search in both checkouts.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

use KoreaCheckout\Assets;
use KoreaCheckout\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Loads the small "Find address" scripts where a checkout renders (the postcode script itself is loaded by
 * them on first use) and places the block checkout's inner block in the billing and shipping address steps.
 */
final class AddressSearch {

	/**
	 * The name of our inner block in the block checkout.
	 */
	public const BLOCK_NAME = 'korea-checkout/address-search';

	/**
	 * Where the Daum postcode script is served by Kakao.
	 */
	public const DEFAULT_SCRIPT_URL = 'https://t1.daumcdn.net/mapjsapi/bundle/postcode/prod/postcode.v2.js';

	/**
	 * The address steps of the block checkout and which address each edits.
	 */
	private const PARENTS = array(
		'woocommerce/checkout-shipping-address-block' => 'shipping',
		'woocommerce/checkout-billing-address-block'  => 'billing',
	);

	/**
	 * Adds the hooks.
	 */
	public function register(): void {
		// The classic script also styles the method choice, so it loads even with the search switched off.
		add_action( 'woocommerce_before_checkout_form', array( $this, 'enqueue_classic' ) );
		add_action( 'before_woocommerce_pay_form', array( $this, 'enqueue_classic' ), 10, 0 );
		if ( ! self::is_enabled() ) {
			return;
		}
		add_action( 'woocommerce_blocks_checkout_enqueue_data', array( $this, 'enqueue_block' ) );
		foreach ( array_keys( self::PARENTS ) as $parent ) {
			add_filter( 'render_block_' . $parent, array( $this, 'add_inner_block' ), 10, 2 );
		}
	}

	/**
	 * Whether the store owner left the address search on.
	 */
	public static function is_enabled(): bool {
		return (bool) Settings::get( 'address_search' );
	}

	/**
	 * The URL the postcode script is loaded from.
	 */
	public static function script_url(): string {
		/**
		 * Filters the URL of the Daum (Kakao) postcode script, e.g. to serve a self-hosted copy or a test
		 * stand-in. It is loaded only when the shopper first presses "Find address".
		 *
		 * Example:
		 *     add_filter( 'korea_checkout_postcode_script_url', fn () => home_url( '/assets/postcode.v2.js' ) );
		 *
		 * @since 0.1.0
		 *
		 * @param string $url Absolute http(s) URL.
		 */
		$url = (string) apply_filters( 'korea_checkout_postcode_script_url', self::DEFAULT_SCRIPT_URL );
		return wp_http_validate_url( $url ) ? esc_url_raw( $url ) : self::DEFAULT_SCRIPT_URL;
	}

	/**
	 * What the address-search scripts read.
	 *
	 * @return array<string, mixed>
	 */
	public static function browser_config(): array {
		return array(
			'enabled'   => self::is_enabled(),
			'scriptUrl' => self::script_url(),
		);
	}

	/**
	 * Block checkout: enqueues the inner block's script (WooCommerce fires this only where the block renders).
	 */
	public function enqueue_block(): void {
		// It reads and writes the address through the wc/store/cart data store.
		$this->enqueue( 'address-search', array( 'wc-blocks-data-store' ) );
	}

	/**
	 * Classic checkout and pay-for-order form: enqueues the form's script (fires only where such a form renders).
	 */
	public function enqueue_classic(): void {
		$this->enqueue( 'classic-checkout', array( 'jquery' ) );
	}

	/**
	 * Adds our inner block's placeholder to an address step, so the block checkout renders our component
	 * there. WooCommerce renders registered inner blocks it finds as `data-block-name` elements inside
	 * their parent's markup; adding the element here spares store owners from editing the checkout page.
	 *
	 * @param string               $content The rendered parent block.
	 * @param array<string, mixed> $block   The parsed block.
	 * @return mixed The markup, with our placeholder where it belongs.
	 */
	public function add_inner_block( $content, $block ) {
		$address_type = self::PARENTS[ $block['blockName'] ?? '' ] ?? '';
		if ( ! is_string( $content ) || '' === $address_type || str_contains( $content, self::BLOCK_NAME ) ) {
			return $content;
		}
		$placeholder = sprintf(
			'<div data-block-name="%1$s" data-address-type="%2$s" class="wp-block-korea-checkout-address-search"></div>',
			esc_attr( self::BLOCK_NAME ),
			esc_attr( $address_type )
		);
		$position    = strrpos( $content, '</div>' );
		return false === $position ? $content : substr_replace( $content, $placeholder, $position, 0 );
	}

	/**
	 * Enqueues one of our scripts with its settings and style.
	 *
	 * @param string             $feature   A folder of src/.
	 * @param array<int, string> $more_deps Extra dependencies.
	 */
	private function enqueue( string $feature, array $more_deps = array() ): void {
		if ( Assets::enqueue_script( $feature, $more_deps, 'koreaCheckoutAddressSearch', self::browser_config() ) ) {
			Assets::enqueue_style( $feature );
		}
	}
}
