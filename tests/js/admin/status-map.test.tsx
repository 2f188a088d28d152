/**
 * The status table of the settings page: each select is named once, by what it sets (not "Paid Paid", as when
 * the row heading was a second label of the same control), and a choice is passed on as a map entry; going back
 * to "Automatic" removes the entry.
 */
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StatusMap } from '../../../src/admin/components/StatusMap';

const SESSION_STATUSES = [
	{ id: 'completed', label: 'Paid', automatic: 'processing' },
	{ id: 'failed', label: 'Payment failed', automatic: 'failed' },
];
const ORDER_STATUSES = [
	{ id: 'processing', label: 'Processing' },
	{ id: 'completed', label: 'Completed' },
	{ id: 'failed', label: 'Failed' },
];

describe( 'Status map', () => {
	it( 'names each select once and maps a choice, or removes it for Automatic', async () => {
		const onChange = vi.fn();
		const user = userEvent.setup();
		const { rerender } = render(
			<StatusMap
				sessionStatuses={ SESSION_STATUSES }
				orderStatuses={ ORDER_STATUSES }
				map={ {} }
				error={ undefined }
				onChange={ onChange }
			/>
		);

		const paid = screen.getByRole( 'combobox', {
			name: 'Order status for “Paid”',
		} ) as HTMLSelectElement;
		expect( screen.getAllByRole( 'combobox' ) ).toHaveLength( 2 );
		expect( paid.labels ).toHaveLength( 1 );
		expect( paid.value ).toBe( '' );
		expect( paid.options[ 0 ]!.textContent ).toBe(
			'Automatic (Processing)'
		);
		// The row keeps its visible heading for sighted users.
		expect(
			screen.getByRole( 'rowheader', { name: 'Payment failed' } )
		).toBeTruthy();

		await user.selectOptions( paid, 'completed' );
		expect( onChange ).toHaveBeenLastCalledWith( {
			completed: 'completed',
		} );

		rerender(
			<StatusMap
				sessionStatuses={ SESSION_STATUSES }
				orderStatuses={ ORDER_STATUSES }
				map={ { completed: 'completed', failed: 'failed' } }
				error={ undefined }
				onChange={ onChange }
			/>
		);
		await user.selectOptions(
			screen.getByRole( 'combobox', {
				name: 'Order status for “Paid”',
			} ),
			''
		);
		expect( onChange ).toHaveBeenLastCalledWith( { failed: 'failed' } );
	} );
} );
