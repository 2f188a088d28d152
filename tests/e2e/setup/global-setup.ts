/**
 * Starts ONE store for the whole end-to-end run (sandbox + MariaDB + WordPress/WooCommerce/Korea Checkout on
 * php -S, freshly installed) and hands its details to the specs (`e2eStack()` from tests/support/e2e.ts).
 * Stack: KC_E2E_STACK_DIR (else $KC_STACK_DIR-e2e, else .stack/e2e); ports KC_E2E_PORT (else KC_NATIVE_PORT + 3,
 * else 8090) and KC_E2E_SANDBOX_PORT (else KC_SANDBOX_PORT + 3, else 4090).
 */
import type { TestProject } from 'vitest/node';
import { startStack, type StartedStack } from '../../support/stack.ts';
import { SandboxControl } from '../../support/sandbox.ts';
import '../../support/e2e.ts';

function port( name: string, base: string, fallback: number ): number {
	const own = process.env[ name ];
	if ( own ) {
		return Number.parseInt( own, 10 );
	}
	const lane = process.env[ base ];
	return lane ? Number.parseInt( lane, 10 ) + 3 : fallback;
}

let stack: StartedStack | null = null;

export async function setup( project: TestProject ): Promise< void > {
	const started = Date.now();
	stack = await startStack( {
		dir:
			process.env.KC_E2E_STACK_DIR ||
			( process.env.KC_STACK_DIR
				? `${ process.env.KC_STACK_DIR }-e2e`
				: '.stack/e2e' ),
		port: port( 'KC_E2E_PORT', 'KC_NATIVE_PORT', 8090 ),
		sandboxPort: port( 'KC_E2E_SANDBOX_PORT', 'KC_SANDBOX_PORT', 4090 ),
		fresh: true,
	} );
	if ( stack.sandboxUrl !== null ) {
		await new SandboxControl( stack.sandboxUrl ).reset();
	}
	const { stop, ...info } = stack;
	void stop;
	project.provide( 'kcStack', info );
	console.log(
		`[e2e] store ${ info.storeUrl } and sandbox ${ info.sandboxUrl ?? '(none)' } ready in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s`
	);
}

export async function teardown(): Promise< void > {
	if ( stack !== null ) {
		await stack.stop();
		stack = null;
	}
}
