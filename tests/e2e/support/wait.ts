/**
 * Waiting for a page that must stay settled, not only become so: a checkout can start a new request just after a
 * check (pushing an address, re-drawing its order review). expect.poll takes the first moment a state holds;
 * this takes a state that held for `quietMs` in a row.
 */
export async function waitUntilQuiet< T >(
	what: string,
	probe: () => Promise< T >,
	accept: ( value: T ) => boolean,
	timeoutMs: number,
	quietMs: number,
	intervalMs = 100
): Promise< void > {
	const deadline = Date.now() + timeoutMs;
	let quietSince = 0;
	for (;;) {
		const value = await probe();
		if ( accept( value ) ) {
			quietSince ||= Date.now();
			if ( Date.now() - quietSince >= quietMs ) {
				return;
			}
		} else {
			quietSince = 0;
		}
		if ( Date.now() > deadline ) {
			throw new Error(
				`${ what }: still ${ JSON.stringify( value ) } after ${ timeoutMs / 1000 } s`
			);
		}
		await new Promise( ( resolveWait ) =>
			setTimeout( resolveWait, intervalMs )
		);
	}
}
