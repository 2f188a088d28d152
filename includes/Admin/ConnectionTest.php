<?php
/**
 * "Test connection": the saved key against the API, and what the API says about the shop.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Api\Client;
use KoreaCheckout\PaymentMethods;
use KoreaCheckout\Settings\Settings;
use KoreaCheckout\Settings\ShopMethods;

defined( 'ABSPATH' ) || exit;

/**
 * Lists the key's shops, reads the chosen one (the setting, else the account's first: the one the API uses
 * when a session names none) and reports its name, business verification, payment methods, custom domain and
 * the rate-limit headroom, or a ConnectionProblem. A success is cached in a transient, tied to the key, API
 * address and shop it was made with; `refresh` asks the API again. Each reading of the shop also refreshes the
 * methods the checkout offers (Settings\ShopMethods).
 */
final class ConnectionTest {

	public const TRANSIENT = 'korea_checkout_connection';
	public const TTL       = 6 * HOUR_IN_SECONDS;

	/**
	 * API client, or null for one over the settings in effect when the test runs.
	 *
	 * @var Client|null
	 */
	private ?Client $client;

	/**
	 * Creates the test.
	 *
	 * @param Client|null $client API client; default one with the saved settings.
	 */
	public function __construct( ?Client $client = null ) {
		$this->client = $client;
	}

	/**
	 * Forgets the cached result (after the key, mode, address or shop changed).
	 */
	public static function forget(): void {
		delete_transient( self::TRANSIENT );
	}

	/**
	 * The result: `ok`, `mode`, `api_url`, `checked_at`, `cached`, and `shops`, `shop`, `rate_limit` on
	 * success or `problem` (plus `shops` when only the shop choice is wrong) on failure.
	 *
	 * @param bool $refresh Ask the API even when a cached result fits.
	 * @return array<string, mixed>
	 */
	public function run( bool $refresh = false ): array {
		$mode    = Settings::is_sandbox() ? 'sandbox' : 'live';
		$api_url = Settings::api_url();
		$key     = (string) Settings::get( 'api_key' );
		$base    = array(
			'mode'    => $mode,
			'api_url' => $api_url,
		);

		$local = self::local_problem( $key, $mode );
		if ( null !== $local ) {
			return self::failure( $base, ConnectionProblem::local( $local, $mode, $api_url ) );
		}

		$fingerprint = hash_hmac( 'sha256', $api_url . '|' . $key . '|' . Settings::get( 'shop_id' ), wp_salt( 'auth' ) );
		if ( ! $refresh ) {
			$cached = get_transient( self::TRANSIENT );
			if ( is_array( $cached ) && ( $cached['fingerprint'] ?? '' ) === $fingerprint && is_array( $cached['result'] ?? null ) ) {
				return array_merge( $cached['result'], array( 'cached' => true ) );
			}
		}

		$result = $this->ask( $base, $mode, $api_url );
		if ( true === $result['ok'] ) {
			set_transient(
				self::TRANSIENT,
				array(
					'fingerprint' => $fingerprint,
					'result'      => $result,
				),
				self::TTL
			);
		}
		return $result;
	}

	/**
	 * What is wrong before any call: no key, a broken key, a key of the other mode.
	 *
	 * @param string $key  The key in effect.
	 * @param string $mode The mode in effect.
	 */
	private static function local_problem( string $key, string $mode ): ?string {
		if ( '' === $key ) {
			return 'no_key';
		}
		if ( ! SettingsValidator::is_key_well_formed( $key ) ) {
			return 'key_format';
		}
		return SettingsValidator::key_mode( $key ) === $mode ? null : 'wrong_mode';
	}

	/**
	 * Calls the API.
	 *
	 * @param array<string, mixed> $base    Mode and address.
	 * @param string               $mode    The mode in effect.
	 * @param string               $api_url The address in use.
	 * @return array<string, mixed>
	 */
	private function ask( array $base, string $mode, string $api_url ): array {
		$client = $this->client ?? new Client();
		try {
			$shops = $client->list_shops();
			if ( array() === $shops ) {
				return self::failure( $base, ConnectionProblem::local( 'no_shops', $mode, $api_url ) );
			}
			$summaries = array_map( array( self::class, 'summary' ), $shops );
			$chosen    = (string) Settings::get( 'shop_id' );
			$ids       = array_column( $summaries, 'id' );
			if ( '' !== $chosen && ! in_array( $chosen, $ids, true ) ) {
				return array_merge( self::failure( $base, ConnectionProblem::local( 'shop_not_found', $mode, $api_url ) ), array( 'shops' => $summaries ) );
			}
			$shop = $client->get_shop( '' !== $chosen ? $chosen : (string) $ids[0] );
			// The checkout offers only methods the shop has: keep them with this reading.
			ShopMethods::remember( $shop );
		} catch ( ApiException $error ) {
			$limit = $client->last_rate_limit();
			return self::failure( $base, ConnectionProblem::from_api( $error, $mode, $api_url, null !== $limit ? $limit['limit'] : null ) );
		}

		return array_merge(
			$base,
			array(
				'ok'         => true,
				'cached'     => false,
				'checked_at' => time(),
				'shops'      => $summaries,
				'shop'       => self::details( $shop, '' === $chosen ),
				'rate_limit' => $client->last_rate_limit(),
			)
		);
	}

	/**
	 * A failed result.
	 *
	 * @param array<string, mixed>                                        $base    Mode and address.
	 * @param array{code: string, message: string, retry_after: int|null} $problem The problem.
	 * @return array<string, mixed>
	 */
	private static function failure( array $base, array $problem ): array {
		return array_merge(
			$base,
			array(
				'ok'         => false,
				'cached'     => false,
				'checked_at' => time(),
				'problem'    => $problem,
			)
		);
	}

	/**
	 * A shop in a list: id and name.
	 *
	 * @param mixed $shop A shop as the API shows it.
	 * @return array{id: string, name: string}
	 */
	private static function summary( $shop ): array {
		$shop = is_array( $shop ) ? $shop : array();
		return array(
			'id'   => (string) ( $shop['id'] ?? '' ),
			'name' => (string) ( $shop['name'] ?? '' ),
		);
	}

	/**
	 * The facts about one shop a store owner needs.
	 *
	 * @param array<string, mixed> $shop      The shop as the API shows it.
	 * @param bool                 $automatic Whether it was chosen by the API's default (no shop set).
	 * @return array<string, mixed>
	 */
	private static function details( array $shop, bool $automatic ): array {
		$methods = array();
		foreach ( (array) ( $shop['payment_methods'] ?? array() ) as $id ) {
			if ( ! is_string( $id ) ) {
				continue;
			}
			$methods[] = array(
				'id'    => $id,
				'label' => PaymentMethods::label( $id ),
				'known' => PaymentMethods::is_known( $id ),
			);
		}
		$business = is_array( $shop['business_info'] ?? null ) ? $shop['business_info'] : array();
		return array(
			'id'                          => (string) ( $shop['id'] ?? '' ),
			'name'                        => (string) ( $shop['name'] ?? '' ),
			'status'                      => (string) ( $shop['status'] ?? '' ),
			'automatic'                   => $automatic,
			'business_verified'           => true === ( $business['verified'] ?? null ),
			'business_name'               => is_string( $business['business_name'] ?? null ) ? $business['business_name'] : '',
			'business_number'             => is_string( $business['business_number'] ?? null ) ? $business['business_number'] : '',
			'payment_methods'             => $methods,
			'custom_domain'               => is_string( $shop['custom_domain'] ?? null ) ? $shop['custom_domain'] : '',
			'domain_verification_status'  => is_string( $shop['domain_verification_status'] ?? null ) ? $shop['domain_verification_status'] : '',
			'domain_configuration_status' => is_string( $shop['domain_configuration_status'] ?? null ) ? $shop['domain_configuration_status'] : '',
		);
	}
}
