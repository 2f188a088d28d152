<?php
/**
 * The "Korea Checkout" box on the order edit screen (HPOS and legacy) with its "check status now" action.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Assets;
use KoreaCheckout\Api\Client;
use KoreaCheckout\Api\Money;
use KoreaCheckout\PaymentMethods;

defined( 'ABSPATH' ) || exit;

/**
 * Shows what the plugin knows about the order's payment and lets a shop manager ask the API again. The check is an
 * `admin-post.php` request carrying a nonce for that order; it needs `edit_shop_orders`.
 */
final class OrderPanel {

	public const ACTION = 'korea_checkout_check_status';

	/**
	 * Query argument of the redirect back that says how the check went.
	 */
	public const RESULT_ARG = 'korea_checkout_checked';

	/**
	 * API client for the check; null until one is needed.
	 *
	 * @var Client|null
	 */
	private ?Client $client;

	/**
	 * Creates the panel.
	 *
	 * @param Client|null $client API client; default one with the saved settings.
	 */
	public function __construct( ?Client $client = null ) {
		$this->client = $client;
	}

	/**
	 * Adds the box to orders paid (or to be paid) through this gateway. On `add_meta_boxes`.
	 *
	 * @param string $screen_id     Screen id.
	 * @param mixed  $post_or_order WP_Post (legacy) or WC_Order (HPOS).
	 */
	public function add( $screen_id, $post_or_order = null ): void {
		$screen = wc_get_page_screen_id( 'shop-order' );
		if ( $screen_id !== $screen ) {
			return;
		}
		$order = self::order_of( $post_or_order );
		if ( null === $order || ! OrderMeta::is_ours( $order ) ) {
			return;
		}
		add_meta_box( 'korea-checkout-payment', __( 'Korea Checkout', 'korea-checkout' ), array( $this, 'render' ), $screen, 'side', 'default' );
		// The refund form's "Korea Checkout tells the shopper" choice (read by the gateway's process_refund()).
		Assets::enqueue_script( 'order-refund', array( 'jquery' ) );
	}

	/**
	 * Prints the box.
	 *
	 * @param mixed $post_or_order WP_Post or WC_Order.
	 */
	public function render( $post_or_order ): void {
		$order = self::order_of( $post_or_order );
		if ( null === $order ) {
			return;
		}
		$this->print_result_notice();

		echo '<dl class="korea-checkout-panel">';
		foreach ( self::rows( $order ) as $label => $value ) {
			printf( '<dt>%s</dt><dd>%s</dd>', esc_html( $label ), '' === $value ? '&mdash;' : esc_html( $value ) );
		}
		echo '</dl>';

		$this->print_refunds( $order );

		if ( '' !== OrderMeta::session_id( $order ) && current_user_can( 'edit_shop_orders' ) ) {
			printf(
				'<p><a class="button" href="%s">%s</a></p>',
				esc_url( self::check_url( $order->get_id() ) ),
				esc_html__( 'Check status now', 'korea-checkout' )
			);
		}
	}

	/**
	 * What the panel lists, label => plain text.
	 *
	 * @param \WC_Order $order The order.
	 * @return array<string, string>
	 */
	private static function rows( \WC_Order $order ): array {
		$method = OrderMeta::text( $order, OrderMeta::PAID_METHOD );
		$method = '' !== $method ? $method : OrderMeta::text( $order, OrderMeta::METHOD );
		$rows   = array(
			__( 'Session', 'korea-checkout' )        => OrderMeta::session_id( $order ),
			__( 'Session status', 'korea-checkout' ) => self::status_label( OrderMeta::text( $order, OrderMeta::SESSION_STATUS ) ),
			__( 'Payment method', 'korea-checkout' ) => '' === $method ? '' : PaymentMethods::label( $method ),
			__( 'Gateway', 'korea-checkout' )        => OrderMeta::text( $order, OrderMeta::GATEWAY ),
			__( 'Transaction', 'korea-checkout' )    => $order->get_transaction_id(),
		);
		$months = OrderMeta::installments( $order );
		if ( null !== $months ) {
			/* translators: %d: number of monthly installments of a card payment */
			$rows[ __( 'Installments', 'korea-checkout' ) ] = 0 === $months ? __( 'Lump sum', 'korea-checkout' ) : sprintf( _n( '%d month', '%d months', $months, 'korea-checkout' ), $months );
		}
		$failure = OrderMeta::failure( $order );
		if ( null !== $failure ) {
			$rows[ __( 'Last failure', 'korea-checkout' ) ] = trim( $failure['code'] . ': ' . $failure['message'], ': ' );
		}
		$coupon = OrderMeta::items( $order, OrderMeta::COUPON );
		if ( '' !== (string) ( $coupon['code'] ?? '' ) ) {
			$rows[ __( 'Service coupon', 'korea-checkout' ) ] = (string) $coupon['code'];
		}
		$account = OrderMeta::virtual_account( $order );
		if ( null !== $account ) {
			$rows[ __( 'Virtual account', 'korea-checkout' ) ] = trim( $account['bankName'] . ' ' . $account['accountNumber'] );
			$rows[ __( 'Account holder', 'korea-checkout' ) ]  = $account['accountHolder'];
			$rows[ __( 'Deposit due', 'korea-checkout' ) ]     = $account['dueDate'];
		}
		$sessions = array_column( SessionOwner::sessions_of( $order->get_id() ), 'session_id' );
		if ( count( $sessions ) > 1 ) {
			$rows[ __( 'All sessions', 'korea-checkout' ) ] = implode( ', ', $sessions );
		}
		$pending = array_map(
			static fn( array $entry ): string => Money::as_text( $entry['amount'], $order->get_currency() ),
			OrderMeta::pending_refunds( $order )
		);
		if ( array() !== $pending ) {
			$rows[ __( 'Refunds awaiting confirmation', 'korea-checkout' ) ] = implode( ', ', $pending );
		}
		return $rows;
	}

	/**
	 * Handles the "check status now" request (on `admin_post_korea_checkout_check_status`).
	 */
	public function check_status(): void {
		$order_id = isset( $_GET['order_id'] ) ? absint( wp_unslash( $_GET['order_id'] ) ) : 0; // phpcs:ignore WordPress.Security.NonceVerification -- verified just below, per order.
		check_admin_referer( self::ACTION . '_' . $order_id );
		if ( ! current_user_can( 'edit_shop_orders' ) ) {
			wp_die( esc_html__( 'You are not allowed to update orders.', 'korea-checkout' ), '', array( 'response' => 403 ) );
		}
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order || '' === OrderMeta::session_id( $order ) ) {
			wp_die( esc_html__( 'This order has no Korea Checkout session.', 'korea-checkout' ), '', array( 'response' => 404 ) );
		}

		try {
			$outcome = ( new Refresh( $this->client ) )->refresh( $order, OrderMeta::refundable_session( $order ), 'admin' );
			$result  = Refresh::not_applied( $outcome ) ? 'error:' . $outcome['action'] : 'ok:' . $outcome['action'];
		} catch ( ApiException $e ) {
			$result = 'error:' . $e->get_error_code();
		} catch ( LockTimeout $e ) {
			$result = 'error:order_busy';
		}
		wp_safe_redirect( add_query_arg( self::RESULT_ARG, rawurlencode( $result ), $order->get_edit_order_url() ) );
		exit;
	}

	/**
	 * The nonce-carrying URL of the check.
	 *
	 * @param int $order_id The order.
	 */
	public static function check_url( int $order_id ): string {
		return wp_nonce_url(
			add_query_arg(
				array(
					'action'   => self::ACTION,
					'order_id' => $order_id,
				),
				admin_url( 'admin-post.php' )
			),
			self::ACTION . '_' . $order_id
		);
	}

	/**
	 * The refunds recorded on the order, with their service ids.
	 *
	 * @param \WC_Order $order The order.
	 */
	private function print_refunds( \WC_Order $order ): void {
		$refunds = $order->get_refunds();
		if ( array() === $refunds ) {
			return;
		}
		echo '<p><strong>' . esc_html__( 'Refunds', 'korea-checkout' ) . '</strong></p><ul>';
		foreach ( $refunds as $refund ) {
			$id = OrderMeta::refund_id( $refund );
			printf(
				'<li>%s &ndash; %s</li>',
				esc_html( Money::as_text( Money::to_minor( (string) $refund->get_amount(), $order->get_currency() ), $order->get_currency() ) ),
				'' === $id ? esc_html__( 'not sent through Korea Checkout', 'korea-checkout' ) : esc_html( $id )
			);
		}
		echo '</ul>';
	}

	/**
	 * A notice after a check, read from the redirect's query argument.
	 */
	private function print_result_notice(): void {
		$result = isset( $_GET[ self::RESULT_ARG ] ) ? sanitize_text_field( wp_unslash( $_GET[ self::RESULT_ARG ] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification -- display only.
		if ( '' === $result ) {
			return;
		}
		if ( str_starts_with( $result, 'ok:' ) ) {
			echo '<p class="notice notice-success inline">' . esc_html__( 'Status checked with Korea Checkout.', 'korea-checkout' ) . '</p>';
			return;
		}
		/* translators: %s: error code */
		echo '<p class="notice notice-error inline">' . esc_html( sprintf( __( 'The status could not be checked (%s). Try again in a moment.', 'korea-checkout' ), substr( $result, 6 ) ) ) . '</p>';
	}

	/**
	 * A translated name for a session status.
	 *
	 * @param string $status Session status.
	 */
	private static function status_label( string $status ): string {
		$labels = array(
			'pending'            => __( 'Pending', 'korea-checkout' ),
			'processing'         => __( 'Processing', 'korea-checkout' ),
			'completed'          => __( 'Completed', 'korea-checkout' ),
			'failed'             => __( 'Failed', 'korea-checkout' ),
			'cancelled'          => __( 'Cancelled', 'korea-checkout' ),
			'expired'            => __( 'Expired', 'korea-checkout' ),
			'refunded'           => __( 'Refunded', 'korea-checkout' ),
			'partially_refunded' => __( 'Partially refunded', 'korea-checkout' ),
		);
		return $labels[ $status ] ?? $status;
	}

	/**
	 * The order behind a meta-box argument.
	 *
	 * @param mixed $post_or_order WP_Post or WC_Order.
	 */
	private static function order_of( $post_or_order ): ?\WC_Order {
		if ( $post_or_order instanceof \WC_Order ) {
			return $post_or_order;
		}
		if ( $post_or_order instanceof \WP_Post ) {
			$order = wc_get_order( $post_or_order->ID );
			return $order instanceof \WC_Order ? $order : null;
		}
		return null;
	}
}
