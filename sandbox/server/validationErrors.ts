import { ApiError } from './errors.ts';

/** The part of an Ajv error that Fastify hands to the error handler. */
export interface SchemaError {
	keyword: string;
	instancePath: string;
	params: Record< string, unknown >;
	message?: string;
	/** Set by Ajv on the inner error of a failed `propertyNames` check. */
	propertyName?: string;
}

/** "/items/0/price" -> "items[0].price"; a missing or unknown property is appended to its parent's path. */
export function fieldPath( instancePath: string, child?: string ): string {
	const parts = instancePath
		.split( '/' )
		.filter( ( part ) => part !== '' )
		.map( ( part ) => part.replace( /~1/g, '/' ).replace( /~0/g, '~' ) );
	if ( child !== undefined ) {
		parts.push( child );
	}
	let path = '';
	for ( const part of parts ) {
		if ( /^\d+$/.test( part ) ) {
			path += `[${ part }]`;
		} else {
			path += path === '' ? part : `.${ part }`;
		}
	}
	return path;
}

function describe( error: SchemaError, field: string ): string {
	const p = error.params;
	switch ( error.keyword ) {
		case 'required':
			return `${ field } is required.`;
		case 'additionalProperties':
			return `${ field } is not a known field.`;
		case 'type':
			return `${ field } must be ${ article( String( p.type ) ) }.`;
		case 'enum':
			return `${ field } must be one of: ${ ( p.allowedValues as unknown[] ).join( ', ' ) }.`;
		case 'minLength':
			return p.limit === 1
				? `${ field } must not be empty.`
				: `${ field } must be at least ${ String( p.limit ) } characters long.`;
		case 'maxLength':
			return `${ field } must be at most ${ String( p.limit ) } characters long.`;
		case 'minItems':
			return `${ field } must hold at least ${ String( p.limit ) } entr${ p.limit === 1 ? 'y' : 'ies' }.`;
		case 'maxItems':
			return `${ field } must hold at most ${ String( p.limit ) } entries.`;
		case 'maxProperties':
			return `${ field } must hold at most ${ String( p.limit ) } keys.`;
		case 'minimum':
			return `${ field } must be ${ String( p.limit ) } or more.`;
		case 'maximum':
			return `${ field } must be ${ String( p.limit ) } or less.`;
		case 'exclusiveMinimum':
			return `${ field } must be more than ${ String( p.limit ) }.`;
		case 'format':
			return `${ field } must be a valid ${ formatName( String( p.format ) ) }.`;
		case 'pattern':
			return `${ field } has an invalid format.`;
		case 'propertyNames':
			return `${ field } has a key that is empty or longer than allowed.`;
		default:
			return `${ field } is invalid${ error.message === undefined ? '' : `: ${ error.message }` }.`;
	}
}

function article( type: string ): string {
	const names: Record< string, string > = {
		string: 'a string',
		number: 'a number',
		integer: 'a whole number',
		object: 'an object',
		array: 'an array',
		boolean: 'true or false',
	};
	return names[ type ] ?? type;
}

function formatName( format: string ): string {
	return (
		{
			email: 'email address',
			'date-time': 'ISO 8601 date and time (e.g. 2026-01-31T12:00:00Z)',
		}[ format ] ?? format
	);
}

/** Turn Fastify's schema failure into the contract's error: the first problem, naming its field. */
export function schemaErrorToApiError(
	errors: SchemaError[],
	context: string
): ApiError {
	const first = errors[ 0 ];
	if ( first === undefined ) {
		return new ApiError(
			400,
			'invalid_parameter',
			'The request is invalid.'
		);
	}
	let child: string | undefined;
	if ( first.keyword === 'required' ) {
		child = String( first.params.missingProperty );
	} else if ( first.keyword === 'additionalProperties' ) {
		child = String( first.params.additionalProperty );
	} else if ( first.propertyName !== undefined ) {
		child = first.propertyName;
	} else if (
		first.keyword === 'propertyNames' &&
		first.params.propertyName !== undefined
	) {
		child = String( first.params.propertyName );
	}
	let field = fieldPath( first.instancePath, child );
	if ( field === '' ) {
		field = context === 'body' ? 'body' : context;
	}
	const code =
		first.keyword === 'required'
			? 'missing_parameter'
			: 'invalid_parameter';
	if ( first.propertyName !== undefined ) {
		return new ApiError(
			400,
			'invalid_parameter',
			`${ field }: keys must be 1 to ${ String( first.params.limit ?? 40 ) } characters long.`,
			{
				field,
				rule: 'propertyNames',
				location: context,
			}
		);
	}
	const message =
		field === 'body' && first.keyword === 'type'
			? 'The request body must be a JSON object.'
			: describe( first, field );
	return new ApiError( 400, code, message, {
		field,
		rule: first.keyword,
		location: context,
	} );
}
