import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'../../../..'
);
/**
 * How long a start may take here. The product promise is 60 s on a quiet machine; tests run beside browsers,
 * databases and other suites, so they allow more before calling a start failed.
 */
const READY_WITHIN_MS = 150_000;

export interface SandboxProcess {
	url: string;
	apiKey: string;
	webhookSecret: string;
	dataDir: string;
	child: ChildProcess;
	output: () => string;
	/** SIGTERM and wait for the exit. */
	stop: () => Promise< void >;
	/** SIGKILL and wait for the exit: a crash. */
	kill: () => Promise< void >;
}

export interface StartOptions {
	dataDir?: string;
	env?: Record< string, string >;
	args?: string[];
}

export function tempDataDir(): string {
	return fs.mkdtempSync( path.join( os.tmpdir(), 'kc-sandbox-test-' ) );
}

/**
 * Start `tsx sandbox/server/main.ts --port 0 --data <dir>` as a child process, as a developer would with
 * `npm run sandbox`, and read its address, key and secret from the start-up banner.
 */
export async function startSandboxProcess(
	options: StartOptions = {}
): Promise< SandboxProcess > {
	const dataDir = options.dataDir ?? tempDataDir();
	// `tsx sandbox/server/main.ts` in one process (the tsx command line would start a second Node).
	const child = spawn(
		process.execPath,
		[
			'--import',
			'tsx',
			'sandbox/server/main.ts',
			'--port',
			'0',
			'--data',
			dataDir,
			...( options.args ?? [] ),
		],
		{
			cwd: REPO_ROOT,
			env: {
				...process.env,
				SANDBOX_API_KEY: '',
				SANDBOX_WEBHOOK_SECRET: '',
				SANDBOX_PUBLIC_URL: '',
				SANDBOX_HOST: '',
				SANDBOX_PORT: '',
				SANDBOX_RATE_LIMIT: '100000',
				SANDBOX_RETRY_SCHEDULE: '1,2',
				...options.env,
			},
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		}
	);
	let out = '';
	child.stdout?.on(
		'data',
		( chunk: Buffer ) => ( out += chunk.toString() )
	);
	child.stderr?.on(
		'data',
		( chunk: Buffer ) => ( out += chunk.toString() )
	);
	const exited = new Promise< void >( ( resolve ) =>
		child.once( 'exit', () => resolve() )
	);
	const deadline = Date.now() + READY_WITHIN_MS;
	while ( ! /Data folder/.test( out ) ) {
		if ( child.exitCode !== null ) {
			throw new Error(
				`The sandbox exited before it was ready:\n${ out }`
			);
		}
		if ( Date.now() > deadline ) {
			child.kill( 'SIGKILL' );
			throw new Error(
				`The sandbox was not ready within ${ READY_WITHIN_MS / 1000 } s:\n${ out }`
			);
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
	}
	const field = ( label: string ) => {
		const match = new RegExp( `${ label }\\s+(\\S+)` ).exec( out );
		if ( match?.[ 1 ] === undefined ) {
			throw new Error( `No ${ label } in the banner:\n${ out }` );
		}
		return match[ 1 ];
	};
	const signal = async ( name: NodeJS.Signals ) => {
		if ( child.exitCode === null && child.signalCode === null ) {
			child.kill( name );
		}
		await exited;
	};
	return {
		url: field( 'URL' ),
		apiKey: field( 'API key' ),
		webhookSecret: field( 'Webhook secret' ),
		dataDir,
		child,
		output: () => out,
		stop: () => signal( 'SIGTERM' ),
		kill: () => signal( 'SIGKILL' ),
	};
}
