<?php
/**
 * The shopper's language: the hosted page's `locale` and the language of the shopper's emails.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

use KoreaCheckout\Orders\OrderMeta;
use KoreaCheckout\Plugin;

defined( 'ABSPATH' ) || exit;

/**
 * Decides which of the hosted page's languages (`ko`, `en`, `ja`, `zh`) the shopper reads, and keeps it on the
 * order at checkout. In order of preference:
 *
 * 1. the logged-in shopper's profile language (Users > Profile > Language), when it is one of the four;
 * 2. the language the checkout page was shown in: the classic checkout posts it in a hidden field, the block
 *    checkout sends the page's `<html lang>` with the payment data (both as `korea_checkout_page_language`);
 * 3. the browser's `Accept-Language`, the first of the four it asks for;
 * 4. else English.
 *
 * The decision is pure (decide()); the rest reads WordPress and the request. The order keeps it as
 * `_korea_checkout_locale` (Orders\OrderMeta).
 */
final class ShopperLanguage {

	/**
	 * The field (classic) and payment-data key (block) that carry the page's language.
	 */
	public const PAGE_FIELD = 'korea_checkout_page_language';

	/**
	 * The WordPress locale of each language, for switching emails to it.
	 */
	private const WP_LOCALES = array(
		'ko' => 'ko_KR',
		'en' => 'en_US',
		'ja' => 'ja',
		'zh' => 'zh_CN',
	);

	/**
	 * Adds the hooks.
	 */
	public function register(): void {
		add_action( 'woocommerce_checkout_before_customer_details', array( $this, 'print_classic_field' ) );
		add_action( 'woocommerce_checkout_create_order', array( $this, 'save_classic' ), 10, 2 );
		// Before WooCommerce's own handler (priority 999) calls the gateway's process_payment().
		add_action( 'woocommerce_rest_checkout_process_payment_with_context', array( $this, 'save_block' ), 10, 1 );
	}

	/**
	 * The page language of a WordPress locale or an HTML `lang` value (`ja`, `zh_CN`, `zh-TW`, `ko-KR`, `en_GB`),
	 * or '' when it is none of the four.
	 *
	 * @param string $locale A locale or language tag.
	 */
	public static function from_locale( string $locale ): string {
		$language = strtolower( (string) preg_replace( '/[-_].*$/', '', trim( $locale ) ) );
		return in_array( $language, OrderMeta::LANGUAGES, true ) ? $language : '';
	}

	/**
	 * The first of the four languages an `Accept-Language` header asks for (by weight, then by order), or ''.
	 *
	 * @param string $header E.g. `ja-JP,ja;q=0.9,en-US;q=0.8`.
	 */
	public static function from_accept_language( string $header ): string {
		$best        = '';
		$best_weight = 0.0;
		foreach ( explode( ',', $header ) as $part ) {
			$pieces   = array_map( 'trim', explode( ';', $part ) );
			$language = self::from_locale( (string) array_shift( $pieces ) );
			$weight   = 1.0;
			foreach ( $pieces as $piece ) {
				if ( 1 === preg_match( '/^q=([0-9.]+)$/i', $piece, $m ) ) {
					$weight = (float) $m[1];
				}
			}
			if ( '' !== $language && $weight > $best_weight ) {
				$best        = $language;
				$best_weight = $weight;
			}
		}
		return $best;
	}

	/**
	 * The shopper's language from what is known about them (each argument may be '').
	 *
	 * @param string $profile_locale  The logged-in shopper's profile locale ('' = the site's default).
	 * @param string $page_locale     The locale or `lang` of the page the shopper checked out on.
	 * @param string $accept_language The browser's Accept-Language header.
	 * @return string `ko`, `en`, `ja` or `zh`.
	 */
	public static function decide( string $profile_locale, string $page_locale, string $accept_language ): string {
		foreach ( array( self::from_locale( $profile_locale ), self::from_locale( $page_locale ), self::from_accept_language( $accept_language ) ) as $language ) {
			if ( '' !== $language ) {
				return $language;
			}
		}
		return 'en';
	}

	/**
	 * The WordPress locale to write to a shopper in (`ko_KR`, `en_US`, `ja`, `zh_CN`).
	 *
	 * @param string $language `ko`, `en`, `ja` or `zh`.
	 */
	public static function wp_locale( string $language ): string {
		return self::WP_LOCALES[ $language ] ?? 'en_US';
	}

	/**
	 * The language of an order's shopper: the one kept at checkout, else decided now from the order's customer
	 * and the current request (orders made before this version, or outside the checkout).
	 *
	 * @param \WC_Order $order The order.
	 * @return string `ko`, `en`, `ja` or `zh`.
	 */
	public static function of_order( \WC_Order $order ): string {
		$kept = OrderMeta::locale( $order );
		if ( '' !== $kept ) {
			return $kept;
		}
		return self::decide( self::profile_locale( $order->get_customer_id() ), determine_locale(), self::accept_language() );
	}

	/**
	 * Classic checkout: the page's language, inside the form (this part of the form is not redrawn).
	 */
	public function print_classic_field(): void {
		printf( '<input type="hidden" name="%1$s" value="%2$s" />', esc_attr( self::PAGE_FIELD ), esc_attr( determine_locale() ) );
	}

	/**
	 * Classic checkout: keeps the language on an order paid with Korea Checkout.
	 *
	 * @param \WC_Order            $order The new order (saved by WooCommerce afterwards).
	 * @param array<string, mixed> $data  Posted checkout data.
	 */
	public function save_classic( $order, $data ): void {
		if ( ! $order instanceof \WC_Order || ! is_array( $data ) || Plugin::GATEWAY_ID !== ( $data['payment_method'] ?? '' ) ) {
			return;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- WooCommerce verified the checkout nonce before this hook.
		$page = isset( $_POST[ self::PAGE_FIELD ] ) && is_string( $_POST[ self::PAGE_FIELD ] ) ? sanitize_text_field( wp_unslash( $_POST[ self::PAGE_FIELD ] ) ) : '';
		OrderMeta::set_locale( $order, self::decide( self::profile_locale( get_current_user_id() ), $page, self::accept_language() ) );
	}

	/**
	 * Block checkout: keeps the language, with the page's `lang` the payment method sent.
	 *
	 * @param \Automattic\WooCommerce\StoreApi\Payments\PaymentContext $context The payment context.
	 */
	public function save_block( $context ): void {
		if ( ! is_object( $context ) || Plugin::GATEWAY_ID !== $context->payment_method || ! $context->order instanceof \WC_Order ) {
			return;
		}
		$data = is_array( $context->payment_data ) ? $context->payment_data : array();
		$page = isset( $data[ self::PAGE_FIELD ] ) && is_string( $data[ self::PAGE_FIELD ] ) ? sanitize_text_field( $data[ self::PAGE_FIELD ] ) : '';
		OrderMeta::set_locale( $context->order, self::decide( self::profile_locale( get_current_user_id() ), $page, self::accept_language() ) );
		$context->order->save();
	}

	/**
	 * A user's own profile locale ('' for guests and for "Site Default").
	 *
	 * @param int $user_id User id (0 for a guest).
	 */
	private static function profile_locale( int $user_id ): string {
		return $user_id > 0 ? (string) get_user_meta( $user_id, 'locale', true ) : '';
	}

	/**
	 * The current request's Accept-Language header ('' outside a browser request).
	 */
	private static function accept_language(): string {
		return isset( $_SERVER['HTTP_ACCEPT_LANGUAGE'] ) && is_string( $_SERVER['HTTP_ACCEPT_LANGUAGE'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_ACCEPT_LANGUAGE'] ) ) : '';
	}
}
