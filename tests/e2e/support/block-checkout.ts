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
import { expect, type Page } from '@playwright/test';
import { blurActiveElement } from './browser.ts';
import { waitUntilQuiet } from './wait.ts';

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

/**
 * Places the order from a filled block checkout. Resolves once WooCommerce has started processing it;
 * throws with the stores' state when the click was not taken.
 */
export async function clickPlaceOrder(
	page: Page,
	timeoutMs = 60_000
): Promise< void > {
	// Blurring the focused field lets WooCommerce's own focusout listener send what it still holds; a push
	// can start just after a check, so the checkout must stay settled for a moment.
	await blurActiveElement( page );
	await waitUntilQuiet(
		'the block checkout to settle',
		() => readStores( page ),
		settled,
		timeoutMs,
		800
	);
	await page.getByRole( 'button', { name: /place order/i } ).click();
	// The page may already be on its way to the hosted checkout when the stores can no longer be read.
	await expect
		.poll(
			async () => {
				const stores = await readStores( page ).catch( () => null );
				return ! stores || stores.status !== 'idle' || stores.hasError;
			},
			{
				message: 'Place Order was clicked but the checkout stayed idle',
				timeout: 15_000,
				intervals: [ 100 ],
			}
		)
		.toBe( true );
}
