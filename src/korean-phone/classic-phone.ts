/**
 * Classic checkout: the message under a phone field whose number cannot be Korean, for Korean addresses,
 * shown when the shopper leaves the field, as WooCommerce shows the server's messages after a refused order
 * (`.checkout-inline-error-message`, which WooCommerce itself removes as soon as the shopper types again).
 */
import { isAcceptablePhone } from './phone-number';
import { phoneMessage } from './message';

const PHONE_ID = /^(billing|shipping)_phone$/;

function countryOf( form: ParentNode, type: string ): string {
	return (
		form.querySelector< HTMLInputElement | HTMLSelectElement >(
			`#${ type }_country`
		)?.value ?? ''
	);
}

/** The id of our message under a field. */
export function phoneErrorId( input: HTMLInputElement ): string {
	return `${ input.id }_korea_checkout_error`;
}

/**
 * Shows or removes the message for one phone input. `reveal` adds a message; without it, only a message that is
 * no longer true is taken away (while the shopper types or changes the country).
 */
export function checkClassicPhone(
	form: ParentNode,
	input: HTMLInputElement,
	reveal: boolean
): void {
	const type = PHONE_ID.exec( input.id )?.[ 1 ];
	const row = input.closest( '.form-row' );
	if ( ! type || ! row ) {
		return;
	}
	const id = phoneErrorId( input );
	const existing = input.ownerDocument.getElementById( id );
	if ( isAcceptablePhone( input.value, countryOf( form, type ) ) ) {
		if ( existing ) {
			existing.remove();
			input.removeAttribute( 'aria-invalid' );
			row.classList.remove(
				'woocommerce-invalid',
				'woocommerce-invalid-phone'
			);
		}
		return;
	}
	if ( ! reveal ) {
		return;
	}
	const message = existing ?? input.ownerDocument.createElement( 'p' );
	message.id = id;
	message.className =
		'checkout-inline-error-message korea-checkout-phone-error';
	message.textContent = phoneMessage();
	row.append( message );
	row.classList.remove( 'woocommerce-validated' );
	row.classList.add( 'woocommerce-invalid', 'woocommerce-invalid-phone' );
	input.setAttribute( 'aria-invalid', 'true' );
	input.setAttribute( 'aria-describedby', id );
}

/** Checks both phone fields of the form when the shopper leaves one, types, or changes a country. */
export function watchClassicPhones(
	form: HTMLFormElement,
	onCountryChange: ( handler: () => void ) => void
): void {
	const phoneOf = ( target: EventTarget | null ) =>
		target instanceof HTMLInputElement && PHONE_ID.test( target.id )
			? target
			: null;
	// On the document, so that WooCommerce's own field check (on the form) has run first.
	form.ownerDocument.addEventListener( 'focusout', ( event ) => {
		const input = phoneOf( event.target );
		if ( input && form.contains( input ) ) {
			checkClassicPhone( form, input, true );
		}
	} );
	form.addEventListener( 'input', ( event ) => {
		const input = phoneOf( event.target );
		if ( input ) {
			checkClassicPhone( form, input, false );
		}
	} );
	onCountryChange( () =>
		form
			.querySelectorAll< HTMLInputElement >(
				'#billing_phone, #shipping_phone'
			)
			.forEach( ( input ) =>
				checkClassicPhone(
					form,
					input,
					input.getAttribute( 'aria-invalid' ) === 'true'
				)
			)
	);
}
