<?php
/**
 * The plugin: checks what it needs, keeps its database up to date, then starts its modules.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout;

defined( 'ABSPATH' ) || exit;

/**
 * Boots the plugin. Each feature lives in a module of its own folder (`Gateway`, `Orders`, `Webhook`,
 * `Checkout`, `Admin`) whose `register()` adds that feature's hooks; this class only decides whether they may
 * start, and names the two facts every module shares.
 */
final class Plugin {

	/**
	 * The WooCommerce payment gateway id, and so the payment method of every order this plugin handles.
	 */
	public const GATEWAY_ID = 'korea_checkout';

	/**
	 * The namespace of the plugin's REST routes (webhook, order status, settings, connection test).
	 */
	public const REST_NAMESPACE = 'korea-checkout/v1';

	/**
	 * Adds the hooks that decide, once all plugins are loaded, whether the plugin can run.
	 */
	public function boot(): void {
		register_activation_hook( KOREA_CHECKOUT_FILE, array( Schema::class, 'activate' ) );
		add_action( 'before_woocommerce_init', array( $this, 'declare_compatibility' ) );
		add_action( 'init', array( $this, 'load_textdomain' ) );
		add_action( 'plugins_loaded', array( $this, 'start' ), 20 );
	}

	/**
	 * Starts the modules when WooCommerce is there and new enough, else explains why not.
	 */
	public function start(): void {
		if ( ! Requirements::met() ) {
			Requirements::show_notice();
			return;
		}

		Schema::register();
		foreach ( $this->modules() as $module ) {
			$module->register();
		}

		/**
		 * Fires once the plugin's modules have added their hooks.
		 *
		 * @since 0.1.0
		 */
		do_action( 'korea_checkout_loaded' );
	}

	/**
	 * The feature modules, in the order they start.
	 *
	 * @return array<int, object{register: callable}>
	 */
	private function modules(): array {
		return array(
			new Gateway\Module(),
			new Orders\Module(),
			new Webhook\Module(),
			new Checkout\Module(),
			new Admin\Module(),
		);
	}

	/**
	 * Declares support for High-Performance Order Storage and the cart and checkout blocks.
	 */
	public function declare_compatibility(): void {
		\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', KOREA_CHECKOUT_FILE, true );
		\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'cart_checkout_blocks', KOREA_CHECKOUT_FILE, true );
	}

	/**
	 * Loads the plugin's translations from its own languages folder (WordPress.org packs take precedence).
	 */
	public function load_textdomain(): void {
		load_plugin_textdomain( 'korea-checkout', false, dirname( plugin_basename( KOREA_CHECKOUT_FILE ) ) . '/languages' );
	}
}
