/**
 * The classic checkout's "Find address" buttons: one beside each Korean postcode field.
 */
import { __, sprintf } from '@wordpress/i18n';
import type { AddressSearchConfig } from '../address-search/config';
import type { KoreanAddress } from '../address-search/mapping';
import { triggerOn } from './jquery';

export type AddressType = 'billing' | 'shipping';

const FIELDS: Array< keyof KoreanAddress > = [
	'postcode',
	'address_1',
	'city',
];

/** The country currently chosen for the address (a select, or a hidden input when only one country is sold). */
function countryOf( form: ParentNode, type: AddressType ): string {
	const input = form.querySelector< HTMLInputElement | HTMLSelectElement >(
		`#${ type }_country`
	);
	return input?.value ?? '';
}

/** Writes the chosen address into the form and lets WooCommerce recalculate. */
export function fillClassicAddress(
	form: ParentNode,
	type: AddressType,
	address: KoreanAddress
): void {
	for ( const key of FIELDS ) {
		const input = form.querySelector< HTMLInputElement >(
			`#${ type }_${ key }`
		);
		if ( input ) {
			input.value = address[ key ];
			triggerOn( input, 'change' );
		}
	}
	triggerOn( document.body, 'update_checkout' );
	form.querySelector< HTMLInputElement >( `#${ type }_address_2` )?.focus();
}

/** Adds or removes the button of one address type, depending on its country. */
export function syncButton(
	form: ParentNode,
	type: AddressType,
	config: AddressSearchConfig
): void {
	const field = form.querySelector< HTMLElement >(
		`#${ type }_postcode_field`
	);
	if ( ! field ) {
		return;
	}
	const existing = field.querySelector< HTMLElement >(
		'.korea-checkout-address-search'
	);
	if ( countryOf( form, type ) !== 'KR' ) {
		existing?.remove();
		return;
	}
	if ( existing ) {
		return;
	}
	field.append( buildButton( form, type, config ) );
}

function buildButton(
	form: ParentNode,
	type: AddressType,
	config: AddressSearchConfig
): HTMLElement {
	const wrapper = document.createElement( 'span' );
	wrapper.className = 'korea-checkout-ui korea-checkout-address-search';
	const button = document.createElement( 'button' );
	button.type = 'button';
	button.className = 'button korea-checkout-address-search__button';
	button.textContent = __( 'Find address', 'korea-checkout' );
	const message = document.createElement( 'span' );
	message.className = 'korea-checkout-address-search__message';
	message.setAttribute( 'role', 'status' );
	wrapper.append( button, message );

	const say = ( text: string, isError: boolean ) => {
		message.setAttribute( 'role', isError ? 'alert' : 'status' );
		message.classList.toggle( 'is-error', isError );
		message.textContent = text;
	};

	button.addEventListener( 'click', async () => {
		if ( button.getAttribute( 'aria-busy' ) === 'true' ) {
			return;
		}
		button.setAttribute( 'aria-busy', 'true' );
		say( '', false );
		const failed = () => {
			say(
				__(
					'The address search could not be loaded. Please type your address in the fields.',
					'korea-checkout'
				),
				true
			);
			button.focus();
		};
		try {
			const { openPostcodeLayer } = await import(
				/* webpackChunkName: "postcode-layer" */ '../address-search/layer'
			);
			await openPostcodeLayer( {
				scriptUrl: config.scriptUrl,
				returnFocusTo: button,
				onSelect: ( address ) => {
					fillClassicAddress( form, type, address );
					say(
						sprintf(
							/* translators: %s: the chosen address. */
							__(
								'Address filled in: %s. Please add the detailed address.',
								'korea-checkout'
							),
							address.address_1
						),
						false
					);
				},
				onError: failed,
			} );
		} catch {
			failed();
		} finally {
			button.removeAttribute( 'aria-busy' );
		}
	} );
	return wrapper;
}
