<?php
/**
 * What went wrong with the connection, in words a store owner can act on.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

use KoreaCheckout\Api\ApiException;

defined( 'ABSPATH' ) || exit;

/**
 * Builds the `problem` of a failed connection test: a stable code (`no_key`, `key_format`, `wrong_mode`,
 * `bad_key`, `unreachable`, `timeout`, `rate_limited`, `shop_not_found`, `no_shops`, `service_error`,
 * `api_error`), a translated sentence, and the seconds to wait when the API said so.
 */
final class ConnectionProblem {

	/**
	 * A problem found before calling the API.
	 *
	 * @param string $code    One of the codes above.
	 * @param string $mode    The mode chosen (`sandbox` or `live`).
	 * @param string $api_url The API base URL in use.
	 * @return array{code: string, message: string, retry_after: int|null}
	 */
	public static function local( string $code, string $mode, string $api_url ): array {
		switch ( $code ) {
			case 'no_key':
				$message = 'live' === $mode
					? __( 'No API key is saved. Paste your live secret key (sk_live_…) from the Korea Checkout dashboard and save.', 'korea-checkout' )
					: __( 'No API key is saved. Paste your test secret key (sk_test_…) from the Korea Checkout dashboard and save.', 'korea-checkout' );
				break;
			case 'key_format':
				$message = __( 'The saved API key is not a whole key (sk_test_ or sk_live_ followed by 64 characters of 0–9 and a–f). Copy it again from the dashboard.', 'korea-checkout' );
				break;
			case 'wrong_mode':
				$message = 'live' === $mode
					? __( 'The plugin is in live mode but the key is a test key (sk_test_). Paste a live key, or switch to sandbox mode.', 'korea-checkout' )
					: __( 'The plugin is in sandbox mode but the key is a live key (sk_live_). Paste a test key, or switch to live mode.', 'korea-checkout' );
				break;
			case 'no_shops':
				$message = __( 'The key works, but its account has no shop yet. Create a shop in the Korea Checkout dashboard, then test again.', 'korea-checkout' );
				break;
			case 'shop_not_found':
				$message = __( 'The chosen shop does not belong to this key. Choose one of the key’s shops below and save.', 'korea-checkout' );
				break;
			default:
				/* translators: %s: the API address */
				$message = sprintf( __( 'The connection to %s could not be checked.', 'korea-checkout' ), $api_url );
		}
		return self::shape( $code, $message, null );
	}

	/**
	 * A problem the API (or the network) reported.
	 *
	 * @param ApiException $error    The failure.
	 * @param string       $mode     The mode chosen.
	 * @param string       $api_url  The API base URL in use.
	 * @param int|null     $limit    Requests per minute of the key, when known.
	 * @return array{code: string, message: string, retry_after: int|null}
	 */
	public static function from_api( ApiException $error, string $mode, string $api_url, ?int $limit ): array {
		$code = $error->get_error_code();
		if ( 401 === $error->get_status() || 'unauthorized' === $code || 'invalid_api_key' === $code ) {
			$message = 'live' === $mode
				? __( 'Korea Checkout refused the key. Check that it is your current live key (keys can be rolled in the dashboard), and that the API address is the live one.', 'korea-checkout' )
				: __( 'Korea Checkout refused the key. Check that it is your current test key (keys can be rolled in the dashboard), and that the API address is the sandbox one: a test key works only against the sandbox.', 'korea-checkout' );
			return self::shape( 'bad_key', $message, null );
		}
		if ( 'rate_limited' === $code || 429 === $error->get_status() ) {
			$wait    = $error->get_retry_after() ?? 60;
			$message = null !== $limit
				/* translators: 1: requests per minute, 2: seconds */
				? sprintf( __( 'Korea Checkout is limiting this key (%1$d requests a minute) and asked to wait. Try again in %2$d seconds; if it keeps happening, something on the site is calling the API too often.', 'korea-checkout' ), $limit, $wait )
				/* translators: %d: seconds */
				: sprintf( __( 'Korea Checkout is limiting this key and asked to wait. Try again in %d seconds; if it keeps happening, something on the site is calling the API too often.', 'korea-checkout' ), $wait );
			return self::shape( 'rate_limited', $message, $wait );
		}
		if ( 'http_unreachable' === $code ) {
			/* translators: %s: the API address */
			$message = sprintf( __( 'This server could not reach Korea Checkout at %s. Check the API address, and that the server may open outgoing HTTPS connections (firewall, proxy, DNS).', 'korea-checkout' ), $api_url );
			return self::shape( 'unreachable', $message, null );
		}
		if ( 'timeout' === $code ) {
			/* translators: %s: the API address */
			$message = sprintf( __( 'Korea Checkout at %s did not answer in time. Try again in a minute; if it keeps happening, check the server’s outgoing connections.', 'korea-checkout' ), $api_url );
			return self::shape( 'timeout', $message, null );
		}
		if ( 'shop_not_found' === $code || 404 === $error->get_status() ) {
			return self::local( 'shop_not_found', $mode, $api_url );
		}
		if ( $error->get_status() >= 500 ) {
			return self::shape( 'service_error', __( 'Korea Checkout had a fault of its own. Nothing is wrong with your settings; try again in a few minutes.', 'korea-checkout' ), null );
		}
		return self::shape( 'api_error', $error->getMessage(), null );
	}

	/**
	 * The problem's shape.
	 *
	 * @param string   $code        Stable code.
	 * @param string   $message     Translated sentence.
	 * @param int|null $retry_after Seconds to wait.
	 * @return array{code: string, message: string, retry_after: int|null}
	 */
	private static function shape( string $code, string $message, ?int $retry_after ): array {
		return array(
			'code'        => $code,
			'message'     => $message,
			'retry_after' => $retry_after,
		);
	}
}
