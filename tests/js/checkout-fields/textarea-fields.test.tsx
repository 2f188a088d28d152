import { beforeAll, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
	TextareaFields,
	validationId,
} from '../../../src/checkout-fields/textarea-fields';
import {
	checkout,
	registerWooCommerceStores,
	validation,
} from '../doubles/wc-stores';

beforeAll( registerWooCommerceStores );

describe( 'TextareaFields', () => {
	it( 'renders labelled textareas and sends the values as Store API extension data', async () => {
		render(
			<TextareaFields
				fields={ [
					{
						key: 'gift_message',
						label: 'Gift message',
						required: false,
						placeholder: 'Happy birthday!',
						maxLength: 300,
					},
					{
						key: 'entrance',
						label: 'How to get in',
						required: true,
						placeholder: '',
						maxLength: 800,
					},
				] }
			/>
		);

		const gift = screen.getByLabelText( 'Gift message (optional)' );
		expect( gift.tagName ).toBe( 'TEXTAREA' );
		expect( gift.getAttribute( 'placeholder' ) ).toBe( 'Happy birthday!' );
		expect( gift.getAttribute( 'maxlength' ) ).toBe( '300' );
		const entrance = screen.getByLabelText( 'How to get in' );
		expect( entrance.getAttribute( 'aria-required' ) ).toBe( 'true' );

		await waitFor( () =>
			expect(
				validation.errors()[ validationId( 'entrance' ) ]?.message
			).toBe( 'How to get in is a required field.' )
		);
		expect(
			validation.errors()[ validationId( 'gift_message' ) ]
		).toBeUndefined();

		await userEvent.type( gift, '생일 축하해{Enter}사랑해' );
		await userEvent.type( entrance, '공동현관 #1234' );

		await waitFor( () =>
			expect( checkout.extensionData()[ 'korea-checkout' ] ).toEqual( {
				fields: {
					gift_message: '생일 축하해\n사랑해',
					entrance: '공동현관 #1234',
				},
			} )
		);
		expect(
			validation.errors()[ validationId( 'entrance' ) ]
		).toBeUndefined();
	} );

	it( 'shows a required field’s message beside it once the order is placed or the field is left, for screen readers too', async () => {
		render(
			<TextareaFields
				fields={ [
					{
						key: 'door_code',
						label: 'Door code',
						required: true,
						placeholder: '',
						maxLength: 100,
					},
					{
						key: 'wrapping',
						label: 'Wrapping',
						required: true,
						placeholder: '',
						maxLength: 100,
					},
				] }
			/>
		);
		const door = screen.getByLabelText( 'Door code' );
		const wrapping = screen.getByLabelText( 'Wrapping' );
		await waitFor( () =>
			expect(
				validation.errors()[ validationId( 'door_code' ) ]
			).toBeDefined()
		);
		expect( screen.queryByRole( 'alert' ) ).toBeNull();
		expect( door.getAttribute( 'aria-invalid' ) ).toBeNull();

		// Leaving the field empty shows its message, and only its.
		await userEvent.click( door );
		await userEvent.click( document.body );
		const alert = await screen.findByRole( 'alert' );
		expect( alert.textContent ).toBe( 'Door code is a required field.' );
		expect( door.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( door.getAttribute( 'aria-describedby' ) ).toBe(
			alert.querySelector( 'p' )?.id
		);
		expect( wrapping.getAttribute( 'aria-invalid' ) ).toBeNull();

		// Place order un-hides every error, this field's too.
		act( () => validation.showAll() );
		await waitFor( () =>
			expect( screen.getAllByRole( 'alert' ) ).toHaveLength( 2 )
		);
		expect( wrapping.getAttribute( 'aria-invalid' ) ).toBe( 'true' );

		await userEvent.type( door, '#1234' );
		await waitFor( () =>
			expect( screen.getAllByRole( 'alert' ) ).toHaveLength( 1 )
		);
		expect( door.getAttribute( 'aria-invalid' ) ).toBeNull();
	} );
} );
