<?php
/**
 * What never reaches the log.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Logging;

use KoreaCheckout\Logging\Redactor;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KoreaCheckout\Logging\Redactor
 */
final class RedactorTest extends TestCase {

	public function test_keys_and_secrets_in_text_are_masked(): void {
		$key    = 'sk_live_' . str_repeat( 'ab12', 16 );
		$secret = 'whsec_s3cr3t/with+odd=chars';
		$text   = Redactor::text( "key {$key} and sk_test_0011aa, secret {$secret}." );
		$this->assertStringNotContainsString( $key, $text );
		$this->assertStringNotContainsString( 'sk_test_0011aa', $text );
		$this->assertStringNotContainsString( 's3cr3t', $text );
		$this->assertStringContainsString( 'sk_***', $text );
		$this->assertStringContainsString( 'whsec_***', $text );
	}

	public function test_emails_and_phone_numbers_in_text_are_masked(): void {
		$text = Redactor::text( 'Mail gil.dong+shop@example.co.kr, call 010-1234-5678 or +82 10 9876 5432 or 01055556666 or (02) 123-4567.' );
		$this->assertStringNotContainsString( 'gil.dong', $text );
		$this->assertStringNotContainsString( '1234-5678', $text );
		$this->assertStringNotContainsString( '9876', $text );
		$this->assertStringNotContainsString( '01055556666', $text );
		$this->assertStringNotContainsString( '123-4567', $text );
		$this->assertSame( 1, substr_count( $text, '[email]' ) );
	}

	public function test_ids_amounts_and_dates_survive(): void {
		$text = 'Order 1234 paid 29000 KRW, session cs_abc123, refund ref_9, at 2026-11-25T20:00:00Z, HTTP 429.';
		$this->assertSame( $text, Redactor::text( $text ) );
	}

	public function test_context_is_masked_by_key_at_any_depth(): void {
		$clean = Redactor::context(
			array(
				'order_id'           => 42,
				'x-api-key'          => 'sk_test_123',
				'customer'           => array(
					'name'  => '홍길동',
					'email' => 'a@b.kr',
					'phone' => '010-0000-0000',
				),
				'billing_first_name' => '길동',
				'accountHolder'      => '홍길동',
				'note'               => 'reach me at a@b.kr',
				'empty_name'         => '',
				'headers'            => array( 'Authorization' => 'Bearer x' ),
				'session_id'         => 'cs_1',
			)
		);
		$this->assertSame( 42, $clean['order_id'] );
		$this->assertSame( Redactor::MASK, $clean['x-api-key'] );
		$this->assertSame( Redactor::MASK, $clean['customer']['name'] );
		$this->assertSame( Redactor::MASK, $clean['customer']['email'] );
		$this->assertSame( Redactor::MASK, $clean['customer']['phone'] );
		$this->assertSame( Redactor::MASK, $clean['accountHolder'] );
		$this->assertSame( 'reach me at [email]', $clean['note'] );
		$this->assertSame( Redactor::MASK, $clean['headers']['Authorization'] );
		$this->assertSame( 'cs_1', $clean['session_id'] );
		$this->assertStringNotContainsString( '홍길동', (string) json_encode( $clean, JSON_UNESCAPED_UNICODE ) );
		$this->assertStringNotContainsString( '길동', (string) json_encode( $clean, JSON_UNESCAPED_UNICODE ) );
	}

	public function test_an_object_in_context_is_cleaned_too(): void {
		$clean = Redactor::context( array( 'payload' => (object) array( 'customer' => (object) array( 'email' => 'x@y.kr' ) ) ) );
		$this->assertSame( Redactor::MASK, $clean['payload']['customer']['email'] );
	}
}
