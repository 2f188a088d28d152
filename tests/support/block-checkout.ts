/**
 * Clicking the block checkout's Place Order the way a shopper's click is taken.
 *
 * WooCommerce pushes the address to the Store API when an input loses focus (a `focusout` listener flushes
 * its debounced push) and disables Place Order while that push runs. A click whose mousedown blurs a field
 * with unsent changes therefore disables the button before its mouseup: the click is lost and the checkout
 * stays idle with nothing on screen (WooCommerce issue #42235 describes the same race for a shopper). A person
 * clicks again; a test must not. So: take the focus off the form first, let WooCommerce send what it holds,
 * wait until nothing is updating or calculating, then click, and check that the click started the checkout.
 */
import type { Page } from 'playwright-core';

interface CheckoutStores {
	customerUpdating: boolean;
	shippingSelecting: boolean;
	calculating: boolean;
	status: string;
	hasError: boolean;
}

/** Reads the flags of WooCommerce's cart and checkout data stores that gate Place Order. */
function readStores( page: Page ): Promise< CheckoutStores > {
	return page.evaluate( () => {
		interface Selectors {
			isCustomerDataUpdating: () => boolean;
			isShippingRateBeingSelected: () => boolean;
			isCalculating: () => boolean;
			getCheckoutStatus: () => string;
			hasError: () => boolean;
		}
		const data = (
			window as unknown as {
				wp: { data: { select: ( store: string ) => Selectors } };
			}
		 ).wp.data;
		const cart = data.select( 'wc/store/cart' );
		const checkout = data.select( 'wc/store/checkout' );
		return {
			customerUpdating: cart.isCustomerDataUpdating(),
			shippingSelecting: cart.isShippingRateBeingSelected(),
			calculating: checkout.isCalculating(),
			status: checkout.getCheckoutStatus(),
			hasError: checkout.hasError(),
		};
	} );
}

function settled( stores: CheckoutStores ): boolean {
	return (
		! stores.customerUpdating &&
		! stores.shippingSelecting &&
		! stores.calculating &&
		stores.status === 'idle'
	);
}

/** Waits until the checkout has been settled for `quietMs` in a row (a push can start just after a check). */
async function waitForSettledCheckout(
	page: Page,
	timeoutMs: number,
	quietMs = 800
): Promise< void > {
	const deadline = Date.now() + timeoutMs;
	let quietSince = 0;
	for (;;) {
		const stores = await readStores( page );
		if ( settled( stores ) ) {
			quietSince ||= Date.now();
			if ( Date.now() - quietSince >= quietMs ) {
				return;
			}
		} else {
			quietSince = 0;
		}
		if ( Date.now() > deadline ) {
			throw new Error(
				`the block checkout did not settle in ${ timeoutMs } ms: ${ JSON.stringify( stores ) }`
			);
		}
		await page.waitForTimeout( 100 );
	}
}

/**
 * Places the order from a filled block checkout. Resolves once WooCommerce has started processing it;
 * throws with the stores' state when the click was not taken.
 */
export async function clickPlaceOrder(
	page: Page,
	timeoutMs = 60_000
): Promise< void > {
	// Blurring the focused field lets WooCommerce's own focusout listener send what it still holds.
	await page.evaluate( () => {
		const active = document.activeElement;
		if ( active instanceof HTMLElement ) {
			active.blur();
		}
	} );
	await waitForSettledCheckout( page, timeoutMs );
	const button = page.getByRole( 'button', { name: /place order/i } );
	await button.click();
	const deadline = Date.now() + 15_000;
	for (;;) {
		// The page may already be on its way to the hosted checkout.
		const stores = await readStores( page ).catch( () => null );
		if ( ! stores || stores.status !== 'idle' || stores.hasError ) {
			return;
		}
		if ( Date.now() > deadline ) {
			throw new Error(
				`Place Order was clicked but the checkout stayed idle: ${ JSON.stringify( stores ) }`
			);
		}
		await page.waitForTimeout( 100 );
	}
}
