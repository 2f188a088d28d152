/**
 * Runs PHP inside a stack's WordPress from a tool (tools/stack/php/eval.php) and returns what the code returns.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ToolError } from './process.ts';
import { REPO_ROOT } from './root.ts';

export const EVAL_SCRIPT = join( REPO_ROOT, 'tools/stack/php/eval.php' );

/** Evaluates `code` (a PHP function body, e.g. `return get_option( 'home' );`) in the WordPress at wpRoot. */
export function evalPhp< T = unknown >(
	wpRoot: string,
	code: string
): Promise< T > {
	return new Promise( ( resolve, reject ) => {
		const child = spawn( 'php', [ EVAL_SCRIPT ], {
			env: { ...process.env, KC_WP_ROOT: wpRoot },
			stdio: [ 'pipe', 'pipe', 'pipe' ],
		} );
		let out = '';
		child.stdout.on( 'data', ( chunk: Buffer ) => ( out += chunk ) );
		child.stderr.on( 'data', ( chunk: Buffer ) => ( out += chunk ) );
		child.on( 'error', reject );
		child.on( 'close', () => {
			const marker = out.lastIndexOf( '__KC_EVAL__' );
			if ( marker < 0 ) {
				reject( new ToolError( `PHP printed no result:\n${ out }` ) );
				return;
			}
			const result = JSON.parse(
				out.slice( marker + '__KC_EVAL__'.length )
			) as { ok: boolean; value?: T; error?: string };
			if ( result.ok ) {
				resolve( result.value as T );
			} else {
				reject( new ToolError( result.error ?? 'PHP failed' ) );
			}
		} );
		child.stdin.end( code );
	} );
}
