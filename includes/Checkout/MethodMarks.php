<?php
/**
 * Small recognisable marks and Korean names for the payment methods.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

use KoreaCheckout\PaymentMethods;

defined( 'ABSPATH' ) || exit;

/**
 * Draws each method's mark as a tiny SVG (a brand-coloured tile with a short word), so both checkouts can
 * show it as an image without extra requests, and knows the name Korean shoppers use for it.
 */
final class MethodMarks {

	/**
	 * Tile colour, text colour and the word on the tile, by method id.
	 */
	private const MARKS = array(
		'card'            => array( '#4a5568', '#ffffff', 'CARD' ),
		'virtual_account' => array( '#2f855a', '#ffffff', 'VA' ),
		'bank_transfer'   => array( '#2b6cb0', '#ffffff', 'BANK' ),
		'kakao_pay'       => array( '#fee500', '#191919', 'kakao' ),
		'naver_pay'       => array( '#03c75a', '#ffffff', 'N pay' ),
		'toss_pay'        => array( '#0064ff', '#ffffff', 'toss' ),
		'samsung_pay'     => array( '#1428a0', '#ffffff', 'S pay' ),
	);

	/**
	 * The names Korean shoppers know, shown beside translated names on sites not in Korean.
	 */
	private const KOREAN_NAMES = array(
		'card'            => '신용·체크카드',
		'virtual_account' => '가상계좌',
		'bank_transfer'   => '실시간 계좌이체',
		'kakao_pay'       => '카카오페이',
		'naver_pay'       => '네이버페이',
		'toss_pay'        => '토스페이',
		'samsung_pay'     => '삼성페이',
	);

	/**
	 * The Korean name of a method ('' when unknown).
	 *
	 * @param string $id Method id.
	 */
	public static function korean_name( string $id ): string {
		return self::KOREAN_NAMES[ $id ] ?? '';
	}

	/**
	 * A data: URI of the method's mark, 48 x 32 pixels (SVG, percent-encoded).
	 *
	 * @param string $id Method id.
	 */
	public static function icon( string $id ): string {
		$mark = self::MARKS[ $id ] ?? array( '#4a5568', '#ffffff', strtoupper( substr( $id, 0, 4 ) ) );
		$svg  = sprintf(
			'<svg xmlns="http://www.w3.org/2000/svg" width="48" height="32" viewBox="0 0 48 32"><rect width="48" height="32" rx="6" fill="%1$s"/><text x="24" y="20.5" font-family="Arial,Helvetica,sans-serif" font-size="%3$s" font-weight="700" fill="%2$s" text-anchor="middle">%4$s</text></svg>',
			$mark[0],
			$mark[1],
			strlen( $mark[2] ) > 4 ? '10' : '12',
			htmlspecialchars( $mark[2], ENT_XML1 )
		);
		// Percent-encoded, not base64: the seven marks share most of their text, which gzip then sends once.
		return 'data:image/svg+xml,' . strtr(
			str_replace( '"', "'", $svg ),
			array(
				'<' => '%3C',
				'>' => '%3E',
				'#' => '%23',
				' ' => '%20',
				'%' => '%25',
			)
		);
	}

	/**
	 * What the browser needs to show the methods: id, label, Korean name and icon, in the given order.
	 *
	 * @param array<int, string> $ids Method ids.
	 * @return array<int, array<string, string>>
	 */
	public static function for_browser( array $ids ): array {
		$methods = array();
		foreach ( $ids as $id ) {
			$methods[] = array(
				'id'         => $id,
				'label'      => PaymentMethods::label( $id ),
				'koreanName' => self::korean_name( $id ),
				'icon'       => self::icon( $id ),
			);
		}
		return $methods;
	}
}
