<?php
/**
 * The `korea_checkout_css_vars` filter: the custom properties that style our checkout UI and the hosted page.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Theme;

defined( 'ABSPATH' ) || exit;

/**
 * Collects the theme's custom properties, keeps the safe ones and prints them scoped to our own UI.
 */
final class CssVars {

	/**
	 * The class on every element the plugin renders in a checkout; the properties are declared on it only,
	 * so they reach our UI and never the theme's.
	 */
	public const SCOPE_CLASS = 'korea-checkout-ui';

	/**
	 * The properties before any filter. The primary colour reads well on light and dark themes alike; the text
	 * on it is chosen in values(), unless the theme sets `--primary-text-color` itself.
	 *
	 * @return array<string, string>
	 */
	public static function defaults(): array {
		return array(
			'--primary-color' => '#1b64da',
			'--button-radius' => '6px',
			'--border-radius' => '8px',
			'--font-family'   => 'inherit',
		);
	}

	/**
	 * The filtered properties, unsafe names and values dropped, and `--primary-text-color` added when the
	 * theme did not set it: white or black, whichever contrasts more with `--primary-color` (at least 4.5:1).
	 * Without a primary colour we can read, the stylesheets choose (see src/address-search/address-search.css).
	 *
	 * @return array<string, string>
	 */
	public static function values(): array {
		/**
		 * Filters the CSS custom properties of the plugin's checkout UI and of the hosted checkout page.
		 *
		 * Keys are custom property names (`--[a-z0-9-]`, at most 40 characters after the dashes); values are
		 * plain CSS values. A value that could end the declaration or load a resource (`;`, braces, quotes,
		 * backslashes, `<`, `>`, `url(`, `image-set(`, `expression(`, `@import` and the like) is dropped.
		 *
		 * The plugin reads `--primary-color` (buttons, the chosen method's border), `--primary-text-color`
		 * (text on the primary colour: when left out, white or black is chosen for contrast, so set it only to
		 * override that choice), `--button-radius`, `--border-radius` and `--font-family`; the hosted page
		 * reads these and its own (see its documentation).
		 *
		 * Example:
		 *     add_filter( 'korea_checkout_css_vars', function ( $vars ) {
		 *         $vars['--primary-color'] = '#03c75a';
		 *         $vars['--button-radius'] = '8px';
		 *         return $vars;
		 *     } );
		 *
		 * @since 0.1.0
		 *
		 * @param array<string, string> $vars Custom properties keyed by name.
		 */
		$filtered = apply_filters( 'korea_checkout_css_vars', self::defaults() );
		$values   = CssValueFilter::filter( $filtered );
		if ( isset( $values['--primary-color'] ) && ! isset( $values['--primary-text-color'] ) ) {
			$text = Contrast::text_on( $values['--primary-color'] );
			if ( null !== $text ) {
				$values['--primary-text-color'] = $text;
			}
		}
		return $values;
	}

	/**
	 * The rule to print after our stylesheet.
	 */
	public static function inline_css(): string {
		return CssValueFilter::to_rule( '.' . self::SCOPE_CLASS, self::values() );
	}
}
