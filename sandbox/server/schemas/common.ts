/** JSON-schema pieces shared by the routes (validated by Fastify's Ajv, with type coercion turned off). */

export const metadataSchema = {
	type: 'object',
	maxProperties: 50,
	propertyNames: { type: 'string', minLength: 1, maxLength: 40 },
	additionalProperties: { type: 'string', maxLength: 2000 },
} as const;

export const customerSchema = {
	type: 'object',
	additionalProperties: false,
	required: [ 'name', 'email' ],
	properties: {
		name: { type: 'string', minLength: 1, maxLength: 100 },
		email: { type: 'string', format: 'email', maxLength: 254 },
		phone: {
			type: 'string',
			minLength: 3,
			maxLength: 30,
			pattern: '^\\+?[0-9][0-9 ()-]*$',
		},
	},
} as const;

export const urlSchema = {
	type: 'string',
	minLength: 1,
	maxLength: 2048,
} as const;

export const isoTimeSchema = { type: 'string', format: 'date-time' } as const;

export const sessionIdParams = {
	type: 'object',
	required: [ 'sessionId' ],
	properties: { sessionId: { type: 'string' } },
} as const;

/** Routes without a body: any body is refused (an empty one, or `{}`, is accepted by the parser). */
export const emptyBodySchema = {
	type: 'object',
	additionalProperties: false,
	properties: {},
} as const;
