<?php
/**
 * Money conversions between WooCommerce amounts, minor units and the API's JSON numbers.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Api;

use KoreaCheckout\Api\Money;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KoreaCheckout\Api\Money
 */
final class MoneyTest extends TestCase {

	/**
	 * @dataProvider minor_cases
	 *
	 * @param mixed  $amount   Input.
	 * @param string $currency Currency.
	 * @param int    $expected Minor units.
	 */
	public function test_to_minor_reads_decimal_amounts_exactly( $amount, string $currency, int $expected ): void {
		$this->assertSame( $expected, Money::to_minor( $amount, $currency ) );
	}

	/**
	 * @return array<string, array{0: mixed, 1: string, 2: int}>
	 */
	public function minor_cases(): array {
		return array(
			'KRW string'                  => array( '29000', 'KRW', 29000 ),
			'KRW with zero decimals'      => array( '29000.00', 'KRW', 29000 ),
			'KRW int'                     => array( 15000, 'KRW', 15000 ),
			'KRW half rounds up'          => array( '1000.5', 'KRW', 1001 ),
			'KRW below half rounds down'  => array( '1000.49', 'KRW', 1000 ),
			'USD string'                  => array( '29.99', 'USD', 2999 ),
			'USD float that is not exact' => array( 0.1 + 0.2, 'USD', 30 ),
			'USD float 19.99'             => array( 19.99, 'USD', 1999 ),
			'USD one decimal'             => array( '5.5', 'USD', 550 ),
			'USD third decimal rounds'    => array( '10.005', 'USD', 1001 ),
			'USD leading dot'             => array( '.75', 'USD', 75 ),
			'lower-case currency'         => array( '12.34', 'usd', 1234 ),
			'negative'                    => array( '-3.10', 'USD', -310 ),
			'zero'                        => array( '0', 'KRW', 0 ),
		);
	}

	public function test_to_major_gives_the_wire_numbers(): void {
		$this->assertSame( 29000, Money::to_major( 29000, 'KRW' ) );
		$this->assertSame( 29.99, Money::to_major( 2999, 'USD' ) );
		$this->assertSame(
			'{"a":29.99,"b":0.1,"c":29000}',
			json_encode(
				array(
					'a' => Money::to_major( 2999, 'USD' ),
					'b' => Money::to_major( 10, 'USD' ),
					'c' => Money::to_major(
						29000,
						'KRW'
					),
				)
			)
		);
	}

	public function test_from_api_recovers_minor_units_from_decoded_json(): void {
		$decoded = json_decode( '{"krw": 29000, "usd": 29.99, "cents": 0.07, "big": 1234567.89}', true );
		$this->assertSame( 29000, Money::from_api( $decoded['krw'], 'KRW' ) );
		$this->assertSame( 2999, Money::from_api( $decoded['usd'], 'USD' ) );
		$this->assertSame( 7, Money::from_api( $decoded['cents'], 'USD' ) );
		$this->assertSame( 123456789, Money::from_api( $decoded['big'], 'USD' ) );
	}

	/**
	 * Amounts finer than the currency's minor unit.
	 *
	 * @return array<string, array{0: mixed, 1: string}>
	 */
	public function finer_than_a_minor_unit(): array {
		return array(
			'29000.4 won'        => array( json_decode( '29000.4' ), 'KRW' ),
			'29000.5 won'        => array( json_decode( '29000.5' ), 'KRW' ),
			'a string 29000.4'   => array( '29000.4', 'KRW' ),
			'29.995 dollars'     => array( json_decode( '29.995' ), 'USD' ),
			'half a cent'        => array( 0.005, 'USD' ),
			'infinity'           => array( INF, 'KRW' ),
			'not a number (NAN)' => array( NAN, 'KRW' ),
		);
	}

	/**
	 * An amount the service cannot have charged is refused, never rounded into one that matches an order.
	 *
	 * @dataProvider finer_than_a_minor_unit
	 * @param mixed  $amount   Decoded amount.
	 * @param string $currency Currency.
	 */
	public function test_from_api_refuses_fractions_of_a_minor_unit( $amount, string $currency ): void {
		$this->expectException( \InvalidArgumentException::class );
		Money::from_api( $amount, $currency );
	}

	public function test_from_api_refuses_what_is_not_a_number(): void {
		$this->expectException( \InvalidArgumentException::class );
		Money::from_api( array( 1 ), 'KRW' );
	}

	public function test_decimal_string_round_trips(): void {
		foreach ( array( 0, 1, 99, 100, 2999, 123456789 ) as $minor ) {
			$this->assertSame( $minor, Money::to_minor( Money::to_decimal_string( $minor, 'USD' ), 'USD' ) );
		}
		$this->assertSame( '0.05', Money::to_decimal_string( 5, 'USD' ) );
		$this->assertSame( '-1.50', Money::to_decimal_string( -150, 'USD' ) );
		$this->assertSame( '29000', Money::to_decimal_string( 29000, 'KRW' ) );
	}

	public function test_unsupported_currency_is_refused(): void {
		$this->assertFalse( Money::is_supported( 'EUR' ) );
		$this->assertTrue( Money::is_supported( 'krw' ) );
		$this->expectException( \InvalidArgumentException::class );
		Money::to_minor( '10', 'EUR' );
	}

	public function test_garbage_is_refused(): void {
		$this->expectException( \InvalidArgumentException::class );
		Money::to_minor( '12,000', 'KRW' );
	}
}
