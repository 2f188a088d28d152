/**
 * Order-received page: while Korea Checkout is still confirming the payment, asks the store's status route
 * and reloads the page once the outcome is known, so the shopper sees their order paid, waiting for a deposit
 * or failed without pressing anything.
 */
import apiFetch from '@wordpress/api-fetch';
import domReady from '@wordpress/dom-ready';
import { __ } from '@wordpress/i18n';
import { poll, type OrderState } from './poll';

declare global {
	interface Window {
		koreaCheckoutOrderStatus?: { path: string };
	}
}

function message( state: OrderState ): string {
	switch ( state.state ) {
		case 'paid':
			return __(
				'Your payment is confirmed. Updating the page…',
				'korea-checkout'
			);
		case 'awaiting_deposit':
			return __(
				'Your virtual account is ready. Updating the page…',
				'korea-checkout'
			);
		case 'failed':
			return __( 'The payment did not go through.', 'korea-checkout' );
		case 'on_hold':
			return __(
				'The store is checking your payment. You will receive an email.',
				'korea-checkout'
			);
		default:
			return __(
				'We are confirming your payment with Korea Checkout. This page updates by itself.',
				'korea-checkout'
			);
	}
}

function start(): void {
	const config = window.koreaCheckoutOrderStatus;
	const box = document.querySelector< HTMLElement >(
		'.korea-checkout-order-status'
	);
	if ( ! config || ! box ) {
		return;
	}

	const show = ( state: OrderState ) => {
		box.dataset.state = state.state;
		box.textContent = message( state );
		if ( state.payUrl ) {
			const link = document.createElement( 'a' );
			link.href = state.payUrl;
			link.className = 'button';
			link.textContent = __( 'Pay again', 'korea-checkout' );
			box.append( ' ', link );
		}
	};

	void poll( {
		fetchState: () => apiFetch< OrderState >( { path: config.path } ),
		onState: show,
		onFinal: ( state ) => {
			if ( state.state !== 'failed' ) {
				window.location.reload();
			}
		},
		onGiveUp: () => {
			box.dataset.state = 'timeout';
			box.textContent = __(
				'Your payment is taking longer to confirm than usual. We will email you as soon as it is confirmed; you can also reload this page later.',
				'korea-checkout'
			);
		},
	} );
}

domReady( start );
