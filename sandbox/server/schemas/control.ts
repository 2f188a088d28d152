import {
	API_FAULT_MODES,
	API_FAULT_TARGETS,
	WEBHOOK_FAULT_MODES,
} from '../faults.ts';
import { PAYMENT_METHODS } from '../types.ts';
import { emptyBodySchema, sessionIdParams } from './common.ts';

export const controlSessionSchema = { params: sessionIdParams } as const;

export const controlEmptyBodySchema = {
	params: sessionIdParams,
	body: emptyBodySchema,
} as const;

export const paySchema = {
	params: sessionIdParams,
	body: {
		type: 'object',
		additionalProperties: false,
		required: [ 'method' ],
		properties: {
			method: { type: 'string', enum: PAYMENT_METHODS },
			installments: { type: 'integer', minimum: 0, maximum: 36 },
		},
	},
} as const;

/** A virtual account is issued by `pay`; every other method can be begun and left unfinished. */
export const beginSchema = {
	params: sessionIdParams,
	body: {
		type: 'object',
		additionalProperties: false,
		required: [ 'method' ],
		properties: {
			method: {
				type: 'string',
				enum: PAYMENT_METHODS.filter(
					( method ) => method !== 'virtual_account'
				),
			},
		},
	},
} as const;

export const failSchema = {
	params: sessionIdParams,
	body: {
		type: 'object',
		additionalProperties: false,
		required: [ 'code' ],
		properties: {
			code: {
				type: 'string',
				minLength: 2,
				maxLength: 64,
				pattern: '^[A-Z][A-Z0-9_]*$',
			},
			message: { type: 'string', minLength: 1, maxLength: 500 },
		},
	},
} as const;

export const controlRefundSchema = {
	params: sessionIdParams,
	body: {
		type: 'object',
		additionalProperties: false,
		properties: {
			amount: { type: 'number', exclusiveMinimum: 0 },
			reason: { type: 'string', minLength: 1, maxLength: 500 },
		},
	},
} as const;

export const deliveriesQuerySchema = {
	querystring: {
		type: 'object',
		additionalProperties: false,
		properties: { sessionId: { type: 'string', minLength: 1 } },
	},
} as const;

export const redeliverSchema = {
	params: {
		type: 'object',
		required: [ 'deliveryId' ],
		properties: { deliveryId: { type: 'string' } },
	},
	body: emptyBodySchema,
} as const;

export const faultSchema = {
	body: {
		type: 'object',
		additionalProperties: false,
		required: [ 'target', 'mode' ],
		properties: {
			target: {
				type: 'string',
				enum: [ ...API_FAULT_TARGETS, 'webhook' ],
			},
			mode: {
				type: 'string',
				enum: [ ...API_FAULT_MODES, ...WEBHOOK_FAULT_MODES ],
			},
			count: { type: 'integer', minimum: 1, maximum: 1000 },
			delayMs: { type: 'integer', minimum: 0, maximum: 600_000 },
		},
	},
} as const;

export const resetSchema = { body: emptyBodySchema } as const;
