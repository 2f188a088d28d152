/**
 * Processes and waiting, for every tool: commands run to completion (`run`, `runCommand`), servers started in their
 * own process group with a pid file (`startDetached`) and stopped by that pid only, never by name
 * (`stopByPidFile`, `signalGroup`), and polling until something is ready (`waitFor`, `answers`).
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
import { createConnection } from 'node:net';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether this process runs as root, so that it may install Debian packages and start servers as another user. */
export const IS_ROOT =
	typeof process.getuid === 'function' && process.getuid() === 0;

/** A failure of a tool that the user can act on: printed without a stack trace. */
export class ToolError extends Error {
	override name = 'ToolError';
}

/** Runs a command to completion; throws with its output when it fails. Returns its stdout. */
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
		throw new ToolError(
			`${ command } could not run: ${ result.error.message }`
		);
	}
	if ( result.status !== 0 ) {
		const output =
			`${ String( result.stdout ?? '' ) }${ String( result.stderr ?? '' ) }`.trim();
		throw new ToolError(
			`${ command } ${ args.join( ' ' ) } failed (exit ${ String( result.status ) }):\n${ output }`
		);
	}
	return String( result.stdout ?? '' );
}

export interface CommandResult {
	code: number;
	output: string;
	seconds: number;
}

export interface CommandOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	/** Print nothing, keep the output only. */
	quiet?: boolean;
}

/** The most output kept for the caller; a longer output keeps its end, where a failure says why. */
const MAX_KEPT = 2_000_000;

/**
 * Runs a command and resolves when it ends: its output is streamed indented (so the parts of a long run stay
 * apart) and kept for the caller (its last MAX_KEPT characters).
 */
export function runCommand(
	command: string,
	args: string[],
	options: CommandOptions
): Promise< CommandResult > {
	const started = performance.now();
	if ( ! options.quiet ) {
		process.stdout.write( `  $ ${ [ command, ...args ].join( ' ' ) }\n` );
	}
	return new Promise( ( resolve ) => {
		let output = '';
		let pending = '';
		const child = spawn( command, args, {
			cwd: options.cwd,
			env: { ...process.env, ...options.env },
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		const take = ( chunk: Buffer ) => {
			const text = chunk.toString();
			output += text;
			if ( output.length > MAX_KEPT ) {
				output = output.slice( -MAX_KEPT );
			}
			if ( options.quiet ) {
				return;
			}
			pending += text;
			const lines = pending.split( '\n' );
			pending = lines.pop() ?? '';
			for ( const line of lines ) {
				process.stdout.write( `  │ ${ line }\n` );
			}
		};
		child.stdout.on( 'data', take );
		child.stderr.on( 'data', take );
		child.on( 'error', ( error ) => {
			output += `\n${ error.message }\n`;
		} );
		child.on( 'close', ( code, signal ) => {
			if ( pending && ! options.quiet ) {
				process.stdout.write( `  │ ${ pending }\n` );
			}
			resolve( {
				code: code ?? ( signal ? 128 : 1 ),
				output,
				seconds: ( performance.now() - started ) / 1000,
			} );
		} );
	} );
}

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
	mkdirSync( dirname( options.pidFile ), { recursive: true } );
	const out = openSync( options.logFile, 'a' );
	const child = spawn( command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: [ 'ignore', out, out ],
	} );
	closeSync( out );
	if ( child.pid === undefined ) {
		throw new ToolError(
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

/** Sends a signal to the process group led by pid (or to pid alone when it leads none). */
export function signalGroup( pid: number, signal: NodeJS.Signals ): void {
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

/** Stops the process group led by pid: SIGTERM, then SIGKILL after graceMs. */
export async function stopGroup(
	pid: number,
	graceMs = 15_000
): Promise< void > {
	signalGroup( pid, 'SIGTERM' );
	const deadline = Date.now() + graceMs;
	while ( isAlive( pid ) && Date.now() < deadline ) {
		await sleep( 100 );
	}
	if ( isAlive( pid ) ) {
		signalGroup( pid, 'SIGKILL' );
		await sleep( 200 );
	}
}

/** Stops the process recorded in pidFile and its process group; returns whether something was running. */
export async function stopByPidFile(
	pidFile: string,
	graceMs = 15_000
): Promise< boolean > {
	const pid = runningPid( pidFile );
	if ( pid === null ) {
		return false;
	}
	await stopGroup( pid, graceMs );
	rmSync( pidFile, { force: true } );
	return true;
}

/**
 * Polls check() until it returns true or timeoutMs passes; the error names what was awaited. When it fails and
 * cleanup is given (stopping what was just started), cleanup runs first. A check that throws ends the wait.
 */
export async function waitFor(
	what: string,
	check: () => Promise< boolean > | boolean,
	timeoutMs: number,
	hint = '',
	cleanup?: () => Promise< unknown >,
	intervalMs = 150
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
			throw new ToolError(
				`${ what } was not ready after ${ timeoutMs / 1000 } s${ hint ? `; ${ hint }` : '' }`
			);
		}
		await sleep( intervalMs );
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

/**
 * Whether a Unix socket accepts a connection. A server's socket file appears when it binds, a moment before it
 * listens; only a connection proves it is ready.
 */
export function acceptsConnections(
	socketPath: string,
	timeoutMs = 2000
): Promise< boolean > {
	return new Promise( ( resolve ) => {
		const socket = createConnection( { path: socketPath } );
		const done = ( accepted: boolean ): void => {
			socket.destroy();
			resolve( accepted );
		};
		socket.setTimeout( timeoutMs, () => done( false ) );
		socket.once( 'connect', () => done( true ) );
		socket.once( 'error', () => done( false ) );
	} );
}

/** The last `count` lines of a log file that are not blank, each indented; [] when it is missing. */
export function lastLinesOf( file: string, count: number ): string[] {
	if ( ! existsSync( file ) ) {
		return [];
	}
	return lastLines( readFileSync( file, 'utf8' ), count );
}

/** The last `count` lines of a text that are not blank, each indented. */
export function lastLines( text: string, count: number ): string[] {
	return text
		.split( '\n' )
		.map( ( line ) => line.trimEnd() )
		.filter( ( line ) => line.trim() !== '' )
		.slice( -count )
		.map( ( line ) => `  ${ line }` );
}
