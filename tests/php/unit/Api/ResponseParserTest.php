<?php
/**
 * How API answers become data or ApiExceptions.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Api;

use KoreaCheckout\Api\ApiException;
use KoreaCheckout\Api\ResponseParser;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KoreaCheckout\Api\ResponseParser
 * @covers \KoreaCheckout\Api\ApiException
 * @covers \KoreaCheckout\Api\ErrorMessages
 */
final class ResponseParserTest extends TestCase {

	public function test_a_success_returns_the_decoded_object(): void {
		$data = ResponseParser::parse( 200, '{"success":true,"sessionId":"cs_1","checkoutUrl":"https://pay.example.kr/c/cs_1"}' );
		$this->assertSame( 'cs_1', $data['sessionId'] );
		$this->assertSame( 'https://pay.example.kr/c/cs_1', $data['checkoutUrl'] );
	}

	public function test_an_empty_success_is_an_empty_object(): void {
		$this->assertSame( array(), ResponseParser::parse( 204, '' ) );
	}

	public function test_a_success_that_is_not_json_is_invalid_response(): void {
		try {
			ResponseParser::parse( 200, '<html>proxy error</html>' );
			$this->fail( 'Expected an ApiException.' );
		} catch ( ApiException $e ) {
			$this->assertSame( 'invalid_response', $e->get_error_code() );
			$this->assertSame( 200, $e->get_status() );
		}
	}

	public function test_the_contract_error_body_gives_code_message_and_details(): void {
		$e = ResponseParser::error( 400, '{"error":{"code":"amount_mismatch","message":"Items do not add up","details":{"field":"items"}}}' );
		$this->assertSame( 'amount_mismatch', $e->get_error_code() );
		$this->assertSame( 400, $e->get_status() );
		$this->assertSame( 'Items do not add up', $e->get_api_message() );
		$this->assertSame( array( 'field' => 'items' ), $e->get_details() );
		$this->assertSame( 'The order lines do not add up to the order total.', $e->getMessage() );
		$this->assertFalse( $e->is_temporary() );
	}

	public function test_a_429_is_rate_limited_with_its_wait(): void {
		$e = ResponseParser::error( 429, '{"error":{"code":"too_many_requests","message":"slow down"}}', 7 );
		$this->assertSame( 'rate_limited', $e->get_error_code() );
		$this->assertSame( 7, $e->get_retry_after() );
		$this->assertTrue( $e->is_temporary() );
	}

	public function test_a_500_without_body_is_a_temporary_internal_error(): void {
		$e = ResponseParser::error( 502, 'Bad Gateway' );
		$this->assertSame( 'internal_error', $e->get_error_code() );
		$this->assertTrue( $e->is_temporary() );
	}

	public function test_a_401_without_body_names_the_key(): void {
		$e = ResponseParser::error( 401, '' );
		$this->assertSame( 'unauthorized', $e->get_error_code() );
		$this->assertStringContainsString( 'API key', $e->getMessage() );
	}

	public function test_an_unknown_code_is_named_in_the_message(): void {
		$e = ResponseParser::error( 400, '{"error":{"code":"brand_new_code","message":"x"}}' );
		$this->assertSame( 'brand_new_code', $e->get_error_code() );
		$this->assertStringContainsString( 'brand_new_code', $e->getMessage() );
		$this->assertStringContainsString( '400', $e->getMessage() );
	}

	public function test_retry_after_reads_seconds_and_dates(): void {
		$now = 1_750_000_000;
		$this->assertSame( 2, ResponseParser::retry_after( '2', $now ) );
		$this->assertSame( 30, ResponseParser::retry_after( gmdate( 'D, d M Y H:i:s', $now + 30 ) . ' GMT', $now ) );
		$this->assertNull( ResponseParser::retry_after( null, $now ) );
		$this->assertNull( ResponseParser::retry_after( 'soon', $now ) );
	}

	public function test_rate_limit_headers_are_kept(): void {
		$this->assertSame(
			array(
				'limit'     => 100,
				'remaining' => 42,
				'reset'     => 1750000060,
			),
			ResponseParser::rate_limit(
				array(
					'x-ratelimit-limit'     => '100',
					'x-ratelimit-remaining' => '42',
					'x-ratelimit-reset'     => '1750000060',
				)
			)
		);
		$this->assertNull( ResponseParser::rate_limit( array( 'content-type' => 'application/json' ) ) );
	}
}
