/** What the X-RateLimit-* headers say about one request. */
export interface RateLimitResult {
	limit: number;
	remaining: number;
	/** Unix seconds at which the current window ends. */
	reset: number;
	limited: boolean;
	retryAfterSeconds: number;
}

interface Window {
	startedAt: number;
	count: number;
}

const WINDOW_MS = 60_000;

/** A fixed one-minute window per key, starting with the key's first request in that window. */
export class RateLimiter {
	private readonly limit: number;
	private readonly windows = new Map< string, Window >();

	constructor( limit: number ) {
		this.limit = limit;
	}

	hit( key: string, now: number ): RateLimitResult {
		let window = this.windows.get( key );
		if ( window === undefined || now - window.startedAt >= WINDOW_MS ) {
			window = { startedAt: now, count: 0 };
			this.windows.set( key, window );
		}
		const endsAt = window.startedAt + WINDOW_MS;
		const limited = window.count >= this.limit;
		if ( ! limited ) {
			window.count += 1;
		}
		return {
			limit: this.limit,
			remaining: Math.max( 0, this.limit - window.count ),
			reset: Math.ceil( endsAt / 1000 ),
			limited,
			retryAfterSeconds: Math.max(
				1,
				Math.ceil( ( endsAt - now ) / 1000 )
			),
		};
	}

	reset(): void {
		this.windows.clear();
	}
}
