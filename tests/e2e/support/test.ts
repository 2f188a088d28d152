/**
 * The end-to-end specs' `test` and `expect`: Playwright Test's, with the run's store as fixtures.
 *   stack    the store and sandbox the layer started (tests/support/stack.ts: URLs, admin login, keys, products)
 *   sandbox  the sandbox's control surface (tests/support/sandbox.ts)
 *   wp       runs PHP inside the store's WordPress and returns what it returns (tests/support/wp.ts)
 *   product  a sample product by SKU
 * All are worker-scoped: one store for the whole run. Browser pages come from Playwright (`page`, or
 * `browser.newContext()` in a beforeAll for a serial describe that goes on on one page).
 */
import { test as base, expect } from '@playwright/test';
import {
	readStack,
	type StackInfo,
	type StoreProduct,
} from '../../support/stack.ts';
import { SandboxControl } from '../../support/sandbox.ts';
import { wpEval, type WpEvalOptions } from '../../support/wp.ts';

export interface E2eFixtures {
	stack: StackInfo;
	sandbox: SandboxControl;
	wp: < T = unknown >(
		code: string,
		options?: WpEvalOptions
	) => Promise< T >;
	product: ( sku: string ) => StoreProduct;
}

export const test = base.extend< object, E2eFixtures >( {
	stack: [
		// Playwright reads the fixtures a fixture needs from this pattern: this one needs none.
		async ( {}, use ) => {
			await use( readStack() );
		},
		{ scope: 'worker' },
	],
	sandbox: [
		async ( { stack }, use ) => {
			await use( new SandboxControl( stack.sandboxUrl ?? '' ) );
		},
		{ scope: 'worker' },
	],
	wp: [
		async ( { stack }, use ) => {
			await use( ( code, options ) => wpEval( stack, code, options ) );
		},
		{ scope: 'worker' },
	],
	product: [
		async ( { stack }, use ) => {
			await use( ( sku ) => {
				const found = stack.store.products.find(
					( candidate ) => candidate.sku === sku
				);
				if ( ! found ) {
					throw new Error( `the store has no product ${ sku }` );
				}
				return found;
			} );
		},
		{ scope: 'worker' },
	],
} );

export { expect };
