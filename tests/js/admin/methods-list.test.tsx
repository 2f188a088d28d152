/**
 * The methods list of the settings page: a method the shop lacks is marked unavailable, with why, and a
 * warning says when nothing the owner switched on is left.
 */
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MethodsList } from '../../../src/admin/components/MethodsList';

const ALL = [
	{ id: 'card', label: 'Credit or debit card' },
	{ id: 'kakao_pay', label: 'KakaoPay' },
	{ id: 'naver_pay', label: 'NaverPay' },
];

function row( label: string ): HTMLElement {
	return screen
		.getByRole( 'checkbox', { name: new RegExp( label ) } )
		.closest( 'li' ) as HTMLElement;
}

describe( 'MethodsList', () => {
	it( 'lists every method and marks those the shop lacks as unavailable, with why', () => {
		render(
			<MethodsList
				available={ ALL }
				enabled={ [] }
				shopMethods={ [ 'card', 'kakao_pay' ] }
				shopName="서울 상점"
				onChange={ vi.fn() }
			/>
		);
		expect( screen.getAllByRole( 'checkbox' ) ).toHaveLength( 3 );
		expect( row( 'NaverPay' ).textContent ).toContain( 'Unavailable' );
		expect( row( 'NaverPay' ).textContent ).toContain(
			'your shop “서울 상점” does not offer this method'
		);
		expect( row( 'KakaoPay' ).textContent ).not.toContain( 'Unavailable' );
		expect( row( 'NaverPay' ).classList.contains( 'is-unavailable' ) ).toBe(
			true
		);
		expect( screen.queryByRole( 'alert' ) ).toBeNull();
		expect( screen.queryByText( /None of the methods/ ) ).toBeNull();
	} );

	it( 'warns when none of the methods switched on is one the shop has', () => {
		render(
			<MethodsList
				available={ ALL }
				enabled={ [ 'naver_pay' ] }
				shopMethods={ [ 'card' ] }
				shopName=""
				onChange={ vi.fn() }
			/>
		);
		expect(
			screen.getByText( /Korea Checkout is not shown at checkout/ )
		).toBeTruthy();
	} );

	it( 'keeps the last method on: an empty list would offer every method', () => {
		const onChange = vi.fn();
		render(
			<MethodsList
				available={ ALL }
				enabled={ [ 'kakao_pay' ] }
				shopMethods={ [ 'card', 'kakao_pay', 'naver_pay' ] }
				shopName=""
				onChange={ onChange }
			/>
		);
		const last = screen.getByRole( 'checkbox', { name: /KakaoPay/ } );
		expect( ( last as HTMLInputElement ).checked ).toBe( true );
		expect( ( last as HTMLInputElement ).disabled ).toBe( true );
		expect( row( 'KakaoPay' ).textContent ).toContain(
			'At least one method stays on'
		);
		last.click();
		expect( onChange ).not.toHaveBeenCalled();

		const card = screen.getByRole( 'checkbox', {
			name: /Credit or debit card/,
		} );
		expect( ( card as HTMLInputElement ).disabled ).toBe( false );
		card.click();
		expect( onChange ).toHaveBeenCalledWith( [ 'kakao_pay', 'card' ] );
	} );

	it( 'says the shop is not known yet before any connection test', () => {
		render(
			<MethodsList
				available={ ALL }
				enabled={ [] }
				shopMethods={ null }
				shopName=""
				onChange={ vi.fn() }
			/>
		);
		expect(
			screen.getByText( /Test the connection to see which methods/ )
		).toBeTruthy();
		expect( screen.queryByText( 'Unavailable' ) ).toBeNull();
	} );
} );
