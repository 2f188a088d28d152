<?php
/**
 * Plugin Name:          Korea Checkout for WooCommerce
 * Plugin URI:           https://koreacheckout.com/
 * Description:          Take Korean payments (cards, virtual accounts, bank transfer, KakaoPay, NaverPay and more) in KRW through the Korea Checkout hosted checkout, with Korean address search.
 * Version:              0.1.0
 * Requires at least:    6.7
 * Requires PHP:         8.1
 * Requires Plugins:     woocommerce
 * WC requires at least: 9.0
 * WC tested up to:      11.0
 * Author:               Korea Checkout
 * License:              GPL-2.0-or-later
 * License URI:          https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:          korea-checkout
 * Domain Path:          /languages
 *
 * @package KoreaCheckout
 */

defined( 'ABSPATH' ) || exit;

define( 'KOREA_CHECKOUT_VERSION', '0.1.0' );
define( 'KOREA_CHECKOUT_FILE', __FILE__ );
define( 'KOREA_CHECKOUT_PATH', plugin_dir_path( __FILE__ ) );
define( 'KOREA_CHECKOUT_URL', plugin_dir_url( __FILE__ ) );
define( 'KOREA_CHECKOUT_MIN_WC_VERSION', '9.0' );

require_once __DIR__ . '/includes/autoload.php';

( new KoreaCheckout\Plugin() )->boot();
