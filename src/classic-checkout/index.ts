/**
 * Classic (shortcode) checkout: the "Find address" buttons, the Korean phone check and the style of the method
 * choice. WooCommerce re-renders the address fields when the country changes, so both follow
 * `country_to_state_changed`.
 */
import domReady from '@wordpress/dom-ready';
import { readConfig } from '../address-search/config';
import { watchClassicPhones } from '../korean-phone/classic-phone';
import { syncButton, type AddressType } from './address-search';
import { onBodyEvent } from './jquery';
import '../payment-method/methods.css';
import '../address-search/address-search.css';
import './classic-checkout.css';

const TYPES: AddressType[] = [ 'billing', 'shipping' ];

domReady( () => {
	const form = document.querySelector< HTMLFormElement >( 'form.checkout' );
	if ( ! form ) {
		return;
	}
	watchClassicPhones( form, ( handler ) =>
		onBodyEvent( 'country_to_state_changed', handler )
	);
	const config = readConfig();
	if ( ! config.enabled ) {
		return;
	}
	const sync = () =>
		TYPES.forEach( ( type ) => syncButton( form, type, config ) );
	sync();
	onBodyEvent( 'country_to_state_changed updated_checkout', sync );
	form.addEventListener( 'change', ( event ) => {
		const target = event.target as HTMLElement | null;
		if ( target && /^(billing|shipping)_country$/.test( target.id ) ) {
			sync();
		}
	} );
} );
