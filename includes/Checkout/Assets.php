<?php
/**
 * Registers the built scripts and styles of the checkout UI.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

use KoreaCheckout\Theme\CssVars;

defined( 'ABSPATH' ) || exit;

/**
 * One place that knows how `build/<feature>.js` (+ `.asset.php`, `.css`) become WordPress handles. Callers
 * enqueue them only from hooks that fire where a checkout renders, so other pages get nothing of ours.
 */
final class Assets {

	/**
	 * Handle of the stylesheet that carries the theme's custom properties.
	 */
	public const STYLE_HANDLE = 'korea-checkout-ui';

	/**
	 * Registers `build/<feature>.js` as `korea-checkout-<feature>` with its dependencies and translations.
	 * Returns the handle, or '' when the plugin was not built.
	 *
	 * @param string             $feature   A folder of src/.
	 * @param array<int, string> $more_deps Dependencies the asset file does not list (e.g. jquery).
	 */
	public static function register_script( string $feature, array $more_deps = array() ): string {
		$handle = 'korea-checkout-' . $feature;
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
		self::register_style( $feature );
		return $handle;
	}

	/**
	 * Enqueues the feature's stylesheet (when the build made one) with the theme's custom properties,
	 * which are printed once, scoped to our own class.
	 *
	 * @param string $feature A folder of src/.
	 */
	public static function enqueue_style( string $feature ): void {
		$handle = 'korea-checkout-' . $feature;
		if ( wp_style_is( $handle, 'registered' ) ) {
			wp_enqueue_style( $handle );
		}
		if ( ! wp_style_is( self::STYLE_HANDLE, 'enqueued' ) ) {
			// A handle without a file: it only carries the inline rule.
			wp_register_style( self::STYLE_HANDLE, false, array(), KOREA_CHECKOUT_VERSION );
			wp_enqueue_style( self::STYLE_HANDLE );
			wp_add_inline_style( self::STYLE_HANDLE, CssVars::inline_css() );
		}
	}

	/**
	 * Registers `build/<feature>.css` when it exists.
	 *
	 * @param string $feature A folder of src/.
	 */
	private static function register_style( string $feature ): void {
		$file = KOREA_CHECKOUT_PATH . 'build/' . $feature . '.css';
		if ( is_readable( $file ) ) {
			wp_register_style( 'korea-checkout-' . $feature, KOREA_CHECKOUT_URL . 'build/' . $feature . '.css', array(), (string) filemtime( $file ) );
		}
	}
}
