import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_KEY_PATTERN } from './config.ts';
import type { SandboxContext } from './context.ts';
import { ApiError } from './errors.ts';
import type { ApiFaultTarget } from './types.ts';

declare module 'fastify' {
	interface FastifyContextConfig {
		/** The fault target this API route answers to (POST /sandbox/faults). */
		faultTarget?: ApiFaultTarget;
		/** The route honours Idempotency-Key. */
		idempotent?: boolean;
	}
	interface FastifyRequest {
		/** Set by a `hang` fault: the answer is held this long. */
		holdAnswerMs?: number;
	}
}

/**
 * For every /api/ request: the rate-limit headers, 429 over the limit, 401 without the sandbox key,
 * then any fault armed for the route.
 */
export function apiGuard( ctx: SandboxContext ) {
	return async function guard(
		request: FastifyRequest,
		reply: FastifyReply
	): Promise< void > {
		const presented = request.headers[ 'x-api-key' ];
		const key = typeof presented === 'string' ? presented : '';
		const valid = key === ctx.keys.apiKey;
		const bucket = valid ? key : `unauthenticated:${ request.ip }`;
		const rate = ctx.rateLimiter.hit( bucket, ctx.now() );
		reply.header( 'x-ratelimit-limit', String( rate.limit ) );
		reply.header( 'x-ratelimit-remaining', String( rate.remaining ) );
		reply.header( 'x-ratelimit-reset', String( rate.reset ) );
		reply.header( 'cache-control', 'no-store' );
		if ( rate.limited ) {
			throw new ApiError(
				429,
				'rate_limited',
				`Too many requests: the sandbox allows ${ rate.limit } per minute per key. Retry after ${ rate.retryAfterSeconds } s.`,
				{ limit: rate.limit, retryAfter: rate.retryAfterSeconds },
				{ 'retry-after': String( rate.retryAfterSeconds ) }
			);
		}
		if ( ! valid ) {
			throw unauthorized( key );
		}
		const target = request.routeOptions.config.faultTarget;
		if ( target === undefined ) {
			return;
		}
		const fault = ctx.faults.take( target );
		if ( fault?.mode === '500' ) {
			throw new ApiError(
				500,
				'internal_error',
				'The service failed to handle this request (sandbox fault).',
				{ fault: fault.id }
			);
		}
		if ( fault?.mode === '429' ) {
			const seconds = Math.max( 1, Math.ceil( fault.delayMs / 1000 ) );
			throw new ApiError(
				429,
				'rate_limited',
				`Too many requests (sandbox fault). Retry after ${ seconds } s.`,
				{ fault: fault.id, retryAfter: seconds },
				{
					'retry-after': String( seconds ),
				}
			);
		}
		if ( fault?.mode === 'hang' ) {
			request.holdAnswerMs = fault.delayMs;
		}
	};
}

function unauthorized( key: string ): ApiError {
	if ( key === '' ) {
		return new ApiError(
			401,
			'invalid_api_key',
			'The x-api-key header is missing.',
			{ field: 'x-api-key' }
		);
	}
	if ( key.startsWith( 'sk_live_' ) ) {
		return new ApiError(
			401,
			'invalid_api_key',
			'A live key (sk_live_) cannot be used with the sandbox; use its sk_test_ key.',
			{ field: 'x-api-key' }
		);
	}
	if ( ! API_KEY_PATTERN.test( key ) ) {
		return new ApiError(
			401,
			'invalid_api_key',
			'The API key is malformed: it must be sk_test_ or sk_live_ followed by 64 hex characters.',
			{
				field: 'x-api-key',
			}
		);
	}
	return new ApiError(
		401,
		'invalid_api_key',
		'The API key is not valid for this sandbox.',
		{ field: 'x-api-key' }
	);
}

/** Answers held by `hang` faults; released at once when the sandbox closes. */
const held = new Set< () => void >();

export function releaseHeldAnswers(): void {
	for ( const release of held ) {
		release();
	}
}

/** The `hang` fault: the request has had its effect, its answer comes after the delay (or when the client leaves). */
export async function holdAnswer( request: FastifyRequest ): Promise< void > {
	const ms = request.holdAnswerMs;
	if ( ms === undefined || ms <= 0 ) {
		return;
	}
	await new Promise< void >( ( resolve ) => {
		const socket = request.raw.socket;
		const release = () => {
			clearTimeout( timer );
			socket.off( 'close', release );
			held.delete( release );
			resolve();
		};
		const timer = setTimeout( release, ms );
		socket.once( 'close', release );
		held.add( release );
	} );
}
