<?php
/**
 * The checks behind Korea Checkout's Site Health tests.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

use KoreaCheckout\Plugin;
use KoreaCheckout\Settings\Settings;
use KoreaCheckout\Webhook\Endpoint;
use KoreaCheckout\Webhook\LastWebhook;
use KoreaCheckout\Webhook\Refusals;

defined( 'ABSPATH' ) || exit;

/**
 * Each public method returns one Site Health result: `test`, `status` (`good`, `recommended`, `critical`),
 * `label`, `description`, `actions` and `badge`. They read settings and WordPress state only, except
 * rest_api(), which asks this site's REST API over HTTP (a loopback request) as a webhook would arrive.
 */
final class HealthChecks {

	/**
	 * A webhook older than this (seconds) is worth a look when payments are live.
	 */
	private const QUIET_WEBHOOKS = 14 * DAY_IN_SECONDS;

	/**
	 * Key present, well formed and of the mode chosen.
	 *
	 * @return array<string, mixed>
	 */
	public function api_key(): array {
		$key  = (string) Settings::get( 'api_key' );
		$mode = Settings::is_sandbox() ? 'sandbox' : 'live';
		if ( '' === $key ) {
			return self::result( 'korea_checkout_api_key', 'critical', __( 'Korea Checkout has no API key', 'korea-checkout' ), __( 'Without an API key, shoppers cannot pay with Korea Checkout. Paste the secret key from your Korea Checkout dashboard on the settings page.', 'korea-checkout' ) );
		}
		if ( ! SettingsValidator::is_key_well_formed( $key ) ) {
			return self::result( 'korea_checkout_api_key', 'critical', __( 'The Korea Checkout API key is not a whole key', 'korea-checkout' ), __( 'A key is sk_test_ or sk_live_ followed by 64 characters of 0–9 and a–f. Copy it again from your dashboard.', 'korea-checkout' ) );
		}
		if ( SettingsValidator::key_mode( $key ) !== $mode ) {
			$text = 'live' === $mode
				? __( 'The plugin is in live mode but its key is a test key (sk_test_), so payments cannot be taken. Paste the live key or switch to sandbox mode.', 'korea-checkout' )
				: __( 'The plugin is in sandbox mode but its key is a live key (sk_live_). Paste a test key or switch to live mode.', 'korea-checkout' );
			return self::result( 'korea_checkout_api_key', 'critical', __( 'The Korea Checkout API key belongs to the other mode', 'korea-checkout' ), $text );
		}
		$text = 'live' === $mode
			? __( 'A live key is set: shoppers pay real money.', 'korea-checkout' )
			: __( 'A test key is set: payments go to the sandbox and no money moves. Switch to live mode with a live key to take real payments.', 'korea-checkout' );
		return self::result( 'korea_checkout_api_key', 'good', __( 'The Korea Checkout API key is set for the chosen mode', 'korea-checkout' ), $text, false );
	}

	/**
	 * Webhook secret present.
	 *
	 * @return array<string, mixed>
	 */
	public function webhook_secret(): array {
		if ( '' !== (string) Settings::get( 'webhook_secret' ) ) {
			return self::result( 'korea_checkout_webhook_secret', 'good', __( 'The Korea Checkout webhook secret is set', 'korea-checkout' ), __( 'Webhooks from Korea Checkout are checked against this secret, so orders are updated even when a shopper never returns to the store.', 'korea-checkout' ), false );
		}
		return self::result(
			'korea_checkout_webhook_secret',
			Settings::is_sandbox() ? 'recommended' : 'critical',
			__( 'Korea Checkout has no webhook secret', 'korea-checkout' ),
			__( 'Webhooks are not signed, so the store cannot trust what they say: it only takes a webhook as a hint to ask Korea Checkout about that payment, at most once every few seconds. Payments are still recorded, but a little later and with more requests to Korea Checkout. Copy the whsec_ secret from the dashboard’s webhook settings into the settings page to have webhooks verified.', 'korea-checkout' )
		);
	}

	/**
	 * HTTPS for the webhook URL in live mode.
	 *
	 * @return array<string, mixed>
	 */
	public function webhook_https(): array {
		$url = Endpoint::url();
		if ( str_starts_with( $url, 'https://' ) ) {
			/* translators: %s: the webhook address */
			return self::result( 'korea_checkout_webhook_https', 'good', __( 'The Korea Checkout webhook address uses HTTPS', 'korea-checkout' ), sprintf( __( 'Korea Checkout sends payment events to %s.', 'korea-checkout' ), $url ), false );
		}
		if ( Settings::is_sandbox() ) {
			/* translators: %s: the webhook address */
			return self::result( 'korea_checkout_webhook_https', 'good', __( 'The Korea Checkout webhook address is fine for the sandbox', 'korea-checkout' ), sprintf( __( 'The webhook address %s is not HTTPS. That is fine while testing; live mode needs HTTPS.', 'korea-checkout' ), $url ), false );
		}
		/* translators: %s: the webhook address */
		return self::result( 'korea_checkout_webhook_https', 'critical', __( 'The Korea Checkout webhook address is not HTTPS', 'korea-checkout' ), sprintf( __( 'In live mode payment events must travel over HTTPS, but this site’s webhook address is %s. Set the site address (Settings > General) to https:// with a valid certificate.', 'korea-checkout' ), $url ) );
	}

	/**
	 * The REST API answers on the webhook route, over HTTP, as it would for Korea Checkout.
	 *
	 * @return array<string, mixed>
	 */
	public function rest_api(): array {
		$routes = rest_get_server()->get_routes();
		$route  = Plugin::REST_NAMESPACE . Endpoint::ROUTE;
		if ( ! isset( $routes[ '/' . $route ] ) ) {
			/* translators: %s: the REST route, korea-checkout/v1/webhook */
			return self::result( 'korea_checkout_rest_api', 'critical', __( 'The Korea Checkout webhook endpoint is missing', 'korea-checkout' ), sprintf( __( 'The REST route %s is not registered, so webhooks cannot arrive. Another plugin may be removing REST routes; deactivate plugins one by one to find it.', 'korea-checkout' ), $route ) );
		}
		$response = wp_remote_request(
			Endpoint::url(),
			array(
				'method'    => 'OPTIONS',
				'timeout'   => 10,
				// WordPress core's filter for loopback requests, as Site Health's own loopback test uses it.
				'sslverify' => apply_filters( 'https_local_ssl_verify', false ), // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound
			)
		);
		if ( is_wp_error( $response ) ) {
			/* translators: %s: the error WordPress reported */
			return self::result( 'korea_checkout_rest_api', 'recommended', __( 'The site could not reach its own Korea Checkout webhook endpoint', 'korea-checkout' ), sprintf( __( 'A request from this server to its own REST API failed (%s). Korea Checkout may still reach it from outside; if payments stay unconfirmed until shoppers return, check that /wp-json/ is not blocked by a firewall or security plugin.', 'korea-checkout' ), $response->get_error_message() ) );
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		if ( 200 !== $status ) {
			/* translators: 1: an HTTP status code, 2: the webhook address */
			return self::result( 'korea_checkout_rest_api', 'critical', __( 'The Korea Checkout webhook endpoint does not answer', 'korea-checkout' ), sprintf( __( 'The REST API answered HTTP %1$d at the webhook address. Webhooks will fail until %2$s answers; check permalinks, security plugins and server rules for /wp-json/.', 'korea-checkout' ), $status, Endpoint::url() ) );
		}
		return self::result( 'korea_checkout_rest_api', 'good', __( 'The Korea Checkout webhook endpoint answers', 'korea-checkout' ), __( 'This site’s REST API answered at the webhook address.', 'korea-checkout' ), false );
	}

	/**
	 * KRW shows no decimals; the currency is one Korea Checkout takes.
	 *
	 * @return array<string, mixed>
	 */
	public function currency(): array {
		$currency = get_woocommerce_currency();
		$decimals = wc_get_price_decimals();
		$settings = admin_url( 'admin.php?page=wc-settings&tab=general' );
		if ( 'KRW' === $currency && 0 !== $decimals ) {
			/* translators: %d: number of decimals */
			return self::result( 'korea_checkout_currency', 'critical', __( 'Korean won prices show decimals', 'korea-checkout' ), sprintf( __( 'The won has no decimals, but WooCommerce is set to %d. Totals may be rounded differently from what the shopper pays. Set “Number of decimals” to 0 under WooCommerce > Settings > General.', 'korea-checkout' ), $decimals ), true, $settings );
		}
		if ( ! in_array( $currency, array( 'KRW', 'USD' ), true ) ) {
			/* translators: %s: a currency code */
			return self::result( 'korea_checkout_currency', 'recommended', __( 'Korea Checkout does not take the store’s currency', 'korea-checkout' ), sprintf( __( 'The store sells in %s; Korea Checkout takes Korean won (KRW) and US dollars (USD), so it is not offered at checkout.', 'korea-checkout' ), $currency ), true, $settings );
		}
		/* translators: %s: a currency code */
		return self::result( 'korea_checkout_currency', 'good', __( 'The store’s currency suits Korea Checkout', 'korea-checkout' ), sprintf( __( 'The store sells in %s with the right number of decimals.', 'korea-checkout' ), $currency ), false );
	}

	/**
	 * WooCommerce new enough, and not newer than the plugin was tested with.
	 *
	 * @return array<string, mixed>
	 */
	public function wc_version(): array {
		$version = defined( 'WC_VERSION' ) ? (string) WC_VERSION : '0';
		if ( version_compare( $version, KOREA_CHECKOUT_MIN_WC_VERSION, '<' ) ) {
			/* translators: 1: required version, 2: installed version */
			return self::result( 'korea_checkout_wc_version', 'critical', __( 'WooCommerce is too old for Korea Checkout', 'korea-checkout' ), sprintf( __( 'Korea Checkout needs WooCommerce %1$s or newer; this site runs %2$s.', 'korea-checkout' ), KOREA_CHECKOUT_MIN_WC_VERSION, $version ), true, admin_url( 'plugins.php' ) );
		}
		$tested = (string) ( get_file_data( KOREA_CHECKOUT_FILE, array( 'tested' => 'WC tested up to' ) )['tested'] ?? '' );
		if ( '' !== $tested && version_compare( self::major_minor( $version ), $tested, '>' ) ) {
			/* translators: 1: installed version, 2: tested version */
			return self::result( 'korea_checkout_wc_version', 'recommended', __( 'WooCommerce is newer than Korea Checkout was tested with', 'korea-checkout' ), sprintf( __( 'This site runs WooCommerce %1$s; Korea Checkout was tested up to %2$s. It should work; test a payment in sandbox mode after updates.', 'korea-checkout' ), $version, $tested ) );
		}
		/* translators: %s: installed version */
		return self::result( 'korea_checkout_wc_version', 'good', __( 'WooCommerce’s version is supported by Korea Checkout', 'korea-checkout' ), sprintf( __( 'WooCommerce %s is supported.', 'korea-checkout' ), $version ), false );
	}

	/**
	 * When the last webhook was accepted, whether it was signed, and whether requests are being refused.
	 *
	 * @return array<string, mixed>
	 */
	public function last_webhook(): array {
		$refused = self::refusal_sentence();
		$last    = LastWebhook::get();
		if ( null === $last ) {
			return self::result( 'korea_checkout_last_webhook', '' === $refused ? 'recommended' : 'critical', __( 'No Korea Checkout webhook has been accepted yet', 'korea-checkout' ), trim( __( 'Once a payment is made, Korea Checkout notifies the store by webhook. If payments were made and nothing arrived, check that the webhook address on the settings page is entered in the Korea Checkout dashboard.', 'korea-checkout' ) . ' ' . $refused ) );
		}
		$time  = $last['time'];
		$event = '' !== $last['event'] ? $last['event'] : __( '(unreadable)', 'korea-checkout' );
		$when  = self::when( $time );
		if ( ! $last['signed'] ) {
			/* translators: 1: event name, 2: date and time */
			return self::result( 'korea_checkout_last_webhook', 'recommended', __( 'Korea Checkout webhooks arrive unsigned', 'korea-checkout' ), trim( sprintf( __( 'The last webhook, %1$s, arrived %2$s without a signature the store could check, so it was only used as a hint to ask Korea Checkout. Save the webhook secret on the settings page to have webhooks verified.', 'korea-checkout' ), $event, $when ) . ' ' . $refused ) );
		}
		if ( '' !== $refused ) {
			return self::result( 'korea_checkout_last_webhook', 'critical', __( 'Some Korea Checkout webhooks are refused', 'korea-checkout' ), $refused );
		}
		if ( ! Settings::is_sandbox() && time() - $time > self::QUIET_WEBHOOKS ) {
			/* translators: 1: event name, 2: date and time */
			return self::result( 'korea_checkout_last_webhook', 'recommended', __( 'No Korea Checkout webhook for a while', 'korea-checkout' ), sprintf( __( 'The last verified webhook, %1$s, arrived %2$s. If the store took payments since, check the webhook address in the Korea Checkout dashboard.', 'korea-checkout' ), $event, $when ) );
		}
		/* translators: 1: event name, 2: date and time */
		return self::result( 'korea_checkout_last_webhook', 'good', __( 'Korea Checkout webhooks arrive and verify', 'korea-checkout' ), sprintf( __( 'The last webhook, %1$s, arrived %2$s and its signature was valid.', 'korea-checkout' ), $event, $when ), false );
	}

	/**
	 * A sentence about requests refused in the last day, '' when there were none.
	 */
	private static function refusal_sentence(): string {
		$refusals = Refusals::get();
		if ( null === $refusals || time() - $refusals['time'] > DAY_IN_SECONDS ) {
			return '';
		}
		return sprintf(
			/* translators: 1: number of refused requests, 2: date and time of the latest, 3: refusal code such as signature_mismatch */
			_n(
				'%1$d request to the webhook address was refused, the latest %2$s (%3$s). When the signature did not match, the webhook secret on the settings page differs from the one in the Korea Checkout dashboard: copy it again. When the time was off, check the server clock.',
				'%1$d requests to the webhook address were refused, the latest %2$s (%3$s). When the signature did not match, the webhook secret on the settings page differs from the one in the Korea Checkout dashboard: copy it again. When the time was off, check the server clock.',
				max( 1, $refusals['count'] ),
				'korea-checkout'
			),
			max( 1, $refusals['count'] ),
			self::when( $refusals['time'] ),
			$refusals['reason']
		);
	}

	/**
	 * A date and time with how long ago it was.
	 *
	 * @param int $time Unix time.
	 */
	private static function when( int $time ): string {
		return sprintf(
			/* translators: 1: date and time, 2: how long ago */
			__( '%1$s (%2$s ago)', 'korea-checkout' ),
			wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $time ),
			human_time_diff( $time )
		);
	}

	/**
	 * `11.0.1` => `11.0`.
	 *
	 * @param string $version A version.
	 */
	private static function major_minor( string $version ): string {
		$parts = explode( '.', $version );
		return $parts[0] . '.' . ( $parts[1] ?? '0' );
	}

	/**
	 * One Site Health result.
	 *
	 * @param string $test        Test id.
	 * @param string $status      `good`, `recommended` or `critical`.
	 * @param string $label       Headline.
	 * @param string $text        Explanation.
	 * @param bool   $act         Whether to link to where it can be fixed.
	 * @param string $action_url  Where it can be fixed (default: the settings page).
	 * @return array<string, mixed>
	 */
	private static function result( string $test, string $status, string $label, string $text, bool $act = true, string $action_url = '' ): array {
		$actions = '';
		if ( $act ) {
			$actions = sprintf(
				'<p><a href="%s">%s</a></p>',
				esc_url( '' !== $action_url ? $action_url : Urls::settings_page() ),
				'' !== $action_url ? esc_html__( 'Open the settings', 'korea-checkout' ) : esc_html__( 'Open Korea Checkout settings', 'korea-checkout' )
			);
		}
		return array(
			'test'        => $test,
			'status'      => $status,
			'label'       => $label,
			'description' => '<p>' . esc_html( $text ) . '</p>',
			'actions'     => $actions,
			'badge'       => array(
				'label' => __( 'Korea Checkout', 'korea-checkout' ),
				'color' => 'blue',
			),
		);
	}
}
