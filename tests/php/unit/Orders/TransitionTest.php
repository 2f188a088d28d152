<?php
/**
 * The state machine's decision table.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Orders;

use KoreaCheckout\Orders\Transition;
use PHPUnit\Framework\TestCase;

/**
 * Every row: an order state, a session as the API returns it, the action and reason expected.
 */
final class TransitionTest extends TestCase {

	/**
	 * An order of 29,000 won for session cs_now, unpaid unless changed.
	 *
	 * @param array<string, mixed> $changes Replacements.
	 * @return array{order_id: string, status: string, session_id: string, paid_session: string, total_minor: int, refunded_minor: int, currency: string}
	 */
	private static function order( array $changes = array() ): array {
		return array_merge(
			array(
				'order_id'       => '42',
				'status'         => 'pending',
				'session_id'     => 'cs_now',
				'paid_session'   => '',
				'total_minor'    => 29000,
				'refunded_minor' => 0,
				'currency'       => 'KRW',
			),
			$changes
		);
	}

	/**
	 * A session of that order.
	 *
	 * @param string               $status  Session status.
	 * @param array<string, mixed> $changes Replacements.
	 * @return array<string, mixed>
	 */
	private static function session( string $status, array $changes = array() ): array {
		return array_merge(
			array(
				'sessionId'       => 'cs_now',
				'status'          => $status,
				'platformOrderId' => '42',
				'totalAmount'     => 29000,
				'currency'        => 'KRW',
			),
			$changes
		);
	}

	/**
	 * The table.
	 *
	 * @return array<string, array{0: array<string, mixed>, 1: array<string, mixed>, 2: string, 3: string}>
	 */
	public function table(): array {
		$va     = array(
			'virtualAccount' => array(
				'bankName'      => '국민은행',
				'accountNumber' => '123',
				'accountHolder' => 'Shop',
				'dueDate'       => '2026-11-30',
			),
		);
		$paid   = array(
			'paid_session' => 'cs_now',
			'status'       => 'processing',
		);
		$coupon = array(
			'code'           => 'WELCOME3000',
			'type'           => 'fixed_amount',
			'value'          => 3000,
			'amount'         => 3000,
			'originalAmount' => 29000,
		);
		return array(
			'completed pays'                              => array( self::order(), self::session( 'completed' ), Transition::PAY, 'completed' ),
			'completed pays a failed order'               => array( self::order( array( 'status' => 'failed' ) ), self::session( 'completed' ), Transition::PAY, 'completed' ),
			'completed pays an on-hold deposit order'     => array( self::order( array( 'status' => 'on-hold' ) ), self::session( 'completed', $va ), Transition::PAY, 'completed' ),
			'completed pays an order cancelled by expiry' => array( self::order( array( 'status' => 'cancelled' ) ), self::session( 'completed' ), Transition::PAY, 'completed' ),
			'completed on an older session still pays'    => array( self::order( array( 'session_id' => 'cs_newer' ) ), self::session( 'completed' ), Transition::PAY, 'completed' ),
			'refunded before we heard pays first'         => array( self::order(), self::session( 'refunded' ), Transition::PAY, 'refunded' ),
			'USD in minor units'                          => array(
				self::order(
					array(
						'currency'    => 'USD',
						'total_minor' => 2999,
					)
				),
				self::session(
					'completed',
					array(
						'currency'    => 'USD',
						'totalAmount' => 29.99,
					)
				),
				Transition::PAY,
				'completed',
			),
			'amount mismatch is never paid'               => array( self::order(), self::session( 'completed', array( 'totalAmount' => 28999 ) ), Transition::MISMATCH, 'amount_mismatch' ),
			'currency mismatch is never paid'             => array(
				self::order(),
				self::session(
					'completed',
					array(
						'currency'    => 'USD',
						'totalAmount' => 29000,
					)
				),
				Transition::MISMATCH,
				'currency_mismatch',
			),
			'29000.4 won is a mismatch, never rounded'    => array( self::order(), self::session( 'completed', array( 'totalAmount' => 29000.4 ) ), Transition::MISMATCH, 'amount_mismatch' ),
			'a service coupon pays what it explains'      => array(
				self::order(),
				self::session(
					'completed',
					array(
						'totalAmount' => 26000,
						'coupon'      => $coupon,
					)
				),
				Transition::PAY,
				'service_coupon',
			),
			'a coupon of another total is a mismatch'     => array(
				self::order(),
				self::session(
					'completed',
					array(
						'totalAmount' => 26000,
						'coupon'      => array( 'originalAmount' => 30000 ) + $coupon,
					)
				),
				Transition::MISMATCH,
				'amount_mismatch',
			),
			'a coupon that does not add up is a mismatch' => array(
				self::order(),
				self::session(
					'completed',
					array(
						'totalAmount' => 25000,
						'coupon'      => $coupon,
					)
				),
				Transition::MISMATCH,
				'amount_mismatch',
			),
			'a coupon of nothing is a mismatch'           => array(
				self::order(),
				self::session(
					'completed',
					array(
						'totalAmount' => 29000 - 1,
						'coupon'      => array( 'amount' => 0 ) + $coupon,
					)
				),
				Transition::MISMATCH,
				'amount_mismatch',
			),
			'amount not a number is a mismatch'           => array( self::order(), self::session( 'completed', array( 'totalAmount' => 'lots' ) ), Transition::MISMATCH, 'amount_mismatch' ),
			'another order\'s session is ignored'         => array( self::order(), self::session( 'completed', array( 'platformOrderId' => '43' ) ), Transition::IGNORE, 'other_order' ),
			'completed twice does nothing'                => array( self::order( $paid ), self::session( 'completed' ), Transition::IGNORE, 'already_paid' ),
			'late failed after paid does nothing'         => array( self::order( $paid ), self::session( 'failed' ), Transition::IGNORE, 'already_paid' ),
			'late expired after paid does nothing'        => array( self::order( $paid ), self::session( 'expired' ), Transition::IGNORE, 'already_paid' ),
			'late processing after paid does nothing'     => array( self::order( $paid ), self::session( 'processing', $va ), Transition::IGNORE, 'already_paid' ),
			'partial refund after paid syncs'             => array( self::order( $paid ), self::session( 'partially_refunded', array( 'refundedAmount' => 5000 ) ), Transition::REFUND, 'partially_refunded' ),
			'full refund after paid syncs'                => array( self::order( $paid ), self::session( 'refunded', array( 'refundedAmount' => 29000 ) ), Transition::REFUND, 'refunded' ),
			'refunds without an amount sync'              => array( self::order( $paid ), self::session( 'partially_refunded' ), Transition::REFUND, 'partially_refunded' ),
			'refunds already recorded need nothing'       => array( self::order( array( 'refunded_minor' => 5000 ) + $paid ), self::session( 'partially_refunded', array( 'refundedAmount' => 5000 ) ), Transition::IGNORE, 'refunds_recorded' ),
			'a second refund is recorded'                 => array( self::order( array( 'refunded_minor' => 5000 ) + $paid ), self::session( 'partially_refunded', array( 'refundedAmount' => 8000 ) ), Transition::REFUND, 'partially_refunded' ),
			'a second paid session is flagged'            => array( self::order( $paid ), self::session( 'completed', array( 'sessionId' => 'cs_other' ) ), Transition::DOUBLE_PAYMENT, 'paid_by_another_session' ),
			'virtual account issued holds'                => array( self::order(), self::session( 'processing', $va ), Transition::HOLD, 'awaiting_deposit' ),
			'processing without account waits'            => array( self::order(), self::session( 'processing' ), Transition::IGNORE, 'in_progress' ),
			'pending waits'                               => array( self::order(), self::session( 'pending' ), Transition::IGNORE, 'in_progress' ),
			'failed fails'                                => array( self::order(), self::session( 'failed' ), Transition::FAIL, 'payment_failed' ),
			'cancelled keeps payable'                     => array( self::order(), self::session( 'cancelled' ), Transition::RETRY, 'shopper_cancelled' ),
			'expired cancels'                             => array( self::order(), self::session( 'expired' ), Transition::EXPIRE, 'session_expired' ),
			'expired deposit cancels'                     => array( self::order( array( 'status' => 'on-hold' ) ), self::session( 'expired', $va ), Transition::EXPIRE, 'session_expired' ),
			'expired twice does nothing'                  => array( self::order( array( 'status' => 'cancelled' ) ), self::session( 'expired' ), Transition::IGNORE, 'unchanged' ),
			'old session failing does not touch order'    => array( self::order( array( 'session_id' => 'cs_newer' ) ), self::session( 'failed' ), Transition::IGNORE, 'stale_session' ),
			'old session expiring does not cancel'        => array( self::order( array( 'session_id' => 'cs_newer' ) ), self::session( 'expired' ), Transition::IGNORE, 'stale_session' ),
			'order marked paid by hand is left alone'     => array( self::order( array( 'status' => 'processing' ) ), self::session( 'failed' ), Transition::IGNORE, 'settled_elsewhere' ),
		);
	}

	/**
	 * Each row of the table.
	 *
	 * @dataProvider table
	 * @param array<string, mixed> $order   Order state.
	 * @param array<string, mixed> $session Session.
	 * @param string               $action  Expected action.
	 * @param string               $reason  Expected reason.
	 */
	public function test_decision( array $order, array $session, string $action, string $reason ): void {
		$this->assertSame( array( $action, $reason ), Transition::decide( $order, $session ) ); // @phpstan-ignore-line argument.type
	}

	public function test_minor_units_of_api_amounts(): void {
		$this->assertSame( 29000, Transition::minor( 29000, 'KRW' ) );
		$this->assertSame( 2999, Transition::minor( 29.99, 'USD' ) );
		$this->assertSame( 10, Transition::minor( 0.1, 'USD' ) );
		$this->assertNull( Transition::minor( 100, 'EUR' ), 'a currency the service does not take' );
		$this->assertNull( Transition::minor( null, 'KRW' ) );
		$this->assertNull( Transition::minor( array( 1 ), 'KRW' ) );
	}
}
