import { PAYMENT_METHODS } from '../types.ts';
import { urlSchema } from './common.ts';

const shopIdParams = {
	type: 'object',
	required: [ 'shopId' ],
	properties: { shopId: { type: 'string' } },
} as const;

const nullableString = ( maxLength: number ) =>
	( { type: [ 'string', 'null' ], maxLength } ) as const;

const businessInfo = {
	type: 'object',
	additionalProperties: false,
	properties: {
		business_number: {
			type: 'string',
			pattern: '^[0-9]{3}-[0-9]{2}-[0-9]{5}$',
		},
		business_name: { type: 'string', minLength: 1, maxLength: 200 },
		ceo_name: { type: 'string', minLength: 1, maxLength: 100 },
		address: { type: 'string', minLength: 1, maxLength: 500 },
	},
} as const;

const contact = {
	type: 'object',
	additionalProperties: false,
	properties: {
		email: { type: 'string', format: 'email', maxLength: 254 },
		phone: {
			type: 'string',
			minLength: 3,
			maxLength: 30,
			pattern: '^\\+?[0-9][0-9 ()-]*$',
		},
	},
} as const;

const settings = {
	type: 'object',
	additionalProperties: false,
	properties: {
		currency: { type: 'string', enum: [ 'KRW', 'USD' ] },
		timezone: { type: 'string', minLength: 1, maxLength: 64 },
		language: { type: 'string', enum: [ 'ko', 'en', 'ja', 'zh' ] },
		webhook_url: urlSchema,
		notification_email: { type: 'string', format: 'email', maxLength: 254 },
		auto_refund_enabled: { type: 'boolean' },
		payment_timeout: { type: 'integer', minimum: 60, maximum: 604_800 },
	},
} as const;

const paymentMethods = {
	type: 'array',
	minItems: 1,
	uniqueItems: true,
	items: { type: 'string', enum: PAYMENT_METHODS },
} as const;

const shopFields = {
	name: { type: 'string', minLength: 1, maxLength: 100 },
	description: nullableString( 1000 ),
	website: { type: [ 'string', 'null' ], minLength: 1, maxLength: 2048 },
	business_info: businessInfo,
	contact,
	settings,
	payment_methods: paymentMethods,
} as const;

export const createShopSchema = {
	body: {
		type: 'object',
		additionalProperties: false,
		required: [ 'name' ],
		properties: shopFields,
	},
} as const;

export const getShopSchema = { params: shopIdParams } as const;

export const patchShopSchema = {
	params: shopIdParams,
	body: {
		type: 'object',
		additionalProperties: false,
		properties: shopFields,
	},
} as const;

export const customDomainSchema = {
	params: shopIdParams,
	body: {
		type: 'object',
		additionalProperties: false,
		required: [ 'domain' ],
		properties: {
			domain: {
				type: [ 'string', 'null' ],
				minLength: 1,
				maxLength: 253,
			},
		},
	},
} as const;
