/**
 * Double of `@woocommerce/blocks-checkout`: records registered inner blocks.
 */
import type { CheckoutBlockOptions } from '@woocommerce/blocks-checkout';

export const registeredCheckoutBlocks: Array< CheckoutBlockOptions< never > > =
	[];

export function registerCheckoutBlock< Props >(
	options: CheckoutBlockOptions< Props >
): void {
	registeredCheckoutBlocks.push(
		options as unknown as CheckoutBlockOptions< never >
	);
}
