<?php
/**
 * Refunds from the order screen, through the API.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Api\Client;
use KoreaCheckout\Api\Money;
use KoreaCheckout\Logging\Logger;

defined( 'ABSPATH' ) || exit;

/**
 * WooCommerce saves its refund first and then asks the gateway; a WP_Error makes it delete that refund again.
 * The API call and the recording of its refund id happen under the order's lock, so that the
 * `payment.refunded` webhook, which the service sends before it answers, waits and then finds the refund
 * already recorded instead of recording it a second time.
 */
class RefundProcessor {

	/**
	 * WooCommerce refunds being created in this request, by order id (see remember_refund()).
	 *
	 * @var array<int, \WC_Order_Refund>
	 */
	private static array $creating = array();

	/**
	 * API client.
	 *
	 * @var Client
	 */
	private Client $client;

	/**
	 * Creates the processor.
	 *
	 * @param Client $client API client.
	 */
	public function __construct( Client $client ) {
		$this->client = $client;
	}

	/**
	 * Keeps the refund WooCommerce is about to save, so that process_refund() knows which one it pays out.
	 * Hooked on `woocommerce_create_refund`.
	 *
	 * @param \WC_Order_Refund $refund The refund.
	 */
	public static function remember_refund( $refund ): void {
		if ( $refund instanceof \WC_Order_Refund ) {
			self::$creating[ (int) $refund->get_parent_id() ] = $refund;
		}
	}

	/**
	 * Refunds through the API.
	 *
	 * @param int               $order_id Order id.
	 * @param float|string|null $amount   Amount in the order's currency; null for everything left.
	 * @param string            $reason   The store owner's reason.
	 * @return true|\WP_Error
	 */
	public function refund( int $order_id, $amount, string $reason ) {
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order ) {
			return new \WP_Error( 'korea_checkout_refund', __( 'The order could not be found.', 'korea-checkout' ) );
		}
		$session_id = (string) $order->get_meta( '_korea_checkout_session_id' );
		if ( '' === $session_id ) {
			return new \WP_Error( 'korea_checkout_refund', __( 'This order has no Korea Checkout payment to refund.', 'korea-checkout' ) );
		}
		$currency = $order->get_currency();
		try {
			$minor = null === $amount ? null : Money::to_minor( $amount, $currency );
		} catch ( \InvalidArgumentException $e ) {
			return new \WP_Error( 'korea_checkout_refund', __( 'The refund amount is not a valid amount.', 'korea-checkout' ) );
		}
		if ( null !== $minor && $minor <= 0 ) {
			return new \WP_Error( 'korea_checkout_refund', __( 'The refund amount must be above zero.', 'korea-checkout' ) );
		}
		$reason = '' !== trim( $reason ) ? $reason : __( 'Refunded from the store\'s order screen', 'korea-checkout' );

		try {
			return $this->locked( $order_id, fn() => $this->call_api( $order, $session_id, $minor, $reason, $currency ) );
		} catch ( ApiException $e ) {
			Logger::warning(
				'The API refused a refund.',
				array(
					'order_id'    => $order_id,
					'code'        => $e->get_error_code(),
					'status'      => $e->get_status(),
					'api_message' => $e->get_api_message(),
				)
			);
			/* translators: %s: the reason the payment service gave */
			return new \WP_Error( 'korea_checkout_refund', sprintf( __( 'Korea Checkout did not refund: %s', 'korea-checkout' ), $e->getMessage() ) );
		} catch ( \Throwable $e ) {
			Logger::error(
				'A refund could not be recorded.',
				array(
					'order_id' => $order_id,
					'error'    => $e->getMessage(),
				)
			);
			return new \WP_Error( 'korea_checkout_refund', __( 'The refund could not be completed because the order is busy. Please try again in a moment.', 'korea-checkout' ) );
		}
	}

	/**
	 * The API call and the recording of its id.
	 *
	 * @param \WC_Order $order      The order.
	 * @param string    $session_id Its session.
	 * @param int|null  $minor      Amount in minor units, null for the rest.
	 * @param string    $reason     Reason.
	 * @param string    $currency   Currency.
	 * @return true
	 * @throws ApiException When the API refuses.
	 */
	private function call_api( \WC_Order $order, string $session_id, ?int $minor, string $reason, string $currency ): bool {
		$answer    = $this->client->refund( $session_id, $minor, $reason, $currency );
		$refund_id = (string) ( $answer['refundId'] ?? '' );
		$wc_refund = self::$creating[ $order->get_id() ] ?? null;
		unset( self::$creating[ $order->get_id() ] );

		if ( $wc_refund instanceof \WC_Order_Refund && class_exists( \KoreaCheckout\Orders\RefundLedger::class ) ) {
			\KoreaCheckout\Orders\RefundLedger::record_api_refund( $order, $wc_refund, $answer );
		} elseif ( $wc_refund instanceof \WC_Order_Refund ) {
			$wc_refund->update_meta_data( '_korea_checkout_refund_id', $refund_id );
			$wc_refund->save();
		}

		$order->add_order_note(
			sprintf(
				/* translators: 1: refunded amount, 2: refund id of the payment service */
				__( 'Refunded %1$s through Korea Checkout (refund %2$s).', 'korea-checkout' ),
				wp_strip_all_tags( wc_price( null === $minor ? (float) ( $answer['amount'] ?? 0 ) : (float) Money::to_decimal_string( $minor, $currency ), array( 'currency' => $currency ) ) ),
				$refund_id
			)
		);
		Logger::info(
			'Refund made through the API.',
			array(
				'order_id'     => $order->get_id(),
				'refund_id'    => $refund_id,
				'amount_minor' => $minor,
			)
		);
		return true;
	}

	/**
	 * Runs $work under the order's lock when the Orders module provides one.
	 *
	 * @param int      $order_id Order id.
	 * @param callable $work     The work.
	 * @return mixed
	 */
	private function locked( int $order_id, callable $work ) {
		if ( class_exists( \KoreaCheckout\Orders\OrderLock::class ) ) {
			return \KoreaCheckout\Orders\OrderLock::run( $order_id, $work );
		}
		return $work();
	}
}
