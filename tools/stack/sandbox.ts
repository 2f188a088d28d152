/**
 * The local Korea Checkout sandbox as a child process of the stack (`tsx sandbox/server/main.ts`), started with the
 * stack's pinned key and webhook secret so that the plugin's settings match it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../lib/root.ts';
import type { StackPaths } from './config.ts';
import type { StackCredentials } from './credentials.ts';
import {
	answers,
	runningPid,
	startDetached,
	stopByPidFile,
	waitFor,
	ToolError,
} from '../lib/process.ts';
import { say, warn } from './log.ts';

export const SANDBOX_ENTRY = join( REPO_ROOT, 'sandbox', 'server', 'main.ts' );

/** Why the sandbox cannot be started from this checkout, or null when it can. */
export function sandboxUnavailable(): string | null {
	if ( ! existsSync( SANDBOX_ENTRY ) ) {
		return `the sandbox server is not in this checkout yet (${ SANDBOX_ENTRY } is missing)`;
	}
	if ( ! existsSync( join( REPO_ROOT, 'node_modules', '.bin', 'tsx' ) ) ) {
		return 'node_modules is missing: run npm ci first';
	}
	return null;
}

/**
 * Starts the sandbox on port unless the stack's sandbox already answers there. Returns its URL and whether this
 * call started it, or null (with a warning) when the sandbox does not exist yet.
 */
export async function startSandbox(
	port: number,
	paths: StackPaths,
	credentials: StackCredentials
): Promise< { url: string; started: boolean } | null > {
	const url = `http://127.0.0.1:${ port }`;
	const why = sandboxUnavailable();
	if ( why !== null ) {
		warn( `sandbox skipped: ${ why }` );
		return null;
	}
	mkdirSync( dirname( paths.sandboxPid ), { recursive: true } );
	if (
		runningPid( paths.sandboxPid ) !== null &&
		( await answers( `${ url }/sandbox/health`, true ) )
	) {
		say( `sandbox: already running at ${ url }, reusing it` );
		return { url, started: false };
	}
	if ( await answers( `${ url }/` ) ) {
		throw new ToolError(
			`port ${ port } is taken by something else; choose another sandbox port with KC_SANDBOX_PORT`
		);
	}
	say(
		`sandbox: starting at ${ url } (data ${ paths.sandboxData }, log ${ paths.sandboxLog })`
	);
	startDetached(
		join( REPO_ROOT, 'node_modules', '.bin', 'tsx' ),
		[ SANDBOX_ENTRY ],
		{
			cwd: REPO_ROOT,
			env: {
				...process.env,
				SANDBOX_HOST: '127.0.0.1',
				SANDBOX_PORT: String( port ),
				SANDBOX_DATA_DIR: paths.sandboxData,
				SANDBOX_API_KEY: credentials.apiKey,
				SANDBOX_WEBHOOK_SECRET: credentials.webhookSecret,
				SANDBOX_PUBLIC_URL: url,
			},
			logFile: paths.sandboxLog,
			pidFile: paths.sandboxPid,
		}
	);
	await waitFor(
		'sandbox',
		async () => {
			if ( runningPid( paths.sandboxPid ) === null ) {
				throw new ToolError(
					`the sandbox exited while starting; see ${ paths.sandboxLog }`
				);
			}
			return answers( `${ url }/sandbox/health`, true );
		},
		120_000,
		`see ${ paths.sandboxLog }`,
		() => stopByPidFile( paths.sandboxPid )
	);
	return { url, started: true };
}

export async function stopSandbox( paths: StackPaths ): Promise< boolean > {
	const stopped = await stopByPidFile( paths.sandboxPid );
	if ( stopped ) {
		say( 'sandbox: stopped' );
	}
	return stopped;
}
