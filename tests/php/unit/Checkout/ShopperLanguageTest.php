<?php
/**
 * Which language the hosted page speaks to a shopper.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Unit\Checkout;

use KoreaCheckout\Checkout\ShopperLanguage;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KoreaCheckout\Checkout\ShopperLanguage
 */
final class ShopperLanguageTest extends TestCase {

	/**
	 * @dataProvider locales
	 *
	 * @param string $locale   A WordPress locale or an HTML lang.
	 * @param string $language The page's language, '' for none of the four.
	 */
	public function test_reads_wordpress_locales_and_html_languages( string $locale, string $language ): void {
		$this->assertSame( $language, ShopperLanguage::from_locale( $locale ) );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function locales(): array {
		return array(
			'WordPress Korean'      => array( 'ko_KR', 'ko' ),
			'WordPress Japanese'    => array( 'ja', 'ja' ),
			'WordPress Chinese'     => array( 'zh_CN', 'zh' ),
			'Taiwanese Chinese'     => array( 'zh_TW', 'zh' ),
			'British English'       => array( 'en_GB', 'en' ),
			'HTML lang'             => array( 'ko-KR', 'ko' ),
			'HTML lang, upper case' => array( 'JA-JP', 'ja' ),
			'formal German'         => array( 'de_DE_formal', '' ),
			'empty'                 => array( '', '' ),
		);
	}

	public function test_accept_language_picks_the_heaviest_of_the_four(): void {
		$this->assertSame( 'ja', ShopperLanguage::from_accept_language( 'ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7' ) );
		$this->assertSame( 'zh', ShopperLanguage::from_accept_language( 'fr-FR,fr;q=0.9,zh-CN;q=0.8,en;q=0.5' ) );
		$this->assertSame( 'en', ShopperLanguage::from_accept_language( 'ko;q=0.3, en;q=0.6' ) );
		$this->assertSame( 'ko', ShopperLanguage::from_accept_language( 'ko, ja' ), 'equal weights: the first' );
		$this->assertSame( '', ShopperLanguage::from_accept_language( 'de-DE,fr;q=0.5' ) );
		$this->assertSame( '', ShopperLanguage::from_accept_language( 'ja;q=0' ), 'q=0 means not this one' );
		$this->assertSame( '', ShopperLanguage::from_accept_language( '' ) );
	}

	public function test_profile_then_page_then_browser_then_english(): void {
		$this->assertSame( 'ja', ShopperLanguage::decide( 'ja', 'ko-KR', 'zh-CN' ) );
		$this->assertSame( 'ko', ShopperLanguage::decide( '', 'ko-KR', 'zh-CN' ) );
		$this->assertSame( 'ko', ShopperLanguage::decide( 'de_DE', 'ko_KR', 'ja' ), 'a profile in another language does not count' );
		$this->assertSame( 'zh', ShopperLanguage::decide( '', 'de_DE', 'zh-CN,en;q=0.5' ) );
		$this->assertSame( 'en', ShopperLanguage::decide( '', 'de_DE', 'de' ) );
	}

	public function test_email_locales(): void {
		$this->assertSame( 'ko_KR', ShopperLanguage::wp_locale( 'ko' ) );
		$this->assertSame( 'ja', ShopperLanguage::wp_locale( 'ja' ) );
		$this->assertSame( 'zh_CN', ShopperLanguage::wp_locale( 'zh' ) );
		$this->assertSame( 'en_US', ShopperLanguage::wp_locale( 'en' ) );
		$this->assertSame( 'en_US', ShopperLanguage::wp_locale( 'xx' ) );
	}
}
