/** The contract's error body: {"error": {"code", "message", "details"}}. */
export interface ErrorBody {
	error: {
		code: string;
		message: string;
		details: Record< string, unknown >;
	};
}

/** An error that becomes a contract error response; thrown anywhere in a handler. */
export class ApiError extends Error {
	readonly status: number;
	readonly code: string;
	readonly details: Record< string, unknown >;
	readonly headers: Record< string, string >;

	constructor(
		status: number,
		code: string,
		message: string,
		details: Record< string, unknown > = {},
		headers: Record< string, string > = {}
	) {
		super( message );
		this.status = status;
		this.code = code;
		this.details = details;
		this.headers = headers;
	}

	body(): ErrorBody {
		return {
			error: {
				code: this.code,
				message: this.message,
				details: this.details,
			},
		};
	}
}

export const invalidParameter = (
	field: string,
	message: string,
	extra: Record< string, unknown > = {}
): ApiError =>
	new ApiError( 400, 'invalid_parameter', message, { field, ...extra } );

export const sessionNotFound = ( sessionId: string ): ApiError =>
	new ApiError( 404, 'session_not_found', 'No session with this id exists.', {
		sessionId,
		field: 'sessionId',
	} );
