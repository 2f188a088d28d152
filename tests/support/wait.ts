/**
 * Polls a condition until it holds, for state that settles asynchronously (webhooks, background jobs), in the
 * layers whose runner has no polling assertion of its own (the end-to-end specs use Playwright's expect.poll).
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
