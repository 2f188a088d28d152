/**
 * Double of `@woocommerce/blocks-registry`: records what was registered.
 */
import type { PaymentMethodConfiguration } from '@woocommerce/blocks-registry';

export const registeredPaymentMethods: PaymentMethodConfiguration[] = [];

export function registerPaymentMethod(
	config: PaymentMethodConfiguration
): void {
	registeredPaymentMethods.push( config );
}
