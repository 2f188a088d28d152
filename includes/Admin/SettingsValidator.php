<?php
/**
 * The rules for every value a store owner can submit on the settings page.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

use KoreaCheckout\Orders\StatusMapper;
use KoreaCheckout\PaymentMethods;

defined( 'ABSPATH' ) || exit;

/**
 * Checks submitted settings and turns them into the values to store. Pure PHP: it needs no WordPress, so
 * its rules are unit-tested on their own; WordPress facts (the order statuses) come in through the constructor.
 *
 * A submission is all or nothing: when any field breaks a rule, nothing is stored and every broken field
 * gets its own error (codes are turned into sentences by ValidationMessages).
 */
final class SettingsValidator {

	public const MODES = array( 'sandbox', 'live' );

	public const MIN_LIFETIME_HOURS = 1;
	public const MAX_LIFETIME_HOURS = 168;

	/**
	 * The longest text a text setting may hold, in characters.
	 */
	public const TEXT_LIMITS = array(
		'title'       => 100,
		'description' => 500,
	);

	private const BOOLEANS = array( 'enabled', 'address_search', 'customs_code', 'debug' );

	private const KEY_PATTERN     = '/^sk_(test|live)_[0-9a-f]{64}$/';
	private const MAX_SECRET      = 256;
	private const SHOP_ID_PATTERN = '/^[A-Za-z0-9_-]{1,100}$/';
	private const MAX_URL         = 200;

	/**
	 * WooCommerce order status slugs (without `wc-`) a session status may be mapped to.
	 *
	 * @var array<int, string>
	 */
	private array $order_statuses;

	/**
	 * Creates the validator.
	 *
	 * @param array<int, string> $order_statuses Order status slugs, with or without the `wc-` prefix.
	 */
	public function __construct( array $order_statuses ) {
		$this->order_statuses = array_map( array( self::class, 'strip_wc_prefix' ), $order_statuses );
	}

	/**
	 * The mode a key belongs to, from its prefix: `sandbox`, `live`, or null for anything else.
	 *
	 * @param string $key An API key.
	 */
	public static function key_mode( string $key ): ?string {
		if ( str_starts_with( $key, 'sk_test_' ) ) {
			return 'sandbox';
		}
		if ( str_starts_with( $key, 'sk_live_' ) ) {
			return 'live';
		}
		return null;
	}

	/**
	 * Whether a key has the full format (prefix and 64 hex characters).
	 *
	 * @param string $key An API key.
	 */
	public static function is_key_well_formed( string $key ): bool {
		return 1 === preg_match( self::KEY_PATTERN, $key );
	}

	/**
	 * Checks a submission.
	 *
	 * @param array<string, mixed> $input   The submitted fields (any subset of the settings).
	 * @param array<string, mixed> $current The values in effect now (stored or locked), keyed as the settings.
	 * @param array<int, string>   $locked  Keys that a constant or environment variable sets.
	 * @return array{values: array<string, mixed>, errors: array<string, InvalidSetting>} The values to store
	 *         (only fields that change) and the refusals by field.
	 */
	public function validate( array $input, array $current, array $locked ): array {
		$values = array();
		$errors = array();
		foreach ( $input as $field => $value ) {
			$field = (string) $field;
			try {
				if ( ! array_key_exists( $field, $current ) ) {
					throw new InvalidSetting( 'unknown_setting', array( 'field' => $field ) );
				}
				if ( in_array( $field, $locked, true ) ) {
					$this->check_locked( $field, $value, (string) $current[ $field ] );
					continue;
				}
				$clean = $this->clean( $field, $value, $current );
				if ( null !== $clean ) {
					$values[ $field ] = $clean[0];
				}
			} catch ( InvalidSetting $refusal ) {
				$errors[ $field ] = $refusal;
			}
		}

		$mismatch = $this->mode_mismatch( $input, $values, $current, $locked, $errors );
		if ( null !== $mismatch ) {
			$errors[ $mismatch[0] ] = $mismatch[1];
		}
		$moved = $this->url_without_key( $values, $current, $locked, $errors );
		if ( null !== $moved ) {
			$errors['api_url'] = $moved;
		}

		return array(
			'values' => $errors ? array() : $values,
			'errors' => $errors,
		);
	}

	/**
	 * A locked field may only come back unchanged (as its value or its mask).
	 *
	 * @param string $field   The field.
	 * @param mixed  $value   What came in.
	 * @param string $current The locked value.
	 * @throws InvalidSetting When it would change.
	 */
	private function check_locked( string $field, $value, string $current ): void {
		// A secret is its exact bytes; other fields are compared without the spaces around them.
		$value = is_string( $value ) && 'webhook_secret' !== $field ? trim( $value ) : $value;
		if ( $value === $current || ( is_string( $value ) && SecretMask::is_mask_of( $value, $current ) ) ) {
			return;
		}
		throw new InvalidSetting( 'locked', array( 'field' => $field ) );
	}

	/**
	 * One field's clean value.
	 *
	 * @param string               $field   The field.
	 * @param mixed                $value   What came in.
	 * @param array<string, mixed> $current The values in effect now.
	 * @return array{0: mixed}|null The value in a one-element array, or null to keep what is stored.
	 * @throws InvalidSetting When the value breaks the field's rule.
	 */
	private function clean( string $field, $value, array $current ): ?array {
		if ( in_array( $field, self::BOOLEANS, true ) ) {
			return array( $this->boolean( $value ) );
		}
		switch ( $field ) {
			case 'mode':
				return array( $this->mode( $value ) );
			case 'api_key':
				return $this->api_key( $value, (string) $current['api_key'] );
			case 'webhook_secret':
				return $this->webhook_secret( $value, (string) $current['webhook_secret'] );
			case 'api_url':
				return array( $this->api_url( $value ) );
			case 'shop_id':
				return array( $this->shop_id( $value ) );
			case 'enabled_methods':
				return array( $this->methods( $value ) );
			case 'status_map':
				return array( $this->status_map( $value ) );
			case 'session_lifetime':
				return array( $this->lifetime( $value ) );
			case 'title':
			case 'description':
				return array( $this->text( $value, self::TEXT_LIMITS[ $field ] ) );
		}
		throw new InvalidSetting( 'unknown_setting', array( 'field' => $field ) );
	}

	/**
	 * A yes/no value: JSON booleans, 1/0 and the usual words.
	 *
	 * @param mixed $value What came in.
	 * @throws InvalidSetting When it is not a yes or a no.
	 */
	private function boolean( $value ): bool {
		if ( is_bool( $value ) ) {
			return $value;
		}
		$word = is_scalar( $value ) ? strtolower( trim( (string) $value ) ) : null;
		if ( in_array( $word, array( '1', 'true', 'yes', 'on' ), true ) ) {
			return true;
		}
		if ( in_array( $word, array( '0', 'false', 'no', 'off' ), true ) ) {
			return false;
		}
		throw new InvalidSetting( 'not_boolean' );
	}

	/**
	 * The mode.
	 *
	 * @param mixed $value What came in.
	 * @throws InvalidSetting When it is neither sandbox nor live.
	 */
	private function mode( $value ): string {
		if ( ! is_string( $value ) || ! in_array( $value, self::MODES, true ) ) {
			throw new InvalidSetting( 'mode_invalid' );
		}
		return $value;
	}

	/**
	 * The API key: '' removes it, its mask keeps it, anything else must be a whole key.
	 *
	 * @param mixed  $value  What came in.
	 * @param string $stored The key in effect now.
	 * @return array{0: string}|null
	 * @throws InvalidSetting When it is not a whole key.
	 */
	private function api_key( $value, string $stored ): ?array {
		if ( ! is_string( $value ) ) {
			throw new InvalidSetting( 'key_format' );
		}
		$value = trim( $value );
		if ( SecretMask::is_mask_of( $value, $stored ) ) {
			return null;
		}
		if ( '' === $value ) {
			return array( '' );
		}
		if ( SecretMask::looks_masked( $value ) ) {
			throw new InvalidSetting( 'key_masked' );
		}
		if ( null === self::key_mode( $value ) ) {
			throw new InvalidSetting( 'key_prefix' );
		}
		if ( ! self::is_key_well_formed( $value ) ) {
			throw new InvalidSetting( 'key_format', array( 'length' => strlen( $value ) - strlen( 'sk_test_' ) ) );
		}
		return array( $value );
	}

	/**
	 * The webhook secret: '' removes it, its mask keeps it, anything else is `whsec_` and printable text, kept
	 * exactly as pasted: the signature is made over its bytes, so a space at its end is part of it.
	 *
	 * @param mixed  $value  What came in.
	 * @param string $stored The secret in effect now.
	 * @return array{0: string}|null
	 * @throws InvalidSetting When it is not a webhook secret.
	 */
	private function webhook_secret( $value, string $stored ): ?array {
		if ( ! is_string( $value ) ) {
			throw new InvalidSetting( 'secret_format' );
		}
		if ( SecretMask::is_mask_of( $value, $stored ) ) {
			return null;
		}
		if ( '' === $value ) {
			return array( '' );
		}
		if ( SecretMask::looks_masked( $value ) ) {
			throw new InvalidSetting( 'secret_masked' );
		}
		// Printable: no control, format, unassigned or invalid characters (\p{C}); the `u` flag refuses broken UTF-8.
		if ( ! str_starts_with( $value, 'whsec_' ) || 1 !== preg_match( '/^whsec_[^\p{C}]+$/u', $value ) || strlen( $value ) > self::MAX_SECRET ) {
			throw new InvalidSetting( 'secret_format', array( 'max' => self::MAX_SECRET ) );
		}
		return array( $value );
	}

	/**
	 * The API URL override: '' means the mode's own URL; otherwise an absolute http(s) base URL.
	 *
	 * @param mixed $value What came in.
	 * @throws InvalidSetting When it is not such a URL.
	 */
	private function api_url( $value ): string {
		if ( ! is_string( $value ) ) {
			throw new InvalidSetting( 'url_invalid' );
		}
		$value = trim( $value );
		if ( '' === $value ) {
			return '';
		}
		$parts = parse_url( $value ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- pure class, no WordPress; PHP 8.1+ parses consistently.
		$valid = is_array( $parts )
			&& in_array( strtolower( $parts['scheme'] ?? '' ), array( 'http', 'https' ), true )
			&& '' !== ( $parts['host'] ?? '' )
			&& ! isset( $parts['user'] )
			&& ! isset( $parts['pass'] )
			&& ! isset( $parts['query'] )
			&& ! isset( $parts['fragment'] )
			&& strlen( $value ) <= self::MAX_URL
			&& 1 !== preg_match( '/\s/', $value );
		if ( ! $valid ) {
			throw new InvalidSetting( 'url_invalid' );
		}
		return rtrim( $value, '/' );
	}

	/**
	 * The shop id ('' = the account's first shop).
	 *
	 * @param mixed $value What came in.
	 * @throws InvalidSetting When it is not an id.
	 */
	private function shop_id( $value ): string {
		if ( ! is_string( $value ) ) {
			throw new InvalidSetting( 'shop_id_invalid' );
		}
		$value = trim( $value );
		if ( '' !== $value && 1 !== preg_match( self::SHOP_ID_PATTERN, $value ) ) {
			throw new InvalidSetting( 'shop_id_invalid' );
		}
		return $value;
	}

	/**
	 * The enabled methods, in the shopper's order ([] = every method the shop offers).
	 *
	 * @param mixed $value What came in.
	 * @return array<int, string>
	 * @throws InvalidSetting When it is not a list of known, distinct ids.
	 */
	private function methods( $value ): array {
		if ( ! is_array( $value ) || ! array_is_list( $value ) ) {
			throw new InvalidSetting( 'methods_not_list' );
		}
		$seen = array();
		foreach ( $value as $id ) {
			if ( ! is_string( $id ) || ! PaymentMethods::is_known( $id ) ) {
				throw new InvalidSetting( 'method_unknown', array( 'id' => is_scalar( $id ) ? (string) $id : gettype( $id ) ) );
			}
			if ( in_array( $id, $seen, true ) ) {
				throw new InvalidSetting( 'method_duplicate', array( 'id' => $id ) );
			}
			$seen[] = $id;
		}
		return $seen;
	}

	/**
	 * The status map: session status => order status slug; '' or `automatic` drops an override. Which session
	 * statuses exist and which targets they may take is StatusMapper's rule (a paid payment never makes an
	 * order look unpaid, nor the reverse).
	 *
	 * @param mixed $value What came in.
	 * @return array<string, string>
	 * @throws InvalidSetting When a status is unknown on either side.
	 */
	private function status_map( $value ): array {
		if ( ! is_array( $value ) || ( array() !== $value && array_is_list( $value ) ) ) {
			throw new InvalidSetting( 'status_map_not_object' );
		}
		$map = array();
		foreach ( $value as $session_status => $order_status ) {
			$session_status = (string) $session_status;
			if ( ! array_key_exists( $session_status, StatusMapper::DEFAULTS ) ) {
				throw new InvalidSetting( 'status_unknown', array( 'status' => $session_status ) );
			}
			if ( ! is_string( $order_status ) ) {
				throw new InvalidSetting( 'order_status_unknown', array( 'status' => gettype( $order_status ) ) );
			}
			$order_status = self::strip_wc_prefix( trim( $order_status ) );
			if ( '' === $order_status || 'automatic' === $order_status ) {
				continue;
			}
			if ( ! in_array( $order_status, $this->order_statuses, true ) ) {
				throw new InvalidSetting( 'order_status_unknown', array( 'status' => $order_status ) );
			}
			if ( ! StatusMapper::allowed( $session_status, $order_status ) ) {
				throw new InvalidSetting(
					'status_not_allowed',
					array(
						'status' => $session_status,
						'target' => $order_status,
					)
				);
			}
			$map[ $session_status ] = $order_status;
		}
		return $map;
	}

	/**
	 * The session lifetime in whole hours.
	 *
	 * @param mixed $value What came in.
	 * @throws InvalidSetting When it is not a whole number of hours in range.
	 */
	private function lifetime( $value ): int {
		$range = array(
			'min' => self::MIN_LIFETIME_HOURS,
			'max' => self::MAX_LIFETIME_HOURS,
		);
		if ( is_string( $value ) && 1 === preg_match( '/^\s*\d+\s*$/', $value ) ) {
			$value = (int) $value;
		}
		if ( is_float( $value ) && floor( $value ) === $value ) {
			$value = (int) $value;
		}
		if ( ! is_int( $value ) || $value < self::MIN_LIFETIME_HOURS || $value > self::MAX_LIFETIME_HOURS ) {
			throw new InvalidSetting( 'lifetime_range', $range );
		}
		return $value;
	}

	/**
	 * A plain text: no markup, no control characters, not too long.
	 *
	 * @param mixed $value What came in.
	 * @param int   $limit The longest it may be.
	 * @throws InvalidSetting When it is not such a text.
	 */
	private function text( $value, int $limit ): string {
		if ( ! is_string( $value ) ) {
			throw new InvalidSetting( 'text_invalid' );
		}
		$value = trim( $value );
		if ( 1 !== preg_match( '//u', $value ) || 1 === preg_match( '/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/', $value ) || strip_tags( $value ) !== $value ) { // phpcs:ignore WordPress.WP.AlternativeFunctions.strip_tags_strip_tags -- pure class; any tag at all is refused.
			throw new InvalidSetting( 'text_invalid' );
		}
		if ( mb_strlen( $value ) > $limit ) {
			throw new InvalidSetting( 'text_too_long', array( 'max' => $limit ) );
		}
		return $value;
	}

	/**
	 * Checks that the key in effect after this submission belongs to the mode in effect after it.
	 * Only when the submission touches either (an unrelated save is never blocked by it).
	 *
	 * @param array<string, mixed>          $input   What came in.
	 * @param array<string, mixed>          $values  The clean values so far.
	 * @param array<string, mixed>          $current The values in effect now.
	 * @param array<int, string>            $locked  Locked keys.
	 * @param array<string, InvalidSetting> $errors  Refusals so far.
	 * @return array{0: string, 1: InvalidSetting}|null The field to blame and the refusal, or null.
	 */
	private function mode_mismatch( array $input, array $values, array $current, array $locked, array $errors ): ?array {
		if ( ! array_key_exists( 'mode', $input ) && ! array_key_exists( 'api_key', $input ) ) {
			return null;
		}
		if ( isset( $errors['mode'] ) || isset( $errors['api_key'] ) ) {
			return null;
		}
		$mode     = $values['mode'] ?? $current['mode'];
		$key      = (string) ( array_key_exists( 'api_key', $values ) ? $values['api_key'] : $current['api_key'] );
		$key_mode = self::key_mode( $key );
		if ( '' === $key || null === $key_mode || $key_mode === $mode ) {
			return null;
		}
		$key_changed = array_key_exists( 'api_key', $values );
		$field       = $key_changed ? 'api_key' : 'mode';
		$params      = array(
			'mode'     => (string) $mode,
			'key_mode' => $key_mode,
		);
		$rule        = in_array( 'api_key', $locked, true ) ? 'locked_key_mode_mismatch' : 'key_mode_mismatch';
		return array( $field, new InvalidSetting( $rule, $params ) );
	}

	/**
	 * A new API address must come with the key in the same save: otherwise whoever may change the settings could
	 * send the saved key to a host of their choosing. A key set in wp-config.php or the environment cannot be
	 * entered here, so the address must then be set there as well.
	 *
	 * @param array<string, mixed>          $values  The clean values.
	 * @param array<string, mixed>          $current The values in effect now.
	 * @param array<int, string>            $locked  Fields set by constants or the environment.
	 * @param array<string, InvalidSetting> $errors  Refusals so far.
	 */
	private function url_without_key( array $values, array $current, array $locked, array $errors ): ?InvalidSetting {
		if ( ! array_key_exists( 'api_url', $values ) || isset( $errors['api_url'] ) || $values['api_url'] === (string) $current['api_url'] ) {
			return null;
		}
		if ( '' === (string) $current['api_key'] ) {
			return null;
		}
		if ( in_array( 'api_key', $locked, true ) ) {
			return new InvalidSetting( 'url_needs_locked_key' );
		}
		$new_key = (string) ( $values['api_key'] ?? '' );
		return '' === $new_key ? new InvalidSetting( 'url_needs_key' ) : null;
	}

	/**
	 * `wc-processing` => `processing`.
	 *
	 * @param string $status An order status.
	 */
	private static function strip_wc_prefix( string $status ): string {
		return str_starts_with( $status, 'wc-' ) ? substr( $status, 3 ) : $status;
	}
}
