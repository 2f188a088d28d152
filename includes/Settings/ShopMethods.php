<?php
/**
 * The payment methods the store's Korea Checkout shop has, as the API last said.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Settings;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Api\Client;
use KoreaCheckout\PaymentMethods;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps the shop's `payment_methods` (from `GET /api/shops/{id}`) so that checkout offers only methods the shop
 * can take. Written by the connection test and by refresh() (reconciliation); read at checkout.
 *
 * Stored in the option `korea_checkout_shop_methods`, not autoloaded: pages that never ask pay nothing, a
 * checkout asks once per request (WordPress then keeps the value in its object cache). The value is tied to
 * the API address, key and shop it was read with: after any of them changes it counts as unknown until read
 * again.
 */
final class ShopMethods {

	public const OPTION = 'korea_checkout_shop_methods';

	/**
	 * Reads the shop from the API and keeps its methods. The shop is the one in the settings, else the
	 * account's first (the one the API uses when a session names none).
	 *
	 * @param Client $client The API client.
	 * @throws ApiException When the API cannot be read; what was kept stays.
	 */
	public static function refresh( Client $client ): void {
		$shop_id = (string) Settings::get( 'shop_id' );
		if ( '' === $shop_id ) {
			$shops   = $client->list_shops();
			$shop_id = isset( $shops[0]['id'] ) && is_scalar( $shops[0]['id'] ) ? (string) $shops[0]['id'] : '';
		}
		if ( '' === $shop_id ) {
			return;
		}
		self::remember( $client->get_shop( $shop_id ) );
	}

	/**
	 * Keeps the methods of a shop as the API shows it.
	 *
	 * @param array<string, mixed> $shop The shop (`id`, `name`, `payment_methods`).
	 */
	public static function remember( array $shop ): void {
		$value  = array(
			'fingerprint' => self::fingerprint(),
			'shop_id'     => is_scalar( $shop['id'] ?? null ) ? (string) $shop['id'] : '',
			'shop_name'   => is_string( $shop['name'] ?? null ) ? $shop['name'] : '',
			'methods'     => self::known_ids( $shop['payment_methods'] ?? array() ),
			'checked_at'  => time(),
		);
		$before = self::read();
		unset( $before['checked_at'] );
		$after = $value;
		unset( $after['checked_at'] );
		// Reconciliation reads the shop often; the row changes only when the shop does.
		if ( $before === $after ) {
			return;
		}
		update_option( self::OPTION, $value, false );
	}

	/**
	 * The shop's method ids, or null when they are not known (never read, or read with other settings).
	 *
	 * @return array<int, string>|null
	 */
	public static function methods(): ?array {
		$kept = self::current();
		return null === $kept ? null : $kept['methods'];
	}

	/**
	 * What is known about the shop's methods, for the settings page: null, or `shop_id`, `shop_name`,
	 * `methods` and `checked_at` (when the API first answered with these methods).
	 *
	 * @return array{shop_id: string, shop_name: string, methods: array<int, string>, checked_at: int}|null
	 */
	public static function current(): ?array {
		$kept = self::read();
		if ( ! isset( $kept['fingerprint'], $kept['methods'] ) || ! is_array( $kept['methods'] ) || ! hash_equals( self::fingerprint(), (string) $kept['fingerprint'] ) ) {
			return null;
		}
		return array(
			'shop_id'    => (string) ( $kept['shop_id'] ?? '' ),
			'shop_name'  => (string) ( $kept['shop_name'] ?? '' ),
			'methods'    => self::known_ids( $kept['methods'] ),
			'checked_at' => (int) ( $kept['checked_at'] ?? 0 ),
		);
	}

	/**
	 * The methods to offer: those the store owner kept on (in the owner's order; none chosen = all) that the
	 * shop has. When the shop's methods are unknown, the owner's choice alone.
	 *
	 * @param array<int, string>      $kept_on The owner's ids in order, [] for every method.
	 * @param array<int, string>|null $shop    The shop's ids, null when unknown.
	 * @return array<int, string>
	 */
	public static function offered( array $kept_on, ?array $shop ): array {
		$kept_on = array() === $kept_on ? PaymentMethods::IDS : $kept_on;
		if ( null === $shop ) {
			return array_values( $kept_on );
		}
		return array_values( array_intersect( $kept_on, $shop ) );
	}

	/**
	 * Forgets what was kept (tests, uninstall does it by name).
	 */
	public static function forget(): void {
		delete_option( self::OPTION );
	}

	/**
	 * The ids the plugin knows, in the order given, each once.
	 *
	 * @param mixed $ids Method ids.
	 * @return array<int, string>
	 */
	private static function known_ids( $ids ): array {
		$ids = is_array( $ids ) ? array_filter( $ids, 'is_string' ) : array();
		return array_values( array_unique( array_filter( $ids, array( PaymentMethods::class, 'is_known' ) ) ) );
	}

	/**
	 * The option's value (one query per request at most: WordPress keeps it in its object cache).
	 *
	 * @return array<string, mixed>
	 */
	private static function read(): array {
		$value = get_option( self::OPTION, array() );
		return is_array( $value ) ? $value : array();
	}

	/**
	 * Which API address, key and shop setting a reading belongs to (keyed with a salt: no secret is stored).
	 */
	private static function fingerprint(): string {
		return hash_hmac( 'sha256', Settings::api_url() . '|' . Settings::get( 'api_key' ) . '|' . Settings::get( 'shop_id' ), wp_salt( 'auth' ) );
	}
}
