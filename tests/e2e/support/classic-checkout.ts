/**
 * Choosing a payment method on the classic (shortcode) checkout the way a shopper's choice holds.
 *
 * The classic checkout re-draws its order review and payment section by AJAX (`update_order_review`) after
 * an address change and after a payment method change, blocking the form with an overlay meanwhile. A radio
 * clicked while that request runs can be replaced by the re-drawn one and lose the choice. So: let the form
 * settle (no AJAX request running, no overlay), choose, let it settle again, and check that the choice held.
 */
import type { Page } from '@playwright/test';
import { blurActiveElement } from './browser.ts';
import { waitUntilQuiet } from './wait.ts';

/** True while the classic checkout is re-drawing or blocked. */
function isBusy( page: Page ): Promise< boolean > {
	return page.evaluate( () => {
		const jquery = ( window as unknown as { jQuery?: { active: number } } )
			.jQuery;
		const requests = jquery ? jquery.active : 0;
		const blocked = document.querySelector(
			'form.checkout .blockUI, #order_review .blockUI, form.checkout.processing'
		);
		return requests > 0 || blocked !== null;
	} );
}

/** Waits until the form has been idle for `quietMs` in a row. */
export function waitForClassicCheckoutIdle(
	page: Page,
	timeoutMs = 60_000,
	quietMs = 700
): Promise< void > {
	return waitUntilQuiet(
		'the classic checkout to finish re-drawing',
		() => isBusy( page ),
		( busy ) => ! busy,
		timeoutMs,
		quietMs
	);
}

/**
 * Picks a payment method (a gateway id such as `korea_checkout` or `cod`) and, when given, one of its inner
 * radios (located by their accessible name). Throws when the choice does not hold within the time given.
 */
export async function chooseClassicPaymentMethod(
	page: Page,
	gateway: string,
	inner?: RegExp,
	timeoutMs = 90_000
): Promise< void > {
	const radio = page.locator( `#payment_method_${ gateway }` );
	const innerRadio = inner
		? page.getByRole( 'radio', { name: inner } )
		: null;
	// The address fields send their change when they lose focus.
	await blurActiveElement( page );
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		await waitForClassicCheckoutIdle( page, timeoutMs );
		if ( ! ( await radio.isChecked() ) ) {
			await page
				.locator( `label[for="payment_method_${ gateway }"]` )
				.click();
			await waitForClassicCheckoutIdle( page, timeoutMs );
		}
		if ( innerRadio && ! ( await innerRadio.isChecked() ) ) {
			await innerRadio.check();
			await waitForClassicCheckoutIdle( page, timeoutMs );
		}
		const held =
			( await radio.isChecked() ) &&
			( innerRadio ? await innerRadio.isChecked() : true );
		if ( held ) {
			return;
		}
		if ( Date.now() > deadline ) {
			throw new Error(
				`the classic checkout did not keep the payment method ${ gateway }`
			);
		}
	}
}
