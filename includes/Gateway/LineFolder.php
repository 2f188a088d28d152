<?php
/**
 * Folds an order's lines, shipping, fees and discounts into items that add up to the order total exactly.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

defined( 'ABSPATH' ) || exit;

/**
 * The API wants `sum(price × quantity) == totalAmount` with no negative price. WooCommerce already carries
 * each product line after its coupon discounts; what is left to fold in is negative fees (discounts added as
 * fees) and rounding remainders. Those are spread over the lines in proportion to their amounts, the last
 * units going to the lines with the largest remainders, so no line ever drops below zero.
 *
 * Works in integers of the currency's minor unit only. Pure: plain arrays in, plain arrays out.
 */
final class LineFolder {

	/**
	 * The items to send.
	 *
	 * @param array<int, array{name: string, quantity: int, amount: int, product_id?: string}> $lines Order lines:
	 *        `amount` is the line's total in minor units (tax included, after discounts; negative for a discount fee).
	 * @param int                                                                               $total        The order total in minor units.
	 * @param string                                                                            $fallback_name Name of the single line used when no line can carry the total.
	 * @return array<int, array{name: string, price: int, quantity: int, productId?: string}>
	 * @throws \InvalidArgumentException When the total is negative.
	 */
	public static function fold( array $lines, int $total, string $fallback_name ): array {
		if ( $total < 0 ) {
			throw new \InvalidArgumentException( 'An order total cannot be negative.' );
		}
		$positive = array_values(
			array_filter(
				$lines,
				static fn( array $line ): bool => $line['amount'] >= 0
			)
		);
		$sum      = array_sum( array_column( $positive, 'amount' ) );

		if ( 0 === $sum ) {
			return array(
				array(
					'name'     => $fallback_name,
					'price'    => $total,
					'quantity' => 1,
				),
			);
		}

		$amounts = self::spread( array_column( $positive, 'amount' ), $total - $sum );

		$items = array();
		foreach ( $positive as $index => $line ) {
			$items[] = self::item( $line, $amounts[ $index ] );
		}
		return $items;
	}

	/**
	 * Adds $difference (possibly negative) across $amounts in proportion, keeping every amount at zero or more.
	 *
	 * @param array<int, int> $amounts    Non-negative amounts with a positive sum.
	 * @param int             $difference What the sum must change by; never below -sum.
	 * @return array<int, int>
	 */
	public static function spread( array $amounts, int $difference ): array {
		$sum = array_sum( $amounts );
		if ( 0 === $difference || 0 === $sum ) {
			return $amounts;
		}
		$magnitude  = abs( $difference );
		$direction  = $difference > 0 ? 1 : -1;
		$shares     = array();
		$remainders = array();
		foreach ( $amounts as $i => $amount ) {
			// intdiv keeps this exact for any amount a store can hold (well below PHP_INT_MAX / magnitude).
			$shares[ $i ]     = intdiv( $amount * $magnitude, $sum );
			$remainders[ $i ] = ( $amount * $magnitude ) % $sum;
		}
		$left = $magnitude - array_sum( $shares );
		arsort( $remainders );
		foreach ( array_keys( $remainders ) as $i ) {
			if ( $left <= 0 ) {
				break;
			}
			if ( $direction < 0 && $shares[ $i ] >= $amounts[ $i ] ) {
				continue;
			}
			++$shares[ $i ];
			--$left;
		}
		$result = array();
		foreach ( $amounts as $i => $amount ) {
			$result[ $i ] = $amount + $direction * $shares[ $i ];
		}
		return $result;
	}

	/**
	 * One item: the unit price when the amount divides by the quantity, else quantity 1 at the line total.
	 *
	 * @param array{name: string, quantity: int, amount: int, product_id?: string} $line   The line.
	 * @param int                                                                   $amount Its amount after folding.
	 * @return array{name: string, price: int, quantity: int, productId?: string}
	 */
	private static function item( array $line, int $amount ): array {
		$quantity = max( 1, (int) $line['quantity'] );
		$name     = '' !== trim( $line['name'] ) ? $line['name'] : '-';
		if ( 0 !== $amount % $quantity ) {
			$name     = sprintf( '%s × %d', $name, $quantity );
			$quantity = 1;
		}
		$item = array(
			'name'     => $name,
			'price'    => intdiv( $amount, $quantity ),
			'quantity' => $quantity,
		);
		if ( isset( $line['product_id'] ) && '' !== $line['product_id'] ) {
			$item['productId'] = $line['product_id'];
		}
		return $item;
	}
}
