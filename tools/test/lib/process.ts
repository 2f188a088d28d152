/**
 * Runs a command for a test layer: streams its output (indented, so layers stay apart) and keeps it for
 * the counters.
 */
import { spawn } from 'node:child_process';

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

const MAX_KEPT = 2_000_000;

export function runCommand(
	command: string,
	args: string[],
	options: CommandOptions
): Promise< CommandResult > {
	const started = performance.now();
	const shown = [ command, ...args ].join( ' ' );
	if ( ! options.quiet ) {
		process.stdout.write( `  $ ${ shown }\n` );
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
			if ( output.length < MAX_KEPT ) {
				output += text;
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
