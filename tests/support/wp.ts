/**
 * Runs PHP inside the test WordPress (a separate PHP process on the same database) and returns what the code
 * returns: read order state, options, hook counts, or prepare data, from a TypeScript test.
 */
import { spawn } from 'node:child_process';

export interface WpEvalTarget {
	wpRoot: string;
	/** The stack's eval script (StackInfo.evalScript). */
	evalScript: string;
	dbName?: string;
}

export interface WpEvalOptions {
	/** User id to act as. */
	user?: number;
	/** Plugin basenames to leave out for this process, e.g. woocommerce/woocommerce.php. */
	without?: string[];
}

export class WpEvalError extends Error {
	override name = 'WpEvalError';
}

/**
 * Evaluates `code` (a PHP function body without the opening tag, e.g. `return wc_get_order( 5 )->get_status();`)
 * and resolves with its JSON-decoded return value.
 */
export function wpEval< T = unknown >(
	target: WpEvalTarget,
	code: string,
	options: WpEvalOptions = {}
): Promise< T > {
	const args = [ target.evalScript ];
	if ( options.user !== undefined ) {
		args.push( `--user=${ options.user }` );
	}
	for ( const plugin of options.without ?? [] ) {
		args.push( `--without=${ plugin }` );
	}
	return new Promise< T >( ( resolvePromise, reject ) => {
		const child = spawn( 'php', args, {
			env: {
				...process.env,
				KC_WP_ROOT: target.wpRoot,
				...( target.dbName ? { KC_DB_NAME: target.dbName } : {} ),
			},
			stdio: [ 'pipe', 'pipe', 'pipe' ],
		} );
		let stdout = '';
		let stderr = '';
		child.stdout.on( 'data', ( chunk: Buffer ) => {
			stdout += chunk.toString( 'utf8' );
		} );
		child.stderr.on( 'data', ( chunk: Buffer ) => {
			stderr += chunk.toString( 'utf8' );
		} );
		child.on( 'error', reject );
		child.on( 'close', ( status ) => {
			const marker = stdout.lastIndexOf( '__KC_EVAL__' );
			if ( marker < 0 ) {
				reject(
					new WpEvalError(
						`PHP printed no result (exit ${ String( status ) }):\n${ stdout }\n${ stderr }`
					)
				);
				return;
			}
			const result = JSON.parse(
				stdout.slice( marker + '__KC_EVAL__'.length )
			) as { ok: boolean; value?: T; error?: string; output?: string };
			if ( ! result.ok ) {
				reject(
					new WpEvalError(
						`${ result.error ?? 'PHP failed' }\n${ result.output ?? '' }${ stderr }`
					)
				);
				return;
			}
			resolvePromise( result.value as T );
		} );
		child.stdin.end( code );
	} );
}
