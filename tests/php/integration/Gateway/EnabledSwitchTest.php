<?php
/**
 * WooCommerce's own on/off switch for the gateway and the plugin's `enabled` setting are one value.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Gateway;

use KoreaCheckout\Gateway\Gateway;
use KoreaCheckout\Settings\Settings;
use KoreaCheckout\Tests\Integration\TestCase;

/**
 * The switch under WooCommerce > Settings > Payments writes through Gateway::update_option().
 */
final class EnabledSwitchTest extends TestCase {

	/**
	 * Turning the gateway off there turns it off for shoppers, and on again.
	 */
	public function test_payments_list_switch_writes_the_plugin_setting(): void {
		$this->set_plugin_settings( array( 'enabled' => true ) );

		$gateway = new Gateway();
		$this->assertSame( 'yes', $gateway->enabled );

		$gateway->update_option( 'enabled', 'no' );
		$this->assertFalse( Settings::get( 'enabled' ) );
		$this->assertSame( 'no', ( new Gateway() )->enabled, 'a new instance reads the stored switch' );
		$this->assertFalse( ( new Gateway() )->is_available() );

		$gateway->update_option( 'enabled', 'yes' );
		$this->assertTrue( Settings::get( 'enabled' ) );
		$this->assertSame( 'yes', ( new Gateway() )->enabled );
	}

	/**
	 * Other gateway options keep WooCommerce's own storage.
	 */
	public function test_other_keys_use_woocommerce_storage(): void {
		$gateway = new Gateway();
		$gateway->update_option( 'kc_probe', 'value' );
		$stored = get_option( $gateway->get_option_key() );
		$this->assertIsArray( $stored );
		$this->assertSame( 'value', $stored['kc_probe'] );
	}
}
