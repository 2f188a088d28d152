<?php
/**
 * The webhook signature check, as the API contract fixes it.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Webhook;

use KoreaCheckout\Webhook\InvalidSignature;
use KoreaCheckout\Webhook\SignatureVerifier;
use PHPUnit\Framework\TestCase;

/**
 * Signatures are computed here independently with hash_hmac, the way the service signs.
 */
final class SignatureVerifierTest extends TestCase {

	private const SECRET = 'whsec_한국 test secret with spaces ';
	private const BODY   = '{"id":"evt_1","event":"payment.completed","createdAt":"2026-11-25T10:00:00Z","data":{"sessionId":"cs_1"}}';
	private const NOW    = 1790000000;

	/**
	 * A v1 value for a body and time under a secret.
	 *
	 * @param string $secret Secret.
	 * @param int    $t      Timestamp.
	 * @param string $body   Body.
	 */
	private static function v1( string $secret, int $t, string $body ): string {
		return hash_hmac( 'sha256', $t . '.' . $body, $secret );
	}

	/**
	 * The reason a header is refused, or 'valid'.
	 *
	 * @param string $header Header.
	 * @param string $body   Body.
	 * @param int    $now    Now.
	 */
	private static function outcome( string $header, string $body = self::BODY, int $now = self::NOW ): string {
		try {
			( new SignatureVerifier( self::SECRET ) )->verify( $header, $body, $now );
			return 'valid';
		} catch ( InvalidSignature $e ) {
			return $e->getMessage();
		}
	}

	public function test_a_correct_signature_verifies_and_returns_its_timestamp(): void {
		$header = 't=' . self::NOW . ',v1=' . self::v1( self::SECRET, self::NOW, self::BODY );
		$this->assertSame( self::NOW, ( new SignatureVerifier( self::SECRET ) )->verify( $header, self::BODY, self::NOW ) );
	}

	public function test_the_secret_is_used_byte_for_byte_including_prefix_and_trailing_space(): void {
		$trimmed = 't=' . self::NOW . ',v1=' . self::v1( trim( self::SECRET ), self::NOW, self::BODY );
		$no_pre  = 't=' . self::NOW . ',v1=' . self::v1( substr( self::SECRET, 6 ), self::NOW, self::BODY );
		$this->assertSame( 'signature_mismatch', self::outcome( $trimmed ) );
		$this->assertSame( 'signature_mismatch', self::outcome( $no_pre ) );
	}

	public function test_any_one_of_several_v1_entries_is_enough(): void {
		$old  = self::v1( 'whsec_old', self::NOW, self::BODY );
		$good = self::v1( self::SECRET, self::NOW, self::BODY );
		$this->assertSame( 'valid', self::outcome( 't=' . self::NOW . ",v1=$old,v1=$good" ) );
		$this->assertSame( 'valid', self::outcome( 't=' . self::NOW . ",v1=$good,v1=$old" ) );
		$this->assertSame( 'signature_mismatch', self::outcome( 't=' . self::NOW . ",v1=$old,v1=$old" ) );
	}

	public function test_unknown_schemes_and_spaces_are_tolerated(): void {
		$good = self::v1( self::SECRET, self::NOW, self::BODY );
		$this->assertSame( 'valid', self::outcome( ' t=' . self::NOW . ' , v0=abc , v1=' . strtoupper( $good ) ) );
	}

	public function test_one_changed_byte_of_the_body_fails(): void {
		$header = 't=' . self::NOW . ',v1=' . self::v1( self::SECRET, self::NOW, self::BODY );
		$this->assertSame( 'signature_mismatch', self::outcome( $header, self::BODY . ' ' ) );
		$this->assertSame( 'signature_mismatch', self::outcome( $header, str_replace( 'cs_1', 'cs_2', self::BODY ) ) );
	}

	public function test_the_timestamp_is_part_of_what_is_signed(): void {
		$sig = self::v1( self::SECRET, self::NOW, self::BODY );
		$this->assertSame( 'signature_mismatch', self::outcome( 't=' . ( self::NOW + 1 ) . ',v1=' . $sig ) );
	}

	public function test_the_tolerance_is_300_seconds_both_ways(): void {
		foreach ( array(
			-300 => 'valid',
			300  => 'valid',
			-301 => 'timestamp_out_of_tolerance',
			301  => 'timestamp_out_of_tolerance',
		) as $offset => $expected ) {
			$t      = self::NOW + $offset;
			$header = 't=' . $t . ',v1=' . self::v1( self::SECRET, $t, self::BODY );
			$this->assertSame( $expected, self::outcome( $header ), "offset $offset" );
		}
	}

	public function test_malformed_headers_are_refused_with_a_reason(): void {
		$good = self::v1( self::SECRET, self::NOW, self::BODY );
		$this->assertSame( 'signature_missing', self::outcome( '' ) );
		$this->assertSame( 'signature_missing', self::outcome( '   ' ) );
		$this->assertSame( 'signature_malformed', self::outcome( 'v1=' . $good ) );
		$this->assertSame( 'signature_malformed', self::outcome( 't=' . self::NOW ) );
		$this->assertSame( 'signature_malformed', self::outcome( 't=abc,v1=' . $good ) );
		$this->assertSame( 'signature_malformed', self::outcome( 't=' . self::NOW . ',t=' . self::NOW . ',v1=' . $good ) );
		$this->assertSame( 'signature_malformed', self::outcome( 't=' . self::NOW . ',v1=' . substr( $good, 1 ) ) );
		$this->assertSame( 'signature_malformed', self::outcome( 't=' . self::NOW . ',' . $good ) );
		$this->assertSame( 'signature_malformed', self::outcome( 't=-5,v1=' . $good ) );
	}

	public function test_without_a_secret_nothing_verifies(): void {
		$header = 't=' . self::NOW . ',v1=' . hash_hmac( 'sha256', self::NOW . '.' . self::BODY, '' );
		$this->expectException( InvalidSignature::class );
		$this->expectExceptionMessage( 'secret_missing' );
		( new SignatureVerifier( '' ) )->verify( $header, self::BODY, self::NOW );
	}

	public function test_sign_matches_an_independent_hmac(): void {
		$this->assertSame( self::v1( self::SECRET, 42, 'x' ), ( new SignatureVerifier( self::SECRET ) )->sign( 42, 'x' ) );
	}
}
