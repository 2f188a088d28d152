<?php
/**
 * Folding order lines into items that add up to the order total.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Gateway;

use KoreaCheckout\Gateway\LineFolder;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KoreaCheckout\Gateway\LineFolder
 */
final class LineFolderTest extends TestCase {

	/**
	 * Sum of price × quantity.
	 *
	 * @param array<int, array{price: int, quantity: int}> $items Items.
	 */
	private static function sum( array $items ): int {
		return array_sum( array_map( static fn( array $i ): int => $i['price'] * $i['quantity'], $items ) );
	}

	public function test_lines_that_add_up_are_sent_with_unit_prices(): void {
		$items = LineFolder::fold(
			array(
				array(
					'name'       => 'Hanbok',
					'quantity'   => 2,
					'amount'     => 58000,
					'product_id' => '12',
				),
				array(
					'name'     => 'Shipping',
					'quantity' => 1,
					'amount'   => 3000,
				),
			),
			61000,
			'Order #1'
		);
		$this->assertSame(
			array(
				array(
					'name'      => 'Hanbok',
					'price'     => 29000,
					'quantity'  => 2,
					'productId' => '12',
				),
				array(
					'name'     => 'Shipping',
					'price'    => 3000,
					'quantity' => 1,
				),
			),
			$items
		);
	}

	public function test_a_line_whose_unit_price_is_not_whole_becomes_one_line_total(): void {
		// 3 × 10,000 with a 1,000 won coupon: 29,000 / 3 is not a whole amount.
		$items = LineFolder::fold(
			array(
				array(
					'name'     => 'Tea',
					'quantity' => 3,
					'amount'   => 29000,
				),
			),
			29000,
			'Order #2'
		);
		$this->assertSame(
			array(
				array(
					'name'     => 'Tea × 3',
					'price'    => 29000,
					'quantity' => 1,
				),
			),
			$items
		);
	}

	public function test_a_discount_fee_is_spread_over_the_lines_without_negatives(): void {
		$items = LineFolder::fold(
			array(
				array(
					'name'     => 'A',
					'quantity' => 1,
					'amount'   => 10000,
				),
				array(
					'name'     => 'B',
					'quantity' => 1,
					'amount'   => 20000,
				),
				array(
					'name'     => 'Shipping',
					'quantity' => 1,
					'amount'   => 3000,
				),
				array(
					'name'     => 'Member discount',
					'quantity' => 1,
					'amount'   => -3300,
				),
			),
			29700,
			'Order #3'
		);
		$this->assertCount( 3, $items );
		$this->assertSame( 29700, self::sum( $items ) );
		$this->assertSame( array( 9000, 18000, 2700 ), array_column( $items, 'price' ) );
	}

	public function test_a_rounding_remainder_still_adds_up(): void {
		// Tax rounding: lines say 10,001 + 10,001 but WooCommerce's total is 20,001.
		$items = LineFolder::fold(
			array(
				array(
					'name'     => 'A',
					'quantity' => 1,
					'amount'   => 10001,
				),
				array(
					'name'     => 'B',
					'quantity' => 1,
					'amount'   => 10001,
				),
			),
			20001,
			'Order #4'
		);
		$this->assertSame( 20001, self::sum( $items ) );
		foreach ( $items as $item ) {
			$this->assertGreaterThanOrEqual( 0, $item['price'] );
		}
	}

	public function test_a_discount_as_large_as_the_order_leaves_zero_prices(): void {
		$items = LineFolder::fold(
			array(
				array(
					'name'     => 'A',
					'quantity' => 2,
					'amount'   => 5000,
				),
				array(
					'name'     => 'Voucher',
					'quantity' => 1,
					'amount'   => -5000,
				),
			),
			0,
			'Order #5'
		);
		$this->assertSame(
			array(
				array(
					'name'     => 'A',
					'price'    => 0,
					'quantity' => 2,
				),
			),
			$items
		);
	}

	public function test_no_line_with_an_amount_gives_one_order_line(): void {
		$items = LineFolder::fold(
			array(
				array(
					'name'     => 'Free gift',
					'quantity' => 1,
					'amount'   => 0,
				),
			),
			5000,
			'Order #6'
		);
		$this->assertSame(
			array(
				array(
					'name'     => 'Order #6',
					'price'    => 5000,
					'quantity' => 1,
				),
			),
			$items
		);
	}

	public function test_many_random_orders_always_add_up_with_no_negative_price(): void {
		mt_srand( 20261125 );
		for ( $run = 0; $run < 500; $run++ ) {
			$lines = array();
			$count = mt_rand( 1, 6 );
			for ( $i = 0; $i < $count; $i++ ) {
				$lines[] = array(
					'name'     => 'L' . $i,
					'quantity' => mt_rand( 1, 7 ),
					'amount'   => mt_rand( 0, 300000 ),
				);
			}
			$sum = array_sum( array_column( $lines, 'amount' ) );
			if ( mt_rand( 0, 1 ) ) {
				$lines[] = array(
					'name'     => 'Discount',
					'quantity' => 1,
					'amount'   => -mt_rand( 0, $sum ),
				);
			}
			$total = max( 0, array_sum( array_column( $lines, 'amount' ) ) + mt_rand( -3, 3 ) );
			$items = LineFolder::fold( $lines, $total, 'Order' );

			$this->assertSame( $total, self::sum( $items ), 'run ' . $run );
			foreach ( $items as $item ) {
				$this->assertGreaterThanOrEqual( 0, $item['price'], 'run ' . $run );
				$this->assertGreaterThanOrEqual( 1, $item['quantity'], 'run ' . $run );
			}
		}
	}

	public function test_a_negative_total_is_refused(): void {
		$this->expectException( \InvalidArgumentException::class );
		LineFolder::fold( array(), -1, 'Order' );
	}
}
