import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLoopbackAddress } from './config.ts';
import type { SandboxContext } from './context.ts';
import { ApiError } from './errors.ts';

/**
 * The control surface answers this machine only, unless the sandbox itself listens on the network
 * (then whoever can reach it is meant to test with it). A browser request from another site is always refused,
 * so that a web page a tester happens to open cannot pay, refund or reset through their browser.
 */
export function controlGuard( ctx: SandboxContext ) {
	return async function guard(
		request: FastifyRequest,
		reply: FastifyReply
	): Promise< void > {
		reply.header( 'cache-control', 'no-store' );
		if (
			! ctx.controlOpenToNetwork &&
			! isLoopbackAddress( request.socket.remoteAddress )
		) {
			throw new ApiError(
				403,
				'forbidden',
				'The sandbox control surface answers only requests from this machine.',
				{}
			);
		}
		const origin = request.headers.origin;
		if (
			origin !== undefined &&
			request.method !== 'GET' &&
			request.method !== 'HEAD' &&
			! isOwnOrigin( ctx, origin, request.headers.host )
		) {
			throw new ApiError(
				403,
				'forbidden_origin',
				'Cross-site requests to the sandbox control surface are refused.',
				{ origin }
			);
		}
	};
}

function isOwnOrigin(
	ctx: SandboxContext,
	origin: string,
	host: string | undefined
): boolean {
	let parsed: URL;
	try {
		parsed = new URL( origin );
	} catch {
		return false;
	}
	return (
		parsed.host === host ||
		parsed.origin === new URL( ctx.publicUrl() ).origin
	);
}
