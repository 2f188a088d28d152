<?php
/**
 * Korean phone numbers.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Checkout;

use KoreaCheckout\Checkout\PhoneNumber;
use PHPUnit\Framework\TestCase;

/**
 * The cases live in phone-numbers.json, which the browser's copy of the rules is tested against too.
 *
 * @covers \KoreaCheckout\Checkout\PhoneNumber
 */
final class PhoneNumberTest extends TestCase {

	/**
	 * @dataProvider accepted_numbers
	 *
	 * @param string $typed         What the shopper typed.
	 * @param string $national      How Koreans write it.
	 * @param string $international What the service receives.
	 */
	public function test_reads_korean_numbers_as_people_type_them( string $typed, string $national, string $international ): void {
		$number = PhoneNumber::parse( $typed );
		$this->assertNotNull( $number, $typed );
		$this->assertSame( $national, $number->national() );
		$this->assertSame( $international, $number->international() );
		$this->assertSame( $international, PhoneNumber::for_service( $typed, 'KR' ) );
		$this->assertTrue( PhoneNumber::is_acceptable( $typed, 'KR' ) );
	}

	/**
	 * @dataProvider refused_numbers
	 *
	 * @param string $typed What the shopper typed.
	 */
	public function test_refuses_what_cannot_be_a_korean_number( string $typed ): void {
		$this->assertNull( PhoneNumber::parse( $typed ), $typed );
		if ( '' !== trim( $typed ) ) {
			$this->assertFalse( PhoneNumber::is_acceptable( $typed, 'KR' ), $typed );
		}
	}

	public function test_an_empty_number_is_left_to_the_required_field_check(): void {
		$this->assertTrue( PhoneNumber::is_acceptable( '', 'KR' ) );
		$this->assertTrue( PhoneNumber::is_acceptable( '  ', 'kr' ) );
	}

	public function test_other_countries_keep_what_woocommerce_accepts(): void {
		$this->assertTrue( PhoneNumber::is_acceptable( '+81 90-1234-5678', 'JP' ) );
		$this->assertTrue( PhoneNumber::is_acceptable( '415 555 0100', 'US' ) );
		$this->assertSame( '+81 90-1234-5678', PhoneNumber::for_service( ' +81 90-1234-5678 ', 'JP' ) );
		$this->assertSame( '010-1234-5678', PhoneNumber::for_service( '010-1234-5678', 'JP' ), 'without +82 a foreign address keeps the number as typed' );
	}

	public function test_a_number_written_with_82_is_korean_whatever_the_address(): void {
		$this->assertSame( '+82-10-1234-5678', PhoneNumber::for_service( '+82 10 1234 5678', 'JP' ) );
		$this->assertSame( '+82-2-123-4567', PhoneNumber::for_service( '0082 2 123 4567', '' ) );
	}

	public function test_a_korean_address_with_an_unreadable_number_sends_it_as_typed(): void {
		// Checkout refuses such numbers; orders made elsewhere (admin, REST) still reach the service unchanged.
		$this->assertSame( '12345', PhoneNumber::for_service( ' 12345 ', 'KR' ) );
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: string}>
	 */
	public function accepted_numbers(): array {
		$cases = array();
		foreach ( self::cases()['accepted'] as $case ) {
			$cases[ $case[0] ] = $case;
		}
		return $cases;
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public function refused_numbers(): array {
		$cases = array();
		foreach ( self::cases()['refused'] as $typed ) {
			$cases[ '"' . $typed . '"' ] = array( $typed );
		}
		return $cases;
	}

	/**
	 * @return array{accepted: array<int, array{0: string, 1: string, 2: string}>, refused: array<int, string>}
	 */
	private static function cases(): array {
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a test fixture.
		return json_decode( (string) file_get_contents( __DIR__ . '/phone-numbers.json' ), true );
	}
}
