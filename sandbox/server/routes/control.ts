import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { API_FAULT_MODES, WEBHOOK_FAULT_MODES } from '../faults.ts';
import {
	beginSchema,
	controlEmptyBodySchema,
	controlRefundSchema,
	controlSessionSchema,
	deliveriesQuerySchema,
	failSchema,
	faultSchema,
	paySchema,
	redeliverSchema,
	resetSchema,
} from '../schemas/control.ts';
import {
	begin,
	cancel,
	controlView,
	deliveryView,
	deposit,
	expire,
	expireDueSessions,
	fail,
	findSession,
	pay,
	refund,
} from '../sessions.ts';
import type { Fault, FaultTarget, PaymentMethod } from '../types.ts';

interface SessionParams {
	sessionId: string;
}

/** The /sandbox/ control surface of sandbox.md: what tests and testers use to play the shopper and the service. */
export function controlRoutes(
	app: FastifyInstance,
	ctx: SandboxContext
): void {
	app.get( '/sandbox/health', async () => ( { ok: true } ) );

	app.get( '/sandbox/sessions', async () => {
		expireDueSessions( ctx );
		const sessions = Object.values( ctx.store.state.sessions ).sort(
			( a, b ) =>
				a.createdAt === b.createdAt
					? b.sessionId.localeCompare( a.sessionId )
					: b.createdAt.localeCompare( a.createdAt )
		);
		return {
			sessions: sessions.map( ( session ) =>
				controlView( ctx, session )
			),
		};
	} );

	app.get< { Params: SessionParams } >(
		'/sandbox/sessions/:sessionId',
		{ schema: controlSessionSchema },
		async ( request ) =>
			controlView( ctx, findSession( ctx, request.params.sessionId ) )
	);

	app.post< {
		Params: SessionParams;
		Body: { method: PaymentMethod; installments?: number };
	} >(
		'/sandbox/sessions/:sessionId/pay',
		{ schema: paySchema },
		async ( request ) =>
			pay(
				ctx,
				request.params.sessionId,
				request.body.method,
				request.body.installments
			)
	);

	app.post< { Params: SessionParams; Body: { method: PaymentMethod } } >(
		'/sandbox/sessions/:sessionId/begin',
		{ schema: beginSchema },
		async ( request ) =>
			begin( ctx, request.params.sessionId, request.body.method )
	);

	app.post< {
		Params: SessionParams;
		Body: { code: string; message?: string };
	} >(
		'/sandbox/sessions/:sessionId/fail',
		{ schema: failSchema },
		async ( request ) =>
			fail(
				ctx,
				request.params.sessionId,
				request.body.code,
				request.body.message
			)
	);

	app.post< { Params: SessionParams } >(
		'/sandbox/sessions/:sessionId/cancel',
		{ schema: controlEmptyBodySchema },
		async ( request ) => cancel( ctx, request.params.sessionId )
	);

	app.post< { Params: SessionParams } >(
		'/sandbox/sessions/:sessionId/deposit',
		{ schema: controlEmptyBodySchema },
		async ( request ) => deposit( ctx, request.params.sessionId )
	);

	app.post< { Params: SessionParams } >(
		'/sandbox/sessions/:sessionId/expire',
		{ schema: controlEmptyBodySchema },
		async ( request ) => expire( ctx, request.params.sessionId )
	);

	app.post< {
		Params: SessionParams;
		Body: { amount?: number; reason?: string };
	} >(
		'/sandbox/sessions/:sessionId/refund',
		{ schema: controlRefundSchema },
		async ( request ) => {
			const entry = await refund(
				ctx,
				request.params.sessionId,
				request.body.amount,
				request.body.reason ??
					'Refunded in the Korea Checkout dashboard (sandbox)',
				'dashboard'
			);
			return entry;
		}
	);

	app.get< { Querystring: { sessionId?: string } } >(
		'/sandbox/deliveries',
		{ schema: deliveriesQuerySchema },
		async ( request ) => {
			const sessionId = request.query.sessionId;
			const deliveries = Object.values( ctx.store.state.deliveries )
				.filter(
					( delivery ) =>
						sessionId === undefined ||
						delivery.sessionId === sessionId
				)
				.sort( ( a, b ) => a.createdAt.localeCompare( b.createdAt ) );
			return { deliveries: deliveries.map( deliveryView ) };
		}
	);

	app.post< { Params: { deliveryId: string } } >(
		'/sandbox/deliveries/:deliveryId/redeliver',
		{ schema: redeliverSchema },
		async ( request ) => {
			const delivery = await ctx.webhooks.redeliver(
				request.params.deliveryId
			);
			if ( delivery === null ) {
				throw new ApiError(
					404,
					'delivery_not_found',
					'No webhook delivery with this id exists.',
					{ deliveryId: request.params.deliveryId }
				);
			}
			return deliveryView( delivery );
		}
	);

	app.get( '/sandbox/faults', async () => ( { faults: ctx.faults.list() } ) );

	app.post< {
		Body: {
			target: FaultTarget;
			mode: Fault[ 'mode' ];
			count?: number;
			delayMs?: number;
		};
	} >( '/sandbox/faults', { schema: faultSchema }, async ( request ) => {
		const { target, mode, count, delayMs } = request.body;
		const modes: readonly string[] =
			target === 'webhook' ? WEBHOOK_FAULT_MODES : API_FAULT_MODES;
		if ( ! modes.includes( mode ) ) {
			throw new ApiError(
				400,
				'invalid_parameter',
				`mode must be one of ${ modes.join( ', ' ) } for target ${ target }.`,
				{ field: 'mode' }
			);
		}
		return ctx.faults.arm(
			target,
			mode,
			count ?? 1,
			delayMs,
			new Date( ctx.now() )
		);
	} );

	app.delete( '/sandbox/faults', async () => {
		ctx.faults.clear();
		return { ok: true };
	} );

	app.post( '/sandbox/reset', { schema: resetSchema }, async () => {
		ctx.webhooks.reset();
		ctx.store.reset();
		ctx.rateLimiter.reset();
		return { ok: true };
	} );
}
