<?php
/**
 * What the settings page is told about the settings: never a secret, only its mask.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

use KoreaCheckout\Orders\StatusMapper;
use KoreaCheckout\PaymentMethods;
use KoreaCheckout\Settings\Settings;
use KoreaCheckout\Settings\ShopMethods;
use KoreaCheckout\Webhook\Endpoint;

defined( 'ABSPATH' ) || exit;

/**
 * Builds the answer of `GET korea-checkout/v1/settings`: the values with the key and secret masked,
 * which values are locked (and by what), the webhook URL, the choices the page offers and the methods the
 * shop was last seen to have.
 */
final class SettingsView {

	/**
	 * Settings that are secrets: shown only as masks.
	 */
	public const SECRETS = array( 'api_key', 'webhook_secret' );

	/**
	 * The whole answer.
	 *
	 * @return array<string, mixed>
	 */
	public static function build(): array {
		$values = Settings::all();
		$locked = array();
		foreach ( array_keys( Settings::LOCKABLE ) as $key ) {
			$locked[ $key ] = Settings::is_locked( $key );
		}
		$settings = $values;
		foreach ( self::SECRETS as $key ) {
			$settings[ $key ] = SecretMask::mask( (string) $values[ $key ] );
		}
		$settings['has_key']            = '' !== (string) $values['api_key'];
		$settings['has_webhook_secret'] = '' !== (string) $values['webhook_secret'];

		return array(
			'settings'          => $settings,
			'locked'            => $locked,
			'locked_by'         => Settings::LOCKABLE,
			'webhook_url'       => Endpoint::url(),
			'effective_api_url' => Settings::api_url(),
			'choices'           => self::choices(),
			// What the shop had at the last connection test or reconciliation (null: not known).
			'shop_methods'      => ShopMethods::current(),
		);
	}

	/**
	 * The order statuses of this store, without `wc-`.
	 *
	 * @return array<int, string>
	 */
	public static function order_status_slugs(): array {
		return array_map(
			static fn( string $status ): string => str_starts_with( $status, 'wc-' ) ? substr( $status, 3 ) : $status,
			array_keys( wc_get_order_statuses() )
		);
	}

	/**
	 * The methods, statuses and defaults the page offers.
	 *
	 * @return array<string, mixed>
	 */
	private static function choices(): array {
		$methods = array();
		foreach ( PaymentMethods::labels() as $id => $label ) {
			$methods[] = array(
				'id'    => $id,
				'label' => $label,
			);
		}
		$order_statuses = array();
		foreach ( wc_get_order_statuses() as $slug => $label ) {
			$order_statuses[] = array(
				'id'    => str_starts_with( $slug, 'wc-' ) ? substr( $slug, 3 ) : $slug,
				'label' => $label,
			);
		}
		$session_statuses = array();
		foreach ( StatusMapper::DEFAULTS as $status => $automatic ) {
			$session_statuses[] = array(
				'id'        => $status,
				'label'     => self::session_status_label( $status ),
				'automatic' => $automatic,
			);
		}
		return array(
			'methods'          => $methods,
			'order_statuses'   => $order_statuses,
			'session_statuses' => $session_statuses,
			'lifetime'         => array(
				'min' => SettingsValidator::MIN_LIFETIME_HOURS,
				'max' => SettingsValidator::MAX_LIFETIME_HOURS,
			),
		);
	}

	/**
	 * What a store owner calls a session status.
	 *
	 * @param string $status A session status.
	 */
	private static function session_status_label( string $status ): string {
		$labels = array(
			'completed'          => __( 'Paid', 'korea-checkout' ),
			'processing'         => __( 'Awaiting deposit or being paid', 'korea-checkout' ),
			'failed'             => __( 'Payment failed', 'korea-checkout' ),
			'cancelled'          => __( 'Cancelled by the shopper', 'korea-checkout' ),
			'expired'            => __( 'Checkout expired', 'korea-checkout' ),
			'refunded'           => __( 'Refunded in full', 'korea-checkout' ),
			'partially_refunded' => __( 'Partly refunded', 'korea-checkout' ),
		);
		return $labels[ $status ] ?? $status;
	}
}
