<?php
/**
 * The per-order database lock, in one process and across several PHP processes at once.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Orders;

use KoreaCheckout\Orders\LockTimeout;
use KoreaCheckout\Orders\OrderLock;
use KoreaCheckout\Tests\Integration\TestCase;

/**
 * Runs without the rollback transaction: other processes must see the rows, as other web servers would.
 */
final class OrderLockTest extends TestCase {

	/**
	 * Data other processes must see.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * Orders made by the test, deleted afterwards.
	 *
	 * @var list<int>
	 */
	private array $made = array();

	protected function tearDown(): void {
		global $wpdb;
		foreach ( $this->made as $id ) {
			$order = wc_get_order( $id );
			if ( $order ) {
				$order->delete( true );
			}
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name = %s", OrderLock::PREFIX . $id ) );
		}
		parent::tearDown();
	}

	/**
	 * The lock row of an order, as stored.
	 *
	 * @param int $order_id Order.
	 */
	private static function row( int $order_id ): ?string {
		global $wpdb;
		return $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", OrderLock::PREFIX . $order_id ) );
	}

	public function test_run_holds_a_row_while_it_works_and_removes_it_after(): void {
		$seen         = OrderLock::run(
			4242001,
			static function (): ?string {
				return self::row( 4242001 );
			}
		);
		$this->made[] = 4242001;
		$this->assertMatchesRegularExpression( '/^[0-9]{10}\|[A-Za-z0-9]{20}$/', (string) $seen );
		$this->assertNull( self::row( 4242001 ) );
	}

	public function test_nested_runs_for_one_order_do_not_deadlock_and_an_error_still_releases(): void {
		$this->made[] = 4242002;
		try {
			OrderLock::run(
				4242002,
				static function (): void {
					OrderLock::run(
						4242002,
						static function (): void {
							throw new \RuntimeException( 'boom' );
						}
					);
				}
			);
			$this->fail( 'the error should come through' );
		} catch ( \RuntimeException $e ) {
			$this->assertSame( 'boom', $e->getMessage() );
		}
		$this->assertNull( self::row( 4242002 ) );
		$this->assertFalse( OrderLock::is_held( 4242002 ) );
	}

	public function test_a_lock_held_elsewhere_makes_run_wait_and_then_give_up(): void {
		global $wpdb;
		$this->made[] = 4242003;
		$wpdb->insert(
			$wpdb->options,
			array(
				'option_name'  => OrderLock::PREFIX . 4242003,
				'option_value' => ( time() + 60 ) . '|someoneelse',
				'autoload'     => 'off',
			)
		);
		$ran   = false;
		$start = microtime( true );
		try {
			OrderLock::run(
				4242003,
				static function () use ( &$ran ): void {
					$ran = true;
				},
				0.5
			);
			$this->fail( 'expected a LockTimeout' );
		} catch ( LockTimeout $e ) {
			$this->assertStringContainsString( '4242003', $e->getMessage() );
		}
		$this->assertFalse( $ran );
		$this->assertGreaterThanOrEqual( 0.5, microtime( true ) - $start );
		$this->assertStringEndsWith( '|someoneelse', (string) self::row( 4242003 ), 'the holder keeps its lock' );
	}

	public function test_an_abandoned_lock_is_taken_over_after_its_expiry(): void {
		global $wpdb;
		$this->made[] = 4242004;
		$wpdb->insert(
			$wpdb->options,
			array(
				'option_name'  => OrderLock::PREFIX . 4242004,
				'option_value' => ( time() - 1 ) . '|crashedworker',
				'autoload'     => 'off',
			)
		);
		$this->assertSame( 'ran', OrderLock::run( 4242004, static fn() => 'ran', 1.0 ) );
		$this->assertNull( self::row( 4242004 ) );
	}

	public function test_six_php_processes_applying_the_same_paid_session_pay_the_order_once(): void {
		$product      = $this->create_product( 29000, 10 );
		$order        = $this->create_order(
			array(
				'items' => array( array( $product, 3 ) ),
				'meta'  => array( '_korea_checkout_session_id' => 'cs_race_1' ),
			)
		);
		$this->made[] = $order->get_id();
		$session      = array(
			'sessionId'            => 'cs_race_1',
			'status'               => 'completed',
			'platformOrderId'      => (string) $order->get_id(),
			'totalAmount'          => 90000,
			'currency'             => 'KRW',
			'paymentMethod'        => 'kakao_pay',
			'gateway'              => 'kcp',
			'gatewayTransactionId' => 'kcp_tx_race',
		);
		// The processes boot WordPress at their own pace, then wait for one another at a barrier of files, then race.
		$barrier = sys_get_temp_dir() . '/kc-race-' . wp_generate_password( 8, false );
		mkdir( $barrier );
		$code = sprintf(
			'$fired = 0; add_action( "korea_checkout_payment_complete", function () use ( &$fired ) { $fired++; } );
			$barrier = %s; touch( $barrier . "/" . getmypid() ); $deadline = microtime( true ) + 120;
			while ( count( glob( $barrier . "/*" ) ) < 6 && microtime( true ) < $deadline ) { usleep( 500 ); }
			$at_barrier = count( glob( $barrier . "/*" ) ) >= 6;
			$action = KoreaCheckout\Orders\SessionSync::apply( wc_get_order( %d ), json_decode( %s, true ), "webhook" );
			return array( "action" => $action, "fired" => $fired, "at_barrier" => $at_barrier );',
			var_export( $barrier, true ), // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- builds PHP source.
			$order->get_id(),
			var_export( wp_json_encode( $session ), true ) // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- builds PHP source.
		);

		$processes = array();
		for ( $i = 0; $i < 6; $i++ ) {
			$processes[] = $this->start_separate_wordpress( $code );
		}
		$results = array_map( array( $this, 'result_of_separate_wordpress' ), $processes );

		array_map( 'unlink', glob( $barrier . '/*' ) );
		rmdir( $barrier );

		$this->assertSame( 1, array_sum( array_column( $results, 'fired' ) ), 'korea_checkout_payment_complete fired once in all processes together' );
		$this->assertSame(
			array(
				'ignore' => 5,
				'pay'    => 1,
			),
			self::sorted( array_count_values( array_column( $results, 'action' ) ) )
		);
		$this->assertSame( array( true, true, true, true, true, true ), array_column( $results, 'at_barrier' ), 'all six processes were at the barrier, so they raced' );
		wp_cache_flush();
		$order = wc_get_order( $order->get_id() );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( 'kcp_tx_race', $order->get_transaction_id() );
		$this->assertSame( 7, (int) wc_get_product( $product->get_id() )->get_stock_quantity() );
		$notes = wp_list_pluck( wc_get_order_notes( array( 'order_id' => $order->get_id() ) ), 'content' );
		$this->assertCount( 1, array_filter( $notes, static fn( $note ) => str_contains( $note, 'Stock levels reduced' ) ) );
	}

	/**
	 * An array sorted by key.
	 *
	 * @param array<string, int> $counts Counts.
	 * @return array<string, int>
	 */
	private static function sorted( array $counts ): array {
		ksort( $counts );
		return $counts;
	}
}
