<?php
/**
 * Reads from a WooCommerce order the plain facts that SessionPayload turns into the API's payload.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

use KoreaCheckout\Api\Money;
use KoreaCheckout\Checkout\CustomerName;
use KoreaCheckout\Checkout\Fields;
use KoreaCheckout\Checkout\MethodChoice;
use KoreaCheckout\Checkout\PhoneNumber;
use KoreaCheckout\Checkout\ShopperLanguage;
use KoreaCheckout\Orders\OrderMeta;
use KoreaCheckout\Orders\SessionOwner;
use KoreaCheckout\Settings\Settings;
use KoreaCheckout\Theme\CssVars;
use KoreaCheckout\Webhook\Endpoint;

defined( 'ABSPATH' ) || exit;

/**
 * The only place that knows how a WC_Order maps onto a session: lines, customer, URLs and metadata.
 */
final class OrderFacts {

	/**
	 * The facts of an order, as SessionPayload::build() takes them.
	 *
	 * @param \WC_Order $order The order.
	 * @return array<string, mixed>
	 */
	public static function of( \WC_Order $order ): array {
		$currency = $order->get_currency();
		return array(
			'order_id'       => $order->get_id(),
			'currency'       => $currency,
			'total'          => Money::to_minor( $order->get_total( 'edit' ), $currency ),
			'lines'          => self::lines( $order, $currency ),
			/* translators: %s: order number */
			'fallback_name'  => sprintf( __( 'Order #%s', 'korea-checkout' ), $order->get_order_number() ),
			'customer'       => array(
				'name'  => self::customer_name( $order ),
				'email' => $order->get_billing_email(),
				'phone' => PhoneNumber::for_service( $order->get_billing_phone(), $order->get_billing_country() ),
			),
			'return_url'     => ReturnHandler::url( $order ),
			'cancel_url'     => ReturnHandler::url( $order ),
			'webhook_url'    => Endpoint::url(),
			'metadata'       => self::metadata( $order ),
			'now'            => time(),
			'lifetime_hours' => (int) Settings::get( 'session_lifetime' ),
			'shop_id'        => (string) Settings::get( 'shop_id' ),
		);
	}

	/**
	 * Product, shipping and fee lines with their totals (tax included, after discounts) in minor units.
	 *
	 * @param \WC_Order $order    The order.
	 * @param string    $currency Its currency.
	 * @return array<int, array{name: string, quantity: int, amount: int, product_id?: string}>
	 */
	private static function lines( \WC_Order $order, string $currency ): array {
		$lines = array();
		foreach ( $order->get_items( array( 'line_item', 'shipping', 'fee' ) ) as $item ) {
			if ( ! ( $item instanceof \WC_Order_Item_Product || $item instanceof \WC_Order_Item_Shipping || $item instanceof \WC_Order_Item_Fee ) ) {
				continue;
			}
			$amount = Money::to_minor( (string) $item->get_total(), $currency ) + Money::to_minor( (string) $item->get_total_tax(), $currency );
			$line   = array(
				'name'     => wp_strip_all_tags( $item->get_name() ),
				'quantity' => $item instanceof \WC_Order_Item_Product ? max( 1, (int) $item->get_quantity() ) : 1,
				'amount'   => $amount,
			);
			if ( $item instanceof \WC_Order_Item_Product && $item->get_product_id() ) {
				$line['product_id'] = (string) ( $item->get_variation_id() ? $item->get_variation_id() : $item->get_product_id() );
			}
			$lines[] = $line;
		}
		return $lines;
	}

	/**
	 * The billing name (else the shipping name, else the email). For a Korean address, or a name in Hangul, the
	 * family name comes first (홍길동, "Yamada Hanako"); others as the site's language writes a full name.
	 *
	 * @param \WC_Order $order The order.
	 */
	private static function customer_name( \WC_Order $order ): string {
		foreach ( array( 'billing', 'shipping' ) as $type ) {
			$first = trim( (string) $order->{"get_{$type}_first_name"}() );
			$last  = trim( (string) $order->{"get_{$type}_last_name"}() );
			if ( '' === $first && '' === $last ) {
				continue;
			}
			$korean = CustomerName::for_service( $first, $last, (string) $order->{"get_{$type}_country"}() );
			if ( null !== $korean ) {
				return $korean;
			}
			return trim( sprintf( /* translators: 1: first name, 2: last name */ _x( '%1$s %2$s', 'full name', 'korea-checkout' ), $first, $last ) );
		}
		return $order->get_billing_email();
	}

	/**
	 * Our metadata first (it wins the API's 50-key limit), then the checkout fields.
	 *
	 * @param \WC_Order $order The order.
	 * @return array<string, string>
	 */
	private static function metadata( \WC_Order $order ): array {
		$metadata = array(
			'orderId'      => (string) $order->get_id(),
			'orderKeyHash' => SessionOwner::order_key_hash( $order->get_order_key() ),
			'locale'       => ShopperLanguage::of_order( $order ),
		);

		$method = OrderMeta::text( $order, OrderMeta::METHOD );
		if ( '' !== $method ) {
			$metadata['paymentMethod'] = $method;
		}

		// What the owner kept on and the shop has: the hosted page offers no other.
		$metadata['paymentMethods'] = implode( ',', MethodChoice::enabled() );

		$vars  = CssVars::values();
		$theme = array() !== $vars ? (string) wp_json_encode( $vars ) : '';
		// A cut JSON object would be worse than none: the page then keeps its own look.
		if ( '' !== $theme && strlen( $theme ) <= SessionPayload::METADATA_MAX_VALUE ) {
			$metadata['theme'] = $theme;
		}

		foreach ( Fields::session_metadata( $order ) as $key => $value ) {
			if ( ! isset( $metadata[ $key ] ) ) {
				$metadata[ $key ] = $value;
			}
		}
		return $metadata;
	}
}
