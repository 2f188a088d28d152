<?php
/**
 * `korea_checkout_css_vars` through WordPress.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Checkout;

use KoreaCheckout\Theme\CssVars;
use KoreaCheckout\Tests\Integration\TestCase;

/**
 * @covers \KoreaCheckout\Theme\CssVars
 */
final class CssVarsTest extends TestCase {

	public function test_the_services_example_changes_the_values_and_unsafe_ones_are_dropped(): void {
		add_filter(
			'korea_checkout_css_vars',
			static function ( $vars ) {
				$vars['--primary-color'] = '#03c75a';
				$vars['--button-radius'] = '8px';
				$vars['--evil']          = 'red;}body{background:url(https://evil.test/)';
				return $vars;
			}
		);
		$values = CssVars::values();
		$this->assertSame( '#03c75a', $values['--primary-color'] );
		$this->assertSame( '8px', $values['--button-radius'] );
		$this->assertArrayNotHasKey( '--evil', $values );
		$this->assertStringStartsWith( '.korea-checkout-ui{--primary-color:#03c75a;', CssVars::inline_css() );
	}

	public function test_a_filter_returning_nonsense_gives_no_properties(): void {
		add_filter( 'korea_checkout_css_vars', static fn() => 'color:red' );
		$this->assertSame( array(), CssVars::values() );
		$this->assertSame( '', CssVars::inline_css() );
	}
}
