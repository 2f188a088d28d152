/**
 * One voice for the stack tools: every step says what it does, prefixed so it stands out among other output.
 */
const started = Date.now();

export function say( message: string ): void {
	process.stdout.write( `[stack] ${ message }\n` );
}

export function warn( message: string ): void {
	process.stderr.write( `[stack] warning: ${ message }\n` );
}

/** Seconds since this process loaded the stack tools, for "ready in" lines. */
export function elapsedSeconds( since: number = started ): string {
	return ( ( Date.now() - since ) / 1000 ).toFixed( 1 );
}
