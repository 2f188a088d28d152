<?php
/**
 * The plugin's row in Plugins: Settings (for people who may use it) and Docs.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Admin;

use KoreaCheckout\Admin\Urls;
use KoreaCheckout\Tests\Integration\TestCase;

require_once __DIR__ . '/AdminUsers.php';

final class PluginLinksTest extends TestCase {

	use AdminUsers;

	public function test_the_row_has_settings_and_docs_links(): void {
		$basename = plugin_basename( KOREA_CHECKOUT_FILE );
		wp_set_current_user( self::user_with_role( 'administrator' ) );

		$actions = apply_filters( "plugin_action_links_{$basename}", array( 'deactivate' => '<a href="#">Deactivate</a>' ), $basename, array(), 'all' );
		$this->assertSame( array( 'korea-checkout-settings', 'deactivate' ), array_keys( $actions ), 'Settings comes first' );
		$this->assertStringContainsString( 'href="' . esc_url( admin_url( 'admin.php?page=korea-checkout' ) ) . '"', $actions['korea-checkout-settings'] );

		$meta = apply_filters( 'plugin_row_meta', array(), $basename, array(), 'all' );
		$this->assertStringContainsString( Urls::DOCS, $meta['korea-checkout-docs'] );
		$this->assertStringContainsString( 'rel="noopener noreferrer"', $meta['korea-checkout-docs'] );

		$others = apply_filters( 'plugin_row_meta', array(), 'woocommerce/woocommerce.php', array(), 'all' );
		$this->assertArrayNotHasKey( 'korea-checkout-docs', $others, 'other plugins\' rows are left alone' );
	}

	public function test_people_who_cannot_manage_woocommerce_get_no_settings_link(): void {
		$basename = plugin_basename( KOREA_CHECKOUT_FILE );
		wp_set_current_user( self::user_with_role( 'editor' ) );
		$actions = apply_filters( "plugin_action_links_{$basename}", array(), $basename, array(), 'all' );
		$this->assertArrayNotHasKey( 'korea-checkout-settings', $actions );
	}

	public function test_the_docs_link_can_be_pointed_elsewhere(): void {
		add_filter( 'korea_checkout_docs_url', static fn(): string => 'https://agency.example/guide' );
		$meta = apply_filters( 'plugin_row_meta', array(), plugin_basename( KOREA_CHECKOUT_FILE ), array(), 'all' );
		$this->assertStringContainsString( 'https://agency.example/guide', $meta['korea-checkout-docs'] );
	}
}
