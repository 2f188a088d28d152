/** returnUrl / cancelUrl with the contract's query parameters added, keeping the ones the store put there. */
export function redirectUrl(
	base: string,
	params: Record< string, string >
): string {
	const url = new URL( base );
	for ( const [ name, value ] of Object.entries( params ) ) {
		url.searchParams.set( name, value );
	}
	return url.toString();
}
