/**
 * The production stack's first WordPress page on each web node, through nginx: it proves PHP, the database and the
 * object cache, and warms OPcache before a test or a benchmark measures anything.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { StackConfig, StackPaths } from './config.ts';
import { lastLinesOf, ToolError } from '../lib/process.ts';
import { nginxFiles } from './nginx.ts';
import { nodeFiles, type NodeName } from './php-fpm.ts';

/** Answers that a web node still starting may give (nginx's 502/503/504, a refused connection): worth a retry. */
function isStarting( answer: Response | Error ): boolean {
	return (
		answer instanceof Error || [ 502, 503, 504 ].includes( answer.status )
	);
}

/**
 * One WordPress page through nginx, tried again for up to a minute while a node is still starting. Fails with the
 * last lines of the logs that say why, so that a CI log names the cause.
 */
export async function warmNode(
	config: StackConfig,
	paths: StackPaths,
	name: NodeName
): Promise< void > {
	const url = `http://127.0.0.1:${ config.port }/wp-login.php`;
	const deadline = Date.now() + 60_000;
	for ( let attempt = 1; ; attempt++ ) {
		const answer = await fetch( url, {
			signal: AbortSignal.timeout( 120_000 ),
		} ).catch( ( error: unknown ) => error as Error );
		if ( ! ( answer instanceof Error ) ) {
			await answer.arrayBuffer();
			if ( answer.status < 500 ) {
				return;
			}
		}
		if ( ! isStarting( answer ) || Date.now() > deadline ) {
			const node = nodeFiles( paths, name );
			const logs = [
				paths.debugLog,
				node.phpErrorLog,
				node.log,
				nginxFiles( paths ).errorLog,
			];
			throw new ToolError(
				[
					`WordPress did not answer ${ url } (${
						answer instanceof Error
							? answer.message
							: `HTTP ${ answer.status }`
					}, try ${ attempt }); the logs end:`,
					...logs.flatMap( ( log ) => {
						const tail = lastLinesOf( log, 8 );
						return tail.length ? [ `${ log }:`, ...tail ] : [];
					} ),
				].join( '\n' )
			);
		}
		await sleep( 500 );
	}
}
