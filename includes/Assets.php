<?php
/**
 * The one place that turns the built scripts and styles into WordPress handles.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout;

use KoreaCheckout\Theme\CssVars;

defined( 'ABSPATH' ) || exit;

/**
 * `build/<feature>.js` (with its `.asset.php`) becomes the script `korea-checkout-<feature>`, with its dependencies,
 * version and translations; `build/<feature>.css` the style of the same handle. Every module enqueues through
 * here, and only from hooks that fire where its feature is shown (a checkout, an order-received page, the order
 * screen, the settings page), so other pages get nothing of ours.
 */
final class Assets {

	/**
	 * Handle of the stylesheet that carries the theme's custom properties.
	 */
	public const THEME_HANDLE = 'korea-checkout-ui';

	/**
	 * The handle of a feature.
	 *
	 * @param string $feature A folder of src/.
	 */
	public static function handle( string $feature ): string {
		return 'korea-checkout-' . $feature;
	}

	/**
	 * Registers `build/<feature>.js` with its dependencies and translations; returns the handle, or '' when the
	 * plugin was not built.
	 *
	 * @param string             $feature   A folder of src/.
	 * @param array<int, string> $more_deps Dependencies the asset file does not list (e.g. jquery).
	 */
	public static function register_script( string $feature, array $more_deps = array() ): string {
		$handle = self::handle( $feature );
		if ( wp_script_is( $handle, 'registered' ) ) {
			return $handle;
		}
		$asset_file = KOREA_CHECKOUT_PATH . 'build/' . $feature . '.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			return '';
		}
		$asset = require $asset_file;
		wp_register_script(
			$handle,
			KOREA_CHECKOUT_URL . 'build/' . $feature . '.js',
			array_merge( $asset['dependencies'] ?? array(), $more_deps ),
			$asset['version'] ?? KOREA_CHECKOUT_VERSION,
			array( 'in_footer' => true )
		);
		wp_set_script_translations( $handle, 'korea-checkout', KOREA_CHECKOUT_PATH . 'languages' );
		return $handle;
	}

	/**
	 * Registers and enqueues a feature's script, with `window.<name> = <data>` printed before it when data is
	 * given. False when the plugin was not built.
	 *
	 * @param string               $feature   A folder of src/.
	 * @param array<int, string>   $more_deps Dependencies the asset file does not list.
	 * @param string               $name      Global the script reads its data from ('' for none).
	 * @param array<mixed>         $data      Its data (an object or a list in JSON).
	 */
	public static function enqueue_script( string $feature, array $more_deps = array(), string $name = '', array $data = array() ): bool {
		$handle = self::register_script( $feature, $more_deps );
		if ( '' === $handle ) {
			return false;
		}
		if ( '' !== $name ) {
			wp_add_inline_script( $handle, 'window.' . $name . ' = ' . wp_json_encode( $data ) . ';', 'before' );
		}
		wp_enqueue_script( $handle );
		return true;
	}

	/**
	 * Enqueues `build/<feature>.css` when the build made one, and, for the shopper's side, the theme's custom
	 * properties (printed once, scoped to our own class).
	 *
	 * @param string             $feature A folder of src/.
	 * @param bool               $themed  Whether the style reads the theme's properties (checkout UI).
	 * @param array<int, string> $deps    Styles it builds on (e.g. wp-components).
	 */
	public static function enqueue_style( string $feature, bool $themed = true, array $deps = array() ): void {
		$file = KOREA_CHECKOUT_PATH . 'build/' . $feature . '.css';
		if ( is_readable( $file ) ) {
			wp_enqueue_style( self::handle( $feature ), KOREA_CHECKOUT_URL . 'build/' . $feature . '.css', $deps, (string) filemtime( $file ) );
		}
		if ( $themed && ! wp_style_is( self::THEME_HANDLE, 'enqueued' ) ) {
			// A handle without a file: it only carries the inline rule.
			wp_register_style( self::THEME_HANDLE, false, array(), KOREA_CHECKOUT_VERSION );
			wp_enqueue_style( self::THEME_HANDLE );
			wp_add_inline_style( self::THEME_HANDLE, CssVars::inline_css() );
		}
	}
}
