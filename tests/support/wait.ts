/**
 * Polls a condition until it holds, for state that settles asynchronously (webhooks, background jobs).
 */
export async function waitUntil< T >(
	what: string,
	probe: () => Promise< T >,
	accept: ( value: T ) => boolean,
	timeoutMs = 20_000,
	intervalMs = 250
): Promise< T > {
	const deadline = Date.now() + timeoutMs;
	let last: T = await probe();
	while ( ! accept( last ) ) {
		if ( Date.now() > deadline ) {
			throw new Error(
				`${ what }: still ${ JSON.stringify( last ) } after ${ timeoutMs / 1000 } s`
			);
		}
		await new Promise( ( resolveWait ) =>
			setTimeout( resolveWait, intervalMs )
		);
		last = await probe();
	}
	return last;
}

/**
 * Polls until the probed state has been accepted for `quietMs` in a row: for a page that can start a new
 * request just after a check (a checkout pushing an address, re-drawing its order review).
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
