import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { openPostcodeLayer } from '../../../src/address-search/layer';
import { loadPostcodeScript } from '../../../src/address-search/load-postcode-script';
import { GANGNAM_FINANCE_CENTER, installFakeDaum } from '../doubles/fake-daum';

function trigger() {
	const button = document.createElement( 'button' );
	button.textContent = 'Find address';
	document.body.append( button );
	button.focus();
	return button;
}

describe( 'the postcode layer', () => {
	it( 'embeds the search in an in-page dialog and hands back the mapped address', async () => {
		const daum = installFakeDaum();
		const onSelect = vi.fn();
		const onError = vi.fn();
		const button = trigger();

		await openPostcodeLayer( {
			scriptUrl: 'https://postcode.test/postcode.v2.js',
			returnFocusTo: button,
			onSelect,
			onError,
		} );

		const dialog = screen.getByRole( 'dialog', {
			name: 'Find your address',
		} );
		expect( dialog.getAttribute( 'aria-modal' ) ).toBe( 'true' );
		expect( daum.embeddedIn ).toHaveLength( 1 );
		expect( dialog.contains( daum.embeddedIn[ 0 ]! ) ).toBe( true );
		expect( document.activeElement ).toBe(
			screen.getByRole( 'button', { name: 'Close address search' } )
		);

		await userEvent.click(
			screen.getByRole( 'button', { name: '서울 강남구 테헤란로 152' } )
		);

		expect( onSelect ).toHaveBeenCalledWith(
			expect.objectContaining( {
				postcode: '06236',
				address_1:
					'서울 강남구 테헤란로 152 (역삼동, 강남파이낸스센터)',
				city: '서울 강남구',
			} ),
			GANGNAM_FINANCE_CENTER
		);
		expect( onError ).not.toHaveBeenCalled();
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
	} );

	it( 'closes with Escape and returns focus to the button', async () => {
		installFakeDaum();
		const button = trigger();
		await openPostcodeLayer( {
			scriptUrl: 'https://postcode.test/x.js',
			returnFocusTo: button,
			onSelect: vi.fn(),
			onError: vi.fn(),
		} );
		expect( screen.getByRole( 'dialog' ) ).toBeTruthy();

		await userEvent.keyboard( '{Escape}' );

		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
		expect( document.activeElement ).toBe( button );
		expect( document.body.style.overflow ).toBe( '' );
	} );

	it( 'closes with its close button and returns focus', async () => {
		installFakeDaum();
		const button = trigger();
		await openPostcodeLayer( {
			scriptUrl: 'https://postcode.test/x.js',
			returnFocusTo: button,
			onSelect: vi.fn(),
			onError: vi.fn(),
		} );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Close address search' } )
		);

		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
		expect( document.activeElement ).toBe( button );
	} );

	it( 'keeps Tab inside the dialog', async () => {
		installFakeDaum();
		const button = trigger();
		await openPostcodeLayer( {
			scriptUrl: 'https://postcode.test/x.js',
			returnFocusTo: button,
			onSelect: vi.fn(),
			onError: vi.fn(),
		} );
		const dialog = screen.getByRole( 'dialog' );
		for ( let i = 0; i < 4; i++ ) {
			await userEvent.tab();
			expect( dialog.contains( document.activeElement ) ).toBe( true );
		}
	} );

	it( 'reports a script that cannot load and removes the layer', async () => {
		const onError = vi.fn();
		const button = trigger();
		const opening = openPostcodeLayer( {
			scriptUrl: 'https://postcode.test/missing.js',
			returnFocusTo: button,
			onSelect: vi.fn(),
			onError,
		} );
		const script = document.head.querySelector< HTMLScriptElement >(
			'script[src="https://postcode.test/missing.js"]'
		);
		expect( script ).not.toBeNull();
		script!.dispatchEvent( new Event( 'error' ) );

		await opening;

		expect( onError ).toHaveBeenCalledWith(
			expect.objectContaining( { message: 'network' } )
		);
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
		expect(
			document.head.querySelector(
				'script[src="https://postcode.test/missing.js"]'
			)
		).toBeNull();
	} );
} );

describe( 'loadPostcodeScript', () => {
	it( 'gives up after the timeout and tries again on the next call', async () => {
		vi.useFakeTimers();
		try {
			const first = loadPostcodeScript(
				'https://postcode.test/slow.js',
				50
			);
			const settled = first.catch( ( error: Error ) => error.message );
			await vi.advanceTimersByTimeAsync( 60 );
			expect( await settled ).toBe( 'timeout' );

			const second = loadPostcodeScript(
				'https://postcode.test/slow.js',
				50
			);
			const script = document.head.querySelector< HTMLScriptElement >(
				'script[src="https://postcode.test/slow.js"]'
			);
			installFakeDaum();
			script!.dispatchEvent( new Event( 'load' ) );
			await expect( second ).resolves.toBe( window.daum );
		} finally {
			vi.useRealTimers();
		}
	} );
} );
