<?php
/**
 * The text on the theme's primary colour: chosen for contrast unless the theme sets it.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Checkout;

use KoreaCheckout\Theme\CssVars;
use KoreaCheckout\Tests\Integration\TestCase;

/**
 * @covers \KoreaCheckout\Theme\CssVars
 */
final class PrimaryTextColourTest extends TestCase {

	/**
	 * Sets the theme's properties through the public filter.
	 *
	 * @param array<string, string> $vars Properties to set.
	 */
	private function theme( array $vars ): void {
		add_filter( 'korea_checkout_css_vars', static fn( array $defaults ): array => array_merge( $defaults, $vars ) );
	}

	public function test_the_default_blue_gets_white_text(): void {
		$this->assertSame( '#ffffff', CssVars::values()['--primary-text-color'] );
	}

	public function test_a_pale_primary_gets_black_text(): void {
		$this->theme( array( '--primary-color' => '#c0ffee' ) );
		$this->assertSame( '#000000', CssVars::values()['--primary-text-color'] );
		$this->assertStringContainsString( '--primary-text-color:#000000', CssVars::inline_css() );
	}

	public function test_the_theme_keeps_the_last_word(): void {
		$this->theme(
			array(
				'--primary-color'      => '#c0ffee',
				'--primary-text-color' => '#1a1a1a',
			)
		);
		$this->assertSame( '#1a1a1a', CssVars::values()['--primary-text-color'] );
	}

	public function test_a_colour_php_cannot_read_is_left_to_the_stylesheet(): void {
		$this->theme( array( '--primary-color' => 'oklch(0.7 0.15 150)' ) );
		$this->assertArrayNotHasKey( '--primary-text-color', CssVars::values() );
	}
}
