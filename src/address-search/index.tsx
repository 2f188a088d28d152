/**
 * Block checkout: adds the "Find address" inner block to the billing and shipping address steps. The
 * layer and the postcode script load only when the button is first pressed.
 */
import { registerCheckoutBlock } from '@woocommerce/blocks-checkout';
import {
	AddressSearchButton,
	type AddressSearchButtonProps,
} from './address-search-button';
import './address-search.css';

registerCheckoutBlock< AddressSearchButtonProps >( {
	metadata: {
		name: 'korea-checkout/address-search',
		parent: [
			'woocommerce/checkout-shipping-address-block',
			'woocommerce/checkout-billing-address-block',
		],
	},
	component: AddressSearchButton,
} );
