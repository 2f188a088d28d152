<?php
/**
 * The `korea_checkout_fields` filter: one definition of the extra checkout fields for both checkouts.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

use KoreaCheckout\Orders\OrderMeta;
use KoreaCheckout\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Builds the field list (plugin defaults plus what themes add), reads and writes the values on orders and
 * turns validation codes into sentences. The checkouts are wired in BlockFields and ClassicFields.
 *
 * Where the values live: text, select and checkbox fields are WooCommerce "additional checkout fields"
 * (id `korea-checkout/<key>`, order meta `_wc_other/korea-checkout/<key>`) in both checkouts, so
 * WooCommerce itself shows them on the order screen, the order-received page and in emails. Textareas, which
 * WooCommerce 11 cannot register, are order meta `_korea_checkout_field_<key>`, shown by OrderDisplay.
 */
final class Fields {

	/**
	 * Namespace of our additional-field ids.
	 */
	public const ID_NAMESPACE = 'korea-checkout/';

	/**
	 * The session metadata may hold 50 keys: this many are left for fields.
	 */
	private const MAX_SESSION_FIELDS = 40;

	/**
	 * Problems already reported during this request, so each is reported once.
	 *
	 * @var array<string, true>
	 */
	private static array $reported = array();

	/**
	 * The plugin's own fields, before the filter.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function defaults(): array {
		$fields = array(
			'delivery_memo'      => array(
				'type'        => 'select',
				'label'       => __( 'Delivery request', 'korea-checkout' ),
				'required'    => false,
				'placeholder' => __( 'Choose a request for the courier', 'korea-checkout' ),
				'options'     => array(
					'door'       => __( 'Please leave it at the door', 'korea-checkout' ),
					'security'   => __( 'Please leave it with the security office', 'korea-checkout' ),
					'parcel_box' => __( 'Please leave it in the parcel locker', 'korea-checkout' ),
					'call_first' => __( 'Please call me before delivery', 'korea-checkout' ),
					'other'      => __( 'Other (write below)', 'korea-checkout' ),
				),
			),
			'delivery_memo_note' => array(
				'type'        => 'text',
				'label'       => __( 'Delivery note', 'korea-checkout' ),
				'required'    => false,
				'placeholder' => __( 'e.g. the door code is 1234', 'korea-checkout' ),
				'max_length'  => 100,
			),
		);
		if ( Settings::get( 'customs_code' ) ) {
			$fields['customs_code'] = array(
				'type'        => 'text',
				'label'       => __( 'Personal customs clearance code', 'korea-checkout' ),
				'required'    => true,
				'placeholder' => 'P123456789012',
				'pattern'     => '[Pp][0-9]{12}',
				'max_length'  => 13,
			);
		}
		return $fields;
	}

	/**
	 * The filtered, normalised fields, keyed by field key. Invalid definitions are left out and reported
	 * to developers with _doing_it_wrong().
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function definitions(): array {
		/**
		 * Filters the extra checkout fields shown in the block and the classic checkout.
		 *
		 * An array keyed by field id (letters, digits, `_`, `-`). Each field is an array with `type` (`text`,
		 * `select`, `checkbox` or `textarea`), `label`, `required` (bool), and optionally `placeholder`,
		 * `options` (select: `value => label`, or a list of `[ 'value' => ..., 'label' => ... ]`), `pattern`
		 * (a regular expression the whole value must match, as in the HTML `pattern` attribute),
		 * `max_length` and `location` (`order`, the default, or `contact`). Values are checked on the
		 * server, saved on the order, shown on the order screen, the order-received page and the emails,
		 * and sent to Korea Checkout as session metadata `field_<id>`.
		 *
		 * Example:
		 *     add_filter( 'korea_checkout_fields', function ( $fields ) {
		 *         $fields['custom_field'] = array(
		 *             'type'     => 'text',
		 *             'label'    => 'Custom Field',
		 *             'required' => false,
		 *         );
		 *         return $fields;
		 *     } );
		 *
		 * @since 0.1.0
		 *
		 * @param array<string, array<string, mixed>> $fields The fields so far.
		 */
		$raw = apply_filters( 'korea_checkout_fields', self::defaults() );
		if ( ! is_array( $raw ) ) {
			self::report( 'The korea_checkout_fields filter must return an array.' );
			return array();
		}
		$fields = array();
		foreach ( $raw as $key => $definition ) {
			$field = FieldDefinition::normalize( $key, $definition );
			if ( is_string( $field ) ) {
				self::report( $field );
				continue;
			}
			$fields[ $field['key'] ] = $field;
		}
		return $fields;
	}

	/**
	 * The block-checkout id of a field.
	 *
	 * @param string $key Field key.
	 */
	public static function block_id( string $key ): string {
		return self::ID_NAMESPACE . $key;
	}

	/**
	 * Whether WooCommerce's additional-fields API can hold this field type.
	 *
	 * @param array<string, mixed> $field A normalised field.
	 */
	public static function is_native_type( array $field ): bool {
		return 'textarea' !== $field['type'];
	}

	/**
	 * A translated sentence for a validation error code.
	 *
	 * @param array<string, mixed> $field A normalised field.
	 * @param string               $code  A FieldValidator::ERROR_* code.
	 */
	public static function error_message( array $field, string $code ): string {
		switch ( $code ) {
			case FieldValidator::ERROR_REQUIRED:
				/* translators: %s: field label. */
				return sprintf( __( '%s is a required field.', 'korea-checkout' ), $field['label'] );
			case FieldValidator::ERROR_LENGTH:
				/* translators: 1: field label, 2: maximum number of characters. */
				return sprintf( __( '%1$s can be at most %2$d characters long.', 'korea-checkout' ), $field['label'], $field['max_length'] );
			case FieldValidator::ERROR_OPTION:
				/* translators: %s: field label. */
				return sprintf( __( 'Please choose one of the offered options for %s.', 'korea-checkout' ), $field['label'] );
			default:
				if ( 'customs_code' === $field['key'] ) {
					return __( 'The personal customs clearance code is the letter P followed by 12 digits, e.g. P123456789012.', 'korea-checkout' );
				}
				/* translators: %s: field label. */
				return sprintf( __( '%s is not in the expected format.', 'korea-checkout' ), $field['label'] );
		}
	}

	/**
	 * Sanitises and validates a value: the stored string, or a WP_Error with the sentence to show.
	 *
	 * @param array<string, mixed> $field A normalised field.
	 * @param mixed                $value Submitted value.
	 * @return string|\WP_Error
	 */
	public static function check( array $field, $value ) {
		$clean = FieldValidator::sanitize( $field, $value );
		$code  = FieldValidator::error( $field, $clean );
		if ( null !== $code ) {
			return new \WP_Error( 'korea_checkout_invalid_field', self::error_message( $field, $code ), array( 'field' => $field['key'] ) );
		}
		return $clean;
	}

	/**
	 * Stores a checked value on the order (the caller saves the order).
	 *
	 * @param \WC_Order            $order The order.
	 * @param array<string, mixed> $field A normalised field.
	 * @param string               $value A value from check().
	 */
	public static function save_value( \WC_Order $order, array $field, string $value ): void {
		$service = self::is_native_type( $field ) ? self::wc_fields_service() : null;
		if ( null === $service ) {
			$order->update_meta_data( OrderMeta::FIELD_PREFIX . $field['key'], $value );
			return;
		}
		$stored = 'checkbox' === $field['type'] ? '1' === $value : $value;
		$service->persist_field_for_order( self::block_id( $field['key'] ), $stored, $order, 'other', false );
	}

	/**
	 * A field's stored value on an order, as a string ('1'/'' for checkboxes).
	 *
	 * @param \WC_Order            $order The order.
	 * @param array<string, mixed> $field A normalised field.
	 */
	public static function value( \WC_Order $order, array $field ): string {
		$service = self::is_native_type( $field ) ? self::wc_fields_service() : null;
		$value   = null === $service
			? $order->get_meta( OrderMeta::FIELD_PREFIX . $field['key'], true )
			: $service->get_field_from_object( self::block_id( $field['key'] ), $order, 'other' );
		if ( 'checkbox' === $field['type'] ) {
			return ( true === $value || '1' === $value || 1 === $value ) ? '1' : '';
		}
		return is_scalar( $value ) ? (string) $value : '';
	}

	/**
	 * How a value reads to people: the option label for selects, Yes/No for checkboxes.
	 *
	 * @param array<string, mixed> $field A normalised field.
	 * @param string               $value A stored value.
	 */
	public static function display_value( array $field, string $value ): string {
		if ( 'checkbox' === $field['type'] ) {
			return '1' === $value ? __( 'Yes', 'korea-checkout' ) : __( 'No', 'korea-checkout' );
		}
		if ( 'select' === $field['type'] ) {
			return $field['options'][ $value ] ?? $value;
		}
		return $value;
	}

	/**
	 * The order's field values for the session metadata: `field_<key>` => value, empty values left out.
	 * Select values are sent as their stable option value, checkboxes as `yes`.
	 *
	 * @param \WC_Order $order The order.
	 * @return array<string, string>
	 */
	public static function session_metadata( \WC_Order $order ): array {
		$metadata = array();
		foreach ( self::definitions() as $key => $field ) {
			if ( count( $metadata ) >= self::MAX_SESSION_FIELDS ) {
				break;
			}
			$value = self::value( $order, $field );
			if ( '' === $value ) {
				continue;
			}
			if ( 'checkbox' === $field['type'] ) {
				$value = 'yes';
			}
			$metadata[ substr( 'field_' . $key, 0, 40 ) ] = mb_substr( $value, 0, 2000, 'UTF-8' );
		}
		return $metadata;
	}

	/**
	 * WooCommerce's additional-checkout-fields service, when this WooCommerce has it.
	 *
	 * @return \Automattic\WooCommerce\Blocks\Domain\Services\CheckoutFields|null
	 */
	public static function wc_fields_service() {
		$package = \Automattic\WooCommerce\Blocks\Package::class;
		$service = \Automattic\WooCommerce\Blocks\Domain\Services\CheckoutFields::class;
		if ( ! class_exists( $package ) || ! class_exists( $service ) ) {
			return null;
		}
		try {
			return $package::container()->get( $service );
		} catch ( \Throwable $e ) {
			return null;
		}
	}

	/**
	 * Tells developers (not shoppers) that a field definition was ignored, once per request.
	 *
	 * @param string $problem What is wrong.
	 */
	private static function report( string $problem ): void {
		if ( isset( self::$reported[ $problem ] ) ) {
			return;
		}
		self::$reported[ $problem ] = true;
		_doing_it_wrong( 'korea_checkout_fields', esc_html( $problem ), '0.1.0' );
	}
}
