/**
 * `npm run test:e2e [-- <Playwright arguments>]`: the end-to-end layer (tests/e2e, Playwright Test with Debian's
 * Chromium). Starts one fresh store for the run, the production stack by default (KC_E2E_STACK=native: php -S
 * instead; KC_OBJECT_CACHE=none: no Redis), resets its sandbox, runs Playwright (playwright.config.ts) with
 * KC_STACK_FILE naming the stack's details (<stack>/stack.json), KC_JUNIT_FILE the report and KC_E2E_RESULTS the
 * folder for traces of failures (tests/e2e/artifacts/results/<store port>/), then stops what it started. Builds
 * the plugin's assets first when build/ is empty. Prints `skipped: <why>` (exit 0) when this machine lacks a part.
 *
 * Stack folder KC_E2E_STACK_DIR (else $KC_STACK_DIR-e2e, else .stack/e2e); store KC_E2E_PORT (else KC_NATIVE_PORT
 * + 3, else 8090); sandbox KC_E2E_SANDBOX_PORT (else KC_SANDBOX_PORT + 3, else 4090); MariaDB follows the store
 * port. Example: `npm run test:e2e -- tests/e2e/wp-cli.spec.ts -g recheck`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild } from '../lib/build.ts';
import { CHROMIUM_PATH } from '../lib/chromium.ts';
import { IS_ROOT } from '../lib/process.ts';
import { REPO_ROOT } from '../lib/root.ts';
import { stackDirFrom } from '../stack/config.ts';
import {
	downStack,
	objectCacheFromEnv,
	type RunningStack,
} from '../stack/index.ts';
import { NATIVE_PACKAGES, PRODUCTION_PACKAGES } from '../stack/packages.ts';
import {
	lanePort,
	requireStackParts,
	skipLayer,
	upLayerStack,
} from './lib/runner.ts';

function say( message: string ): void {
	console.log( `[e2e] ${ message }` );
}

function playwright(
	args: string[],
	env: NodeJS.ProcessEnv
): Promise< number > {
	return new Promise( ( resolve ) => {
		const child = spawn(
			join( REPO_ROOT, 'node_modules', '.bin', 'playwright' ),
			[ 'test', '--config', 'playwright.config.ts', ...args ],
			{ cwd: REPO_ROOT, env, stdio: 'inherit' }
		);
		// Ctrl-C reaches Playwright too (same process group): wait for it, then stop the stack.
		const ignore = (): void => undefined;
		process.on( 'SIGINT', ignore );
		child.on( 'close', ( code, signal ) => {
			process.off( 'SIGINT', ignore );
			resolve( code ?? ( signal ? 130 : 1 ) );
		} );
	} );
}

const kind = process.env.KC_E2E_STACK === 'native' ? 'native' : 'production';
const objectCache = kind === 'production' ? objectCacheFromEnv() : 'none';

const specs = readdirSync( join( REPO_ROOT, 'tests', 'e2e' ) ).filter(
	( name ) => name.endsWith( '.spec.ts' )
);
if ( specs.length === 0 ) {
	skipLayer( 'no end-to-end specs in tests/e2e' );
}
requireStackParts(
	objectCache === 'redis'
		? [ 'wordpress', 'woocommerce', 'redisCache' ]
		: [ 'wordpress', 'woocommerce' ],
	kind === 'production' ? PRODUCTION_PACKAGES : NATIVE_PACKAGES
);
if ( ! existsSync( CHROMIUM_PATH ) && ! IS_ROOT ) {
	skipLayer( `no Chromium at ${ CHROMIUM_PATH }` );
}

ensureBuild( say );
const dir =
	process.env.KC_E2E_STACK_DIR ||
	( process.env.KC_STACK_DIR
		? `${ process.env.KC_STACK_DIR }-e2e`
		: '.stack/e2e' );
const started = Date.now();
let stack: RunningStack | null = null;
let code = 1;
try {
	// A stack an interrupted run left behind would be reused with whatever it was started with.
	await downStack( stackDirFrom( dir ) );
	stack = await upLayerStack( 'e2e', {
		kind,
		objectCache,
		dir,
		port: lanePort( 'KC_E2E_PORT', 'KC_NATIVE_PORT', 3, 8090 ),
		sandboxPort: lanePort(
			'KC_E2E_SANDBOX_PORT',
			'KC_SANDBOX_PORT',
			3,
			4090
		),
		freshDatabase: true,
	} );
	if ( stack.sandboxUrl !== null ) {
		const reset = await fetch( `${ stack.sandboxUrl }/sandbox/reset`, {
			method: 'POST',
		} );
		if ( ! reset.ok ) {
			throw new Error( `the sandbox's reset answered ${ reset.status }` );
		}
	}
	say(
		`${ kind } store ${ stack.storeUrl } (object cache ${ objectCache }) and sandbox ${ stack.sandboxUrl ?? '(none)' } ready in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s`
	);
	code = await playwright( process.argv.slice( 2 ), {
		...process.env,
		KC_STACK_FILE: stack.paths.state,
		KC_E2E_RESULTS: join(
			REPO_ROOT,
			'tests/e2e/artifacts/results',
			String( stack.config.port )
		),
	} );
} catch ( error ) {
	console.error(
		`[e2e] ${ error instanceof Error ? error.message : String( error ) }`
	);
} finally {
	await stack?.stop();
}
say(
	`${ code === 0 ? 'passed' : 'FAILED' } in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 0 ) } s with the stack`
);
process.exit( code );
