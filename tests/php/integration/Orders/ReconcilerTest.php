<?php
/**
 * Reconciliation against the sandbox: lost webhooks, deposits and expiries found by asking the API.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Orders;

use KoreaCheckout\Jobs;
use KoreaCheckout\Orders\Reconciler;
use KoreaCheckout\Tests\Integration\TestCase;

/**
 * The sandbox's webhooks go to the stack's own store, not to this test's database, so whatever changes here was
 * found by the reconciler alone: exactly the situation of a store whose webhooks are lost.
 */
final class ReconcilerTest extends TestCase {

	/**
	 * A pending order of one product with a sandbox session.
	 *
	 * @param \WC_Product $product The product.
	 * @return array{0: \WC_Order, 1: string}
	 */
	private function order_with_session( \WC_Product $product ): array {
		$this->sandbox();
		$order  = $this->create_order( array( 'items' => array( array( $product, 2 ) ) ) );
		$result = WC()->payment_gateways()->payment_gateways()['korea_checkout']->process_payment( $order->get_id() );
		$this->assertSame( 'success', $result['result'] ?? null );
		return array( wc_get_order( $order->get_id() ), basename( (string) wp_parse_url( $result['redirect'], PHP_URL_PATH ) ) );
	}

	/**
	 * Runs the reconciler from the first page.
	 *
	 * @return array<int, string>
	 */
	private static function reconcile(): array {
		update_option( Reconciler::CURSOR, 0 );
		update_option( Reconciler::PAID_CURSOR, 0 );
		wp_cache_flush();
		return ( new Reconciler() )->run();
	}

	/**
	 * An order and its product as stored now.
	 *
	 * @param \WC_Order   $order   Order.
	 * @param \WC_Product $product Product.
	 * @return array{0: string, 1: int}
	 */
	private static function state( \WC_Order $order, \WC_Product $product ): array {
		wp_cache_flush();
		return array( wc_get_order( $order->get_id() )->get_status(), (int) wc_get_product( $product->get_id() )->get_stock_quantity() );
	}

	public function test_a_payment_whose_webhook_was_lost_is_found_and_paid_once(): void {
		$product                    = $this->create_product( 10000, 5 );
		list( $order, $session_id ) = $this->order_with_session( $product );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'naver_pay' ) );

		$this->assertSame( 'pay', self::reconcile()[ $order->get_id() ] ?? null );
		$this->assertSame( 'ignore', self::reconcile()[ $order->get_id() ] ?? null, 'a paid order is only watched for refunds now' );
		$this->assertSame( array( 'processing', 3 ), self::state( $order, $product ) );
		$this->assertSame( 1, $this->actions_fired( 'korea_checkout_payment_complete' ) );
	}

	public function test_a_deposit_and_an_expiry_of_virtual_accounts_are_found(): void {
		$product                     = $this->create_product( 10000, 5 );
		list( $paid, $paid_session ) = $this->order_with_session( $product );
		list( $late, $late_session ) = $this->order_with_session( $product );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$paid_session}/pay", array( 'method' => 'virtual_account' ) );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$late_session}/pay", array( 'method' => 'virtual_account' ) );

		$results = self::reconcile();
		$this->assertSame( array( 'hold', 'hold' ), array( $results[ $paid->get_id() ] ?? null, $results[ $late->get_id() ] ?? null ) );
		$this->assertSame( array( 'on-hold', 1 ), self::state( $paid, $product ), 'both orders hold their stock' );
		$this->assertNotEmpty( wc_get_order( $paid->get_id() )->get_meta( '_korea_checkout_virtual_account' )['accountNumber'] );

		$this->sandbox_call( 'POST', "/sandbox/sessions/{$paid_session}/deposit" );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$late_session}/expire" );
		$results = self::reconcile();
		$this->assertSame( array( 'pay', 'expire' ), array( $results[ $paid->get_id() ] ?? null, $results[ $late->get_id() ] ?? null ) );
		$this->assertSame( array( 'processing', 3 ), self::state( $paid, $product ), 'the expired order gave its two back' );
		$this->assertSame( 'cancelled', self::state( $late, $product )[0] );
		$this->assertSame( 1, $this->actions_fired( 'korea_checkout_payment_complete' ) );
	}

	public function test_a_dashboard_refund_whose_webhook_was_lost_is_recorded_once(): void {
		$product                    = $this->create_product( 10000, 5 );
		list( $order, $session_id ) = $this->order_with_session( $product );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$this->assertSame( 'pay', self::reconcile()[ $order->get_id() ] ?? null );

		// Refunded in the service's dashboard; its webhook never reaches this store.
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/refund", array( 'amount' => 4000 ) );
		$this->assertSame( 'refund', self::reconcile()[ $order->get_id() ] ?? null, 'a paid order is watched for refunds' );
		$this->assertSame( 'ignore', self::reconcile()[ $order->get_id() ] ?? null, 'recorded: nothing more to do' );

		wp_cache_flush();
		$refunds = wc_get_order( $order->get_id() )->get_refunds();
		$this->assertCount( 1, $refunds );
		$this->assertSame( '4000', (string) $refunds[0]->get_amount() );
		$this->assertStringStartsWith( 'ref_', (string) $refunds[0]->get_meta( '_korea_checkout_refund_id' ) );
		$this->assertSame( 'processing', wc_get_order( $order->get_id() )->get_status(), 'a part refunded stays paid' );
	}

	public function test_a_failed_order_paid_on_its_second_try_without_a_webhook_is_found(): void {
		$product                    = $this->create_product( 10000, 5 );
		list( $order, $session_id ) = $this->order_with_session( $product );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/fail", array( 'code' => 'REJECT_CARD_COMPANY' ) );
		$this->assertSame( 'fail', self::reconcile()[ $order->get_id() ] ?? null );
		$this->assertSame( 'failed', self::state( $order, $product )[0] );

		// The shopper tries again on the same page; that webhook is lost too.
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$this->assertSame( 'pay', self::reconcile()[ $order->get_id() ] ?? null );
		$this->assertSame( array( 'processing', 3 ), self::state( $order, $product ) );
		$this->assertSame( 1, $this->actions_fired( 'korea_checkout_payment_complete' ) );
	}

	public function test_an_unconfirmed_refund_is_given_up_only_after_a_read_of_the_session(): void {
		$product                    = $this->create_product( 10000, 5 );
		list( $order, $session_id ) = $this->order_with_session( $product );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$session_id}/pay", array( 'method' => 'card' ) );
		$this->assertSame( 'pay', self::reconcile()[ $order->get_id() ] ?? null );
		$stale = array(
			'key'    => 'wc-' . $order->get_id() . '-refund-test',
			'amount' => 4000,
			'reason' => 'test',
			'sent'   => time() - 2 * DAY_IN_SECONDS,
		);
		$paid  = wc_get_order( $order->get_id() );
		$paid->update_meta_data( '_korea_checkout_pending_refunds', array( $stale ) );
		$paid->save();

		$this->sandbox_fault( 'get-session', '500', 10 );
		try {
			$this->assertSame( 'internal_error', self::reconcile()[ $order->get_id() ] ?? null );
		} finally {
			$this->sandbox_call( 'DELETE', '/sandbox/faults' );
		}
		wp_cache_flush();
		$this->assertCount( 1, wc_get_order( $order->get_id() )->get_meta( '_korea_checkout_pending_refunds' ), 'an unanswered read proves nothing' );

		$this->assertSame( 'ignore', self::reconcile()[ $order->get_id() ] ?? null );
		wp_cache_flush();
		$this->assertSame( array(), wc_get_order( $order->get_id() )->get_meta( '_korea_checkout_pending_refunds' ) );
		$notes = wc_get_order_notes( array( 'order_id' => $order->get_id() ) );
		$this->assertStringContainsString( 'never confirmed', $notes[0]->content );
	}

	public function test_one_order_that_throws_does_not_stop_the_others(): void {
		$product                           = $this->create_product( 10000, 5 );
		list( $broken, $broken_session )   = $this->order_with_session( $product );
		list( $healthy, $healthy_session ) = $this->order_with_session( $product );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$broken_session}/pay", array( 'method' => 'card' ) );
		$this->sandbox_call( 'POST', "/sandbox/sessions/{$healthy_session}/pay", array( 'method' => 'card' ) );
		add_filter(
			'korea_checkout_status_map',
			static function ( $map, $order ) use ( $broken ) {
				if ( $order->get_id() === $broken->get_id() ) {
					throw new \RuntimeException( 'a broken filter on this order' );
				}
				return $map;
			},
			10,
			2
		);

		$results = self::reconcile();
		$this->assertSame( 'error', $results[ $broken->get_id() ] ?? null, 'logged, and the run went on' );
		$this->assertSame( 'pay', $results[ $healthy->get_id() ] ?? null );
		$this->assertSame( 'pending', self::state( $broken, $product )[0] );
		$this->assertSame( 'processing', self::state( $healthy, $product )[0] );
	}

	public function test_the_job_is_scheduled_once_and_removed_on_unschedule(): void {
		Reconciler::unschedule();
		$this->assertFalse( as_has_scheduled_action( Reconciler::HOOK, array(), Jobs::GROUP ) );
		Reconciler::schedule();
		Reconciler::schedule();
		$this->assertTrue( as_has_scheduled_action( Reconciler::HOOK, array(), Jobs::GROUP ) );
		$pending = as_get_scheduled_actions(
			array(
				'hook'   => Reconciler::HOOK,
				'status' => \ActionScheduler_Store::STATUS_PENDING,
			),
			'ids'
		);
		$this->assertCount( 1, $pending );
		Reconciler::unschedule();
		$this->assertFalse( as_has_scheduled_action( Reconciler::HOOK, array(), Jobs::GROUP ) );
	}
}
