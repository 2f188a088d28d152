<?php
/**
 * Adversarial layer: counts `korea_checkout_payment_complete`. Every call is a row of its own in
 * `{prefix}kc_adv_log` (kind `payment_complete`, the order id, the session id), written at priority 1, before any
 * other listener can throw, so that concurrent calls on several workers can never hide one another.
 *
 * @package KoreaCheckout\Tests\Adversarial
 */

namespace KoreaCheckout\Tests\Adversarial;

defined( 'ABSPATH' ) || exit;

add_action(
	'korea_checkout_payment_complete',
	static function ( $order_id, $payment_data = array() ): void {
		$payment_data = is_array( $payment_data ) ? $payment_data : array();
		record(
			'payment_complete',
			(int) $order_id,
			(string) ( $payment_data['sessionId'] ?? '' ),
			array( 'status' => $payment_data['status'] ?? '' )
		);
	},
	1,
	2
);
