/**
 * The store and sandbox the runner (tools/test/adversarial.ts) started for this run, as the stack's details file
 * named by KC_STACK_FILE describes them (tests/support/stack.ts). Cases never import from tools/: this is all they
 * know of the stack.
 */
import { readStack, type StackInfo } from '../../support/stack.ts';

export interface AdvStack extends StackInfo {
	sandboxUrl: string;
}

let cached: AdvStack | null = null;

export function advStack(): AdvStack {
	if ( cached !== null ) {
		return cached;
	}
	const stack = readStack();
	if ( stack.sandboxUrl === null ) {
		throw new Error(
			'the adversarial layer needs the sandbox, and this stack has none'
		);
	}
	cached = { ...stack, sandboxUrl: stack.sandboxUrl };
	return cached;
}

/** The store's webhook endpoint. */
export function webhookUrl(): string {
	return `${ advStack().storeUrl }/wp-json/korea-checkout/v1/webhook`;
}
