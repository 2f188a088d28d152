<?php
/**
 * Refunds from the order screen, through the API, each exactly once.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Api\Client;
use KoreaCheckout\Api\Money;
use KoreaCheckout\Logging\Logger;
use KoreaCheckout\Orders\LockTimeout;
use KoreaCheckout\Orders\OrderLock;
use KoreaCheckout\Orders\OrderMeta;
use KoreaCheckout\Orders\RefundLedger;

defined( 'ABSPATH' ) || exit;

/**
 * WooCommerce saves its refund first and then asks the gateway; a WP_Error makes it delete that refund again.
 *
 * A refund goes to the session that took the money, under the order's lock, with an Idempotency-Key made of the
 * refund's intent: the order, the amount and its place among the order's recorded refunds. Trying the same refund
 * again is therefore the same request, which the service answers with the first refund instead of a second one.
 * When the answer does not come (a timeout, a 5xx), the session's `refunds[]` is read before anything is said:
 * a refund that shows there is recorded at once; one that does not may still go through, so the admin is told
 * it awaits confirmation (never that it was refused), it is kept in OrderMeta::PENDING_REFUNDS, and the webhook
 * or reconciliation records it when the service shows it (RefundLedger).
 */
class RefundProcessor {

	/**
	 * The POST field of the order screen's refund request that says whether the service tells the shopper.
	 */
	public const NOTIFY_FIELD = 'korea_checkout_notify_customer';

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
	 * @param Client|null $client API client; default one with the saved settings.
	 */
	public function __construct( ?Client $client = null ) {
		$this->client = $client ?? new Client();
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
	 * @param bool              $notify   Whether the service tells the shopper.
	 * @return true|\WP_Error
	 */
	public function refund( int $order_id, $amount, string $reason, bool $notify = true ) {
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order ) {
			return new \WP_Error( 'korea_checkout_refund', __( 'The order could not be found.', 'korea-checkout' ) );
		}
		if ( '' === OrderMeta::refundable_session( $order ) ) {
			return new \WP_Error( 'korea_checkout_refund', __( 'This order has no Korea Checkout payment to refund.', 'korea-checkout' ) );
		}
		try {
			$minor = null === $amount ? null : Money::to_minor( $amount, $order->get_currency() );
		} catch ( \InvalidArgumentException $e ) {
			return new \WP_Error( 'korea_checkout_refund', __( 'The refund amount is not a valid amount.', 'korea-checkout' ) );
		}
		if ( null !== $minor && $minor <= 0 ) {
			return new \WP_Error( 'korea_checkout_refund', __( 'The refund amount must be above zero.', 'korea-checkout' ) );
		}
		$reason = '' !== trim( $reason ) ? $reason : __( 'Refunded from the store\'s order screen', 'korea-checkout' );

		try {
			return OrderLock::run( $order_id, fn() => $this->refund_locked( $order_id, $minor, $reason, $notify ) );
		} catch ( LockTimeout $e ) {
			return new \WP_Error( 'korea_checkout_refund', __( 'The refund was not sent because the order is being updated right now. Please try again in a moment.', 'korea-checkout' ) );
		}
	}

	/**
	 * The Idempotency-Key of a refund: its order, its amount and its place among the order's recorded refunds.
	 *
	 * @param int      $order_id Order id.
	 * @param int|null $minor    Amount in minor units, null for the rest.
	 * @param int      $place    How many service refunds the order has recorded before this one.
	 */
	public static function idempotency_key( int $order_id, ?int $minor, int $place ): string {
		return 'wc-' . $order_id . '-refund-' . substr( hash( 'sha256', implode( '|', array( $order_id, null === $minor ? 'rest' : $minor, $place ) ) ), 0, 32 );
	}

	/**
	 * The work, under the order's lock.
	 *
	 * @param int      $order_id Order id.
	 * @param int|null $minor    Amount in minor units, null for the rest.
	 * @param string   $reason   Reason.
	 * @param bool     $notify   Whether the service tells the shopper.
	 * @return true|\WP_Error
	 */
	private function refund_locked( int $order_id, ?int $minor, string $reason, bool $notify ) {
		$order = OrderLock::fresh_order( $order_id );
		if ( null === $order ) {
			return new \WP_Error( 'korea_checkout_refund', __( 'The order could not be found.', 'korea-checkout' ) );
		}
		$session_id = OrderMeta::refundable_session( $order );
		$currency   = $order->get_currency();
		$key        = self::idempotency_key( $order_id, $minor, count( RefundLedger::recorded_ids( $order ) ) );
		$wc_refund  = self::$creating[ $order_id ] ?? null;
		unset( self::$creating[ $order_id ] );

		try {
			$answer = $this->client->refund( $session_id, $minor, $reason, $currency, $notify, $key );
		} catch ( ApiException $e ) {
			Logger::warning(
				'A refund request got no clear answer or was refused.',
				array(
					'order_id'    => $order_id,
					'code'        => $e->get_error_code(),
					'status'      => $e->get_status(),
					'api_message' => $e->get_api_message(),
				)
			);
			if ( ! self::may_have_gone_through( $e ) ) {
				/* translators: %s: the reason the payment service gave */
				return new \WP_Error( 'korea_checkout_refund', sprintf( __( 'Korea Checkout did not refund: %s', 'korea-checkout' ), $e->getMessage() ) );
			}
			return $this->confirm_or_wait( $order, $session_id, $minor, $reason, $key, $wc_refund );
		}

		$this->record( $order, $wc_refund, $answer, $minor, $key );
		return true;
	}

	/**
	 * Whether a failed request may still have refunded: no answer, or a server error.
	 *
	 * @param ApiException $e The failure.
	 */
	private static function may_have_gone_through( ApiException $e ): bool {
		return in_array( $e->get_error_code(), array( 'timeout', 'http_unreachable', 'invalid_response' ), true ) || $e->get_status() >= 500;
	}

	/**
	 * After a refund whose answer did not come: record it if the session shows it, else keep it awaiting
	 * confirmation.
	 *
	 * @param \WC_Order             $order      Fresh order.
	 * @param string                $session_id The session refunded.
	 * @param int|null              $minor      Amount in minor units, null for the rest.
	 * @param string                $reason     Reason.
	 * @param string                $key        The request's Idempotency-Key.
	 * @param \WC_Order_Refund|null $wc_refund  WooCommerce's refund being created.
	 * @return true|\WP_Error
	 */
	private function confirm_or_wait( \WC_Order $order, string $session_id, ?int $minor, string $reason, string $key, ?\WC_Order_Refund $wc_refund ) {
		try {
			$shown = self::unrecorded_refund( $order, $this->client->get_session( $session_id ), $minor );
		} catch ( ApiException $e ) {
			$shown = null;
		}
		if ( null !== $shown ) {
			$this->record( $order, $wc_refund, $shown, $minor, $key );
			return true;
		}

		$amount  = null === $minor ? self::remaining_minor( $order ) : $minor;
		$pending = OrderMeta::pending_refunds( $order );
		if ( ! in_array( $key, array_column( $pending, 'key' ), true ) ) {
			$pending[] = array(
				'key'    => $key,
				'amount' => $amount,
				'reason' => $reason,
				'sent'   => time(),
			);
			$order->update_meta_data( OrderMeta::PENDING_REFUNDS, $pending );
		}
		$order->add_order_note(
			sprintf(
				/* translators: %s: refund amount */
				__( 'A refund of %s was sent to Korea Checkout, but its answer did not arrive. It may have gone through: it awaits confirmation and will be recorded on this order when Korea Checkout confirms it.', 'korea-checkout' ),
				Money::as_text( $amount, $order->get_currency() )
			)
		);
		$order->save();
		return new \WP_Error(
			'korea_checkout_refund_pending',
			__( 'The refund was sent to Korea Checkout but its answer did not arrive. It may have gone through, so it was not recorded as refused: it awaits confirmation and will appear on this order once Korea Checkout confirms it. Trying the same refund again sends the same request, never a second refund.', 'korea-checkout' )
		);
	}

	/**
	 * A completed refund of the session, of this amount, that the order has not recorded yet, or null.
	 *
	 * @param \WC_Order            $order   The order.
	 * @param array<string, mixed> $session The session as the API shows it.
	 * @param int|null             $minor   The amount asked, null for the rest.
	 * @return array<string, mixed>|null
	 */
	private static function unrecorded_refund( \WC_Order $order, array $session, ?int $minor ): ?array {
		$recorded = RefundLedger::recorded_ids( $order );
		$wanted   = null === $minor ? self::remaining_minor( $order ) : $minor;
		foreach ( array_reverse( is_array( $session['refunds'] ?? null ) ? $session['refunds'] : array() ) as $entry ) {
			$id = is_array( $entry ) ? (string) ( $entry['refundId'] ?? '' ) : '';
			if ( '' === $id || in_array( $id, $recorded, true ) || 'completed' !== ( $entry['status'] ?? '' ) ) {
				continue;
			}
			try {
				$amount = Money::from_api( $entry['amount'] ?? null, $order->get_currency() );
			} catch ( \InvalidArgumentException $e ) {
				continue;
			}
			if ( $amount === $wanted ) {
				return $entry;
			}
		}
		return null;
	}

	/**
	 * What is left to refund on the order, in minor units.
	 *
	 * @param \WC_Order $order The order.
	 */
	private static function remaining_minor( \WC_Order $order ): int {
		$currency = $order->get_currency();
		return Money::to_minor( (string) $order->get_total( 'edit' ), $currency ) - Money::to_minor( (string) $order->get_total_refunded(), $currency );
	}

	/**
	 * Records a refund the service made on WooCommerce's refund, with a note.
	 *
	 * @param \WC_Order             $order     The order.
	 * @param \WC_Order_Refund|null $wc_refund WooCommerce's refund being created.
	 * @param array<string, mixed>  $answer    The service's refund (`refundId`, `amount`, …).
	 * @param int|null              $minor     The amount asked, null for the rest.
	 * @param string                $key       The request's Idempotency-Key: no longer awaited.
	 */
	private function record( \WC_Order $order, ?\WC_Order_Refund $wc_refund, array $answer, ?int $minor, string $key ): void {
		$refund_id = (string) ( $answer['refundId'] ?? '' );
		if ( $wc_refund instanceof \WC_Order_Refund ) {
			RefundLedger::record_api_refund( $order, $wc_refund, $answer );
		}
		$pending = OrderMeta::pending_refunds( $order );
		$left    = array_values( array_filter( $pending, static fn( array $entry ): bool => $entry['key'] !== $key ) );
		if ( count( $left ) !== count( $pending ) ) {
			$order->update_meta_data( OrderMeta::PENDING_REFUNDS, $left );
			$order->save();
		}
		$currency = $order->get_currency();
		$amount   = null === $minor ? Money::from_api( $answer['amount'] ?? 0, $currency ) : $minor;
		$order->add_order_note(
			sprintf(
				/* translators: 1: refunded amount, 2: refund id of the payment service */
				__( 'Refunded %1$s through Korea Checkout (refund %2$s).', 'korea-checkout' ),
				Money::as_text( $amount, $currency ),
				$refund_id
			)
		);
		Logger::info(
			'Refund made through the API.',
			array(
				'order_id'     => $order->get_id(),
				'refund_id'    => $refund_id,
				'amount_minor' => $amount,
			)
		);
	}
}
