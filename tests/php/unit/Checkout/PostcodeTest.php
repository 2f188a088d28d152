<?php
/**
 * Korean postcodes.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Checkout;

use KoreaCheckout\Checkout\Postcode;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KoreaCheckout\Checkout\Postcode
 */
final class PostcodeTest extends TestCase {

	/**
	 * @dataProvider valid_postcodes
	 *
	 * @param string $typed      What the shopper typed.
	 * @param string $normalised What is stored.
	 */
	public function test_accepts_five_digit_postcodes_as_people_type_them( string $typed, string $normalised ): void {
		$this->assertTrue( Postcode::is_valid( $typed ) );
		$this->assertSame( $normalised, Postcode::normalize( $typed ) );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function valid_postcodes(): array {
		return array(
			'plain'             => array( '06236', '06236' ),
			'spaces around'     => array( ' 04524 ', '04524' ),
			'space inside'      => array( '063 36', '06336' ),
			'full-width digits' => array( '０６２３６', '06236' ),
			'ideographic space' => array( "06236\u{3000}", '06236' ),
		);
	}

	/**
	 * @dataProvider invalid_postcodes
	 *
	 * @param string $typed What the shopper typed.
	 */
	public function test_rejects_anything_else( string $typed ): void {
		$this->assertFalse( Postcode::is_valid( $typed ) );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public function invalid_postcodes(): array {
		return array(
			'empty'                   => array( '' ),
			'old six-digit with dash' => array( '135-080' ),
			'old six digits'          => array( '135080' ),
			'four digits'             => array( '0623' ),
			'letters'                 => array( '0623A' ),
			'US zip'                  => array( '90210-1234' ),
			'Arabic-Indic digits'     => array( '٠٦٢٣٦' ),
		);
	}
}
