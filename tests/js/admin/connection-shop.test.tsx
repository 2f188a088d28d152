/**
 * The shop picker of the Connection section: shown when the key has several shops, and also when the saved
 * shop is not one of the key's (a sandbox shop kept after a live key was pasted), so that it can be changed.
 */
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsFormContext } from '../../../src/admin/form';
import type { SettingsForm } from '../../../src/admin/form';
import { ConnectionSection } from '../../../src/admin/sections/ConnectionSection';
import type { ConnectionResult, Settings } from '../../../src/admin/types';

function formWithShop( shopId: string, change = vi.fn() ): SettingsForm {
	return {
		saved: { shop_id: shopId } as Settings,
		draft: {},
		errors: {},
		locked: { api_key: false, webhook_secret: false, api_url: false },
		lockedBy: {
			api_key: 'KOREA_CHECKOUT_API_KEY',
			webhook_secret: 'KOREA_CHECKOUT_WEBHOOK_SECRET',
			api_url: 'KOREA_CHECKOUT_API_URL',
		},
		change,
	};
}

function result(
	shops: Array< { id: string; name: string } >
): ConnectionResult {
	return {
		ok: false,
		cached: false,
		mode: 'live',
		api_url: 'https://api.example',
		checked_at: 1_765_000_000,
		shops,
		problem: {
			code: 'shop_not_found',
			message: 'The saved shop is not one of this key’s shops.',
			retry_after: null,
		},
	};
}

function renderSection(
	form: SettingsForm,
	shops: Array< { id: string; name: string } >
) {
	render(
		<SettingsFormContext.Provider value={ form }>
			<ConnectionSection
				result={ result( shops ) }
				testing={ false }
				blockedReason={ null }
				onTest={ vi.fn() }
			/>
		</SettingsFormContext.Provider>
	);
}

describe( 'ConnectionSection shop picker', () => {
	it( 'offers the key’s one shop when the saved shop is not the key’s, and says which is stale', async () => {
		const change = vi.fn();
		renderSection( formWithShop( 'sb_2', change ), [
			{ id: 'sh_live_1', name: '서울 상점' },
		] );
		const picker = screen.getByRole( 'combobox', {
			name: 'Shop',
		} ) as HTMLSelectElement;
		expect( picker.value ).toBe( 'sb_2' );
		const stale = screen.getByRole( 'option', {
			name: 'sb_2 (not a shop of this key)',
		} ) as HTMLOptionElement;
		expect( stale.disabled ).toBe( true );

		await userEvent.selectOptions( picker, 'sh_live_1' );
		expect( change ).toHaveBeenCalledWith( 'shop_id', 'sh_live_1' );
	} );

	it( 'shows no picker for a key with one shop when the saved shop is that one or none', () => {
		renderSection( formWithShop( 'sh_live_1' ), [
			{ id: 'sh_live_1', name: '서울 상점' },
		] );
		expect( screen.queryByRole( 'combobox', { name: 'Shop' } ) ).toBeNull();
	} );
} );
