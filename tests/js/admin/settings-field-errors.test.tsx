/**
 * A refused text or secret field on WooCommerce > Korea Checkout: the server's sentence is announced as it
 * appears, the field is marked invalid, and the field is described by its help and by that sentence, so that a
 * screen reader reads why again when the store owner returns to it. Correcting the field takes both away.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsApp } from '../../../src/admin/SettingsApp';
import { settingsEndpoint } from './settings-endpoint';

beforeEach( () => {
	// jsdom has no scrolling; the page jumps to its notice after a save.
	vi.spyOn( window, 'scrollTo' ).mockImplementation( () => undefined );
} );

/** The texts a control is described by, in aria-describedby's order. */
function descriptions( control: HTMLElement ): string[] {
	return ( control.getAttribute( 'aria-describedby' ) ?? '' )
		.split( ' ' )
		.filter( Boolean )
		.map(
			( id ) =>
				document.getElementById( id )?.textContent ?? `#${ id } missing`
		);
}

describe( 'Settings page: a refused text field', () => {
	it( 'ties the sentence to the field it is about, and unties it once the field is corrected', async () => {
		const endpoint = settingsEndpoint();
		const user = userEvent.setup();
		render( <SettingsApp /> );
		await screen.findByRole( 'button', { name: 'Save changes' } );

		const lifetime = screen.getByRole( 'spinbutton', {
			name: 'Checkout session lifetime (hours)',
		} );
		const key = screen.getByLabelText( 'API key' );
		// Before any error: described by the help alone, and not invalid.
		expect( descriptions( lifetime ) ).toHaveLength( 1 );
		expect( descriptions( lifetime )[ 0 ] ).toContain( '1 to 720 hours' );
		expect( lifetime.getAttribute( 'aria-invalid' ) ).toBeNull();
		expect( descriptions( key )[ 0 ] ).toContain( 'Nothing saved yet.' );

		endpoint.refuse( {
			session_lifetime: 'Enter a whole number of hours from 1 to 720.',
			api_key: 'This is not a Korea Checkout secret key.',
		} );
		await user.clear( lifetime );
		await user.type( lifetime, '9999' );
		await user.type( key, 'pk_test_wrong' );
		await user.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		// The page's notice says so too (and WordPress speaks it, hence more than one match).
		expect(
			await screen.findAllByText(
				'Some settings were not accepted, so nothing was saved. Correct them and save again.'
			)
		).not.toHaveLength( 0 );

		expect( lifetime.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( descriptions( lifetime ) ).toEqual( [
			expect.stringContaining( '1 to 720 hours' ),
			'Enter a whole number of hours from 1 to 720.',
		] );
		expect( key.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( descriptions( key ).at( -1 ) ).toBe(
			'This is not a Korea Checkout secret key.'
		);
		// Each sentence is also announced where it appears.
		expect(
			screen
				.getAllByRole( 'alert' )
				.map( ( alert ) => alert.dataset.field )
				.sort()
		).toEqual( [ 'api_key', 'session_lifetime' ] );

		await user.clear( lifetime );
		await user.type( lifetime, '48' );
		expect( lifetime.getAttribute( 'aria-invalid' ) ).toBeNull();
		expect( descriptions( lifetime ) ).toHaveLength( 1 );
		// The other field stays refused until it is changed.
		expect( key.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
	} );
} );
