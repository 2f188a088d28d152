/**
 * Filling a browser's cart the way a shopper does: from the product's own page. The "added to your cart" notice
 * is shown (and used up) there, so the checkout opened next draws no notice that takes the focus while a test
 * is checking where the focus is.
 */
import { expect, type Page } from '@playwright/test';

interface CartSummary {
	items_count: number;
}

/** How many items the browser's cart holds, read through the Store API with the browser's own cookies. */
export async function browserCartCount(
	page: Page,
	storeUrl: string
): Promise< number > {
	const response = await page
		.context()
		.request.get( `${ storeUrl }/?rest_route=/wc/store/v1/cart` );
	if ( ! response.ok() ) {
		throw new Error(
			`Store API cart answered ${ String( response.status() ) }`
		);
	}
	return ( ( await response.json() ) as CartSummary ).items_count;
}

/** Opens the product's page, sets the quantity, presses "Add to cart" and waits until the cart holds it. */
export async function addToCartFromProductPage(
	page: Page,
	storeUrl: string,
	productId: number,
	quantity = 1
): Promise< void > {
	const before = await browserCartCount( page, storeUrl );
	await page.goto(
		`${ storeUrl }/?post_type=product&p=${ String( productId ) }`
	);
	const form = page.locator( 'form.cart' ).first();
	await form.waitFor();
	if ( quantity !== 1 ) {
		await form.locator( 'input.qty' ).fill( String( quantity ) );
	}
	await form.getByRole( 'button', { name: /add to cart/i } ).click();
	await expect
		.poll( () => browserCartCount( page, storeUrl ), {
			message: `cart holding product ${ String( productId ) } ×${ String( quantity ) }`,
			timeout: 30_000,
			intervals: [ 250 ],
		} )
		.toBe( before + quantity );
	// A form post reloads the product page with the notice: let that page finish, so the notice is used up here.
	await page.waitForLoadState( 'load' );
}
