/**
 * The production stack's Redis: Debian's redis-server run as the current user with its own config, unix socket, pid
 * file and log under the stack folder, no TCP port, nothing saved to disk. The system's Redis service is never
 * touched. WordPress reaches it through Redis Object Cache's drop-in (tools/stack/site.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackPaths } from './config.ts';
import {
	run,
	runningPid,
	startDetached,
	stopByPidFile,
	waitFor,
	ToolError,
} from '../lib/process.ts';
import { say } from './log.ts';

export interface RedisFiles {
	config: string;
	socket: string;
	pidFile: string;
	log: string;
}

export function redisFiles( paths: StackPaths ): RedisFiles {
	return {
		config: join( paths.redisDir, 'redis.conf' ),
		socket: join( paths.redisDir, 'redis.sock' ),
		pidFile: join( paths.redisDir, 'redis.pid' ),
		log: join( paths.redisDir, 'redis.log' ),
	};
}

function ping( files: RedisFiles ): boolean {
	const result = spawnSync( 'redis-cli', [ '-s', files.socket, 'ping' ], {
		encoding: 'utf8',
		timeout: 5000,
	} );
	return result.status === 0 && String( result.stdout ).trim() === 'PONG';
}

/** Runs one redis-cli command against the stack's Redis and returns what it printed. */
export function redisCli( paths: StackPaths, ...args: string[] ): string {
	return run( 'redis-cli', [ '-s', redisFiles( paths ).socket, ...args ] );
}

/**
 * Starts the stack's Redis unless it already answers on its socket; with `flush`, empties it (a fresh database
 * must not meet the cache of an earlier one). Returns whether this call started it.
 */
export async function startRedis(
	paths: StackPaths,
	flush: boolean
): Promise< boolean > {
	const files = redisFiles( paths );
	mkdirSync( paths.redisDir, { recursive: true } );
	let started = false;
	if ( runningPid( files.pidFile ) !== null && ping( files ) ) {
		say( `Redis: already running (socket ${ files.socket }), reusing it` );
	} else {
		writeFileSync(
			files.config,
			[
				`# Written by tools/stack/redis.ts for the stack in ${ paths.site }/..; rewritten on every start.`,
				'port 0',
				`unixsocket ${ files.socket }`,
				'unixsocketperm 700',
				'daemonize no',
				`pidfile ${ files.pidFile }.server`,
				`logfile ${ files.log }`,
				`dir ${ paths.redisDir }`,
				'save ""',
				'appendonly no',
				'maxmemory 256mb',
				'maxmemory-policy allkeys-lru',
				'databases 1',
				'',
			].join( '\n' )
		);
		say( `Redis: starting (socket ${ files.socket }, log ${ files.log })` );
		startDetached( 'redis-server', [ files.config ], {
			logFile: `${ files.log }.out`,
			pidFile: files.pidFile,
		} );
		await waitFor(
			'Redis',
			() => {
				if ( runningPid( files.pidFile ) === null ) {
					throw new ToolError(
						`redis-server exited while starting; see ${ files.log }`
					);
				}
				return ping( files );
			},
			30_000,
			`see ${ files.log }`,
			() => stopByPidFile( files.pidFile )
		);
		started = true;
	}
	if ( flush ) {
		redisCli( paths, 'flushall' );
	}
	return started;
}

export async function stopRedis( paths: StackPaths ): Promise< boolean > {
	const stopped = await stopByPidFile( redisFiles( paths ).pidFile );
	if ( stopped ) {
		say( 'Redis: stopped' );
	}
	return stopped;
}
