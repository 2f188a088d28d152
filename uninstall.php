<?php
/**
 * Runs when the plugin is deleted from Plugins: removes its settings, transients and scheduled actions on
 * every site, and keeps every order (see KoreaCheckout\Admin\Uninstaller).
 *
 * @package KoreaCheckout
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/autoload.php';

KoreaCheckout\Admin\Uninstaller::run();
