import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { apiGuard, holdAnswer, releaseHeldAnswers } from './apiGuard.ts';
import type { SandboxContext } from './context.ts';
import { controlGuard } from './controlGuard.ts';
import { ApiError } from './errors.ts';
import { Idempotency } from './idempotency.ts';
import { pageRoutes } from './pages.ts';
import { RouteTable } from './routeTable.ts';
import { apiCouponRoutes } from './routes/apiCoupons.ts';
import { apiSessionRoutes } from './routes/apiSessions.ts';
import { apiShopRoutes } from './routes/apiShops.ts';
import { controlRoutes } from './routes/control.ts';
import { type SchemaError, schemaErrorToApiError } from './validationErrors.ts';

export const BODY_LIMIT = 1024 * 1024;

function isApi( url: string ): boolean {
	return url.startsWith( '/api/' ) || url === '/api';
}

function isControl( url: string ): boolean {
	return url.startsWith( '/sandbox/' ) || url === '/sandbox';
}

/** Build the Fastify instance: the API, the control surface, the pages, and one error shape for everything. */
export async function buildApp(
	ctx: SandboxContext,
	logger = false
): Promise< FastifyInstance > {
	const app = Fastify( {
		logger,
		bodyLimit: BODY_LIMIT,
		return503OnClosing: true,
		ajv: {
			customOptions: {
				coerceTypes: false,
				removeAdditional: false,
				useDefaults: false,
				allErrors: false,
			},
		},
	} );
	const routes = new RouteTable();
	const idempotency = new Idempotency( ctx );

	app.addHook( 'onRoute', ( route ) =>
		routes.add( route.method, route.url )
	);

	// JSON bodies through Fastify's own (prototype-poisoning-safe) parser, but an empty body means "no fields".
	app.removeContentTypeParser( 'text/plain' );
	const parseJson = app.getDefaultJsonParser( 'error', 'error' );
	app.addContentTypeParser(
		'application/json',
		{ parseAs: 'string' },
		( request, body, done ) => {
			const text =
				typeof body === 'string' ? body : body.toString( 'utf8' );
			if ( text.trim() === '' ) {
				done( null, {} );
				return;
			}
			parseJson(
				request,
				text,
				( error: Error | null, value?: unknown ) => {
					if ( error !== null ) {
						done(
							new ApiError(
								400,
								'invalid_json',
								'The request body is not valid JSON.',
								{ reason: error.message }
							),
							undefined
						);
						return;
					}
					done( null, value );
				}
			);
		}
	);

	const guardApi = apiGuard( ctx );
	const guardControl = controlGuard( ctx );
	app.addHook( 'onRequest', async ( request, reply ) => {
		reply.header( 'x-content-type-options', 'nosniff' );
		const url = request.url.split( '?' )[ 0 ] ?? '';
		if ( isApi( url ) ) {
			await guardApi( request, reply );
		} else if ( isControl( url ) && url !== '/sandbox/health' ) {
			await guardControl( request, reply );
		}
	} );

	// A request without a body (no Content-Type, nothing sent) is validated as `{}`.
	app.addHook( 'preValidation', async ( request ) => {
		if (
			request.body === undefined &&
			request.routeOptions.schema?.body !== undefined
		) {
			request.body = {};
		}
	} );

	app.addHook( 'preHandler', idempotency.preHandler() );

	app.addHook( 'onSend', async ( request, reply, payload ) => {
		idempotency.remember( request, reply, payload );
		idempotency.finish( request );
		await holdAnswer( request );
		return payload;
	} );
	app.addHook( 'preClose', async () => releaseHeldAnswers() );
	app.addHook( 'onResponse', async ( request ) =>
		idempotency.finish( request )
	);
	app.addHook( 'onRequestAbort', async ( request ) =>
		idempotency.finish( request )
	);

	app.setErrorHandler( ( error: FastifyError | ApiError, request, reply ) => {
		const apiError = toApiError( error );
		if ( apiError.status >= 500 && ! ( error instanceof ApiError ) ) {
			request.log.error( error );
		}
		reply
			.code( apiError.status )
			.headers( apiError.headers )
			.type( 'application/json; charset=utf-8' )
			.send( apiError.body() );
	} );

	app.setNotFoundHandler( ( request, reply ) => {
		const path = request.url.split( '?' )[ 0 ] ?? '';
		const allowed = routes.allowed( path );
		if ( allowed.length > 0 ) {
			reply.header( 'allow', allowed.join( ', ' ) );
			throw new ApiError(
				405,
				'method_not_allowed',
				`${ request.method } is not allowed here; use ${ allowed.join( ' or ' ) }.`,
				{
					method: request.method,
					allowed,
				}
			);
		}
		throw new ApiError(
			404,
			'not_found',
			`There is no ${ request.method } ${ path }.`,
			{ method: request.method, path }
		);
	} );

	apiSessionRoutes( app, ctx );
	apiShopRoutes( app, ctx );
	apiCouponRoutes( app, ctx );
	controlRoutes( app, ctx );
	await pageRoutes( app );
	return app;
}

function toApiError( error: FastifyError | ApiError ): ApiError {
	if ( error instanceof ApiError ) {
		return error;
	}
	if ( error.validation !== undefined ) {
		return schemaErrorToApiError(
			error.validation as unknown as SchemaError[],
			error.validationContext ?? 'body'
		);
	}
	switch ( error.code ) {
		case 'FST_ERR_CTP_BODY_TOO_LARGE':
			return new ApiError(
				413,
				'payload_too_large',
				'The request body is larger than 1 MB.',
				{ limit: BODY_LIMIT }
			);
		case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
			return new ApiError(
				415,
				'unsupported_media_type',
				'Send the body as JSON with Content-Type: application/json.',
				{}
			);
		case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
			return new ApiError(
				400,
				'invalid_request',
				'The Content-Length header does not match the body.',
				{}
			);
		default:
			break;
	}
	const status =
		typeof error.statusCode === 'number' ? error.statusCode : 500;
	if ( status >= 400 && status < 500 ) {
		return new ApiError( status, 'invalid_request', error.message, {} );
	}
	return new ApiError(
		500,
		'internal_error',
		'The sandbox failed to handle this request.',
		{}
	);
}
