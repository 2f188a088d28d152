/**
 * The production stack's web nodes: one PHP-FPM master per node (Debian's php-fpm8.2), each with its own config,
 * socket, pid file and logs under <stack>/php-fpm/, run as the current user. nginx spreads requests over them
 * (tools/stack/nginx.ts). A test can tell the nodes apart (nginx's X-KC-Node header, getenv( 'KC_NODE' ) in PHP)
 * and stop a worker of one (the workers are the children of the master in `pidFile`).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import type { StackPaths } from './config.ts';
import {
	acceptsConnections,
	IS_ROOT,
	runningPid,
	startDetached,
	stopByPidFile,
	ToolError,
	waitFor,
} from '../lib/process.ts';
import { say } from './log.ts';

export const FPM_BINARY = 'php-fpm8.2';
export const NODE_NAMES = [ 'a', 'b' ] as const;
export type NodeName = ( typeof NODE_NAMES )[ number ];

export interface NodeFiles {
	name: NodeName;
	config: string;
	socket: string;
	/** The pool's master process; its children are the workers. */
	pidFile: string;
	/** FPM's own log (master, and what workers write to stderr). */
	log: string;
	/** PHP's error_log of the pool. */
	phpErrorLog: string;
}

export function nodeFiles( paths: StackPaths, name: NodeName ): NodeFiles {
	return {
		name,
		config: join( paths.fpmDir, `${ name }.conf` ),
		socket: join( paths.fpmDir, `${ name }.sock` ),
		pidFile: join( paths.fpmDir, `${ name }.pid` ),
		log: join( paths.fpmDir, `${ name }.log` ),
		phpErrorLog: join( paths.fpmDir, `${ name }-php-errors.log` ),
	};
}

function poolConfig( files: NodeFiles, workers: number ): string {
	const user = userInfo().username;
	return [
		`; Written by tools/stack/php-fpm.ts: web node ${ files.name } of the production stack; rewritten on every start.`,
		'[global]',
		`error_log = ${ files.log }`,
		'daemonize = no',
		'log_level = notice',
		'',
		`[${ files.name }]`,
		...( IS_ROOT ? [ `user = ${ user }`, `group = ${ user }` ] : [] ),
		`listen = ${ files.socket }`,
		'listen.mode = 0666',
		'pm = static',
		`pm.max_children = ${ workers }`,
		'request_terminate_timeout = 180s',
		'catch_workers_output = yes',
		'decorate_workers_output = no',
		'clear_env = yes',
		`env[KC_NODE] = ${ files.name }`,
		'env[PATH] = /usr/local/bin:/usr/bin:/bin',
		'php_admin_value[memory_limit] = 512M',
		'php_admin_value[max_execution_time] = 120',
		'php_admin_value[post_max_size] = 64M',
		'php_admin_value[upload_max_filesize] = 64M',
		'php_admin_flag[display_errors] = off',
		'php_admin_flag[log_errors] = on',
		`php_admin_value[error_log] = ${ files.phpErrorLog }`,
		// Tests add and remove must-use plugins while the store runs: a changed file is compiled anew at once.
		'php_admin_flag[opcache.validate_timestamps] = on',
		'php_admin_value[opcache.revalidate_freq] = 0',
		'',
	].join( '\n' );
}

/**
 * Starts the node's PHP-FPM master unless it already runs. Returns whether this call started it. The node is ready
 * when its socket accepts a connection (the file exists a moment before FPM listens on it); nginx's first request
 * proves the rest.
 */
export async function startNode(
	paths: StackPaths,
	name: NodeName,
	workers: number
): Promise< boolean > {
	const files = nodeFiles( paths, name );
	mkdirSync( paths.fpmDir, { recursive: true } );
	if ( runningPid( files.pidFile ) !== null && existsSync( files.socket ) ) {
		say( `PHP-FPM node ${ name }: already running, reusing it` );
		return false;
	}
	rmSync( files.socket, { force: true } );
	writeFileSync( files.config, poolConfig( files, workers ) );
	say(
		`PHP-FPM node ${ name }: ${ workers } workers on ${ files.socket } (log ${ files.log })`
	);
	startDetached(
		FPM_BINARY,
		[
			'--nodaemonize',
			'--fpm-config',
			files.config,
			...( IS_ROOT ? [ '--allow-to-run-as-root' ] : [] ),
		],
		{ logFile: `${ files.log }.out`, pidFile: files.pidFile }
	);
	await waitFor(
		`PHP-FPM node ${ name }`,
		() => {
			if ( runningPid( files.pidFile ) === null ) {
				throw new ToolError(
					`php-fpm (node ${ name }) exited while starting; see ${ files.log } and ${ files.log }.out`
				);
			}
			return acceptsConnections( files.socket );
		},
		30_000,
		`see ${ files.log }`,
		() => stopByPidFile( files.pidFile )
	);
	return true;
}

export async function stopNode(
	paths: StackPaths,
	name: NodeName
): Promise< boolean > {
	const files = nodeFiles( paths, name );
	const stopped = await stopByPidFile( files.pidFile );
	rmSync( files.socket, { force: true } );
	if ( stopped ) {
		say( `PHP-FPM node ${ name }: stopped` );
	}
	return stopped;
}
