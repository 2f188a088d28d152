<?php
/**
 * The plugin: checks what it needs, then starts its modules.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout;

defined( 'ABSPATH' ) || exit;

/**
 * Boots the plugin once. Each feature lives in a module of its own folder (`Gateway`, `Orders`, `Checkout`, `Admin`)
 * whose `register()` adds that feature's hooks; this class only decides whether they may start.
 */
final class Plugin {

	/**
	 * The one instance.
	 *
	 * @var Plugin|null
	 */
	private static ?Plugin $instance = null;

	/**
	 * Whether boot() already ran.
	 *
	 * @var bool
	 */
	private bool $booted = false;

	/**
	 * The one instance.
	 */
	public static function instance(): Plugin {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	/**
	 * Adds the hooks that decide, once all plugins are loaded, whether the plugin can run.
	 */
	public function boot(): void {
		if ( $this->booted ) {
			return;
		}
		$this->booted = true;

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
			new Checkout\Module(),
			new Admin\Module(),
		);
	}

	/**
	 * Declares support for High-Performance Order Storage and the cart and checkout blocks.
	 */
	public function declare_compatibility(): void {
		if ( ! class_exists( \Automattic\WooCommerce\Utilities\FeaturesUtil::class ) ) {
			return;
		}
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
