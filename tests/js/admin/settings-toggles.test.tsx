/**
 * The on/off rows of WooCommerce > Korea Checkout: each is a labelled switch with its help text read out,
 * a change is saved as exactly that setting, switching back forgets the change, and a refused save shows
 * the server's sentence right below the switch it is about, until that switch is changed again.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsApp } from '../../../src/admin/SettingsApp';
import { settingsEndpoint } from './settings-endpoint';

const TOGGLES = {
	enabled: 'Offer Korea Checkout at checkout',
	address_search: 'Korean address search (Daum postcode)',
	customs_code: 'Ask for the personal customs clearance code',
	debug: 'Debug logging',
} as const;

beforeEach( () => {
	// jsdom has no scrolling; the page jumps to its notice after a save.
	vi.spyOn( window, 'scrollTo' ).mockImplementation( () => undefined );
} );

async function openPage() {
	render( <SettingsApp /> );
	await screen.findByRole( 'button', { name: 'Save changes' } );
}

function toggle( label: string ): HTMLInputElement {
	return screen.getByRole( 'checkbox', { name: label } ) as HTMLInputElement;
}

function saveButton(): HTMLButtonElement {
	return screen.getByRole( 'button', {
		name: 'Save changes',
	} ) as HTMLButtonElement;
}

/** The row (the control's wrapper) a switch stands in. */
function row( label: string ): HTMLElement {
	const wrapper = toggle( label ).closest< HTMLElement >(
		'.components-toggle-control'
	);
	expect( wrapper ).not.toBeNull();
	return wrapper!;
}

describe( 'Settings page switches', () => {
	it( 'shows each switch with its label, its saved state and its help text', async () => {
		settingsEndpoint( {
			enabled: true,
			address_search: true,
			customs_code: false,
			debug: true,
		} );
		await openPage();

		expect( toggle( TOGGLES.enabled ).checked ).toBe( true );
		expect( toggle( TOGGLES.address_search ).checked ).toBe( true );
		expect( toggle( TOGGLES.customs_code ).checked ).toBe( false );
		expect( toggle( TOGGLES.debug ).checked ).toBe( true );

		expect(
			screen.getByRole( 'checkbox', {
				name: TOGGLES.customs_code,
				description: 'For stores that ship from abroad to Korea.',
			} )
		).toBeTruthy();
		expect(
			screen.getByRole( 'checkbox', {
				name: TOGGLES.debug,
				description:
					'Also log each API call and webhook. Turn off when done.',
			} )
		).toBeTruthy();
		// No help, no description.
		expect(
			toggle( TOGGLES.address_search ).getAttribute( 'aria-describedby' )
		).toBeNull();

		expect( saveButton().disabled ).toBe( true );
		expect( document.querySelector( '.kc-field-error' ) ).toBeNull();
	} );

	it( 'saves exactly the switches that changed, and shows the saved state', async () => {
		const endpoint = settingsEndpoint();
		const user = userEvent.setup();
		await openPage();

		await user.click( toggle( TOGGLES.address_search ) );
		await user.click( toggle( TOGGLES.customs_code ) );
		await user.click( toggle( TOGGLES.debug ) );
		expect( screen.getByText( 'You have unsaved changes.' ) ).toBeTruthy();
		await user.click( saveButton() );

		await screen.findByText( 'Settings saved.' );
		expect( endpoint.saves() ).toEqual( [
			{ address_search: false, customs_code: true, debug: true },
		] );
		expect( endpoint.stored ).toMatchObject( {
			enabled: true,
			address_search: false,
			customs_code: true,
			debug: true,
		} );
		expect( toggle( TOGGLES.address_search ).checked ).toBe( false );
		expect( toggle( TOGGLES.customs_code ).checked ).toBe( true );
		expect( toggle( TOGGLES.debug ).checked ).toBe( true );
		expect( saveButton().disabled ).toBe( true );
		expect( screen.queryByText( 'You have unsaved changes.' ) ).toBeNull();
	} );

	it( 'forgets a change when the switch goes back to its saved state', async () => {
		const endpoint = settingsEndpoint();
		const user = userEvent.setup();
		await openPage();

		await user.click( toggle( TOGGLES.enabled ) );
		await user.click( toggle( TOGGLES.debug ) );
		expect( saveButton().disabled ).toBe( false );
		await user.click( toggle( TOGGLES.enabled ) );
		await user.click( toggle( TOGGLES.debug ) );

		expect( toggle( TOGGLES.enabled ).checked ).toBe( true );
		expect( toggle( TOGGLES.debug ).checked ).toBe( false );
		expect( saveButton().disabled ).toBe( true );
		expect( screen.queryByText( 'You have unsaved changes.' ) ).toBeNull();

		// A switch that did change is still sent alone.
		await user.click( toggle( TOGGLES.customs_code ) );
		await user.click( saveButton() );
		await screen.findByText( 'Settings saved.' );
		expect( endpoint.saves() ).toEqual( [ { customs_code: true } ] );
	} );

	it( 'shows a refused switch’s sentence below it, keeps the typed state, and clears it on the next change', async () => {
		const endpoint = settingsEndpoint();
		const user = userEvent.setup();
		await openPage();
		endpoint.refuse( {
			enabled: 'Offering: not accepted in this test.',
			customs_code: 'Customs code: not accepted in this test.',
			debug: 'Debug logging: not accepted in this test.',
		} );

		await user.click( toggle( TOGGLES.enabled ) );
		await user.click( toggle( TOGGLES.customs_code ) );
		await user.click( toggle( TOGGLES.debug ) );
		await user.click( toggle( TOGGLES.address_search ) );
		await user.click( saveButton() );

		const notice = await screen.findByText(
			'Some settings were not accepted, so nothing was saved. Correct them and save again.'
		);
		expect( notice ).toBeTruthy();
		const alerts = screen.getAllByRole( 'alert' );
		const customsError = alerts.find(
			( alert ) => alert.dataset.field === 'customs_code'
		);
		const debugError = alerts.find(
			( alert ) => alert.dataset.field === 'debug'
		);
		expect( customsError?.textContent ).toBe(
			'Customs code: not accepted in this test.'
		);
		expect( debugError?.textContent ).toBe(
			'Debug logging: not accepted in this test.'
		);
		const enabledError = alerts.find(
			( alert ) => alert.dataset.field === 'enabled'
		);
		expect( enabledError?.textContent ).toBe(
			'Offering: not accepted in this test.'
		);
		// Each sentence stands right after the switch it is about.
		expect( row( TOGGLES.enabled ).nextElementSibling ).toBe(
			enabledError
		);
		expect( row( TOGGLES.customs_code ).nextElementSibling ).toBe(
			customsError
		);
		expect( row( TOGGLES.debug ).nextElementSibling ).toBe( debugError );
		expect(
			document.querySelector(
				'.kc-field-error[data-field="address_search"]'
			)
		).toBeNull();

		// Nothing was stored, and the page keeps what the store owner chose.
		expect( endpoint.stored ).toMatchObject( {
			enabled: true,
			address_search: true,
			customs_code: false,
			debug: false,
		} );
		expect( toggle( TOGGLES.enabled ).checked ).toBe( false );
		expect( toggle( TOGGLES.customs_code ).checked ).toBe( true );
		expect( toggle( TOGGLES.debug ).checked ).toBe( true );
		expect( toggle( TOGGLES.address_search ).checked ).toBe( false );
		expect( saveButton().disabled ).toBe( false );

		// Changing a refused switch clears its sentence only; switched back to its saved state, it is not sent.
		await user.click( toggle( TOGGLES.enabled ) );
		await user.click( toggle( TOGGLES.customs_code ) );
		for ( const field of [ 'enabled', 'customs_code' ] ) {
			expect(
				document.querySelector(
					`.kc-field-error[data-field="${ field }"]`
				)
			).toBeNull();
		}
		expect(
			within( row( TOGGLES.debug ).parentElement! ).getByRole( 'alert' )
				.textContent
		).toBe( 'Debug logging: not accepted in this test.' );

		// Once accepted, the remaining changes are saved and the sentence goes.
		endpoint.refuse( {} );
		await user.click( saveButton() );
		await screen.findByText( 'Settings saved.' );
		expect( endpoint.saves().at( -1 ) ).toEqual( {
			address_search: false,
			debug: true,
		} );
		expect( document.querySelector( '.kc-field-error' ) ).toBeNull();
	} );
} );
