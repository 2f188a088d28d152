/**
 * Block checkout: the inner block that renders `korea_checkout_fields` textareas in the additional
 * information step. PHP prints the fields as `window.koreaCheckoutFields` and loads this only when a theme
 * defined a textarea.
 */
import { registerCheckoutBlock } from '@woocommerce/blocks-checkout';
import { TextareaFields, type TextareaField } from './textarea-fields';
import './checkout-fields.css';

declare global {
	interface Window {
		koreaCheckoutFields?: TextareaField[];
	}
}

const fields = Array.isArray( window.koreaCheckoutFields )
	? window.koreaCheckoutFields
	: [];

registerCheckoutBlock( {
	metadata: {
		name: 'korea-checkout/fields',
		parent: [ 'woocommerce/checkout-additional-information-block' ],
	},
	component: () => <TextareaFields fields={ fields } />,
} );
