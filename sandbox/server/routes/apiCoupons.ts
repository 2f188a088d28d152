import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.ts';
import {
	applyCoupon,
	type CreateCouponBody,
	couponView,
	createCoupon,
} from '../coupons.ts';
import { applyCouponSchema, createCouponSchema } from '../schemas/coupon.ts';

export function apiCouponRoutes(
	app: FastifyInstance,
	ctx: SandboxContext
): void {
	app.post< { Body: CreateCouponBody } >(
		'/api/coupons/create',
		{ schema: createCouponSchema, config: { idempotent: true } },
		async ( request ) => {
			const coupon = createCoupon( ctx, request.body );
			return { success: true, coupon: couponView( coupon ) };
		}
	);

	app.post< { Body: { sessionId: string; couponCode: string } } >(
		'/api/coupons/apply',
		{ schema: applyCouponSchema },
		async ( request ) =>
			applyCoupon( ctx, request.body.sessionId, request.body.couponCode )
	);
}
