/**
 * What the layer runners that start a stack of their own (php-integration, e2e, adversarial) share.
 */
import { missingFixtures, type FixtureName } from '../../lib/fixtures.ts';
import { IS_ROOT } from '../../lib/process.ts';
import { stackDirFrom } from '../../stack/config.ts';
import {
	downStack,
	upStack,
	type RunningStack,
	type UpOptions,
} from '../../stack/index.ts';
import { missingPackages } from '../../stack/packages.ts';

/** Says the layer is skipped, in the line run-all.ts reads, and ends the runner. */
export function skipLayer( why: string ): never {
	console.log( `skipped: ${ why }` );
	process.exit( 0 );
}

/**
 * A port from the layer's own variable, else the lane's base port plus the layer's offset (so that several
 * developers' lanes never meet), else the layer's default.
 *
 * @param own      The layer's variable, e.g. KC_E2E_PORT.
 * @param lane     The lane's base variable, e.g. KC_NATIVE_PORT.
 * @param offset   What the layer adds to the lane's port.
 * @param fallback The default port.
 */
export function lanePort(
	own: string,
	lane: string,
	offset: number,
	fallback: number
): number {
	if ( process.env[ own ] ) {
		return Number.parseInt( process.env[ own ], 10 );
	}
	const base = process.env[ lane ];
	return base ? Number.parseInt( base, 10 ) + offset : fallback;
}

/**
 * Skips the layer when a fixture it needs is missing, or a Debian package is missing and this process is not root
 * (as root the stack installs what is missing).
 *
 * @param fixtures The archives the stack unpacks.
 * @param packages The Debian packages the stack runs.
 */
export function requireStackParts(
	fixtures: FixtureName[],
	packages: readonly string[]
): void {
	const noFixtures = missingFixtures( fixtures );
	if ( noFixtures !== null ) {
		skipLayer( noFixtures );
	}
	const missing = missingPackages( packages );
	if ( missing.length > 0 && ! IS_ROOT ) {
		skipLayer(
			`Debian packages missing and not root to install them: ${ missing.join( ' ' ) }`
		);
	}
}

/**
 * Starts the layer's stack, and starts it once more when the first start fails: a server slow to come up on a busy
 * CI machine is not a test that failed. The first failure is printed whole, so a start that needed two tries stays
 * visible in the log; a second failure ends the layer.
 *
 * @param layer   The layer's name, for the log.
 * @param options What upStack gets; `dir` names the stack's folder.
 */
export async function upLayerStack(
	layer: string,
	options: UpOptions & { dir: string }
): Promise< RunningStack > {
	try {
		return await upStack( options );
	} catch ( error ) {
		console.error(
			`[${ layer }] the stack did not start: ${ error instanceof Error ? error.message : String( error ) }`
		);
		console.error(
			`[${ layer }] stopping what is left of it and starting it once more`
		);
		await downStack( stackDirFrom( options.dir ) );
		return upStack( options );
	}
}
