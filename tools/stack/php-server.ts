/**
 * Serves the stack's WordPress with PHP's built-in web server and several workers (PHP_CLI_SERVER_WORKERS), through
 * a router that gives WordPress its pretty permalinks.
 */
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { REPO_ROOT } from '../lib/root.ts';
import type { StackConfig, StackPaths } from './config.ts';
import {
	answers,
	runningPid,
	startDetached,
	stopByPidFile,
	waitFor,
	ToolError,
} from '../lib/process.ts';
import { say } from './log.ts';

export const ROUTER = join( REPO_ROOT, 'tools', 'stack', 'php', 'router.php' );

export function phpIniArgs( paths: StackPaths ): string[] {
	return [
		'-d',
		'memory_limit=512M',
		'-d',
		'max_execution_time=120',
		'-d',
		'post_max_size=64M',
		'-d',
		'upload_max_filesize=64M',
		'-d',
		'display_errors=0',
		'-d',
		'log_errors=1',
		'-d',
		`error_log=${ join( dirname( paths.phpLog ), 'php-errors.log' ) }`,
		'-d',
		'opcache.enable=1',
		'-d',
		'opcache.validate_timestamps=1',
		'-d',
		'opcache.revalidate_freq=0',
	];
}

/** Starts php -S unless the stack's server already runs; returns whether this call started it. */
export async function startPhpServer(
	config: StackConfig,
	paths: StackPaths,
	workers = 4
): Promise< boolean > {
	const url = `http://127.0.0.1:${ config.port }`;
	mkdirSync( dirname( paths.phpPid ), { recursive: true } );
	if (
		runningPid( paths.phpPid ) !== null &&
		( await answers( `${ url }/wp-includes/images/blank.gif`, true ) )
	) {
		say( `PHP: already serving ${ url }, reusing it` );
		return false;
	}
	if ( await answers( `${ url }/` ) ) {
		throw new ToolError(
			`port ${ config.port } is taken by something else; choose another with KC_NATIVE_PORT`
		);
	}
	say(
		`PHP: php -S 127.0.0.1:${ config.port } with ${ workers } workers (log ${ paths.phpLog })`
	);
	startDetached(
		'php',
		[
			...phpIniArgs( paths ),
			'-S',
			`127.0.0.1:${ config.port }`,
			'-t',
			paths.site,
			ROUTER,
		],
		{
			cwd: paths.site,
			env: { ...process.env, PHP_CLI_SERVER_WORKERS: String( workers ) },
			logFile: paths.phpLog,
			pidFile: paths.phpPid,
		}
	);
	const cleanup = () => stopByPidFile( paths.phpPid );
	// Listening first (a static file), then one WordPress request with time to spare: it also warms OPcache.
	await waitFor(
		'PHP server',
		async () => {
			if ( runningPid( paths.phpPid ) === null ) {
				throw new ToolError(
					`php -S exited while starting; see ${ paths.phpLog }`
				);
			}
			return answers( `${ url }/wp-includes/images/blank.gif` );
		},
		30_000,
		`see ${ paths.phpLog }`,
		cleanup
	);
	const warm = await fetch( `${ url }/wp-login.php`, {
		signal: AbortSignal.timeout( 120_000 ),
	} ).catch( ( error: unknown ) => error as Error );
	if ( warm instanceof Error || warm.status >= 500 ) {
		await cleanup();
		throw new ToolError(
			`WordPress did not answer ${ url }/wp-login.php (${
				warm instanceof Error ? warm.message : `HTTP ${ warm.status }`
			}); see ${ paths.debugLog } and ${ paths.phpLog }`
		);
	}
	await warm.arrayBuffer();
	return true;
}

export async function stopPhpServer( paths: StackPaths ): Promise< boolean > {
	const stopped = await stopByPidFile( paths.phpPid );
	if ( stopped ) {
		say( 'PHP: stopped' );
	}
	return stopped;
}
