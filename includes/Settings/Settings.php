<?php
/**
 * The plugin's settings: one option, with wp-config constants and environment variables taking precedence.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and writes the `korea_checkout_settings` option.
 *
 * The API key, webhook secret and API URL may instead be set as constants in wp-config.php or as
 * environment variables of the same name (`KOREA_CHECKOUT_API_KEY`, `KOREA_CHECKOUT_WEBHOOK_SECRET`,
 * `KOREA_CHECKOUT_API_URL`); such a value wins over the option and is shown as locked on the settings page.
 * Validation of what a person submits lives in the admin module; this class stores what it is given.
 */
final class Settings {

	public const OPTION = 'korea_checkout_settings';

	public const LIVE_API_URL    = 'https://api.koreacheckout.com';
	public const SANDBOX_API_URL = 'https://sandbox-api.koreacheckout.com';

	/**
	 * Settings that a constant or environment variable can lock, and the name of that constant.
	 */
	public const LOCKABLE = array(
		'api_key'        => 'KOREA_CHECKOUT_API_KEY',
		'webhook_secret' => 'KOREA_CHECKOUT_WEBHOOK_SECRET',
		'api_url'        => 'KOREA_CHECKOUT_API_URL',
	);

	/**
	 * Every setting with its default.
	 *
	 * @return array<string, mixed>
	 */
	public static function defaults(): array {
		return array(
			'enabled'          => true,
			'title'            => '',
			'description'      => '',
			'mode'             => 'sandbox',
			'api_key'          => '',
			'webhook_secret'   => '',
			'api_url'          => '',
			'shop_id'          => '',
			'enabled_methods'  => array(),
			'status_map'       => array(),
			'address_search'   => true,
			'session_lifetime' => 24,
			'customs_code'     => false,
			'debug'            => false,
		);
	}

	/**
	 * One setting's effective value.
	 *
	 * @param string $key A key of defaults().
	 * @return mixed
	 */
	public static function get( string $key ) {
		$locked = self::locked_value( $key );
		if ( null !== $locked ) {
			return $locked;
		}
		$stored = self::stored();
		return array_key_exists( $key, $stored ) ? $stored[ $key ] : ( self::defaults()[ $key ] ?? null );
	}

	/**
	 * All effective values.
	 *
	 * @return array<string, mixed>
	 */
	public static function all(): array {
		$values = array();
		foreach ( array_keys( self::defaults() ) as $key ) {
			$values[ $key ] = self::get( $key );
		}
		return $values;
	}

	/**
	 * Stores values (merged into what is stored). Locked keys are never written to the option.
	 *
	 * @param array<string, mixed> $values Already validated values, keyed as defaults().
	 */
	public static function update( array $values ): void {
		$stored = self::stored();
		foreach ( $values as $key => $value ) {
			if ( ! array_key_exists( $key, self::defaults() ) || self::is_locked( $key ) ) {
				continue;
			}
			$stored[ $key ] = $value;
		}
		update_option( self::OPTION, $stored, true );
	}

	/**
	 * Whether a constant or environment variable sets this key.
	 *
	 * @param string $key A key of defaults().
	 */
	public static function is_locked( string $key ): bool {
		return null !== self::locked_value( $key );
	}

	/**
	 * The base URL of the API: the override when one is set, else that of the mode.
	 */
	public static function api_url(): string {
		$override = (string) self::get( 'api_url' );
		if ( '' !== $override ) {
			return untrailingslashit( $override );
		}
		return 'live' === self::get( 'mode' ) ? self::LIVE_API_URL : self::SANDBOX_API_URL;
	}

	/**
	 * Whether the plugin runs against the sandbox (test keys, no real money).
	 */
	public static function is_sandbox(): bool {
		return 'live' !== self::get( 'mode' );
	}

	/**
	 * The value of a locking constant or environment variable, or null.
	 *
	 * @param string $key A key of defaults().
	 */
	private static function locked_value( string $key ): ?string {
		$name = self::LOCKABLE[ $key ] ?? null;
		if ( null === $name ) {
			return null;
		}
		if ( defined( $name ) && '' !== (string) constant( $name ) ) {
			return (string) constant( $name );
		}
		$env = getenv( $name );
		return ( false !== $env && '' !== $env ) ? $env : null;
	}

	/**
	 * What the option holds.
	 *
	 * @return array<string, mixed>
	 */
	private static function stored(): array {
		$stored = get_option( self::OPTION, array() );
		return is_array( $stored ) ? $stored : array();
	}
}
