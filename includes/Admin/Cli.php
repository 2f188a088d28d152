<?php
/**
 * `wp korea-checkout …`: the connection and an order's payment from the command line.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Orders\LockTimeout;
use KoreaCheckout\Orders\OrderMeta;
use KoreaCheckout\Orders\Refresh;
use WP_CLI;

defined( 'ABSPATH' ) || exit;

/**
 * Checks the Korea Checkout connection and shows or re-checks an order's payment.
 */
final class Cli {

	/**
	 * Order meta shown by `order`, with their labels.
	 */
	private const ORDER_META = array(
		OrderMeta::SESSION_ID      => 'session_id',
		OrderMeta::SESSION_STATUS  => 'session_status',
		OrderMeta::METHOD          => 'method',
		OrderMeta::SESSION_EXPIRES => 'session_expires',
		OrderMeta::PAID_SESSION    => 'completed',
	);

	/**
	 * Adds the command (when WP-CLI runs).
	 */
	public static function register(): void {
		WP_CLI::add_command( 'korea-checkout', self::class );
	}

	/**
	 * Checks the connection to Korea Checkout with the saved key: the shop, its verification, methods, custom domain and rate-limit headroom.
	 *
	 * ## OPTIONS
	 *
	 * [--cached]
	 * : Use the cached shop data when it is still valid, instead of asking the API.
	 *
	 * [--format=<format>]
	 * : table or json.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp korea-checkout check
	 *
	 * @param array<int, string>    $args       Positional arguments.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function check( array $args, array $assoc_args ): void {
		$result = ( new ConnectionTest() )->run( ! isset( $assoc_args['cached'] ) );
		if ( 'json' === ( $assoc_args['format'] ?? 'table' ) ) {
			WP_CLI::line( (string) wp_json_encode( $result, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE ) );
			if ( ! $result['ok'] ) {
				WP_CLI::halt( 1 );
			}
			return;
		}
		if ( ! $result['ok'] ) {
			WP_CLI::error( sprintf( '[%s] %s', $result['problem']['code'], $result['problem']['message'] ) );
		}
		$shop  = $result['shop'];
		$limit = $result['rate_limit'];
		$rows  = array(
			'mode'               => $result['mode'],
			'api_url'            => $result['api_url'],
			'shop'               => sprintf( '%s (%s)', $shop['name'], $shop['id'] ),
			'business_verified'  => $shop['business_verified'] ? 'yes' : 'no',
			'payment_methods'    => implode( ', ', array_column( $shop['payment_methods'], 'id' ) ),
			'custom_domain'      => '' !== $shop['custom_domain'] ? sprintf( '%s (verification: %s, configuration: %s)', $shop['custom_domain'], $shop['domain_verification_status'], $shop['domain_configuration_status'] ) : '-',
			'rate_limit'         => is_array( $limit ) ? sprintf( '%d of %d left, resets %s', $limit['remaining'], $limit['limit'], gmdate( 'H:i:s', $limit['reset'] ) . ' UTC' ) : '-',
			'other_shops_of_key' => (string) ( count( $result['shops'] ) - 1 ),
		);
		self::print_pairs( $rows );
		WP_CLI::success( __( 'Korea Checkout answered with the saved key.', 'korea-checkout' ) );
	}

	/**
	 * Shows an order's Korea Checkout payment, and with --recheck asks the API and brings the order up to date.
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The order id.
	 *
	 * [--recheck]
	 * : Read the session from the API now and apply it to the order (as a webhook or the shopper's return would).
	 *
	 * ## EXAMPLES
	 *
	 *     wp korea-checkout order 123
	 *     wp korea-checkout order 123 --recheck
	 *
	 * @param array<int, string>    $args       Positional arguments.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function order( array $args, array $assoc_args ): void {
		$order = wc_get_order( absint( $args[0] ?? 0 ) );
		if ( ! $order instanceof \WC_Order ) {
			/* translators: %s: an order id */
			WP_CLI::error( sprintf( __( 'There is no order %s.', 'korea-checkout' ), $args[0] ?? '' ) );
		}
		$session_id = OrderMeta::refundable_session( $order );
		if ( '' === $session_id ) {
			/* translators: %d: an order id */
			WP_CLI::error( sprintf( __( 'Order %d has no Korea Checkout payment.', 'korea-checkout' ), $order->get_id() ) );
		}

		if ( isset( $assoc_args['recheck'] ) ) {
			self::recheck( $order, $session_id );
			$order = wc_get_order( $order->get_id() );
		}
		self::print_pairs( self::order_rows( $order ) );
	}

	/**
	 * Reads the session from the API and applies it.
	 *
	 * @param \WC_Order $order      The order.
	 * @param string    $session_id Its session.
	 */
	private static function recheck( \WC_Order $order, string $session_id ): void {
		$before = $order->get_status();
		try {
			$outcome = ( new Refresh() )->refresh( $order, $session_id, 'admin' );
		} catch ( ApiException $error ) {
			WP_CLI::error( sprintf( '[%s] %s', $error->get_error_code(), $error->getMessage() ) );
			return;
		} catch ( LockTimeout $error ) {
			WP_CLI::error( __( 'The order is being updated right now; try again in a moment.', 'korea-checkout' ) );
			return;
		}
		if ( Refresh::not_applied( $outcome ) ) {
			/* translators: %s: checkout session id */
			WP_CLI::error( sprintf( __( 'Korea Checkout does not show session %s as a session of this order; nothing was changed.', 'korea-checkout' ), $session_id ) );
			return;
		}
		$after = wc_get_order( $order->get_id() );
		WP_CLI::success(
			sprintf(
				/* translators: 1: session status, 2: order status before, 3: order status after */
				__( 'Korea Checkout says the payment is %1$s; the order went from %2$s to %3$s.', 'korea-checkout' ),
				(string) ( $outcome['session']['status'] ?? '?' ),
				$before,
				$after instanceof \WC_Order ? $after->get_status() : '?'
			)
		);
	}

	/**
	 * What the order records about its payment.
	 *
	 * @param \WC_Order $order The order.
	 * @return array<string, string>
	 */
	private static function order_rows( \WC_Order $order ): array {
		$rows = array(
			'order'          => (string) $order->get_id(),
			'order_status'   => $order->get_status(),
			'total'          => $order->get_total() . ' ' . $order->get_currency(),
			'payment_method' => $order->get_payment_method(),
			'transaction_id' => $order->get_transaction_id(),
		);
		foreach ( self::ORDER_META as $meta => $label ) {
			$value          = $order->get_meta( $meta );
			$rows[ $label ] = is_scalar( $value ) ? (string) $value : (string) wp_json_encode( $value );
		}
		$account = OrderMeta::virtual_account( $order );
		if ( null !== $account ) {
			$rows['virtual_account'] = (string) wp_json_encode( $account, JSON_UNESCAPED_UNICODE );
		}
		$rows['refunded'] = (string) $order->get_total_refunded();
		return $rows;
	}

	/**
	 * Prints name/value pairs as a table.
	 *
	 * @param array<string, string> $rows Name => value.
	 */
	private static function print_pairs( array $rows ): void {
		$items = array();
		foreach ( $rows as $field => $value ) {
			$items[] = array(
				'field' => $field,
				'value' => '' === $value ? '-' : $value,
			);
		}
		WP_CLI\Utils\format_items( 'table', $items, array( 'field', 'value' ) );
	}
}
