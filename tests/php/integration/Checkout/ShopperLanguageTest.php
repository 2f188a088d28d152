<?php
/**
 * The shopper's language kept on real orders, and WooCommerce's customer emails sent in it.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Checkout;

use KoreaCheckout\Checkout\ShopperLanguage;
use KoreaCheckout\Tests\Integration\TestCase;

/**
 * @covers \KoreaCheckout\Checkout\ShopperLanguage
 * @covers \KoreaCheckout\Checkout\ShopperEmails
 */
final class ShopperLanguageTest extends TestCase {

	/**
	 * A shopper account with a profile language.
	 *
	 * @param string $locale The profile's locale ('' = the site's).
	 */
	private function shopper( string $locale ): int {
		$id = wp_insert_user(
			array(
				'user_login' => 'shopper-' . wp_generate_password( 6, false ),
				'user_pass'  => wp_generate_password(),
				'user_email' => wp_generate_password( 6, false ) . '@example.com',
				'role'       => 'customer',
				'locale'     => $locale,
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	public function test_the_block_checkout_keeps_the_page_language_it_sent(): void {
		$order = $this->create_order();
		( new ShopperLanguage() )->save_block( $this->payment_context( $order, array( 'korea_checkout_page_language' => 'zh-CN' ) ) );
		$this->assertSame( 'zh', wc_get_order( $order->get_id() )->get_meta( '_korea_checkout_locale' ) );
		$this->assertSame( 'zh', ShopperLanguage::of_order( wc_get_order( $order->get_id() ) ) );
	}

	public function test_a_logged_in_shoppers_profile_language_comes_before_the_page(): void {
		wp_set_current_user( $this->shopper( 'ja' ) );
		$_SERVER['HTTP_ACCEPT_LANGUAGE'] = 'zh-CN,zh;q=0.9';
		$order                           = $this->create_order();
		( new ShopperLanguage() )->save_block( $this->payment_context( $order, array( 'korea_checkout_page_language' => 'ko-KR' ) ) );
		$this->assertSame( 'ja', ShopperLanguage::of_order( wc_get_order( $order->get_id() ) ) );
	}

	public function test_a_profile_in_another_language_falls_through_to_the_page(): void {
		wp_set_current_user( $this->shopper( 'de_DE' ) );
		$order = $this->create_order();
		( new ShopperLanguage() )->save_block( $this->payment_context( $order, array( 'korea_checkout_page_language' => 'ko-KR' ) ) );
		$this->assertSame( 'ko', ShopperLanguage::of_order( wc_get_order( $order->get_id() ) ) );
	}

	public function test_without_a_page_language_the_browser_decides(): void {
		$_SERVER['HTTP_ACCEPT_LANGUAGE'] = 'fr-FR,fr;q=0.9,ja;q=0.8,en;q=0.7';
		$order                           = $this->create_order();
		( new ShopperLanguage() )->save_block( $this->payment_context( $order, array() ) );
		$this->assertSame( 'ja', ShopperLanguage::of_order( wc_get_order( $order->get_id() ) ) );
	}

	public function test_the_classic_checkout_posts_the_page_language(): void {
		ob_start();
		( new ShopperLanguage() )->print_classic_field();
		$field = (string) ob_get_clean();
		$this->assertStringContainsString( 'name="korea_checkout_page_language"', $field );
		$this->assertStringContainsString( 'value="' . esc_attr( determine_locale() ) . '"', $field );

		$_POST['korea_checkout_page_language'] = 'ja';
		$order                                 = $this->create_order();
		( new ShopperLanguage() )->save_classic( $order, array( 'payment_method' => 'korea_checkout' ) );
		$order->save();
		$this->assertSame( 'ja', wc_get_order( $order->get_id() )->get_meta( '_korea_checkout_locale' ) );
	}

	public function test_orders_paid_otherwise_keep_nothing(): void {
		$_POST['korea_checkout_page_language'] = 'ja';
		$cod                                   = $this->create_order( array( 'payment_method' => 'cod' ) );
		( new ShopperLanguage() )->save_classic( $cod, array( 'payment_method' => 'cod' ) );
		( new ShopperLanguage() )->save_block( $this->payment_context( $cod, array( 'korea_checkout_page_language' => 'ja' ), 'cod' ) );
		$cod->save();
		$this->assertSame( '', wc_get_order( $cod->get_id() )->get_meta( '_korea_checkout_locale' ) );
	}

	public function test_an_order_without_a_kept_language_is_decided_from_its_customer(): void {
		$order = $this->create_order( array( 'customer_id' => $this->shopper( 'zh_TW' ) ) );
		$this->assertSame( 'zh', ShopperLanguage::of_order( $order ) );
	}

	public function test_customer_emails_are_written_in_the_shoppers_language_and_the_site_language_comes_back(): void {
		$this->make_language_available( 'ja' );
		$site  = determine_locale();
		$order = $this->create_order( array( 'meta' => array( '_korea_checkout_locale' => 'ja' ) ) );
		$seen  = array();
		add_filter(
			'pre_wp_mail',
			static function ( $short_circuit ) use ( &$seen ) {
				$seen[] = determine_locale();
				return $short_circuit;
			},
			1
		);

		WC()->mailer()->emails['WC_Email_Customer_Processing_Order']->trigger( $order->get_id(), $order );
		WC()->mailer()->emails['WC_Email_New_Order']->trigger( $order->get_id(), $order );

		$this->assertSame( array( 'ja', $site ), $seen, 'the shopper’s email in Japanese, the store’s in the site language' );
		$this->assertSame( $site, determine_locale() );
	}

	public function test_an_order_without_a_kept_language_is_emailed_in_the_site_language(): void {
		$site  = determine_locale();
		$order = $this->create_order();
		$seen  = array();
		add_filter(
			'pre_wp_mail',
			static function ( $short_circuit ) use ( &$seen ) {
				$seen[] = determine_locale();
				return $short_circuit;
			},
			1
		);
		WC()->mailer()->emails['WC_Email_Customer_Processing_Order']->trigger( $order->get_id(), $order );
		$this->assertSame( array( $site ), $seen );
	}

	/**
	 * WordPress switches only to installed languages; the test site has none, so this one is added to the list
	 * the locale switcher made when WordPress loaded.
	 *
	 * @param string $locale A locale.
	 */
	private function make_language_available( string $locale ): void {
		global $wp_locale_switcher;
		$property = new \ReflectionProperty( \WP_Locale_Switcher::class, 'available_languages' );
		$property->setAccessible( true );
		$languages = (array) $property->getValue( $wp_locale_switcher );
		if ( ! in_array( $locale, $languages, true ) ) {
			$property->setValue( $wp_locale_switcher, array_merge( $languages, array( $locale ) ) );
		}
	}
}
