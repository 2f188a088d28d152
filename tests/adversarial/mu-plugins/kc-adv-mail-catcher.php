<?php
/**
 * Adversarial layer: catches every e-mail. wp_mail is answered here (nothing is sent) and each message is a row of
 * `{prefix}kc_adv_log` (kind `mail`): the subject, the recipients, the WooCommerce e-mail id (`new_order`,
 * `customer_processing_order`…) and the order it is about (the WooCommerce e-mail's order, or for the plugin's
 * own admin alerts the order named by the edit link at the end of the message).
 *
 * @package KoreaCheckout\Tests\Adversarial
 */

namespace KoreaCheckout\Tests\Adversarial;

defined( 'ABSPATH' ) || exit;

/**
 * The WooCommerce e-mail being sent right now (set just before it calls wp_mail).
 *
 * @param \WC_Email|null|false $set The e-mail, null to read, false to forget.
 * @return \WC_Email|null
 */
function current_email( $set = null ) {
	static $email = null;
	if ( false === $set ) {
		$email = null;
	} elseif ( null !== $set ) {
		$email = $set;
	}
	return $email;
}

add_filter(
	'woocommerce_mail_callback_params',
	static function ( $params, $email ) {
		current_email( $email instanceof \WC_Email ? $email : false );
		return $params;
	},
	PHP_INT_MAX,
	2
);

add_filter(
	'pre_wp_mail',
	static function ( $short_circuit, $atts ) {
		$email    = current_email();
		$order_id = 0;
		if ( $email instanceof \WC_Email && $email->object instanceof \WC_Order ) {
			$order_id = (int) $email->object->get_id();
		} elseif ( preg_match( '/[?&](?:post|id)=(\d+)/', (string) ( $atts['message'] ?? '' ), $match ) ) {
			$order_id = (int) $match[1];
		}
		$to = $atts['to'] ?? array();
		record(
			'mail',
			$order_id,
			(string) ( $atts['subject'] ?? '' ),
			array(
				'to'       => array_values( is_array( $to ) ? $to : array_map( 'trim', explode( ',', (string) $to ) ) ),
				'email_id' => $email instanceof \WC_Email ? $email->id : '',
			)
		);
		current_email( false );
		return true;
	},
	PHP_INT_MAX,
	2
);
