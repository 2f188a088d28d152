import type { SandboxContext } from './context.ts';
import { ApiError, invalidParameter } from './errors.ts';
import { newId } from './ids.ts';
import { fromMinor, toMinor } from './money.ts';
import { findSession } from './sessions.ts';
import type { Coupon, CouponType, Session } from './types.ts';

/** Lines that are shipping: the store sends shipping as an item whose productId is "shipping". */
export const SHIPPING_PRODUCT_ID = 'shipping';

const DEFAULT_APPLIES_TO: Record< CouponType, string > = {
	percentage: 'cart_total',
	fixed_amount: 'cart_total',
	free_shipping: 'shipping',
	product_specific: 'products',
};

export interface CreateCouponBody {
	code: string;
	name_ko: string;
	name_en?: string;
	type: CouponType;
	discount_value: number;
	valid_from?: string;
	valid_until?: string;
	usage_limit?: number;
	usage_limit_per_customer?: number;
	minimum_order_amount?: number;
	applies_to?: string;
	product_ids?: string[];
}

function normalise( code: string ): string {
	return code.toUpperCase();
}

export function createCoupon(
	ctx: SandboxContext,
	body: CreateCouponBody
): Coupon {
	const code = normalise( body.code );
	if ( ctx.store.state.coupons[ code ] !== undefined ) {
		throw new ApiError(
			400,
			'coupon_code_exists',
			'A coupon with this code already exists.',
			{ field: 'code', code }
		);
	}
	if (
		( body.type === 'percentage' || body.type === 'product_specific' ) &&
		( body.discount_value <= 0 || body.discount_value > 100 )
	) {
		throw invalidParameter(
			'discount_value',
			'discount_value is a percentage here: more than 0 and at most 100.'
		);
	}
	if (
		body.type === 'fixed_amount' &&
		( body.discount_value <= 0 ||
			toMinor( body.discount_value, 'KRW' ) === null )
	) {
		throw invalidParameter(
			'discount_value',
			'discount_value is an amount in won here: a whole number above 0.'
		);
	}
	if ( body.type === 'product_specific' && body.product_ids === undefined ) {
		throw new ApiError(
			400,
			'missing_parameter',
			'product_ids is required for a product_specific coupon.',
			{ field: 'product_ids' }
		);
	}
	if (
		body.valid_from !== undefined &&
		body.valid_until !== undefined &&
		Date.parse( body.valid_until ) <= Date.parse( body.valid_from )
	) {
		throw invalidParameter(
			'valid_until',
			'valid_until must be after valid_from.'
		);
	}
	const coupon: Coupon = {
		id: newId( 'cpn', 8 ),
		code,
		name_ko: body.name_ko,
		name_en: body.name_en ?? null,
		type: body.type,
		discount_value: body.discount_value,
		valid_from: body.valid_from ?? null,
		valid_until: body.valid_until ?? null,
		usage_limit: body.usage_limit ?? null,
		usage_limit_per_customer: body.usage_limit_per_customer ?? null,
		minimum_order_amount: body.minimum_order_amount ?? null,
		applies_to: body.applies_to ?? DEFAULT_APPLIES_TO[ body.type ],
		product_ids: body.product_ids ?? [],
		times_used: 0,
		uses_by_customer: {},
		created_at: new Date( ctx.now() ).toISOString(),
	};
	ctx.store.mutate( ( state ) => {
		state.coupons[ code ] = coupon;
	} );
	return coupon;
}

export function couponView(
	coupon: Coupon
): Omit< Coupon, 'uses_by_customer' > {
	const { uses_by_customer: _uses, ...view } = coupon;
	return view;
}

/** The discount in minor units of the session's currency. */
function discountMinor(
	coupon: Coupon,
	session: Session,
	total: number
): number {
	const lineTotal = ( match: ( productId: string | undefined ) => boolean ) =>
		session.items
			.filter( ( item ) => match( item.productId ) )
			.reduce(
				( sum, item ) =>
					sum +
					( toMinor( item.price, session.currency ) ?? 0 ) *
						item.quantity,
				0
			);
	switch ( coupon.type ) {
		case 'percentage':
			return Math.floor( ( total * coupon.discount_value ) / 100 );
		case 'fixed_amount':
			return Math.min(
				total,
				toMinor( coupon.discount_value, session.currency ) ?? 0
			);
		case 'free_shipping':
			return lineTotal(
				( productId ) => productId === SHIPPING_PRODUCT_ID
			);
		case 'product_specific':
			return Math.floor(
				( lineTotal(
					( productId ) =>
						productId !== undefined &&
						coupon.product_ids.includes( productId )
				) *
					coupon.discount_value ) /
					100
			);
	}
}

export function applyCoupon(
	ctx: SandboxContext,
	sessionId: string,
	couponCode: string
): Record< string, unknown > {
	const session = findSession( ctx, sessionId );
	const coupon = ctx.store.state.coupons[ normalise( couponCode ) ];
	if ( coupon === undefined ) {
		throw new ApiError(
			404,
			'coupon_not_found',
			'No coupon with this code exists.',
			{ field: 'couponCode', couponCode }
		);
	}
	if ( session.status !== 'pending' ) {
		throw new ApiError(
			400,
			'session_not_modifiable',
			`A session that is ${ session.status } can no longer take a coupon.`,
			{ sessionId }
		);
	}
	if ( session.coupon !== null ) {
		throw new ApiError(
			400,
			'coupon_already_applied',
			'This session already has a coupon.',
			{ sessionId, code: session.coupon.code }
		);
	}
	const now = ctx.now();
	if (
		( coupon.valid_from !== null &&
			Date.parse( coupon.valid_from ) > now ) ||
		( coupon.valid_until !== null &&
			Date.parse( coupon.valid_until ) < now )
	) {
		throw new ApiError(
			400,
			'coupon_not_active',
			'This coupon is not valid at this time.',
			{ couponCode: coupon.code }
		);
	}
	if (
		coupon.usage_limit !== null &&
		coupon.times_used >= coupon.usage_limit
	) {
		throw new ApiError(
			400,
			'coupon_usage_limit_reached',
			'This coupon has been used as often as it may be.',
			{ couponCode: coupon.code }
		);
	}
	const customerKey = session.customer.email.toLowerCase();
	if (
		coupon.usage_limit_per_customer !== null &&
		( coupon.uses_by_customer[ customerKey ] ?? 0 ) >=
			coupon.usage_limit_per_customer
	) {
		throw new ApiError(
			400,
			'coupon_usage_limit_reached',
			'This customer has used this coupon as often as they may.',
			{ couponCode: coupon.code }
		);
	}
	const total = toMinor( session.totalAmount, session.currency ) ?? 0;
	const minimum =
		coupon.minimum_order_amount === null
			? 0
			: ( toMinor( coupon.minimum_order_amount, session.currency ) ?? 0 );
	if ( total < minimum ) {
		throw new ApiError(
			400,
			'coupon_minimum_not_met',
			'The order is below the minimum amount of this coupon.',
			{
				minimum_order_amount: coupon.minimum_order_amount,
				totalAmount: session.totalAmount,
			}
		);
	}
	const discount = discountMinor( coupon, session, total );
	if ( discount <= 0 ) {
		throw new ApiError(
			400,
			'coupon_not_applicable',
			'This coupon gives no discount on this session.',
			{ couponCode: coupon.code }
		);
	}
	const amount = fromMinor( discount, session.currency );
	const newTotal = fromMinor( total - discount, session.currency );
	ctx.store.mutate( () => {
		session.coupon = {
			code: coupon.code,
			type: coupon.type,
			value: coupon.discount_value,
			amount,
			originalAmount: session.totalAmount,
		};
		session.totalAmount = newTotal;
		session.updatedAt = new Date( now ).toISOString();
		coupon.times_used += 1;
		coupon.uses_by_customer[ customerKey ] =
			( coupon.uses_by_customer[ customerKey ] ?? 0 ) + 1;
	} );
	return {
		success: true,
		discount: { type: coupon.type, value: coupon.discount_value, amount },
		newTotal,
	};
}
