/**
 * The classic checkout's phone message under the field, as WooCommerce shows its own inline errors.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { watchClassicPhones } from '../../../src/korean-phone/classic-phone';

const MESSAGE =
	'Please enter a Korean phone number, such as 010-1234-5678 or 02-123-4567.';

let countryHandlers: Array< () => void > = [];

function form( country: string ): HTMLFormElement {
	document.body.innerHTML = `
		<form class="checkout">
			<select id="billing_country"><option value="KR">Korea</option><option value="JP">Japan</option></select>
			<p class="form-row validate-phone" id="billing_phone_field">
				<input id="billing_phone" name="billing_phone" type="tel" />
			</p>
			<p class="form-row"><input id="billing_city" /></p>
		</form>`;
	const element = document.querySelector( 'form' )!;
	( element.querySelector( '#billing_country' ) as HTMLSelectElement ).value =
		country;
	countryHandlers = [];
	watchClassicPhones( element, ( handler ) =>
		countryHandlers.push( handler )
	);
	return element;
}

function leave( input: HTMLInputElement, value: string ): void {
	input.focus();
	input.value = value;
	input.dispatchEvent( new Event( 'input', { bubbles: true } ) );
	input.blur();
}

beforeEach( () => {
	document.body.innerHTML = '';
} );

describe( 'watchClassicPhones', () => {
	it( 'shows the message under a Korean address’s phone field when the shopper leaves it', () => {
		const checkout = form( 'KR' );
		const input =
			checkout.querySelector< HTMLInputElement >( '#billing_phone' )!;
		leave( input, '010-12' );
		const message = document.getElementById(
			'billing_phone_korea_checkout_error'
		);
		expect( message?.textContent ).toBe( MESSAGE );
		expect( message?.parentElement?.id ).toBe( 'billing_phone_field' );
		expect( input.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( input.getAttribute( 'aria-describedby' ) ).toBe( message?.id );
		expect(
			document
				.getElementById( 'billing_phone_field' )
				?.classList.contains( 'woocommerce-invalid-phone' )
		).toBe( true );

		input.value = '02-123-4567';
		input.dispatchEvent( new Event( 'input', { bubbles: true } ) );
		expect(
			document.getElementById( 'billing_phone_korea_checkout_error' )
		).toBeNull();
		expect( input.hasAttribute( 'aria-invalid' ) ).toBe( false );
	} );

	it( 'says nothing for other countries', () => {
		const checkout = form( 'JP' );
		leave(
			checkout.querySelector< HTMLInputElement >( '#billing_phone' )!,
			'090-1234-5678'
		);
		expect(
			document.querySelector( '.korea-checkout-phone-error' )
		).toBeNull();
	} );

	it( 'takes the message away when the country changes', () => {
		const checkout = form( 'KR' );
		leave(
			checkout.querySelector< HTMLInputElement >( '#billing_phone' )!,
			'090-1234-5678'
		);
		expect(
			document.querySelector( '.korea-checkout-phone-error' )
		).not.toBeNull();
		(
			checkout.querySelector( '#billing_country' ) as HTMLSelectElement
		 ).value = 'JP';
		countryHandlers.forEach( ( handler ) => handler() );
		expect(
			document.querySelector( '.korea-checkout-phone-error' )
		).toBeNull();
	} );
} );
