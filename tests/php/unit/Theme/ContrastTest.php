<?php
/**
 * Text colour on the theme's primary colour.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Theme;

use KoreaCheckout\Theme\Contrast;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KoreaCheckout\Theme\Contrast
 * @covers \KoreaCheckout\Theme\NamedColours
 */
final class ContrastTest extends TestCase {

	/**
	 * @dataProvider backgrounds
	 *
	 * @param string $background A CSS colour.
	 * @param string $text       The text colour expected on it.
	 */
	public function test_picks_the_text_colour_that_reads_on_the_background( string $background, string $text ): void {
		$this->assertSame( $text, Contrast::text_on( $background ) );
		$rgb = Contrast::parse( $background );
		$this->assertNotNull( $rgb );
		$this->assertGreaterThanOrEqual( 4.5, Contrast::ratio( $rgb, Contrast::parse( $text ) ?? array( 0, 0, 0 ) ) );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function backgrounds(): array {
		return array(
			'the plugin default'         => array( '#1b64da', Contrast::WHITE ),
			'the issue\'s pale theme'    => array( '#c0ffee', Contrast::BLACK ),
			'NaverPay green'             => array( '#03c75a', Contrast::BLACK ),
			'KakaoPay yellow'            => array( '#fee500', Contrast::BLACK ),
			'Toss blue'                  => array( '#0064ff', Contrast::WHITE ),
			'short hex'                  => array( '#000', Contrast::WHITE ),
			'upper case'                 => array( '#FFF', Contrast::BLACK ),
			'hex with alpha, over white' => array( '#00000033', Contrast::BLACK ),
			'named'                      => array( 'rebeccapurple', Contrast::WHITE ),
			'named, any case'            => array( 'Gold', Contrast::BLACK ),
			'rgb with commas'            => array( 'rgb(3, 199, 90)', Contrast::BLACK ),
			'rgb with spaces'            => array( 'rgb(27 100 218)', Contrast::WHITE ),
			'rgb in percent'             => array( 'rgb(10% 20% 60%)', Contrast::WHITE ),
			'rgba, mostly transparent'   => array( 'rgba(0, 0, 0, 0.2)', Contrast::BLACK ),
			'rgb with slash alpha'       => array( 'rgb(0 0 0 / 90%)', Contrast::WHITE ),
			'hsl dark'                   => array( 'hsl(210 100% 20%)', Contrast::WHITE ),
			'hsl with commas and alpha'  => array( 'hsla(60, 100%, 50%, 0.5)', Contrast::BLACK ),
			'hsl in turns'               => array( 'hsl(0.5turn 80% 20%)', Contrast::WHITE ),
			'mid grey, just under'       => array( '#757575', Contrast::WHITE ),
			'mid grey, just over'        => array( '#777777', Contrast::BLACK ),
		);
	}

	/**
	 * @dataProvider unreadable
	 *
	 * @param string $value Not a colour Contrast reads.
	 */
	public function test_leaves_values_it_cannot_read_to_the_stylesheet( string $value ): void {
		$this->assertNull( Contrast::text_on( $value ) );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public function unreadable(): array {
		return array(
			'empty'          => array( '' ),
			'five hex'       => array( '#12345' ),
			'not hex'        => array( '#ggg' ),
			'oklch'          => array( 'oklch(0.7 0.1 200)' ),
			'color-mix'      => array( 'color-mix(in srgb, red 50%, blue)' ),
			'transparent'    => array( 'transparent' ),
			'currentcolor'   => array( 'currentcolor' ),
			'two arguments'  => array( 'rgb(1, 2)' ),
			'hue in percent' => array( 'hsl(50% 50% 50%)' ),
			'a word inside'  => array( 'rgb(red, 0, 0)' ),
		);
	}

	public function test_every_colour_gets_text_of_at_least_4_5_to_1(): void {
		$worst = 21.0;
		for ( $r = 0; $r < 256; $r += 15 ) {
			for ( $g = 0; $g < 256; $g += 15 ) {
				for ( $b = 0; $b < 256; $b += 15 ) {
					$hex   = sprintf( '#%02x%02x%02x', $r, $g, $b );
					$text  = Contrast::parse( (string) Contrast::text_on( $hex ) );
					$worst = min( $worst, Contrast::ratio( array( $r, $g, $b ), $text ?? array( 128, 128, 128 ) ) );
				}
			}
		}
		$this->assertGreaterThanOrEqual( 4.5, $worst );
	}

	public function test_ratio_follows_wcag(): void {
		$this->assertEqualsWithDelta( 21.0, Contrast::ratio( array( 0, 0, 0 ), array( 255, 255, 255 ) ), 0.001 );
		$this->assertEqualsWithDelta( 1.0, Contrast::ratio( array( 12, 34, 56 ), array( 12, 34, 56 ) ), 0.001 );
		// #767676 on white is the well-known 4.54:1.
		$this->assertEqualsWithDelta( 4.54, Contrast::ratio( array( 118, 118, 118 ), array( 255, 255, 255 ) ), 0.01 );
	}
}
