import { CURRENCIES } from '../money.ts';
import {
	customerSchema,
	isoTimeSchema,
	metadataSchema,
	sessionIdParams,
	urlSchema,
} from './common.ts';

export const createSessionSchema = {
	body: {
		type: 'object',
		additionalProperties: false,
		required: [
			'platform',
			'platformOrderId',
			'items',
			'customer',
			'totalAmount',
			'currency',
			'returnUrl',
			'cancelUrl',
		],
		properties: {
			platform: { type: 'string', minLength: 1, maxLength: 50 },
			platformOrderId: { type: 'string', minLength: 1, maxLength: 255 },
			shopId: { type: 'string', minLength: 1, maxLength: 64 },
			items: {
				type: 'array',
				minItems: 1,
				maxItems: 500,
				items: {
					type: 'object',
					additionalProperties: false,
					required: [ 'name', 'price', 'quantity' ],
					properties: {
						name: { type: 'string', minLength: 1, maxLength: 255 },
						price: { type: 'number', minimum: 0 },
						quantity: {
							type: 'integer',
							minimum: 1,
							maximum: 1_000_000,
						},
						productId: {
							type: 'string',
							minLength: 1,
							maxLength: 255,
						},
						description: { type: 'string', maxLength: 2000 },
					},
				},
			},
			customer: customerSchema,
			totalAmount: { type: 'number', exclusiveMinimum: 0 },
			currency: { type: 'string', enum: CURRENCIES },
			returnUrl: urlSchema,
			cancelUrl: urlSchema,
			webhookUrl: urlSchema,
			metadata: metadataSchema,
			expiresAt: isoTimeSchema,
		},
	},
} as const;

export const getSessionSchema = { params: sessionIdParams } as const;

export const patchSessionSchema = {
	params: sessionIdParams,
	body: {
		type: 'object',
		additionalProperties: false,
		properties: {
			customer: {
				type: 'object',
				additionalProperties: false,
				properties: customerSchema.properties,
			},
			metadata: metadataSchema,
			expiresAt: isoTimeSchema,
		},
	},
} as const;

export const refundSchema = {
	params: sessionIdParams,
	body: {
		type: 'object',
		additionalProperties: false,
		required: [ 'reason' ],
		properties: {
			amount: { type: 'number', exclusiveMinimum: 0 },
			reason: { type: 'string', minLength: 1, maxLength: 500 },
			notify_customer: { type: 'boolean' },
		},
	},
} as const;
