<?php
/**
 * What a shopper reads after a failed payment or a failed start.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Gateway;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Gateway\FailureMessages;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KoreaCheckout\Gateway\FailureMessages
 */
final class FailureMessagesTest extends TestCase {

	public function test_each_known_code_has_its_own_sentence(): void {
		$codes     = array( 'REJECT_CARD_COMPANY', 'PAY_PROCESS_CANCELED', 'PAY_PROCESS_ABORTED', 'INVALID_CARD_EXPIRATION', 'NOT_ENOUGH_BALANCE', 'EXCEED_MAX_DAILY_PAYMENT_COUNT' );
		$generic   = FailureMessages::for_payment( 'failed', '' );
		$sentences = array();
		foreach ( $codes as $code ) {
			$sentence = FailureMessages::for_payment( 'failed', $code );
			$this->assertNotSame( $generic, $sentence, $code );
			$sentences[] = $sentence;
		}
		$this->assertCount( count( $codes ), array_unique( $sentences ) );
		$this->assertStringContainsString( 'card company declined', FailureMessages::for_payment( 'failed', 'REJECT_CARD_COMPANY' ) );
	}

	public function test_an_unknown_code_never_echoes_anything_from_outside(): void {
		$sentence = FailureMessages::for_payment( 'failed', '<script>alert(1)</script>' );
		$this->assertSame( FailureMessages::for_payment( 'failed', '' ), $sentence );
		$this->assertStringNotContainsString( 'script', $sentence );
	}

	public function test_a_cancel_without_code_says_it_was_cancelled(): void {
		$this->assertSame( FailureMessages::for_payment( 'failed', 'PAY_PROCESS_CANCELED' ), FailureMessages::for_payment( 'cancelled', '' ) );
		$this->assertStringContainsString( 'ran out', FailureMessages::for_payment( 'expired', '' ) );
	}

	public function test_start_failures_are_told_apart(): void {
		$busy    = FailureMessages::for_start( new ApiException( 'rate_limited', 'x', 429, 30 ) );
		$down    = FailureMessages::for_start( new ApiException( 'timeout', 'x' ) );
		$crashed = FailureMessages::for_start( new ApiException( 'internal_error', 'x', 500 ) );
		$refused = FailureMessages::for_start( new ApiException( 'validation_error', 'x', 400 ) );
		$key     = FailureMessages::for_start( new ApiException( 'unauthorized', 'x', 401 ) );
		$this->assertStringContainsString( 'wait a moment', $busy );
		$this->assertSame( $down, $crashed );
		$this->assertStringContainsString( 'Your order is saved', $down );
		$this->assertStringContainsString( 'check your details', $refused );
		$this->assertStringContainsString( 'another payment method', $key );
		$this->assertStringNotContainsString( 'API key', $key, 'shoppers are not told about the store\'s key' );
	}
}
