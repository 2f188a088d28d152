<?php
/**
 * The whitelist of CSS custom properties from `korea_checkout_css_vars`.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Theme;

use KoreaCheckout\Theme\CssValueFilter;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KoreaCheckout\Theme\CssValueFilter
 */
final class CssValueFilterTest extends TestCase {

	public function test_keeps_the_values_of_the_services_own_example(): void {
		$vars = array(
			'--primary-color' => '#0064ff',
			'--button-radius' => '8px',
		);
		$this->assertSame( $vars, CssValueFilter::filter( $vars ) );
	}

	public function test_keeps_everyday_css_values_and_tidies_whitespace(): void {
		$this->assertSame(
			array(
				'--shadow'      => '0 1px 2px rgba(0, 0, 0, 0.2)',
				'--gap'         => 'calc(1rem + 2px)',
				'--font-family' => 'Pretendard, system-ui, sans-serif',
				'--weight'      => '700',
				'--ratio'       => '1.5',
				'--accent'      => 'hsl(210 100% 50% / 80%)',
			),
			CssValueFilter::filter(
				array(
					'--shadow'      => " 0 1px  2px\trgba(0, 0, 0, 0.2) ",
					'--gap'         => 'calc(1rem + 2px)',
					'--font-family' => 'Pretendard, system-ui, sans-serif',
					'--weight'      => 700,
					'--ratio'       => 1.5,
					'--accent'      => 'hsl(210 100% 50% / 80%)',
				)
			)
		);
	}

	/**
	 * @dataProvider unsafe_values
	 *
	 * @param mixed $value A value that must be dropped.
	 */
	public function test_drops_values_that_could_leave_the_declaration_or_load_something( $value ): void {
		$this->assertSame( array(), CssValueFilter::filter( array( '--primary-color' => $value ) ) );
		$this->assertNull( CssValueFilter::clean_value( $value ) );
	}

	/**
	 * @return array<string, array{0: mixed}>
	 */
	public function unsafe_values(): array {
		return array(
			'semicolon'           => array( 'red; background: red' ),
			'closing brace'       => array( 'red} body{display:none' ),
			'opening brace'       => array( 'red{' ),
			'closing style tag'   => array( 'red</style><script>alert(1)</script>' ),
			'angle bracket'       => array( '<b>' ),
			'backslash escape'    => array( '\\75 rl(x)' ),
			'double quote'        => array( '"Noto Sans KR"' ),
			'single quote'        => array( "'x'" ),
			'url'                 => array( 'url(https://evil.test/x.png)' ),
			'url upper case'      => array( 'URL(//evil.test/x)' ),
			'url with spaces'     => array( 'url (x)' ),
			'image-set'           => array( 'image-set(x 1x)' ),
			'image'               => array( 'image(x)' ),
			'expression'          => array( 'expression(alert(1))' ),
			'at-import'           => array( '@import x' ),
			'javascript'          => array( 'javascript:alert(1)' ),
			'comment'             => array( 'red /* x */' ),
			'unbalanced bracket'  => array( 'rgba(0,0,0' ),
			'newline injection'   => array( "red\n}" ),
			'empty'               => array( '' ),
			'only spaces'         => array( '   ' ),
			'too long'            => array( str_repeat( 'a', 201 ) ),
			'array'               => array( array( 'red' ) ),
			'null'                => array( null ),
			'bool'                => array( true ),
			'non-ASCII'           => array( '빨강' ),
			'exclamation'         => array( 'red !important' ),
			'ampersand'           => array( 'a&b' ),
			'nested custom var'   => array( 'var(--x)' ),
			'attr'                => array( 'attr(data-x)' ),
			'brackets not nested' => array( 'x)(' ),
			'closed before open'  => array( 'calc(1px) ) (2px' ),
			'left open'           => array( 'calc((1px + 2px)' ),
		);
	}

	/**
	 * @dataProvider bad_names
	 *
	 * @param mixed $name A property name that must be dropped.
	 */
	public function test_drops_names_that_are_not_short_lowercase_custom_properties( $name ): void {
		$this->assertSame( array(), CssValueFilter::filter( array( $name => 'red' ) ) );
	}

	/**
	 * @return array<string, array{0: mixed}>
	 */
	public function bad_names(): array {
		return array(
			'no dashes'   => array( 'color' ),
			'one dash'    => array( '-primary' ),
			'only dashes' => array( '--' ),
			'upper case'  => array( '--Primary' ),
			'underscore'  => array( '--primary_color' ),
			'breaks out'  => array( '--x:red;}body{' ),
			'space'       => array( '--primary color' ),
			'too long'    => array( '--' . str_repeat( 'a', 41 ) ),
			'integer key' => array( 0 ),
		);
	}

	public function test_accepts_names_up_to_forty_characters_after_the_dashes(): void {
		$name = '--' . str_repeat( 'a', 40 );
		$this->assertSame( array( $name => 'red' ), CssValueFilter::filter( array( $name => 'red' ) ) );
	}

	public function test_keeps_safe_entries_beside_unsafe_ones(): void {
		$this->assertSame(
			array( '--button-radius' => '8px' ),
			CssValueFilter::filter(
				array(
					'--primary-color' => 'url(x)',
					'--button-radius' => '8px',
				)
			)
		);
	}

	public function test_anything_but_an_array_gives_no_properties(): void {
		$this->assertSame( array(), CssValueFilter::filter( 'color: red' ) );
		$this->assertSame( array(), CssValueFilter::filter( null ) );
	}

	public function test_prints_one_scoped_rule(): void {
		$this->assertSame(
			'.korea-checkout-ui{--primary-color:#0064ff;--button-radius:8px}',
			CssValueFilter::to_rule(
				'.korea-checkout-ui',
				array(
					'--primary-color' => '#0064ff',
					'--button-radius' => '8px',
				)
			)
		);
		$this->assertSame( '', CssValueFilter::to_rule( '.korea-checkout-ui', array() ) );
	}
}
