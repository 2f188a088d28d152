<?php
/**
 * The state machine on real WooCommerce orders: statuses, stock, notes, e-mails and the payment hook.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Orders;

use KoreaCheckout\Orders\SessionSync;
use KoreaCheckout\Orders\Transition;
use KoreaCheckout\Tests\Integration\TestCase;

/**
 * Sessions are given as the API's `data` would be; where they come from (return, webhook, reconciliation) is the
 * business of the callers, tested elsewhere.
 */
final class SessionSyncTest extends TestCase {

	/**
	 * An order of two 29,000 KRW items (stock 10) plus 3,000 shipping = 61,000 KRW, with a session.
	 *
	 * @return array{0: \WC_Order, 1: \WC_Product}
	 */
	private function order_with_session(): array {
		$product = $this->create_product( 29000, 10 );
		$order   = $this->create_order(
			array(
				'items' => array( array( $product, 2 ) ),
				'meta'  => array(
					'_korea_checkout_session_id'     => 'cs_test_now',
					'_korea_checkout_session_status' => 'pending',
				),
			)
		);
		$this->assertSame( '61000', $order->get_total() );
		return array( $order, $product );
	}

	/**
	 * A session of that order.
	 *
	 * @param \WC_Order            $order   Its order.
	 * @param string               $status  Status.
	 * @param array<string, mixed> $changes Replacements.
	 * @return array<string, mixed>
	 */
	private static function session( \WC_Order $order, string $status, array $changes = array() ): array {
		$paid = in_array( $status, array( 'completed', 'refunded', 'partially_refunded' ), true );
		return array_merge(
			array(
				'sessionId'            => 'cs_test_now',
				'status'               => $status,
				'platformOrderId'      => (string) $order->get_id(),
				'totalAmount'          => 61000,
				'currency'             => 'KRW',
				'paymentMethod'        => $paid ? 'card' : null,
				'gateway'              => $paid ? 'toss' : null,
				'gatewayTransactionId' => $paid ? 'toss_tx_1' : null,
				'refundedAmount'       => 0,
				'refunds'              => array(),
			),
			$changes
		);
	}

	/**
	 * A fresh copy of an order.
	 *
	 * @param \WC_Order $order The order.
	 */
	private static function reload( \WC_Order $order ): \WC_Order {
		wp_cache_flush();
		return wc_get_order( $order->get_id() );
	}

	/**
	 * Stock of a product as stored.
	 *
	 * @param \WC_Product $product The product.
	 */
	private static function stock( \WC_Product $product ): int {
		wp_cache_flush();
		return (int) wc_get_product( $product->get_id() )->get_stock_quantity();
	}

	public function test_completed_pays_once_reduces_stock_once_and_fires_the_hook_once(): void {
		list( $order, $product ) = $this->order_with_session();
		$calls                   = $this->record_action( 'korea_checkout_payment_complete' );
		$session                 = self::session( $order, 'completed' );

		$this->assertSame( Transition::PAY, SessionSync::apply( $order, $session, 'return' ) );
		$this->assertSame( Transition::IGNORE, SessionSync::apply( $order, $session, 'webhook' ) );
		$this->assertSame( Transition::IGNORE, SessionSync::apply( self::reload( $order ), $session, 'reconcile' ) );

		$order = self::reload( $order );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( 'toss_tx_1', $order->get_transaction_id() );
		$this->assertSame( 'cs_test_now', $order->get_meta( '_korea_checkout_completed' ) );
		$this->assertSame( 'completed', $order->get_meta( '_korea_checkout_session_status' ) );
		$this->assertSame( 'card', $order->get_meta( '_korea_checkout_paid_method' ) );
		$this->assertNotNull( $order->get_date_paid() );
		$this->assertSame( 8, self::stock( $product ) );
		$this->assertCount( 1, $calls );
		$this->assertSame( $order->get_id(), $calls[0][0] );
		$this->assertSame( 'toss_tx_1', $calls[0][1]['gatewayTransactionId'] );
		$this->assertSame( 1, $this->actions_fired( 'woocommerce_payment_complete' ) );
	}

	public function test_a_woocommerce_payment_complete_listener_that_throws_after_the_order_was_paid_still_announces_once(): void {
		list( $order, $product ) = $this->order_with_session();
		$calls                   = $this->record_action( 'korea_checkout_payment_complete' );
		$broken                  = static function (): void {
			throw new \Exception( 'a listener of woocommerce_payment_complete broke' );
		};
		add_action( 'woocommerce_payment_complete', $broken, 99 );
		try {
			$this->assertSame( Transition::PAY, SessionSync::apply( $order, self::session( $order, 'completed' ), 'webhook' ) );
		} finally {
			remove_action( 'woocommerce_payment_complete', $broken, 99 );
		}
		$this->assertSame( Transition::IGNORE, SessionSync::apply( self::reload( $order ), self::session( $order, 'completed' ), 'reconcile' ) );

		$order = self::reload( $order );
		$this->assertSame( 'processing', $order->get_status(), 'WooCommerce saved it paid before its listener broke' );
		$this->assertSame( 'cs_test_now', $order->get_meta( '_korea_checkout_completed' ), 'the payment is kept, not forgotten' );
		$this->assertCount( 1, $calls, 'announced once, although payment_complete() answered false' );
		$this->assertSame( 8, self::stock( $product ) );
	}

	public function test_amount_mismatch_holds_the_order_notes_it_and_mails_the_admin_once(): void {
		list( $order, $product ) = $this->order_with_session();
		$session                 = self::session( $order, 'completed', array( 'totalAmount' => 1000 ) );

		$this->assertSame( Transition::MISMATCH, SessionSync::apply( $order, $session, 'webhook' ) );
		SessionSync::apply( $order, $session, 'reconcile' );

		$order = self::reload( $order );
		$this->assertSame( 'on-hold', $order->get_status() );
		$this->assertSame( '', (string) $order->get_meta( '_korea_checkout_completed' ) );
		$this->assertSame( '', $order->get_transaction_id() );
		$this->assertSame( 0, $this->actions_fired( 'korea_checkout_payment_complete' ) );
		$notes = wp_list_pluck( wc_get_order_notes( array( 'order_id' => $order->get_id() ) ), 'content' );
		$this->assertCount( 1, array_filter( $notes, static fn( $note ) => str_contains( $note, 'was paid 1000 KRW but the order totals 61000 KRW' ) ) );
		$alerts = array_filter( $this->sent_emails, static fn( $mail ) => str_contains( $mail['subject'], 'does not match its total' ) );
		$this->assertCount( 1, $alerts );
		$this->assertSame( get_option( 'admin_email' ), reset( $alerts )['to'] );
	}

	public function test_currency_mismatch_is_never_paid(): void {
		list( $order ) = $this->order_with_session();
		$this->assertSame(
			Transition::MISMATCH,
			SessionSync::apply(
				$order,
				self::session(
					$order,
					'completed',
					array(
						'currency'    => 'USD',
						'totalAmount' => 61000,
					)
				),
				'webhook'
			)
		);
		$this->assertSame( 'on-hold', self::reload( $order )->get_status() );
		$this->assertSame( 0, $this->actions_fired( 'korea_checkout_payment_complete' ) );
	}

	public function test_virtual_account_holds_with_its_details_then_the_deposit_pays_without_reducing_stock_twice(): void {
		list( $order, $product ) = $this->order_with_session();
		$account                 = array(
			'bankName'      => '국민은행',
			'accountNumber' => '123-456-789012',
			'accountHolder' => 'Sandbox Shop',
			'dueDate'       => '2026-11-28T23:59:59+09:00',
		);

		$this->assertSame( Transition::HOLD, SessionSync::apply( $order, self::session( $order, 'processing', array( 'virtualAccount' => $account ) ), 'return' ) );
		$order = self::reload( $order );
		$this->assertSame( 'on-hold', $order->get_status() );
		$this->assertSame( $account, $order->get_meta( '_korea_checkout_virtual_account' ) );
		$this->assertSame( 8, self::stock( $product ), 'on-hold reserves the stock' );

		SessionSync::apply(
			$order,
			self::session(
				$order,
				'completed',
				array(
					'virtualAccount' => $account,
					'paymentMethod'  => 'virtual_account',
				)
			),
			'webhook'
		);
		$order = self::reload( $order );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( 8, self::stock( $product ) );
		$this->assertSame( 1, $this->actions_fired( 'korea_checkout_payment_complete' ) );
	}

	public function test_failed_and_cancelled_leave_the_order_payable(): void {
		list( $order ) = $this->order_with_session();
		$failure       = array(
			'failure' => array(
				'code'    => 'REJECT_CARD_COMPANY',
				'message' => 'Card refused',
			),
		);

		$this->assertSame( Transition::FAIL, SessionSync::apply( $order, self::session( $order, 'failed', $failure ), 'webhook' ) );
		$order = self::reload( $order );
		$this->assertSame( 'failed', $order->get_status() );
		$this->assertTrue( $order->needs_payment() );
		$notes = wp_list_pluck( wc_get_order_notes( array( 'order_id' => $order->get_id() ) ), 'content' );
		$this->assertNotEmpty( array_filter( $notes, static fn( $note ) => str_contains( $note, 'REJECT_CARD_COMPANY' ) ) );

		$this->assertSame( Transition::RETRY, SessionSync::apply( $order, self::session( $order, 'cancelled' ), 'return' ) );
		$order = self::reload( $order );
		$this->assertSame( 'pending', $order->get_status() );
		$this->assertTrue( $order->needs_payment() );
	}

	public function test_an_expired_deposit_cancels_the_order_and_restores_stock(): void {
		list( $order, $product ) = $this->order_with_session();
		$account                 = array(
			'virtualAccount' => array(
				'bankName'      => 'B',
				'accountNumber' => '1',
				'accountHolder' => 'H',
				'dueDate'       => 'D',
			),
		);
		SessionSync::apply( $order, self::session( $order, 'processing', $account ), 'return' );
		$this->assertSame( 8, self::stock( $product ) );

		$this->assertSame( Transition::EXPIRE, SessionSync::apply( $order, self::session( $order, 'expired', $account ), 'reconcile' ) );
		$this->assertSame( 'cancelled', self::reload( $order )->get_status() );
		$this->assertSame( 10, self::stock( $product ) );
		$this->assertSame( Transition::IGNORE, SessionSync::apply( $order, self::session( $order, 'expired', $account ), 'webhook' ) );
		$this->assertSame( 10, self::stock( $product ) );
	}

	public function test_late_events_never_move_a_paid_order_backwards(): void {
		list( $order, $product ) = $this->order_with_session();
		SessionSync::apply( $order, self::session( $order, 'completed' ), 'webhook' );

		foreach ( array( 'failed', 'expired', 'cancelled', 'pending', 'processing' ) as $late ) {
			$this->assertSame( Transition::IGNORE, SessionSync::apply( $order, self::session( $order, $late ), 'webhook' ), $late );
		}
		$order = self::reload( $order );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( 8, self::stock( $product ) );
		$this->assertSame( 1, $this->actions_fired( 'korea_checkout_payment_complete' ) );
	}

	public function test_a_session_of_another_order_changes_nothing(): void {
		list( $order ) = $this->order_with_session();
		$this->assertSame( Transition::IGNORE, SessionSync::apply( $order, self::session( $order, 'completed', array( 'platformOrderId' => '999999' ) ), 'return' ) );
		$this->assertSame( 'pending', self::reload( $order )->get_status() );
	}

	public function test_orders_of_other_gateways_are_left_alone(): void {
		$order = $this->create_order(
			array(
				'payment_method' => 'cod',
				'meta'           => array( '_korea_checkout_session_id' => 'cs_test_now' ),
			)
		);
		$this->assertSame( Transition::IGNORE, SessionSync::apply( $order, self::session( $order, 'completed' ), 'webhook' ) );
		$this->assertSame( 'pending', self::reload( $order )->get_status() );
	}

	public function test_the_status_map_filter_and_setting_override_the_automatic_mapping(): void {
		list( $order ) = $this->order_with_session();
		add_filter(
			'korea_checkout_status_map',
			static function ( array $map ): array {
				$map['completed'] = 'completed';
				return $map;
			}
		);
		SessionSync::apply( $order, self::session( $order, 'completed' ), 'webhook' );
		$this->assertSame( 'completed', self::reload( $order )->get_status() );

		list( $other ) = $this->order_with_session();
		$this->set_plugin_settings( array( 'status_map' => array( 'failed' => 'cancelled' ) ) );
		SessionSync::apply( $other, self::session( $other, 'failed' ), 'webhook' );
		$this->assertSame( 'cancelled', self::reload( $other )->get_status() );
	}

	public function test_refunds_made_elsewhere_are_recorded_once_each_and_the_last_one_refunds_the_order(): void {
		list( $order ) = $this->order_with_session();
		SessionSync::apply( $order, self::session( $order, 'completed' ), 'return' );
		$first = array(
			'refundId'    => 'ref_one',
			'amount'      => 20000,
			'reason'      => 'Damaged',
			'status'      => 'completed',
			'processedAt' => '2026-11-25T10:00:00Z',
		);
		$rest  = array(
			'refundId'    => 'ref_two',
			'amount'      => 41000,
			'reason'      => '',
			'status'      => 'completed',
			'processedAt' => '2026-11-25T11:00:00Z',
		);

		$partial = self::session(
			$order,
			'partially_refunded',
			array(
				'refunds'        => array( $first ),
				'refundedAmount' => 20000,
			)
		);
		$this->assertSame( Transition::REFUND, SessionSync::apply( $order, $partial, 'webhook' ) );
		SessionSync::apply( $order, $partial, 'webhook' );
		$order = self::reload( $order );
		$this->assertCount( 1, $order->get_refunds() );
		$this->assertSame( '20000', $order->get_total_refunded() . '' );
		$this->assertSame( 'ref_one', $order->get_refunds()[0]->get_meta( '_korea_checkout_refund_id' ) );
		$this->assertSame( 'processing', $order->get_status() );

		$full = self::session(
			$order,
			'refunded',
			array(
				'refunds'        => array( $first, $rest ),
				'refundedAmount' => 61000,
			)
		);
		SessionSync::apply( $order, $full, 'reconcile' );
		SessionSync::apply( $order, $full, 'webhook' );
		$order = self::reload( $order );
		$this->assertCount( 2, $order->get_refunds() );
		$this->assertSame( 'refunded', $order->get_status() );
		$this->assertEqualsCanonicalizing( array( 'ref_one', 'ref_two' ), \KoreaCheckout\Orders\RefundLedger::recorded_ids( $order ) );
	}

	public function test_an_order_screen_refund_whose_webhook_came_first_is_adopted_not_doubled(): void {
		list( $order ) = $this->order_with_session();
		SessionSync::apply( $order, self::session( $order, 'completed' ), 'return' );
		$refund = wc_create_refund(
			array(
				'order_id'       => $order->get_id(),
				'amount'         => '5000',
				'refund_payment' => false,
			)
		);
		$refund->set_refunded_payment( true );
		$refund->save();

		$api = array(
			'refundId'    => 'ref_screen',
			'amount'      => 5000,
			'reason'      => '',
			'status'      => 'completed',
			'processedAt' => '2026-11-25T10:00:00Z',
		);
		SessionSync::apply( $order, self::session( $order, 'partially_refunded', array( 'refunds' => array( $api ) ) ), 'webhook' );
		$order = self::reload( $order );
		$this->assertCount( 1, $order->get_refunds() );
		$this->assertSame( 'ref_screen', $order->get_refunds()[0]->get_meta( '_korea_checkout_refund_id' ) );
	}

	public function test_a_second_session_paying_a_paid_order_alerts_the_admin_and_changes_nothing_else(): void {
		list( $order, $product ) = $this->order_with_session();
		SessionSync::apply( $order, self::session( $order, 'completed' ), 'return' );
		$second = self::session(
			$order,
			'completed',
			array(
				'sessionId'            => 'cs_test_second',
				'gatewayTransactionId' => 'toss_tx_2',
			)
		);

		$this->assertSame( Transition::DOUBLE_PAYMENT, SessionSync::apply( $order, $second, 'webhook' ) );
		SessionSync::apply( $order, $second, 'reconcile' );
		$order = self::reload( $order );
		$this->assertSame( 'toss_tx_1', $order->get_transaction_id() );
		$this->assertSame( 8, self::stock( $product ) );
		$this->assertSame( 1, $this->actions_fired( 'korea_checkout_payment_complete' ) );
		$this->assertCount( 1, array_filter( $this->sent_emails, static fn( $mail ) => str_contains( $mail['subject'], 'was paid twice' ) ) );
	}
}
