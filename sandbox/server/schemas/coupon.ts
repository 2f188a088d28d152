import { isoTimeSchema } from './common.ts';

export const createCouponSchema = {
	body: {
		type: 'object',
		additionalProperties: false,
		required: [ 'code', 'name_ko', 'type', 'discount_value' ],
		properties: {
			code: {
				type: 'string',
				minLength: 3,
				maxLength: 50,
				pattern: '^[A-Za-z0-9_-]+$',
			},
			name_ko: { type: 'string', minLength: 1, maxLength: 100 },
			name_en: { type: 'string', minLength: 1, maxLength: 100 },
			type: {
				type: 'string',
				enum: [
					'percentage',
					'fixed_amount',
					'free_shipping',
					'product_specific',
				],
			},
			discount_value: { type: 'number', minimum: 0 },
			valid_from: isoTimeSchema,
			valid_until: isoTimeSchema,
			usage_limit: { type: 'integer', minimum: 1 },
			usage_limit_per_customer: { type: 'integer', minimum: 1 },
			minimum_order_amount: { type: 'number', minimum: 0 },
			applies_to: {
				type: 'string',
				enum: [ 'cart_total', 'shipping', 'products' ],
			},
			product_ids: {
				type: 'array',
				minItems: 1,
				maxItems: 500,
				items: { type: 'string', minLength: 1, maxLength: 255 },
			},
		},
	},
} as const;

export const applyCouponSchema = {
	body: {
		type: 'object',
		additionalProperties: false,
		required: [ 'sessionId', 'couponCode' ],
		properties: {
			sessionId: { type: 'string', minLength: 1 },
			couponCode: { type: 'string', minLength: 1, maxLength: 50 },
		},
	},
} as const;
