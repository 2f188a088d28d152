<?php
/**
 * The sentences a store owner reads when a setting is refused.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

use KoreaCheckout\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Turns SettingsValidator's refusals into translated sentences that say what to do.
 */
final class ValidationMessages {

	/**
	 * The sentence for one refusal.
	 *
	 * @param InvalidSetting $refusal The refusal.
	 */
	public static function sentence( InvalidSetting $refusal ): string {
		$params = $refusal->params();
		switch ( $refusal->rule() ) {
			case 'unknown_setting':
				/* translators: %s: the name of a setting that does not exist */
				return sprintf( __( 'There is no setting called “%s”.', 'korea-checkout' ), (string) ( $params['field'] ?? '' ) );
			case 'locked':
				return sprintf(
					/* translators: %s: the name of a PHP constant or environment variable */
					__( 'This value is set by %s in wp-config.php or the server environment, so it cannot be changed here. Change it there, or remove it to manage it on this page.', 'korea-checkout' ),
					Settings::LOCKABLE[ (string) ( $params['field'] ?? '' ) ] ?? ''
				);
			case 'not_boolean':
				return __( 'Choose on or off.', 'korea-checkout' );
			case 'mode_invalid':
				return __( 'Choose sandbox or live mode.', 'korea-checkout' );
			case 'key_prefix':
				return __( 'An API key starts with sk_test_ (sandbox) or sk_live_ (live). Copy the secret key from your Korea Checkout dashboard.', 'korea-checkout' );
			case 'key_format':
				return __( 'This is not a whole API key: after sk_test_ or sk_live_ come exactly 64 characters of 0–9 and a–f. Copy the key again, without spaces or line breaks.', 'korea-checkout' );
			case 'key_masked':
				return __( 'This is a hidden key, not a key. Paste the whole key from your Korea Checkout dashboard, or leave the field as it was to keep the saved key.', 'korea-checkout' );
			case 'key_mode_mismatch':
				return self::mode_mismatch( (string) ( $params['mode'] ?? '' ), false );
			case 'locked_key_mode_mismatch':
				return self::mode_mismatch( (string) ( $params['mode'] ?? '' ), true );
			case 'secret_format':
				return __( 'A webhook signing secret starts with whsec_ followed by printable text (at most 256 characters in all). Copy it from the webhook settings of your Korea Checkout dashboard.', 'korea-checkout' );
			case 'secret_masked':
				return __( 'This is a hidden secret, not a secret. Paste the whole webhook secret, or leave the field as it was to keep the saved one.', 'korea-checkout' );
			case 'url_invalid':
				return __( 'Enter a full http:// or https:// address without a query string, such as https://api.koreacheckout.com, or leave it empty to use the address of the chosen mode.', 'korea-checkout' );
			case 'url_needs_key':
				return __( 'To change the API address, paste the API key again in the same save: the saved key is never sent to a new address without it.', 'korea-checkout' );
			case 'url_needs_locked_key':
				return __( 'The API key is set in wp-config.php or the server environment, so the API address must be set there too (KOREA_CHECKOUT_API_URL).', 'korea-checkout' );
			case 'shop_id_invalid':
				return __( 'A shop id holds only letters, digits, _ and -. Choose the shop from the list after testing the connection.', 'korea-checkout' );
			case 'methods_not_list':
				return __( 'The payment methods must be a list of method ids.', 'korea-checkout' );
			case 'method_unknown':
				/* translators: %s: a payment method id */
				return sprintf( __( 'Korea Checkout has no payment method “%s”.', 'korea-checkout' ), (string) ( $params['id'] ?? '' ) );
			case 'method_duplicate':
				/* translators: %s: a payment method id */
				return sprintf( __( 'The payment method “%s” is listed twice.', 'korea-checkout' ), (string) ( $params['id'] ?? '' ) );
			case 'status_map_not_object':
				return __( 'The status mapping must pair payment statuses with order statuses.', 'korea-checkout' );
			case 'status_unknown':
				/* translators: %s: a payment status */
				return sprintf( __( 'Korea Checkout has no payment status “%s”.', 'korea-checkout' ), (string) ( $params['status'] ?? '' ) );
			case 'order_status_unknown':
				/* translators: %s: an order status */
				return sprintf( __( 'WooCommerce has no order status “%s” on this site.', 'korea-checkout' ), (string) ( $params['status'] ?? '' ) );
			case 'status_not_allowed':
				return 'completed' === ( $params['status'] ?? '' )
					? __( 'A completed payment cannot put an order into an unpaid status (pending, failed, cancelled or refunded). Choose a paid status or Automatic.', 'korea-checkout' )
					: __( 'An unpaid payment status cannot mark an order as paid (processing or completed). Choose another status or Automatic.', 'korea-checkout' );
			case 'lifetime_range':
				return sprintf(
					/* translators: 1: fewest hours, 2: most hours */
					__( 'The checkout session lifetime is a whole number of hours from %1$d to %2$d (7 days).', 'korea-checkout' ),
					(int) ( $params['min'] ?? SettingsValidator::MIN_LIFETIME_HOURS ),
					(int) ( $params['max'] ?? SettingsValidator::MAX_LIFETIME_HOURS )
				);
			case 'text_invalid':
				return __( 'Enter plain text, without HTML.', 'korea-checkout' );
			case 'text_too_long':
				/* translators: %d: most characters */
				return sprintf( __( 'Keep this under %d characters.', 'korea-checkout' ), (int) ( $params['max'] ?? 0 ) );
		}
		return __( 'This value is not valid.', 'korea-checkout' );
	}

	/**
	 * The sentence for a key of the other mode.
	 *
	 * @param string $mode   The mode chosen.
	 * @param bool   $locked Whether the key comes from a constant.
	 */
	private static function mode_mismatch( string $mode, bool $locked ): string {
		if ( $locked ) {
			return 'live' === $mode
				? __( 'The API key set in wp-config.php or the environment is a test key (sk_test_). Live mode needs a live key: change the constant, or stay in sandbox mode.', 'korea-checkout' )
				: __( 'The API key set in wp-config.php or the environment is a live key (sk_live_). Sandbox mode needs a test key: change the constant, or choose live mode.', 'korea-checkout' );
		}
		return 'live' === $mode
			? __( 'Live mode needs a live key starting with sk_live_. This is a test key: paste your live key, or choose sandbox mode.', 'korea-checkout' )
			: __( 'Sandbox mode needs a test key starting with sk_test_. This is a live key: paste your test key, or choose live mode.', 'korea-checkout' );
	}
}
