<?php
/**
 * The `korea_checkout_fields` in the block checkout.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Checkout;

use KoreaCheckout\Assets;

defined( 'ABSPATH' ) || exit;

/**
 * Text, select and checkbox fields become WooCommerce additional checkout fields; textareas, which
 * WooCommerce 11 cannot register, travel as Store API extension data (`extensions['korea-checkout']
 * ['fields']`) from our own inner block and are checked and saved here.
 */
final class BlockFields {

	/**
	 * Store API extension namespace.
	 */
	public const EXTENSION = 'korea-checkout';

	/**
	 * Our inner block for textareas, and the checkout step it lives in.
	 */
	public const INNER_BLOCK  = 'korea-checkout/fields';
	public const PARENT_BLOCK = 'woocommerce/checkout-additional-information-block';

	/**
	 * Adds the hooks.
	 */
	public function register(): void {
		add_action( 'woocommerce_init', array( $this, 'register_native_fields' ) );
		add_action( 'woocommerce_init', array( $this, 'register_extension_schema' ) );
		add_action( 'woocommerce_store_api_checkout_update_order_from_request', array( $this, 'save_extension_fields' ), 10, 2 );
		add_action( 'woocommerce_blocks_checkout_enqueue_data', array( $this, 'enqueue_script' ) );
		add_filter( 'render_block_' . self::PARENT_BLOCK, array( $this, 'add_inner_block' ) );
	}

	/**
	 * Loads the inner block that renders textarea fields, when a theme defined any.
	 */
	public function enqueue_script(): void {
		$fields = self::browser_fields();
		if ( array() === $fields ) {
			return;
		}
		// It uses the wc/store/checkout and wc/store/validation data stores.
		if ( Assets::enqueue_script( 'checkout-fields', array( 'wc-blocks-data-store' ), 'koreaCheckoutFields', $fields ) ) {
			Assets::enqueue_style( 'checkout-fields' );
		}
	}

	/**
	 * Puts our inner block's placeholder into the checkout's "additional information" step, next to the
	 * additional fields WooCommerce renders there (see AddressSearch::add_inner_block() for why).
	 *
	 * @param string $content The rendered parent block.
	 * @return mixed The markup, with our placeholder where it belongs.
	 */
	public function add_inner_block( $content ) {
		if ( ! is_string( $content ) || str_contains( $content, self::INNER_BLOCK ) || array() === self::browser_fields() ) {
			return $content;
		}
		$position = strrpos( $content, '</div>' );
		$inner    = '<div data-block-name="' . esc_attr( self::INNER_BLOCK ) . '" class="wp-block-korea-checkout-fields"></div>';
		return false === $position ? $content : substr_replace( $content, $inner, $position, 0 );
	}

	/**
	 * Registers each text, select and checkbox field with WooCommerce.
	 */
	public function register_native_fields(): void {
		if ( ! function_exists( 'woocommerce_register_additional_checkout_field' ) ) {
			return;
		}
		foreach ( Fields::definitions() as $field ) {
			if ( ! Fields::is_native_type( $field ) ) {
				continue;
			}
			try {
				woocommerce_register_additional_checkout_field( $this->native_options( $field ) );
			} catch ( \Throwable $e ) {
				_doing_it_wrong( 'korea_checkout_fields', esc_html( $e->getMessage() ), '0.1.0' );
			}
		}
	}

	/**
	 * The options WooCommerce's field registry takes for one of our fields.
	 *
	 * @param array<string, mixed> $field A normalised field.
	 * @return array<string, mixed>
	 */
	public function native_options( array $field ): array {
		$options    = array(
			'id'                => Fields::block_id( $field['key'] ),
			'label'             => $field['label'],
			'location'          => $field['location'],
			'type'              => $field['type'],
			'required'          => $field['required'],
			'sanitize_callback' => static function ( $value ) use ( $field ) {
				$clean = FieldValidator::sanitize( $field, $value );
				return 'checkbox' === $field['type'] ? '1' === $clean : $clean;
			},
			'validate_callback' => static function ( $value ) use ( $field ) {
				$value  = 'checkbox' === $field['type'] ? ( $value ? '1' : '' ) : $value;
				$result = Fields::check( $field, $value );
				return is_wp_error( $result ) ? $result : true;
			},
		);
		$attributes = array( 'maxLength' => (string) $field['max_length'] );
		if ( '' !== $field['pattern'] ) {
			$attributes['pattern'] = $field['pattern'];
			$attributes['title']   = Fields::error_message( $field, FieldValidator::ERROR_PATTERN );
		}
		if ( 'text' === $field['type'] ) {
			$options['attributes'] = $attributes;
		}
		if ( 'select' === $field['type'] ) {
			$options['options'] = array();
			foreach ( $field['options'] as $value => $label ) {
				$options['options'][] = array(
					'value' => (string) $value,
					'label' => $label,
				);
			}
			if ( '' !== $field['placeholder'] ) {
				$options['placeholder'] = $field['placeholder'];
			}
		}
		return $options;
	}

	/**
	 * Declares our Store API extension data: textarea values keyed by field key.
	 */
	public function register_extension_schema(): void {
		if ( ! function_exists( 'woocommerce_store_api_register_endpoint_data' ) ) {
			return;
		}
		woocommerce_store_api_register_endpoint_data(
			array(
				'endpoint'        => \Automattic\WooCommerce\StoreApi\Schemas\V1\CheckoutSchema::IDENTIFIER,
				'namespace'       => self::EXTENSION,
				'schema_callback' => static function () {
					return array(
						'fields' => array(
							'description'          => __( 'Values of the Korea Checkout fields the block checkout cannot register itself, keyed by field id.', 'korea-checkout' ),
							'type'                 => array( 'object', 'null' ),
							'context'              => array(),
							'additionalProperties' => array( 'type' => 'string' ),
						),
					);
				},
				'schema_type'     => ARRAY_A,
			)
		);
	}

	/**
	 * Checks and saves the textarea fields sent with a Store API checkout.
	 *
	 * @param \WC_Order        $order   The order being placed.
	 * @param \WP_REST_Request $request The checkout request.
	 * @throws \Automattic\WooCommerce\StoreApi\Exceptions\RouteException When a value is not acceptable.
	 */
	public function save_extension_fields( \WC_Order $order, \WP_REST_Request $request ): void {
		if ( 'POST' !== $request->get_method() ) {
			return;
		}
		$extensions = $request->get_param( 'extensions' );
		$sent       = is_array( $extensions ) && isset( $extensions[ self::EXTENSION ]['fields'] ) && is_array( $extensions[ self::EXTENSION ]['fields'] )
			? $extensions[ self::EXTENSION ]['fields']
			: array();
		foreach ( Fields::definitions() as $key => $field ) {
			if ( Fields::is_native_type( $field ) ) {
				continue;
			}
			$result = Fields::check( $field, $sent[ $key ] ?? '' );
			if ( is_wp_error( $result ) ) {
				throw new \Automattic\WooCommerce\StoreApi\Exceptions\RouteException( 'korea_checkout_invalid_field', esc_html( $result->get_error_message() ), 400 );
			}
			Fields::save_value( $order, $field, $result );
		}
	}

	/**
	 * The textarea fields the block checkout's inner block renders (settings for the browser).
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public static function browser_fields(): array {
		$fields = array();
		foreach ( Fields::definitions() as $field ) {
			if ( Fields::is_native_type( $field ) ) {
				continue;
			}
			$fields[] = array(
				'key'         => $field['key'],
				'label'       => $field['label'],
				'required'    => $field['required'],
				'placeholder' => $field['placeholder'],
				'maxLength'   => $field['max_length'],
			);
		}
		return $fields;
	}
}
