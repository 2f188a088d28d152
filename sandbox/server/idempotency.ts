import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from './context.ts';
import { ApiError } from './errors.ts';

const KEEP_MS = 24 * 60 * 60 * 1000;

declare module 'fastify' {
	interface FastifyRequest {
		idempotency?: { scope: string; bodyHash: string; release: () => void };
	}
}

/** JSON with sorted keys, so that the same body sent with its keys in another order is still the same body. */
function compareKeys( a: string, b: string ): number {
	if ( a === b ) {
		return 0;
	}
	return a < b ? -1 : 1;
}

function canonical( value: unknown ): string {
	if ( Array.isArray( value ) ) {
		return `[${ value.map( canonical ).join( ',' ) }]`;
	}
	if ( value !== null && typeof value === 'object' ) {
		const entries = Object.entries(
			value as Record< string, unknown >
		).sort( ( [ a ], [ b ] ) => compareKeys( a, b ) );
		return `{${ entries.map( ( [ key, item ] ) => `${ JSON.stringify( key ) }:${ canonical( item ) }` ).join( ',' ) }}`;
	}
	return JSON.stringify( value ) ?? 'null';
}

/**
 * Idempotency-Key: the first successful answer is kept for 24 hours and replayed for the same key and body;
 * the same key with another body is refused. A request that arrives while the first is still running waits for it.
 */
export class Idempotency {
	private readonly ctx: SandboxContext;
	private readonly running = new Map< string, Promise< void > >();

	constructor( ctx: SandboxContext ) {
		this.ctx = ctx;
	}

	preHandler() {
		return async (
			request: FastifyRequest,
			reply: FastifyReply
		): Promise< void > => {
			if ( request.routeOptions.config.idempotent !== true ) {
				return;
			}
			const header = request.headers[ 'idempotency-key' ];
			if ( header === undefined ) {
				return;
			}
			if (
				typeof header !== 'string' ||
				header.length < 1 ||
				header.length > 255 ||
				! /^[\x21-\x7e]+$/.test( header )
			) {
				throw new ApiError(
					400,
					'invalid_parameter',
					'Idempotency-Key must be 1 to 255 visible ASCII characters.',
					{ field: 'Idempotency-Key' }
				);
			}
			const scope = `${ this.ctx.keys.apiKey }|${ request.method } ${ request.url.split( '?' )[ 0 ] ?? '' }|${ header }`;
			const bodyHash = createHash( 'sha256' )
				.update( canonical( request.body ) )
				.digest( 'hex' );
			while ( this.running.has( scope ) ) {
				await this.running.get( scope );
			}
			this.prune();
			const record = this.ctx.store.state.idempotency[ scope ];
			if ( record !== undefined ) {
				if ( record.bodyHash !== bodyHash ) {
					throw new ApiError(
						400,
						'idempotency_key_reused',
						'This Idempotency-Key was already used with a different request body.',
						{
							field: 'Idempotency-Key',
						}
					);
				}
				reply.header( 'idempotent-replayed', 'true' );
				reply
					.code( record.status )
					.type( 'application/json; charset=utf-8' );
				return reply.send( record.body );
			}
			let release = (): void => undefined;
			this.running.set(
				scope,
				new Promise< void >( ( resolve ) => {
					release = () => {
						this.running.delete( scope );
						resolve();
					};
				} )
			);
			request.idempotency = { scope, bodyHash, release };
		};
	}

	/** onSend: keep a successful answer. */
	remember(
		request: FastifyRequest,
		reply: FastifyReply,
		payload: unknown
	): void {
		const pending = request.idempotency;
		if ( pending === undefined ) {
			return;
		}
		if (
			reply.statusCode >= 200 &&
			reply.statusCode < 300 &&
			typeof payload === 'string'
		) {
			this.ctx.store.mutate( ( state ) => {
				state.idempotency[ pending.scope ] = {
					bodyHash: pending.bodyHash,
					status: reply.statusCode,
					body: payload,
					createdAt: new Date( this.ctx.now() ).toISOString(),
				};
			} );
		}
	}

	/** onResponse (or an aborted request): let waiting duplicates go on. */
	finish( request: FastifyRequest ): void {
		request.idempotency?.release();
		request.idempotency = undefined;
	}

	private prune(): void {
		const cutoff = this.ctx.now() - KEEP_MS;
		const stale = Object.entries( this.ctx.store.state.idempotency ).filter(
			( [ , record ] ) => Date.parse( record.createdAt ) < cutoff
		);
		if ( stale.length > 0 ) {
			this.ctx.store.mutate( ( state ) => {
				for ( const [ scope ] of stale ) {
					delete state.idempotency[ scope ];
				}
			} );
		}
	}
}
