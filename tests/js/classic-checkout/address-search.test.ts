import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import {
	fillClassicAddress,
	syncButton,
} from '../../../src/classic-checkout/address-search';
import { installFakeDaum } from '../doubles/fake-daum';

const config = {
	enabled: true,
	scriptUrl: 'https://postcode.test/postcode.v2.js',
};

/** The parts of WooCommerce's classic form the button works with. */
function classicForm( country: string ): HTMLFormElement {
	document.body.innerHTML = `
		<form class="checkout">
			<select id="billing_country"><option value="KR">South Korea</option><option value="US">United States</option></select>
			<p id="billing_postcode_field"><label for="billing_postcode">Postcode</label><input id="billing_postcode"></p>
			<label for="billing_address_1">Address</label><input id="billing_address_1">
			<label for="billing_address_2">Detailed address</label><input id="billing_address_2">
			<label for="billing_city">City / district</label><input id="billing_city">
		</form>`;
	const form = document.querySelector( 'form' )!;
	( form.querySelector( '#billing_country' ) as HTMLSelectElement ).value =
		country;
	return form;
}

describe( 'classic checkout address search', () => {
	it( 'shows the button only for Korean addresses', () => {
		const form = classicForm( 'US' );
		syncButton( form, 'billing', config );
		expect(
			screen.queryByRole( 'button', { name: 'Find address' } )
		).toBeNull();

		(
			form.querySelector( '#billing_country' ) as HTMLSelectElement
		 ).value = 'KR';
		syncButton( form, 'billing', config );
		syncButton( form, 'billing', config );
		expect(
			screen.getAllByRole( 'button', { name: 'Find address' } )
		).toHaveLength( 1 );

		(
			form.querySelector( '#billing_country' ) as HTMLSelectElement
		 ).value = 'US';
		syncButton( form, 'billing', config );
		expect(
			screen.queryByRole( 'button', { name: 'Find address' } )
		).toBeNull();
	} );

	it( 'fills the fields, asks WooCommerce to update the totals and moves to the detailed address', async () => {
		installFakeDaum();
		const form = classicForm( 'KR' );
		const updates = vi.fn();
		document.body.addEventListener( 'update_checkout', updates );
		syncButton( form, 'billing', config );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Find address' } )
		);
		await userEvent.click(
			await screen.findByRole( 'button', {
				name: '서울 강남구 테헤란로 152',
			} )
		);

		expect( screen.getByLabelText( 'Postcode' ) ).toHaveProperty(
			'value',
			'06236'
		);
		expect( screen.getByLabelText( 'Address' ) ).toHaveProperty(
			'value',
			'서울 강남구 테헤란로 152 (역삼동, 강남파이낸스센터)'
		);
		expect( screen.getByLabelText( 'City / district' ) ).toHaveProperty(
			'value',
			'서울 강남구'
		);
		expect( updates ).toHaveBeenCalledTimes( 1 );
		expect( document.activeElement ).toBe(
			screen.getByLabelText( 'Detailed address' )
		);
		await waitFor( () =>
			expect( screen.getByRole( 'status' ).textContent ).toContain(
				'테헤란로 152'
			)
		);
	} );

	it( 'fillClassicAddress leaves fields of the other address alone', () => {
		const form = classicForm( 'KR' );
		fillClassicAddress( form, 'shipping', {
			country: 'KR',
			postcode: '12345',
			address_1: 'x',
			city: 'y',
			state: '',
		} );
		expect( screen.getByLabelText( 'Postcode' ) ).toHaveProperty(
			'value',
			''
		);
	} );
} );
