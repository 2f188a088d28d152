import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './helpers/http.ts';
import {
	type SandboxProcess,
	startSandboxProcess,
} from './helpers/sandboxProcess.ts';

let sandbox: SandboxProcess;
let api: Client;

beforeAll( async () => {
	sandbox = await startSandboxProcess( { env: { SANDBOX_RATE_LIMIT: '5' } } );
	api = new Client( sandbox.url, sandbox.apiKey );
} );
afterAll( async () => sandbox?.stop() );

describe( 'rate limit (SANDBOX_RATE_LIMIT=5)', () => {
	it( 'counts down X-RateLimit-Remaining, then answers 429 with Retry-After', async () => {
		const remaining: number[] = [];
		let reset = 0;
		const firstSent = Date.now();
		let firstAnswered = 0;
		for ( let i = 0; i < 5; i++ ) {
			const answer = await api.get( '/api/shops' );
			firstAnswered ||= Date.now();
			expect( answer.status ).toBe( 200 );
			expect( answer.headers.get( 'x-ratelimit-limit' ) ).toBe( '5' );
			remaining.push(
				Number( answer.headers.get( 'x-ratelimit-remaining' ) )
			);
			reset = Number( answer.headers.get( 'x-ratelimit-reset' ) );
		}
		expect( remaining ).toEqual( [ 4, 3, 2, 1, 0 ] );
		// The window is the minute from the first request (in whole Unix seconds, rounded up).
		expect( reset ).toBeGreaterThanOrEqual(
			Math.ceil( ( firstSent + 60_000 ) / 1000 )
		);
		expect( reset ).toBeLessThanOrEqual(
			Math.ceil( ( firstAnswered + 60_000 ) / 1000 )
		);

		const limited = await api.get( '/api/checkout/session/cs_any' );
		expect( limited.status ).toBe( 429 );
		expect( limited.body.error.code ).toBe( 'rate_limited' );
		expect( limited.headers.get( 'x-ratelimit-remaining' ) ).toBe( '0' );
		const retryAfter = Number( limited.headers.get( 'retry-after' ) );
		expect( retryAfter ).toBeGreaterThanOrEqual( 1 );
		expect( retryAfter ).toBeLessThanOrEqual( 60 );
		expect( Number( limited.headers.get( 'x-ratelimit-reset' ) ) ).toBe(
			reset
		);

		// The control surface is not rate limited; a reset starts a new window.
		expect( ( await api.get( '/sandbox/sessions' ) ).status ).toBe( 200 );
		await api.post( '/sandbox/reset' );
		const after = await api.get( '/api/shops' );
		expect( after.status ).toBe( 200 );
		expect( after.headers.get( 'x-ratelimit-remaining' ) ).toBe( '4' );
	} );

	it( 'keeps requests with a wrong key in their own bucket', async () => {
		await api.post( '/sandbox/reset' );
		for ( let i = 0; i < 6; i++ ) {
			await api.get( '/api/shops', {
				key: `sk_test_${ '1'.repeat( 64 ) }`,
			} );
		}
		const wrong = await api.get( '/api/shops', {
			key: `sk_test_${ '1'.repeat( 64 ) }`,
		} );
		expect( wrong.status ).toBe( 429 );
		const right = await api.get( '/api/shops' );
		expect( right.status ).toBe( 200 );
		expect( right.headers.get( 'x-ratelimit-remaining' ) ).toBe( '4' );
	} );
} );
