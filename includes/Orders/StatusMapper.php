<?php
/**
 * Which WooCommerce status a session status leads to.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

use KoreaCheckout\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The automatic mapping, overridable per session status by the `status_map` setting and the
 * `korea_checkout_status_map` filter.
 *
 * An empty target means "WooCommerce decides": for `completed` that is what `payment_complete()` chooses
 * (processing, or completed for orders that need no processing); for `partially_refunded` the status stays.
 * Overrides can never make an unpaid order look paid, nor a paid one look unpaid: a `completed` session maps
 * only to a status that is not pending, failed, cancelled or refunded, and the unpaid session statuses never map
 * (nor `refunded`) to processing or completed. Overrides that break these rules are dropped.
 */
final class StatusMapper {

	/**
	 * Session status => WooCommerce status (without `wc-`); '' = WooCommerce decides / unchanged.
	 */
	public const DEFAULTS = array(
		'completed'          => '',
		'processing'         => 'on-hold',
		'failed'             => 'failed',
		'cancelled'          => 'pending',
		'expired'            => 'cancelled',
		'refunded'           => 'refunded',
		'partially_refunded' => '',
	);

	/**
	 * WooCommerce statuses that say "paid".
	 */
	private const PAID = array( 'processing', 'completed' );

	/**
	 * WooCommerce statuses that say "not paid" or "money returned".
	 */
	private const UNPAID = array( 'pending', 'failed', 'cancelled', 'refunded' );

	/**
	 * The defaults with valid overrides applied.
	 *
	 * @param array<string, mixed> $overrides      Session status => WooCommerce status (with or without `wc-`).
	 * @param list<string>         $valid_statuses The store's order statuses, without `wc-`.
	 * @return array<string, string>
	 */
	public static function resolve( array $overrides, array $valid_statuses ): array {
		$map = self::DEFAULTS;
		foreach ( $overrides as $session_status => $target ) {
			if ( ! is_string( $session_status ) || ! array_key_exists( $session_status, $map ) || ! is_string( $target ) ) {
				continue;
			}
			$target = str_starts_with( $target, 'wc-' ) ? substr( $target, 3 ) : $target;
			if ( '' === $target ) {
				$map[ $session_status ] = self::DEFAULTS[ $session_status ];
				continue;
			}
			if ( ! in_array( $target, $valid_statuses, true ) || ! self::allowed( $session_status, $target ) ) {
				continue;
			}
			$map[ $session_status ] = $target;
		}
		return $map;
	}

	/**
	 * Whether a session status may map to a WooCommerce status at all.
	 *
	 * @param string $session_status A session status.
	 * @param string $target         A WooCommerce status without `wc-`.
	 */
	public static function allowed( string $session_status, string $target ): bool {
		if ( 'completed' === $session_status ) {
			return ! in_array( $target, self::UNPAID, true );
		}
		if ( 'partially_refunded' === $session_status ) {
			return true;
		}
		// Every other status, `refunded` included, says the shop holds no money for the order.
		return ! in_array( $target, self::PAID, true );
	}

	/**
	 * The effective map for an order: defaults, then the `status_map` setting, then the filter.
	 *
	 * @param \WC_Order $order The order being updated.
	 * @return array<string, string>
	 */
	public static function for_order( \WC_Order $order ): array {
		$valid    = array_map(
			static function ( string $status ): string {
				return str_starts_with( $status, 'wc-' ) ? substr( $status, 3 ) : $status;
			},
			array_keys( wc_get_order_statuses() )
		);
		$settings = Settings::get( 'status_map' );
		$map      = self::resolve( is_array( $settings ) ? $settings : array(), $valid );

		/**
		 * Filters how session statuses map onto WooCommerce order statuses.
		 *
		 * Keys are the API's session statuses (`completed`, `processing`, `failed`, `cancelled`, `expired`,
		 * `refunded`, `partially_refunded`); values are WooCommerce statuses without the `wc-` prefix, or ''
		 * for "let WooCommerce decide" (for `completed`, what `payment_complete()` picks). The result is checked
		 * again: a value that would make an unpaid order look paid, or the reverse, is dropped.
		 *
		 * Example: send paid orders of a store that ships nothing straight to completed.
		 *
		 *     add_filter( 'korea_checkout_status_map', function ( array $map, WC_Order $order ): array {
		 *         $map['completed'] = 'completed';
		 *         return $map;
		 *     }, 10, 2 );
		 *
		 * @since 0.1.0
		 *
		 * @param array<string, string> $map   Session status => WooCommerce status.
		 * @param \WC_Order             $order The order being updated.
		 */
		$filtered = apply_filters( 'korea_checkout_status_map', $map, $order );
		return is_array( $filtered ) ? self::resolve( $filtered, $valid ) : $map;
	}
}
