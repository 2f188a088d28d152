<?php
/**
 * Every order meta key of the plugin, once, with typed accessors.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Orders;

use KoreaCheckout\Plugin;

defined( 'ABSPATH' ) || exit;

/**
 * The keys are stored through `WC_Order` only (HPOS and legacy storage alike). Their names are the ones 0.1.0
 * wrote, so orders of earlier versions read the same. Reading goes through the accessors, which always answer
 * the declared type whatever an old or hand-edited value holds.
 */
final class OrderMeta {

	/** The hosted page's languages, the values LOCALE may hold. */
	public const LANGUAGES = array( 'ko', 'en', 'ja', 'zh' );

	/** The order's current session, `cs_…` (every session it ever had is in SessionOwner's table). */
	public const SESSION_ID = '_korea_checkout_session_id';

	/** The last status read of the current session. */
	public const SESSION_STATUS = '_korea_checkout_session_status';

	/** The hosted page of the current session, exactly as the API returned it. */
	public const CHECKOUT_URL = '_korea_checkout_checkout_url';

	/** ISO time the current session expires. */
	public const SESSION_EXPIRES = '_korea_checkout_session_expires';

	/** Hash of what the current session asks the shopper to pay for. */
	public const PAYLOAD_HASH = '_korea_checkout_payload_hash';

	/** A session creation that was sent and not yet answered: `{key, hash, generation, retry, expiresAt}`, so a retry is the same request. */
	public const SESSION_INTENT = '_korea_checkout_session_intent';

	/** The shopper's choice of method at checkout (`card`, `kakao_pay`, …), '' for none. */
	public const METHOD = '_korea_checkout_method';

	/** The language of the shopper's hosted page and emails: `ko`, `en`, `ja` or `zh`. */
	public const LOCALE = '_korea_checkout_locale';

	/** The checkout page the order was placed from, to send a shopper back after a failed payment. */
	public const RETURN_TO = '_korea_checkout_return_to';

	/** Set once, under the order's lock, to the id of the session that paid the order. */
	public const PAID_SESSION = '_korea_checkout_completed';

	/** The method the paid session used. */
	public const PAID_METHOD = '_korea_checkout_paid_method';

	/** The Korean gateway the service routed the payment to (toss, kcp, inicis). */
	public const GATEWAY = '_korea_checkout_gateway';

	/** A card payment's number of months, 0 for a lump sum. */
	public const INSTALLMENTS = '_korea_checkout_installments';

	/** A failed payment's `{code, message}` as the service gave them (for the admin only). */
	public const FAILURE = '_korea_checkout_failure';

	/** The service coupon a paid session carried: `{code, type, value, amount, originalAmount}`. */
	public const COUPON = '_korea_checkout_coupon';

	/** The virtual account a deposit is awaited on: `{bankName, accountNumber, accountHolder, dueDate}`. */
	public const VIRTUAL_ACCOUNT = '_korea_checkout_virtual_account';

	/** The session id whose amount or currency did not match the order (alerted once). */
	public const MISMATCH = '_korea_checkout_mismatch';

	/** Ids of further sessions that also took money, or took it after the order switched gateway (alerted once each). */
	public const DOUBLE_PAYMENTS = '_korea_checkout_double_payments';

	/** Refunds sent to the service and not confirmed yet: list of `{key, amount, reason, sent}`. */
	public const PENDING_REFUNDS = '_korea_checkout_pending_refunds';

	/** Prefix of a textarea checkout field's value: `_korea_checkout_field_<key>` (Checkout\Fields). */
	public const FIELD_PREFIX = '_korea_checkout_field_';

	/** On a `WC_Order_Refund`: the service's refund id, `ref_…`. */
	public const REFUND_ID = '_korea_checkout_refund_id';

	/**
	 * Whether the order is paid (or to be paid) through this plugin's gateway.
	 *
	 * @param \WC_Order $order The order.
	 */
	public static function is_ours( \WC_Order $order ): bool {
		return Plugin::GATEWAY_ID === $order->get_payment_method();
	}

	/**
	 * A string meta value, '' when missing or not a scalar.
	 *
	 * @param \WC_Abstract_Order $order The order or refund.
	 * @param string             $key   One of the constants.
	 */
	public static function text( \WC_Abstract_Order $order, string $key ): string {
		$value = $order->get_meta( $key );
		return is_scalar( $value ) ? (string) $value : '';
	}

	/**
	 * An array meta value, [] when missing or not an array.
	 *
	 * @param \WC_Abstract_Order $order The order.
	 * @param string             $key   One of the constants.
	 * @return array<mixed>
	 */
	public static function items( \WC_Abstract_Order $order, string $key ): array {
		$value = $order->get_meta( $key );
		return is_array( $value ) ? $value : array();
	}

	/**
	 * The order's current session id.
	 *
	 * @param \WC_Order $order The order.
	 */
	public static function session_id( \WC_Order $order ): string {
		return self::text( $order, self::SESSION_ID );
	}

	/**
	 * The id of the session that paid the order, '' while unpaid.
	 *
	 * @param \WC_Order $order The order.
	 */
	public static function paid_session( \WC_Order $order ): string {
		return self::text( $order, self::PAID_SESSION );
	}

	/**
	 * The session that took the money if there is one, else the current one: where refunds go.
	 *
	 * @param \WC_Order $order The order.
	 */
	public static function refundable_session( \WC_Order $order ): string {
		$paid = self::paid_session( $order );
		return '' !== $paid ? $paid : self::session_id( $order );
	}

	/**
	 * The hosted page's language for the order (`ko`, `en`, `ja`, `zh`), '' when none was kept.
	 *
	 * @param \WC_Order $order The order.
	 */
	public static function locale( \WC_Order $order ): string {
		$locale = self::text( $order, self::LOCALE );
		return in_array( $locale, self::LANGUAGES, true ) ? $locale : '';
	}

	/**
	 * Keeps the shopper's language on the order (saved with the order's next save).
	 *
	 * @param \WC_Order $order  The order.
	 * @param string    $locale `ko`, `en`, `ja` or `zh`; anything else is ignored.
	 */
	public static function set_locale( \WC_Order $order, string $locale ): void {
		if ( in_array( $locale, self::LANGUAGES, true ) ) {
			$order->update_meta_data( self::LOCALE, $locale );
		}
	}

	/**
	 * The virtual account kept on the order, with its four fields as strings, or null.
	 *
	 * @param \WC_Order $order The order.
	 * @return array{bankName: string, accountNumber: string, accountHolder: string, dueDate: string}|null
	 */
	public static function virtual_account( \WC_Order $order ): ?array {
		$account = self::items( $order, self::VIRTUAL_ACCOUNT );
		if ( '' === (string) ( $account['accountNumber'] ?? '' ) ) {
			return null;
		}
		return array(
			'bankName'      => (string) ( $account['bankName'] ?? '' ),
			'accountNumber' => (string) $account['accountNumber'],
			'accountHolder' => (string) ( $account['accountHolder'] ?? '' ),
			'dueDate'       => (string) ( $account['dueDate'] ?? '' ),
		);
	}

	/**
	 * A failed payment's code and message, or null.
	 *
	 * @param \WC_Order $order The order.
	 * @return array{code: string, message: string}|null
	 */
	public static function failure( \WC_Order $order ): ?array {
		$failure = self::items( $order, self::FAILURE );
		if ( '' === (string) ( $failure['code'] ?? '' ) ) {
			return null;
		}
		return array(
			'code'    => (string) $failure['code'],
			'message' => (string) ( $failure['message'] ?? '' ),
		);
	}

	/**
	 * A card payment's installment months, null when not a card payment or unknown.
	 *
	 * @param \WC_Order $order The order.
	 */
	public static function installments( \WC_Order $order ): ?int {
		$value = $order->get_meta( self::INSTALLMENTS );
		return is_numeric( $value ) ? (int) $value : null;
	}

	/**
	 * The refunds sent to the service and awaiting its confirmation.
	 *
	 * @param \WC_Order $order The order.
	 * @return list<array{key: string, amount: int, reason: string, sent: int}>
	 */
	public static function pending_refunds( \WC_Order $order ): array {
		$pending = array();
		foreach ( self::items( $order, self::PENDING_REFUNDS ) as $entry ) {
			if ( is_array( $entry ) && is_string( $entry['key'] ?? null ) && is_int( $entry['amount'] ?? null ) ) {
				$pending[] = array(
					'key'    => $entry['key'],
					'amount' => $entry['amount'],
					'reason' => (string) ( $entry['reason'] ?? '' ),
					'sent'   => (int) ( $entry['sent'] ?? 0 ),
				);
			}
		}
		return $pending;
	}

	/**
	 * The service refund id recorded on a WooCommerce refund, '' when none.
	 *
	 * @param \WC_Order_Refund $refund The refund.
	 */
	public static function refund_id( \WC_Order_Refund $refund ): string {
		return self::text( $refund, self::REFUND_ID );
	}
}
