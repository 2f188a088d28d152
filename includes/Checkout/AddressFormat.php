<?php
/**
 * Korean addresses: field order, labels, format and postcode rules for KR.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

defined( 'ABSPATH' ) || exit;

/**
 * Makes WooCommerce ask for, check and print Korean addresses the way Koreans write them: the postcode
 * first, then the road (or lot-number) address, then the detailed address; no state.
 *
 * The locale feeds the block and the classic checkout alike; the format feeds order screens and emails.
 */
final class AddressFormat {

	/**
	 * Adds the hooks.
	 */
	public function register(): void {
		add_filter( 'woocommerce_get_country_locale', array( $this, 'locale' ) );
		add_filter( 'woocommerce_localisation_address_formats', array( $this, 'formats' ) );
		add_filter( 'woocommerce_formatted_address_replacements', array( $this, 'replacements' ), 10, 2 );
		add_filter( 'woocommerce_format_postcode', array( $this, 'format_postcode' ), 10, 2 );
		add_filter( 'woocommerce_validate_postcode', array( $this, 'validate_postcode' ), 10, 3 );
	}

	/**
	 * The KR field order and labels.
	 *
	 * @param array<string, array<string, mixed>> $locale Locale settings by country.
	 * @return array<string, array<string, mixed>>
	 */
	public function locale( $locale ) {
		if ( ! is_array( $locale ) ) {
			return $locale;
		}
		$locale['KR'] = array_replace_recursive(
			$locale['KR'] ?? array(),
			array(
				'postcode'  => array(
					'priority' => 41,
					'label'    => __( 'Postcode', 'korea-checkout' ),
					'required' => true,
				),
				'address_1' => array(
					'priority'    => 42,
					'label'       => __( 'Address', 'korea-checkout' ),
					'placeholder' => __( 'Road name or lot-number address', 'korea-checkout' ),
				),
				'address_2' => array(
					'priority'    => 43,
					'label'       => __( 'Detailed address', 'korea-checkout' ),
					'placeholder' => __( 'Building, unit and floor, e.g. 101-1001', 'korea-checkout' ),
				),
				'city'      => array(
					'priority' => 44,
					'label'    => __( 'City / district', 'korea-checkout' ),
				),
				'state'     => array(
					'required' => false,
					'hidden'   => true,
				),
			)
		);
		return $locale;
	}

	/**
	 * The KR address format: postcode first, then the address from large to small.
	 *
	 * @param array<string, string> $formats Formats by country.
	 * @return array<string, string>
	 */
	public function formats( $formats ) {
		if ( is_array( $formats ) ) {
			$formats['KR'] = "{name}\n{company}\n{postcode}\n{city} {address_1}\n{address_2}\n{country}";
		}
		return $formats;
	}

	/**
	 * Leaves out the city when the address already holds it: at its start in Korean ("서울 강남구 테헤란로 152"),
	 * at its end in English ("152, Teheran-ro, Gangnam-gu, Seoul"); the postcode search fills both fields.
	 *
	 * @param array<string, string> $replacements Placeholder => value.
	 * @param array<string, string> $args         The address parts.
	 * @return array<string, string>
	 */
	public function replacements( $replacements, $args ) {
		if ( ! is_array( $replacements ) || ! is_array( $args ) || 'KR' !== ( $args['country'] ?? '' ) ) {
			return $replacements;
		}
		$city    = trim( (string) ( $args['city'] ?? '' ) );
		$address = trim( (string) ( $args['address_1'] ?? '' ) );
		if ( '' !== $city && ( str_starts_with( $address, $city ) || str_ends_with( $address, $city ) ) ) {
			$replacements['{city}']       = '';
			$replacements['{city_upper}'] = '';
		}
		return $replacements;
	}

	/**
	 * Normalises KR postcodes (spaces, dashes and full-width digits).
	 *
	 * @param string $postcode The postcode.
	 * @param string $country  Country code.
	 * @return mixed The postcode, normalised when it is Korean.
	 */
	public function format_postcode( $postcode, $country ) {
		return 'KR' === $country && is_string( $postcode ) ? Postcode::normalize( $postcode ) : $postcode;
	}

	/**
	 * Rejects KR postcodes that are not five digits (checked by both checkouts through WC_Validation).
	 *
	 * @param bool   $valid    WooCommerce's verdict.
	 * @param string $postcode The postcode.
	 * @param string $country  Country code.
	 * @return mixed WooCommerce's verdict, or ours for Korea.
	 */
	public function validate_postcode( $valid, $postcode, $country ) {
		if ( 'KR' !== $country ) {
			return $valid;
		}
		return Postcode::is_valid( (string) $postcode );
	}
}
