import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { useState } from '@wordpress/element';
import userEvent from '@testing-library/user-event';
import { AddressSearchButton } from '../../../src/address-search/address-search-button';
import { cart, registerWooCommerceStores } from '../doubles/wc-stores';
import { installFakeDaum } from '../doubles/fake-daum';

beforeAll( registerWooCommerceStores );
beforeEach( () => cart.reset( 'KR' ) );

/** The address step as WooCommerce renders it, with our inner block inside. */
function renderInStep( addressType: 'billing' | 'shipping' ) {
	return render(
		<div
			className={ `wp-block-woocommerce-checkout-${ addressType }-address-block` }
		>
			<label htmlFor={ `${ addressType }-address_2` }>
				Detailed address
			</label>
			<input id={ `${ addressType }-address_2` } />
			<AddressSearchButton addressType={ addressType } />
		</div>
	);
}

/** WooCommerce's folded detailed-address field: a stand-in input and a toggle that draws the real one. */
function FoldedDetailField() {
	const [ open, setOpen ] = useState( false );
	return open ? (
		<input id="shipping-address_2" aria-label="Detailed address" />
	) : (
		<>
			<span className="wc-block-components-address-form__address_2-hidden-input">
				<input
					id="shipping-address_2"
					aria-label="Hidden detailed address"
					tabIndex={ -1 }
				/>
			</span>
			<button
				type="button"
				className="wc-block-components-address-form__address_2-toggle"
				onClick={ () => setOpen( true ) }
			>
				+ Add detailed address
			</button>
		</>
	);
}

describe( 'AddressSearchButton', () => {
	it( "unfolds WooCommerce's folded detailed-address field before moving the cursor there", async () => {
		installFakeDaum();
		render(
			<div className="wp-block-woocommerce-checkout-shipping-address-block">
				<FoldedDetailField />
				<AddressSearchButton addressType="shipping" />
			</div>
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Find address' } )
		);
		await userEvent.click(
			await screen.findByRole( 'button', {
				name: '서울 강남구 테헤란로 152',
			} )
		);

		await waitFor( () =>
			expect( document.activeElement ).toBe(
				screen.getByLabelText( 'Detailed address' )
			)
		);
		expect(
			screen.queryByRole( 'button', { name: '+ Add detailed address' } )
		).toBeNull();
	} );

	it( 'writes the chosen address through the cart store and moves the cursor to the detailed address', async () => {
		installFakeDaum();
		window.koreaCheckoutAddressSearch = {
			enabled: true,
			scriptUrl: 'https://postcode.test/postcode.v2.js',
		};
		renderInStep( 'shipping' );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Find address' } )
		);
		await userEvent.click(
			await screen.findByRole( 'button', {
				name: '서울 강남구 테헤란로 152',
			} )
		);

		await waitFor( () =>
			expect( cart.data().shippingAddress ).toMatchObject( {
				country: 'KR',
				postcode: '06236',
				address_1:
					'서울 강남구 테헤란로 152 (역삼동, 강남파이낸스센터)',
				city: '서울 강남구',
			} )
		);
		expect( cart.data().billingAddress.postcode ).toBe( '' );
		expect( document.activeElement ).toBe(
			screen.getByLabelText( 'Detailed address' )
		);
		expect( screen.getByRole( 'status' ).textContent ).toContain(
			'서울 강남구 테헤란로 152'
		);
	} );

	it( 'fills the billing address from the billing step', async () => {
		installFakeDaum();
		renderInStep( 'billing' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Find address' } )
		);
		await userEvent.click(
			await screen.findByRole( 'button', {
				name: '서울 강남구 테헤란로 152',
			} )
		);
		await waitFor( () =>
			expect( cart.data().billingAddress.postcode ).toBe( '06236' )
		);
		expect( cart.data().shippingAddress.postcode ).toBe( '' );
	} );

	it( 'tells the shopper to type the address when the search cannot load', async () => {
		window.koreaCheckoutAddressSearch = {
			scriptUrl: 'https://postcode.test/down.js',
		};
		renderInStep( 'shipping' );
		const button = screen.getByRole( 'button', { name: 'Find address' } );
		await userEvent.click( button );
		await waitFor( () =>
			expect(
				document.head.querySelector(
					'script[src="https://postcode.test/down.js"]'
				)
			).not.toBeNull()
		);
		document.head
			.querySelector( 'script[src="https://postcode.test/down.js"]' )!
			.dispatchEvent( new Event( 'error' ) );

		const alert = await screen.findByRole( 'alert' );
		expect( alert.textContent ).toBe(
			'The address search could not be loaded. Please type your address in the fields.'
		);
		expect( document.activeElement ).toBe( button );
		expect( cart.data().shippingAddress.postcode ).toBe( '' );
	} );

	it( 'is not shown for addresses outside Korea, and appears when Korea is chosen', () => {
		act( () => {
			cart.reset( 'US' );
		} );
		renderInStep( 'shipping' );
		expect(
			screen.queryByRole( 'button', { name: 'Find address' } )
		).toBeNull();

		act( () => {
			cart.reset( 'KR' );
		} );
		expect(
			screen.getByRole( 'button', { name: 'Find address' } )
		).toBeTruthy();
	} );

	it( 'keeps the focus it was given back when the checkout redraws the button just after the layer closed', async () => {
		installFakeDaum();
		const first = renderInStep( 'shipping' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Find address' } )
		);
		await screen.findByRole( 'dialog', { name: 'Find your address' } );
		await userEvent.keyboard( '{Escape}' );
		expect( document.activeElement ).toBe(
			screen.getByRole( 'button', { name: 'Find address' } )
		);

		// WooCommerce re-renders the address step: our button is replaced and the focus falls to the page.
		first.unmount();
		expect( document.activeElement ).toBe( document.body );
		renderInStep( 'shipping' );
		await waitFor( () =>
			expect( document.activeElement ).toBe(
				screen.getByRole( 'button', { name: 'Find address' } )
			)
		);
	} );

	it( 'does not take the focus from a field the shopper moved to', async () => {
		installFakeDaum();
		const first = renderInStep( 'billing' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Find address' } )
		);
		await screen.findByRole( 'dialog', { name: 'Find your address' } );
		await userEvent.keyboard( '{Escape}' );
		first.unmount();
		const other = document.createElement( 'input' );
		document.body.append( other );
		other.focus();
		renderInStep( 'billing' );
		// Longer than the watch's interval: the button would have taken the focus by now.
		await new Promise( ( resolve ) => setTimeout( resolve, 300 ) );
		expect( document.activeElement ).toBe( other );
		other.remove();
	} );

	it( 'is not shown when the store switched the search off', () => {
		window.koreaCheckoutAddressSearch = { enabled: false };
		renderInStep( 'billing' );
		expect(
			screen.queryByRole( 'button', { name: 'Find address' } )
		).toBeNull();
	} );
} );

/** The address step with WooCommerce's address form, postcode field and all, and our inner block after it. */
function WooCommerceStep( { children }: { children?: React.ReactNode } ) {
	return (
		<div className="wp-block-woocommerce-checkout-shipping-address-block">
			<div id="shipping" className="wc-block-components-address-form">
				<div className="wc-block-components-text-input wc-block-components-address-form__first_name">
					<input id="shipping-first_name" aria-label="First name" />
				</div>
				<div className="wc-block-components-text-input wc-block-components-address-form__postcode">
					<input id="shipping-postcode" aria-label="Postcode" />
				</div>
				<div className="wc-block-components-text-input wc-block-components-address-form__address_1">
					<input id="shipping-address_1" aria-label="Address" />
				</div>
				{ children }
			</div>
			<input type="checkbox" aria-label="Use same address for billing" />
			<AddressSearchButton addressType="shipping" />
		</div>
	);
}

describe( 'where the button sits in the block checkout', () => {
	it( 'right after the postcode field, inside the address form, not after the whole form', async () => {
		render( <WooCommerceStep /> );
		const button = await screen.findByRole( 'button', {
			name: 'Find address',
		} );
		const postcode = document.querySelector(
			'.wc-block-components-address-form__postcode'
		);
		expect( postcode?.nextElementSibling?.contains( button ) ).toBe( true );
		expect(
			button.closest( '.wc-block-components-address-form' )
		).not.toBeNull();
		// Keyboard order: postcode, Find address, then the address line.
		const order = [
			...document.querySelectorAll< HTMLElement >( 'input, button' ),
		].map( ( element ) => element.id || element.textContent );
		expect( order.slice( 0, 4 ) ).toEqual( [
			'shipping-first_name',
			'shipping-postcode',
			'korea-checkout-address-search-shipping-button',
			'shipping-address_1',
		] );
	} );

	it( 'follows the postcode field when WooCommerce draws the form again', async () => {
		const { rerender } = render( <WooCommerceStep /> );
		await screen.findByRole( 'button', { name: 'Find address' } );
		// A redraw that puts a new field after the postcode (as a country change can).
		rerender(
			<WooCommerceStep>
				<div className="wc-block-components-text-input wc-block-components-address-form__city">
					<input id="shipping-city" aria-label="City" />
				</div>
			</WooCommerceStep>
		);
		const postcode = document.querySelector(
			'.wc-block-components-address-form__postcode'
		);
		await waitFor( () =>
			expect(
				postcode?.nextElementSibling?.classList.contains(
					'korea-checkout-address-search-slot'
				)
			).toBe( true )
		);
		expect(
			screen.getAllByRole( 'button', { name: 'Find address' } )
		).toHaveLength( 1 );
	} );

	it( 'stays where WooCommerce put it when the form has no postcode field', async () => {
		renderInStep( 'shipping' );
		const button = await screen.findByRole( 'button', {
			name: 'Find address',
		} );
		expect(
			button.closest( '.korea-checkout-address-search-slot' )
		).toBeNull();
	} );
} );
