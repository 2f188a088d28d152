<?php
/**
 * Masks never show more than the prefix and the last four characters.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Admin;

use KoreaCheckout\Admin\SecretMask;
use PHPUnit\Framework\TestCase;

final class SecretMaskTest extends TestCase {

	public function test_a_key_shows_its_prefix_and_last_four_characters(): void {
		$key  = 'sk_live_' . str_repeat( '0', 60 ) . 'beef';
		$mask = SecretMask::mask( $key );
		$this->assertSame( 'sk_live_••••beef', $mask );
		$this->assertStringNotContainsString( str_repeat( '0', 5 ), $mask );
	}

	public function test_a_webhook_secret_keeps_its_prefix(): void {
		$this->assertSame( 'whsec_••••9876', SecretMask::mask( 'whsec_abcdefghijklm9876' ) );
	}

	public function test_a_short_secret_shows_no_tail(): void {
		$this->assertSame( 'whsec_••••', SecretMask::mask( 'whsec_abc123' ) );
		$this->assertSame( '••••', SecretMask::mask( 'short' ) );
	}

	public function test_nothing_stored_has_no_mask(): void {
		$this->assertSame( '', SecretMask::mask( '' ) );
		$this->assertFalse( SecretMask::is_mask_of( '', '' ) );
	}

	public function test_is_mask_of_matches_only_the_mask_of_the_stored_secret(): void {
		$stored = 'sk_test_' . str_repeat( 'a', 60 ) . '1234';
		$this->assertTrue( SecretMask::is_mask_of( 'sk_test_••••1234', $stored ) );
		$this->assertFalse( SecretMask::is_mask_of( 'sk_test_••••9999', $stored ) );
		$this->assertFalse( SecretMask::is_mask_of( $stored, $stored ), 'the secret itself is not its mask' );
		$this->assertTrue( SecretMask::looks_masked( 'sk_test_••••9999' ) );
		$this->assertFalse( SecretMask::looks_masked( $stored ) );
	}
}
