<?php
/**
 * The payment methods the service knows: the one list every part of the plugin uses.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout;

defined( 'ABSPATH' ) || exit;

/**
 * Ids as the API names them, with the names shoppers and store owners read.
 */
final class PaymentMethods {

	/**
	 * Every method id the API accepts, in the order a Korean shopper expects to see them.
	 */
	public const IDS = array( 'card', 'virtual_account', 'bank_transfer', 'kakao_pay', 'naver_pay', 'toss_pay', 'samsung_pay' );

	/**
	 * Translatable names, keyed by id. Korean sites get the Korean names from the translation files.
	 *
	 * @return array<string, string>
	 */
	public static function labels(): array {
		return array(
			'card'            => __( 'Credit or debit card', 'korea-checkout' ),
			'virtual_account' => __( 'Virtual account', 'korea-checkout' ),
			'bank_transfer'   => __( 'Real-time bank transfer', 'korea-checkout' ),
			'kakao_pay'       => __( 'KakaoPay', 'korea-checkout' ),
			'naver_pay'       => __( 'NaverPay', 'korea-checkout' ),
			'toss_pay'        => __( 'Toss Pay', 'korea-checkout' ),
			'samsung_pay'     => __( 'Samsung Pay', 'korea-checkout' ),
		);
	}

	/**
	 * The name of one method, or the id itself when it is unknown.
	 *
	 * @param string $id A method id.
	 */
	public static function label( string $id ): string {
		return self::labels()[ $id ] ?? $id;
	}

	/**
	 * Whether the id is one the API accepts.
	 *
	 * @param string $id A method id.
	 */
	public static function is_known( string $id ): bool {
		return in_array( $id, self::IDS, true );
	}
}
