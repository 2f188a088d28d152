/**
 * The stack that tests/e2e/setup/global-setup.ts started for this run, as the specs see it.
 */
import { inject } from 'vitest';
import type { StackInfo } from './stack.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		kcStack: StackInfo;
	}
}

export function e2eStack(): StackInfo {
	const stack = inject( 'kcStack' );
	if ( ! stack ) {
		throw new Error(
			'no stack: run the end-to-end specs with `npm run test:e2e` (tests/e2e/vitest.config.ts starts it)'
		);
	}
	return stack;
}
