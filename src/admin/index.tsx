/**
 * Mounts the settings app on WooCommerce > Korea Checkout (see includes/Admin/SettingsPage.php).
 */
import domReady from '@wordpress/dom-ready';
import { createRoot } from '@wordpress/element';
import { SettingsApp } from './SettingsApp';
import './settings.scss';

domReady( () => {
	const root = document.getElementById( 'korea-checkout-settings' );
	if ( root ) {
		createRoot( root ).render( <SettingsApp /> );
	}
} );
