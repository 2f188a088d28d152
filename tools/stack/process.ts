/**
 * Child processes of the stack: started detached in their own process group with a pid file, so that a later
 * run can find them, and stopped by that pid only (never by name).
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StackError } from './log.ts';

export interface DetachedOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	logFile: string;
	pidFile: string;
}

/** Starts a long-running process in its own process group, output appended to logFile; returns its pid. */
export function startDetached(
	command: string,
	args: string[],
	options: DetachedOptions
): number {
	mkdirSync( dirname( options.logFile ), { recursive: true } );
	const out = openSync( options.logFile, 'a' );
	const child = spawn( command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: [ 'ignore', out, out ],
	} );
	closeSync( out );
	if ( child.pid === undefined ) {
		throw new StackError(
			`could not start ${ command } (see ${ options.logFile })`
		);
	}
	child.unref();
	writeFileSync( options.pidFile, `${ child.pid }\n` );
	return child.pid;
}

export function readPid( pidFile: string ): number | null {
	if ( ! existsSync( pidFile ) ) {
		return null;
	}
	const pid = Number.parseInt( readFileSync( pidFile, 'utf8' ).trim(), 10 );
	return Number.isInteger( pid ) && pid > 0 ? pid : null;
}

export function isAlive( pid: number ): boolean {
	try {
		process.kill( pid, 0 );
		return true;
	} catch ( error ) {
		return ( error as NodeJS.ErrnoException ).code === 'EPERM';
	}
}

/** The pid recorded in pidFile when that process still runs; a stale file is removed. */
export function runningPid( pidFile: string ): number | null {
	const pid = readPid( pidFile );
	if ( pid === null ) {
		return null;
	}
	if ( isAlive( pid ) ) {
		return pid;
	}
	rmSync( pidFile, { force: true } );
	return null;
}

/**
 * Stops the process recorded in pidFile and its process group: SIGTERM, then SIGKILL after graceMs.
 * Returns whether something was running.
 */
export async function stopByPidFile(
	pidFile: string,
	graceMs = 15_000
): Promise< boolean > {
	const pid = runningPid( pidFile );
	if ( pid === null ) {
		return false;
	}
	signalGroup( pid, 'SIGTERM' );
	const deadline = Date.now() + graceMs;
	while ( isAlive( pid ) && Date.now() < deadline ) {
		await sleep( 100 );
	}
	if ( isAlive( pid ) ) {
		signalGroup( pid, 'SIGKILL' );
		await sleep( 200 );
	}
	rmSync( pidFile, { force: true } );
	return true;
}

function signalGroup( pid: number, signal: NodeJS.Signals ): void {
	try {
		process.kill( -pid, signal );
	} catch {
		try {
			process.kill( pid, signal );
		} catch {
			// Already gone.
		}
	}
}

/** Runs a command to completion; throws with its output when it fails. */
export function run(
	command: string,
	args: string[],
	options: SpawnSyncOptions = {}
): string {
	const result = spawnSync( command, args, {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		...options,
	} );
	if ( result.error ) {
		throw new StackError(
			`${ command } could not run: ${ result.error.message }`
		);
	}
	if ( result.status !== 0 ) {
		const output =
			`${ String( result.stdout ?? '' ) }${ String( result.stderr ?? '' ) }`.trim();
		throw new StackError(
			`${ command } ${ args.join( ' ' ) } failed (exit ${ String( result.status ) }):\n${ output }`
		);
	}
	return String( result.stdout ?? '' );
}

/**
 * Polls check() until it returns true or timeoutMs passes; the error names what was awaited. When it fails and
 * cleanup is given (stopping what was just started), cleanup runs first.
 */
export async function waitFor(
	what: string,
	check: () => Promise< boolean > | boolean,
	timeoutMs: number,
	hint = '',
	cleanup?: () => Promise< unknown >
): Promise< void > {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		let ready = false;
		try {
			ready = await check();
		} catch ( error ) {
			await cleanup?.();
			throw error;
		}
		if ( ready ) {
			return;
		}
		if ( Date.now() > deadline ) {
			await cleanup?.();
			throw new StackError(
				`${ what } was not ready after ${ timeoutMs / 1000 } s${ hint ? `; ${ hint }` : '' }`
			);
		}
		await sleep( 150 );
	}
}

/** Whether an HTTP GET of url answers (any status, or 2xx with okOnly) within timeoutMs. */
export async function answers(
	url: string,
	okOnly = false,
	timeoutMs = 2000
): Promise< boolean > {
	try {
		const response = await fetch( url, {
			signal: AbortSignal.timeout( timeoutMs ),
			redirect: 'manual',
		} );
		await response.arrayBuffer();
		return okOnly ? response.ok : true;
	} catch {
		return false;
	}
}
