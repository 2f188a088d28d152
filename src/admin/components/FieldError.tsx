/**
 * The server's sentence for a refused field, read out by screen readers as it appears.
 */
interface FieldErrorProps {
	field: string;
	message: string | undefined;
}

export function FieldError( { field, message }: FieldErrorProps ) {
	if ( ! message ) {
		return null;
	}
	return (
		<p className="kc-field-error" role="alert" data-field={ field }>
			{ message }
		</p>
	);
}
