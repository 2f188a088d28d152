import { describe, expect, it } from 'vitest';
import type { ComponentType, ReactElement } from 'react';
import { render, screen } from '@testing-library/react';
import { settings } from '../doubles/settings';
import { registeredPaymentMethods } from '../doubles/blocks-registry';

describe( 'the payment-method script', () => {
	it( 'registers korea_checkout with the data PHP handed over', async () => {
		settings.korea_checkout_data = {
			title: 'Korea Checkout &amp; friends',
			description: 'Pay with a Korean method.',
			methods: [
				{
					id: 'toss_pay',
					label: 'Toss Pay',
					koreanName: '토스페이',
					icon: '',
				},
			],
			showKorean: true,
			supports: [ 'products', 'refunds' ],
		};
		await import( '../../../src/payment-method/index' );

		const method = registeredPaymentMethods.find(
			( entry ) => entry.name === 'korea_checkout'
		);
		expect( method ).toBeDefined();
		expect( method!.ariaLabel ).toBe( 'Korea Checkout & friends' );
		expect( method!.supports.features ).toEqual( [
			'products',
			'refunds',
		] );
		expect( await method!.canMakePayment( {} ) ).toBe( true );

		const Content = (
			method!.content as ReactElement<
				object,
				ComponentType< Record< string, unknown > >
			>
		 ).type;
		render(
			<Content
				eventRegistration={ { onPaymentSetup: () => () => undefined } }
				emitResponse={ {
					responseTypes: {
						SUCCESS: 'success',
						FAIL: 'failure',
						ERROR: 'error',
					},
				} }
			/>
		);
		expect( screen.getByText( 'Pay with a Korean method.' ) ).toBeTruthy();
		expect(
			screen.getByRole( 'radio', { name: /Toss Pay/ } )
		).toHaveProperty( 'checked', true );
	} );
} );
