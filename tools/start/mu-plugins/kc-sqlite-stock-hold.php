<?php
/**
 * Plugin Name: Korea Checkout demo: no checkout stock hold on SQLite
 * Description: Installed by `npm start` into its WordPress Playground store only.
 *
 * WooCommerce holds stock for an order being paid with one MySQL statement (INSERT … SELECT … FROM DUAL …
 * FOR UPDATE … LOCK IN SHARE MODE … ON DUPLICATE KEY UPDATE) that the SQLite translation of WordPress
 * Playground cannot run: every checkout of a product with managed stock then fails with "Not enough units
 * … in stock". With no hold, stock is still checked when the order is placed and reduced when it is paid.
 *
 * @package KoreaCheckout
 */

defined( 'ABSPATH' ) || exit;

$kc_demo_on_sqlite = ( defined( 'DB_ENGINE' ) && 'sqlite' === DB_ENGINE )
	|| ( isset( $GLOBALS['wpdb'] ) && false !== stripos( get_class( $GLOBALS['wpdb'] ), 'sqlite' ) );
if ( $kc_demo_on_sqlite ) {
	add_filter( 'woocommerce_order_hold_stock_minutes', '__return_zero' );
}
