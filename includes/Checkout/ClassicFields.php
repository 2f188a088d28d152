<?php
/**
 * The `korea_checkout_fields` in the classic (shortcode) checkout.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

defined( 'ABSPATH' ) || exit;

/**
 * Adds the fields to the classic form's "order" group, checks them with the same rules as the block
 * checkout and saves them where the block checkout does, so one order screen shows both.
 */
final class ClassicFields {

	/**
	 * Prefix of our inputs' names in the classic form.
	 */
	public const INPUT_PREFIX = 'korea_checkout_field_';

	/**
	 * Adds the hooks.
	 */
	public function register(): void {
		add_filter( 'woocommerce_checkout_fields', array( $this, 'add_fields' ) );
		add_action( 'woocommerce_after_checkout_validation', array( $this, 'validate' ), 10, 2 );
		add_action( 'woocommerce_checkout_create_order', array( $this, 'save' ), 10, 2 );
	}

	/**
	 * Adds our fields to the form.
	 *
	 * @param array<string, array<string, mixed>> $groups Checkout fields by group.
	 * @return array<string, array<string, mixed>>
	 */
	public function add_fields( $groups ) {
		if ( ! is_array( $groups ) ) {
			return $groups;
		}
		$priority = 200;
		foreach ( Fields::definitions() as $key => $field ) {
			$priority  += 10;
			$group      = 'contact' === $field['location'] ? 'billing' : 'order';
			$definition = array(
				'type'              => $field['type'],
				'label'             => $field['label'],
				'required'          => $field['required'],
				'placeholder'       => $field['placeholder'],
				'class'             => array( 'form-row-wide', 'korea-checkout-field' ),
				'priority'          => $priority,
				'custom_attributes' => array(),
			);
			if ( 'select' === $field['type'] ) {
				$definition['options'] = array( '' => '' !== $field['placeholder'] ? $field['placeholder'] : __( 'Choose an option', 'korea-checkout' ) ) + $field['options'];
			}
			if ( 'checkbox' !== $field['type'] && 'select' !== $field['type'] ) {
				$definition['custom_attributes']['maxlength'] = (string) $field['max_length'];
			}
			if ( '' !== $field['pattern'] ) {
				$definition['custom_attributes']['pattern'] = $field['pattern'];
				$definition['custom_attributes']['title']   = Fields::error_message( $field, FieldValidator::ERROR_PATTERN );
			}
			$groups[ $group ][ self::INPUT_PREFIX . $key ] = $definition;
		}
		return $groups;
	}

	/**
	 * Adds an error for each unacceptable value (WooCommerce has already checked required fields).
	 *
	 * @param array<string, mixed> $data   The posted checkout data WooCommerce read.
	 * @param \WP_Error            $errors Errors shown to the shopper.
	 */
	public function validate( $data, $errors ): void {
		if ( ! $errors instanceof \WP_Error ) {
			return;
		}
		foreach ( Fields::definitions() as $key => $field ) {
			$code = FieldValidator::error( $field, FieldValidator::sanitize( $field, $this->posted( $data, $key ) ) );
			// WooCommerce reports empty required fields itself; one message per problem is enough.
			if ( null !== $code && FieldValidator::ERROR_REQUIRED !== $code ) {
				$errors->add( 'validation', Fields::error_message( $field, $code ), array( 'id' => self::INPUT_PREFIX . $key ) );
			}
		}
	}

	/**
	 * Saves the values on the order being created.
	 *
	 * @param \WC_Order            $order The new order.
	 * @param array<string, mixed> $data  The posted checkout data WooCommerce read.
	 */
	public function save( $order, $data ): void {
		foreach ( Fields::definitions() as $key => $field ) {
			$result = Fields::check( $field, $this->posted( $data, $key ) );
			if ( is_string( $result ) ) {
				Fields::save_value( $order, $field, $result );
			}
		}
	}

	/**
	 * A posted value: WooCommerce's parsed data holds every field of the form, already run through its
	 * own cleaning (which would flatten a textarea's line breaks), so textareas are read from the form
	 * with their line breaks kept.
	 *
	 * @param mixed  $data Parsed checkout data.
	 * @param string $key  Field key.
	 * @return mixed
	 */
	private function posted( $data, string $key ) {
		$name = self::INPUT_PREFIX . $key;
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- WooCommerce verified the checkout nonce before this hook.
		if ( isset( $_POST[ $name ] ) && is_string( $_POST[ $name ] ) ) {
			// phpcs:ignore WordPress.Security.NonceVerification.Missing, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- sanitised by FieldValidator::sanitize().
			return wp_unslash( $_POST[ $name ] );
		}
		return is_array( $data ) ? ( $data[ $name ] ?? '' ) : '';
	}
}
