import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { newId } from '../ids.ts';
import {
	createSessionSchema,
	getSessionSchema,
	patchSessionSchema,
	refundSchema,
} from '../schemas/session.ts';
import {
	type CreateSessionBody,
	checkAmounts,
	checkUrl,
	resolveExpiry,
} from '../sessionInput.ts';
import {
	bringExpiryForward,
	earlierExpiry,
	findSession,
	refund,
	sessionData,
} from '../sessions.ts';
import { checkoutOrigin, defaultShop, getShop } from '../shops.ts';
import type { Customer, Session } from '../types.ts';

interface SessionParams {
	sessionId: string;
}

interface PatchBody {
	customer?: Partial< Customer >;
	metadata?: Record< string, string >;
	expiresAt?: string;
}

interface RefundBody {
	amount?: number;
	reason: string;
	notify_customer?: boolean;
}

export function apiSessionRoutes(
	app: FastifyInstance,
	ctx: SandboxContext
): void {
	app.post< { Body: CreateSessionBody } >(
		'/api/checkout/create-session',
		{
			schema: createSessionSchema,
			config: { faultTarget: 'create-session', idempotent: true },
		},
		async ( request ) => {
			const body = request.body;
			checkUrl( body.returnUrl, 'returnUrl' );
			checkUrl( body.cancelUrl, 'cancelUrl' );
			if ( body.webhookUrl !== undefined ) {
				checkUrl( body.webhookUrl, 'webhookUrl' );
			}
			checkAmounts( body );
			const expiresAt = resolveExpiry( ctx, body.expiresAt );
			const shop =
				body.shopId === undefined
					? defaultShop( ctx )
					: getShop( ctx, body.shopId );
			const sessionId = newId( 'cs' );
			const now = new Date( ctx.now() ).toISOString();
			const session: Session = {
				sessionId,
				shopId: shop.id,
				status: 'pending',
				platform: body.platform,
				platformOrderId: body.platformOrderId,
				items: body.items,
				customer: body.customer,
				totalAmount: body.totalAmount,
				currency: body.currency,
				returnUrl: body.returnUrl,
				cancelUrl: body.cancelUrl,
				webhookUrl: body.webhookUrl ?? null,
				metadata: body.metadata ?? {},
				createdAt: now,
				updatedAt: now,
				expiresAt,
				completedAt: null,
				paymentMethod: null,
				installments: null,
				gateway: null,
				gatewayTransactionId: null,
				virtualAccount: null,
				refunds: [],
				failure: null,
				coupon: null,
				checkoutUrl: `${ checkoutOrigin( ctx, shop ) }/checkout/${ sessionId }`,
			};
			ctx.store.mutate( ( state ) => {
				state.sessions[ sessionId ] = session;
			} );
			return {
				success: true,
				sessionId,
				checkoutUrl: session.checkoutUrl,
				expiresAt,
			};
		}
	);

	app.get< { Params: SessionParams } >(
		'/api/checkout/session/:sessionId',
		{ schema: getSessionSchema, config: { faultTarget: 'get-session' } },
		async ( request ) => ( {
			success: true,
			data: sessionData( findSession( ctx, request.params.sessionId ) ),
		} )
	);

	app.patch< { Params: SessionParams; Body: PatchBody } >(
		'/api/checkout/session/:sessionId',
		{
			schema: patchSessionSchema,
			config: { faultTarget: 'patch-session' },
		},
		async ( request ) => {
			const session = findSession( ctx, request.params.sessionId );
			// A failed session can still be paid on the hosted page until it expires, so a store replacing it
			// must be able to retire it: `expiresAt` alone is accepted for it too.
			const retiresOnly =
				Object.keys( request.body ?? {} ).length === 1 &&
				request.body.expiresAt !== undefined;
			const modifiable =
				session.status === 'pending' ||
				( session.status === 'failed' && retiresOnly );
			if ( ! modifiable ) {
				throw new ApiError(
					400,
					'session_not_modifiable',
					`A session that is ${ session.status } can no longer be changed.`,
					{
						sessionId: session.sessionId,
						status: session.status,
					}
				);
			}
			const { customer, metadata, expiresAt } = request.body;
			const mergedMetadata = {
				...session.metadata,
				...( metadata ?? {} ),
			};
			if ( Object.keys( mergedMetadata ).length > 50 ) {
				throw new ApiError(
					400,
					'invalid_parameter',
					'metadata must hold at most 50 keys after the merge.',
					{ field: 'metadata' }
				);
			}
			const newExpiry =
				expiresAt === undefined
					? null
					: earlierExpiry( session, expiresAt );
			ctx.store.mutate( () => {
				session.customer = {
					...session.customer,
					...( customer ?? {} ),
				};
				session.metadata = mergedMetadata;
				session.updatedAt = new Date( ctx.now() ).toISOString();
			} );
			if ( newExpiry !== null ) {
				bringExpiryForward( ctx, session, newExpiry );
			}
			return { success: true, data: sessionData( session ) };
		}
	);

	app.post< { Params: SessionParams; Body: RefundBody } >(
		'/api/checkout/session/:sessionId/refund',
		{
			schema: refundSchema,
			config: { faultTarget: 'refund', idempotent: true },
		},
		async ( request ) => {
			const entry = await refund(
				ctx,
				request.params.sessionId,
				request.body.amount,
				request.body.reason,
				'api',
				request.body.notify_customer ?? null
			);
			return {
				refundId: entry.refundId,
				status: 'processing',
				amount: entry.amount,
				reason: entry.reason,
				processedAt: entry.processedAt,
			};
		}
	);
}
