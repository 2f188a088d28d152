/**
 * The small part of WooCommerce's browser packages this plugin uses. `@woocommerce/blocks-registry` and
 * `@woocommerce/blocks-checkout` are not on the npm registry we can reach, and `@woocommerce/settings` is
 * only ever used as WooCommerce's global: all three are externals (`wc.wcBlocksRegistry`,
 * `wc.blocksCheckout`, `wc.wcSettings`), typed here by hand from WooCommerce 11's own code.
 */

declare module '@woocommerce/settings' {
	export function getSetting< T = unknown >( name: string, fallback?: T ): T;
}

declare module '@woocommerce/blocks-registry' {
	import type { ComponentType, ReactNode } from 'react';

	export interface PaymentResponseTypes {
		SUCCESS: 'success';
		FAIL: 'failure';
		ERROR: 'error';
	}

	export interface PaymentSetupResponse {
		type: PaymentResponseTypes[ keyof PaymentResponseTypes ];
		message?: string;
		meta?: {
			paymentMethodData?: Record< string, string | boolean >;
		};
	}

	export type Unsubscribe = () => void;

	export interface PaymentMethodProps {
		eventRegistration: {
			onPaymentSetup: (
				callback: () =>
					PaymentSetupResponse | Promise< PaymentSetupResponse >
			) => Unsubscribe;
		};
		emitResponse: {
			responseTypes: PaymentResponseTypes;
		};
		components: {
			PaymentMethodLabel: ComponentType< {
				text: string;
				icon?: ReactNode;
			} >;
		};
	}

	export interface PaymentMethodConfiguration {
		name: string;
		label: ReactNode;
		ariaLabel: string;
		content: ReactNode;
		edit: ReactNode;
		canMakePayment: ( args: unknown ) => boolean | Promise< boolean >;
		supports: { features: string[] };
	}

	export function registerPaymentMethod(
		config: PaymentMethodConfiguration
	): void;
}

declare module '@woocommerce/blocks-checkout' {
	import type { ComponentType } from 'react';

	export interface CheckoutBlockOptions< Props > {
		metadata: { name: string; parent: string[] };
		component: ComponentType< Props >;
	}

	export function registerCheckoutBlock< Props = Record< string, unknown > >(
		options: CheckoutBlockOptions< Props >
	): void;
}
