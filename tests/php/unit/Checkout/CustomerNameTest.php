<?php
/**
 * Names in Korean order for Korean addresses.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Checkout;

use KoreaCheckout\Checkout\CustomerName;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KoreaCheckout\Checkout\CustomerName
 */
final class CustomerNameTest extends TestCase {

	public function test_hangul_names_are_family_name_first_without_a_space(): void {
		$this->assertSame( '김지우', CustomerName::for_service( '지우', '김', 'KR' ) );
		$this->assertSame( '남궁민수', CustomerName::for_service( ' 민수 ', '남궁', 'US' ), 'a Hangul name is Korean wherever it ships' );
	}

	public function test_other_names_on_a_korean_address_are_family_name_first(): void {
		$this->assertSame( 'Yamada Hanako', CustomerName::for_service( 'Hanako', 'Yamada', 'KR' ) );
		$this->assertSame( '王 伟', CustomerName::for_service( '伟', '王', 'kr' ) );
	}

	public function test_elsewhere_the_callers_format_applies(): void {
		$this->assertNull( CustomerName::for_service( 'Hanako', 'Yamada', 'JP' ) );
		$this->assertNull( CustomerName::for_service( 'Jane', 'Doe', '' ) );
	}

	public function test_one_name_alone_is_kept_and_none_is_null(): void {
		$this->assertSame( 'Cher', CustomerName::for_service( 'Cher', '', 'KR' ) );
		$this->assertSame( '김', CustomerName::for_service( '', '김', 'KR' ) );
		$this->assertNull( CustomerName::for_service( ' ', '', 'KR' ) );
	}
}
