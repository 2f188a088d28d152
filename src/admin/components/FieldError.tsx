/**
 * The server's sentence for a refused field, read out by screen readers as it appears, and the ids that tie
 * it to its control so that it is read again whenever the control takes focus.
 */
interface FieldErrorProps {
	field: string;
	message: string | undefined;
}

export function fieldErrorId( field: string ): string {
	return `kc-field-error-${ field }`;
}

/**
 * What a text control is described by: WordPress's help below it (`${ controlId }__help`, the id TextControl
 * gives it) and, while the field is refused, the sentence saying why.
 */
export function describedBy(
	controlId: string,
	hasHelp: boolean,
	field: string,
	error: string | undefined
): string | undefined {
	const ids = [
		hasHelp ? `${ controlId }__help` : '',
		error ? fieldErrorId( field ) : '',
	].filter( Boolean );
	return ids.length > 0 ? ids.join( ' ' ) : undefined;
}

export function FieldError( { field, message }: FieldErrorProps ) {
	if ( ! message ) {
		return null;
	}
	return (
		<p
			className="kc-field-error"
			role="alert"
			id={ fieldErrorId( field ) }
			data-field={ field }
		>
			{ message }
		</p>
	);
}
