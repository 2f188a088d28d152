import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addFilter, removeAllFilters } from '@wordpress/hooks';
import type { PaymentSetupResponse } from '@woocommerce/blocks-registry';
import { MethodChoice } from '../../../src/payment-method/method-choice';
import {
	filterMethods,
	METHODS_FILTER,
	readMethods,
	type PaymentMethodChoice,
} from '../../../src/payment-method/methods';

const METHODS: PaymentMethodChoice[] = [
	{
		id: 'card',
		label: 'Credit or debit card',
		koreanName: '신용·체크카드',
		icon: 'data:image/svg+xml;base64,AAAA',
	},
	{
		id: 'kakao_pay',
		label: 'KakaoPay',
		koreanName: '카카오페이',
		icon: 'data:image/svg+xml;base64,BBBB',
	},
	{ id: 'naver_pay', label: 'NaverPay', koreanName: '네이버페이', icon: '' },
];

const responseTypes = {
	SUCCESS: 'success',
	FAIL: 'failure',
	ERROR: 'error',
} as const;

/** What WooCommerce's checkout does with the callbacks registered through onPaymentSetup. */
function paymentSetup() {
	const callbacks: Array<
		() => PaymentSetupResponse | Promise< PaymentSetupResponse >
	> = [];
	const unsubscribe = vi.fn();
	return {
		eventRegistration: {
			onPaymentSetup: (
				callback: () =>
					PaymentSetupResponse | Promise< PaymentSetupResponse >
			) => {
				callbacks.push( callback );
				return unsubscribe;
			},
		},
		emitResponse: { responseTypes },
		run: () => Promise.all( callbacks.map( ( callback ) => callback() ) ),
		unsubscribe,
	};
}

afterEach( () => removeAllFilters( METHODS_FILTER, 'test-theme' ) );

describe( 'MethodChoice', () => {
	it( 'is a labelled radio group with the first method chosen', () => {
		const setup = paymentSetup();
		render(
			<MethodChoice
				methods={ METHODS }
				showKorean={ true }
				{ ...setup }
			/>
		);

		const group = screen.getByRole( 'group', {
			name: 'Choose how to pay',
		} );
		const radios = screen.getAllByRole( 'radio' );
		expect( group.contains( radios[ 0 ]! ) ).toBe( true );
		expect(
			radios.map( ( radio ) => ( radio as HTMLInputElement ).value )
		).toEqual( [ 'card', 'kakao_pay', 'naver_pay' ] );
		expect(
			screen.getByRole( 'radio', { name: /Credit or debit card/ } )
		).toHaveProperty( 'checked', true );
		expect( screen.getByText( '카카오페이' ).getAttribute( 'lang' ) ).toBe(
			'ko'
		);
	} );

	it( 'moves the choice with the arrow keys and sends it with the payment data', async () => {
		document.documentElement.lang = 'ja';
		const setup = paymentSetup();
		render(
			<MethodChoice
				methods={ METHODS }
				showKorean={ false }
				{ ...setup }
			/>
		);

		await userEvent.tab();
		expect( document.activeElement ).toBe(
			screen.getByRole( 'radio', { name: /Credit or debit card/ } )
		);
		await userEvent.keyboard( '{ArrowDown}' );

		expect(
			screen.getByRole( 'radio', { name: /KakaoPay/ } )
		).toHaveProperty( 'checked', true );
		expect( await setup.run() ).toEqual( [
			{
				type: 'success',
				meta: {
					paymentMethodData: {
						korea_checkout_method: 'kakao_pay',
						// The page's language, for the hosted page's.
						korea_checkout_page_language: 'ja',
					},
				},
			},
		] );
		expect( screen.queryByText( '카카오페이' ) ).toBeNull();
	} );

	it( 'sends the method picked with the mouse', async () => {
		document.documentElement.lang = 'ko-KR';
		const setup = paymentSetup();
		render(
			<MethodChoice
				methods={ METHODS }
				showKorean={ false }
				{ ...setup }
			/>
		);
		await userEvent.click( screen.getByText( 'NaverPay' ) );
		const [ response ] = await setup.run();
		expect( response?.meta?.paymentMethodData ).toEqual( {
			korea_checkout_method: 'naver_pay',
			korea_checkout_page_language: 'ko-KR',
		} );
	} );

	it( 'unsubscribes from payment setup when it goes away', () => {
		const setup = paymentSetup();
		const { unmount } = render(
			<MethodChoice
				methods={ METHODS }
				showKorean={ false }
				{ ...setup }
			/>
		);
		unmount();
		expect( setup.unsubscribe ).toHaveBeenCalledTimes( 1 );
	} );
} );

describe( 'koreaCheckout.paymentMethods filter', () => {
	it( 'lets a theme reorder and relabel the methods', () => {
		addFilter(
			METHODS_FILTER,
			'test-theme',
			( methods: PaymentMethodChoice[] ) =>
				[ ...methods ]
					.reverse()
					.map( ( method ) =>
						method.id === 'card'
							? { ...method, label: '카드 결제' }
							: method
					)
		);
		const setup = paymentSetup();
		render(
			<MethodChoice
				methods={ filterMethods( METHODS ) }
				showKorean={ false }
				{ ...setup }
			/>
		);

		expect(
			screen
				.getAllByRole( 'radio' )
				.map( ( radio ) => ( radio as HTMLInputElement ).value )
		).toEqual( [ 'naver_pay', 'kakao_pay', 'card' ] );
		expect(
			screen.getByRole( 'radio', { name: '카드 결제' } )
		).toBeTruthy();
	} );

	it( 'ignores methods the store did not enable and broken results', () => {
		addFilter(
			METHODS_FILTER,
			'test-theme',
			( methods: PaymentMethodChoice[] ) => [
				{ id: 'bitcoin', label: 'Bitcoin', koreanName: '', icon: '' },
				...methods.slice( 1 ),
				methods[ 1 ],
			]
		);
		expect(
			filterMethods( METHODS ).map( ( method ) => method.id )
		).toEqual( [ 'kakao_pay', 'naver_pay' ] );

		removeAllFilters( METHODS_FILTER, 'test-theme' );
		addFilter( METHODS_FILTER, 'test-theme', () => 'nonsense' );
		expect( filterMethods( METHODS ) ).toEqual( METHODS );
	} );

	it( 'drops malformed entries and icons that are not images from the server data', () => {
		expect(
			readMethods( [
				{ id: 'card', label: 'Card', icon: 'javascript:alert(1)' },
				{ label: 'no id' },
				null,
			] )
		).toEqual( [
			{ id: 'card', label: 'Card', koreanName: '', icon: '' },
		] );
	} );
} );
