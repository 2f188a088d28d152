/**
 * Shared helpers of the TypeScript test suites (end-to-end and tools).
 */
export * from './stack.ts';
export * from './store-api.ts';
export * from './sandbox.ts';
export * from './wp.ts';
export * from './browser.ts';
export * from './wait.ts';
export * from './block-checkout.ts';
export * from './classic-checkout.ts';
export * from './cart.ts';
