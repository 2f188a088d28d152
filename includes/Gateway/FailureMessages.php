<?php
/**
 * What a shopper reads when a payment failed or was cancelled, and when a session could not be started.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

use KoreaCheckout\Api\ApiException;

defined( 'ABSPATH' ) || exit;

/**
 * Translated sentences, chosen by code. A code only picks one of our own sentences: text from a query string
 * or the service is never shown, so a crafted link cannot put words on the store's page.
 */
final class FailureMessages {

	/**
	 * The sentence for a failed or cancelled payment.
	 *
	 * @param string $status Session status (`failed`, `cancelled`, `expired`).
	 * @param string $code   Failure code of the gateway, '' when none is known.
	 */
	public static function for_payment( string $status, string $code ): string {
		$known = self::codes();
		if ( '' !== $code && isset( $known[ $code ] ) ) {
			return $known[ $code ];
		}
		if ( 'cancelled' === $status ) {
			return $known['PAY_PROCESS_CANCELED'];
		}
		if ( 'expired' === $status ) {
			return __( 'The time to pay for this order ran out. Please place the order again.', 'korea-checkout' );
		}
		return __( 'The payment did not go through. Please try again or choose another payment method.', 'korea-checkout' );
	}

	/**
	 * The sentence for a session that could not be created.
	 *
	 * @param ApiException $e What the client threw.
	 */
	public static function for_start( ApiException $e ): string {
		switch ( $e->get_error_code() ) {
			case 'rate_limited':
				return __( 'Many payments are being started right now. Please wait a moment and place your order again.', 'korea-checkout' );
			case 'timeout':
			case 'http_unreachable':
				return __( 'The payment service is not responding right now. Your order is saved; please try again in a moment.', 'korea-checkout' );
			case 'unauthorized':
			case 'invalid_api_key':
				return __( 'Payment by Korea Checkout is not available right now. Please choose another payment method or contact the store.', 'korea-checkout' );
		}
		if ( $e->is_temporary() ) {
			return __( 'The payment service is not responding right now. Your order is saved; please try again in a moment.', 'korea-checkout' );
		}
		return __( 'The payment could not be started. Please check your details and try again, or choose another payment method.', 'korea-checkout' );
	}

	/**
	 * Sentences of the gateways' failure codes.
	 *
	 * @return array<string, string>
	 */
	private static function codes(): array {
		return array(
			'REJECT_CARD_COMPANY'            => __( 'Your card company declined the payment. Please use another card or payment method.', 'korea-checkout' ),
			'PAY_PROCESS_CANCELED'           => __( 'You cancelled the payment. Your order is saved, and you can pay for it now.', 'korea-checkout' ),
			'PAY_PROCESS_ABORTED'            => __( 'The payment was stopped because of an error while it was processed. Please try again.', 'korea-checkout' ),
			'INVALID_CARD_EXPIRATION'        => __( 'The card\'s expiry date is not valid. Please check it and try again.', 'korea-checkout' ),
			'INVALID_CARD_NUMBER'            => __( 'The card number is not valid. Please check it and try again.', 'korea-checkout' ),
			'INVALID_STOPPED_CARD'           => __( 'This card has been stopped. Please use another card or payment method.', 'korea-checkout' ),
			'NOT_ENOUGH_BALANCE'             => __( 'The balance is not enough for this payment. Please use another card or payment method.', 'korea-checkout' ),
			'EXCEED_MAX_DAILY_PAYMENT_COUNT' => __( 'This card has reached its number of payments for today. Please use another card or payment method.', 'korea-checkout' ),
			'EXCEED_MAX_AMOUNT'              => __( 'The amount is above this card\'s limit. Please use another card or payment method.', 'korea-checkout' ),
		);
	}
}
