import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createSession, sessionBody } from './helpers/http.ts';
import {
	type SandboxProcess,
	startSandboxProcess,
} from './helpers/sandboxProcess.ts';

let sandbox: SandboxProcess;
let api: Client;

beforeAll( async () => {
	sandbox = await startSandboxProcess();
	api = new Client( sandbox.url, sandbox.apiKey );
} );
afterAll( async () => sandbox?.stop() );

function expectErrorShape( body: any, code: string ): void {
	expect( Object.keys( body ) ).toEqual( [ 'error' ] );
	expect( body.error.code ).toBe( code );
	expect( typeof body.error.message ).toBe( 'string' );
	expect( body.error.message.length ).toBeGreaterThan( 5 );
	expect( body.error.details ).toBeTypeOf( 'object' );
}

function expectRateLimitHeaders( headers: Headers ): void {
	expect( Number( headers.get( 'x-ratelimit-limit' ) ) ).toBeGreaterThan( 0 );
	expect( headers.get( 'x-ratelimit-remaining' ) ).toMatch( /^\d+$/ );
	const reset = Number( headers.get( 'x-ratelimit-reset' ) );
	expect( reset ).toBeGreaterThanOrEqual( Math.floor( Date.now() / 1000 ) );
	expect( reset ).toBeLessThanOrEqual( Math.ceil( Date.now() / 1000 ) + 61 );
}

describe( 'authentication', () => {
	it.each( [
		[ 'no key', { noKey: true }, /missing/ ],
		[ 'a malformed key', { key: 'sk_test_123' }, /malformed/ ],
		[ 'a live key', { key: `sk_live_${ 'a'.repeat( 64 ) }` }, /live key/ ],
		[
			'another sandbox key',
			{ key: `sk_test_${ '0'.repeat( 64 ) }` },
			/not valid/,
		],
		[ 'the key upper-cased', { key: 'UPPER' }, /malformed/ ],
	] as Array< [ string, { noKey?: boolean; key?: string }, RegExp ] > )(
		'answers 401 invalid_api_key to %s',
		async ( _what, options, message ) => {
			const key =
				options.key === 'UPPER'
					? sandbox.apiKey.toUpperCase()
					: options.key;
			const answer = await api.get( '/api/checkout/session/cs_x', {
				...options,
				key,
			} );
			expect( answer.status ).toBe( 401 );
			expectErrorShape( answer.body, 'invalid_api_key' );
			expect( answer.body.error.message ).toMatch( message );
			expectRateLimitHeaders( answer.headers );
		}
	);

	it( 'checks the key before it reads the body', async () => {
		const answer = await api.call( 'POST', '/api/checkout/create-session', {
			noKey: true,
			raw: '{nope',
			headers: { 'content-type': 'application/json' },
		} );
		expect( answer.status ).toBe( 401 );
	} );

	it( 'needs no key on the control surface', async () => {
		const answer = await api.get( '/sandbox/health' );
		expect( answer.status ).toBe( 200 );
		expect( answer.body ).toEqual( { ok: true } );
	} );
} );

describe( 'malformed requests', () => {
	it( 'answers 400 invalid_json to malformed JSON', async () => {
		const answer = await api.call( 'POST', '/api/checkout/create-session', {
			raw: '{"platform": "woocommerce",',
			headers: { 'content-type': 'application/json' },
		} );
		expect( answer.status ).toBe( 400 );
		expectErrorShape( answer.body, 'invalid_json' );
		expectRateLimitHeaders( answer.headers );
	} );

	it( 'refuses a prototype-poisoning body', async () => {
		const answer = await api.call( 'POST', '/api/checkout/create-session', {
			raw: '{"__proto__": {"admin": true}}',
			headers: { 'content-type': 'application/json' },
		} );
		expect( answer.status ).toBe( 400 );
		expectErrorShape( answer.body, 'invalid_json' );
	} );

	it.each( [
		[ 'an array', '[1,2]' ],
		[ 'a string', '"hello"' ],
		[ 'null', 'null' ],
	] )( 'answers 400 when the body is %s', async ( _what, raw ) => {
		const answer = await api.call( 'POST', '/api/checkout/create-session', {
			raw,
			headers: { 'content-type': 'application/json' },
		} );
		expect( answer.status ).toBe( 400 );
		expect( answer.body.error.details.field ).toBe( 'body' );
	} );

	it( 'answers 413 payload_too_large over 1 MB, and still works afterwards', async () => {
		const huge = JSON.stringify(
			sessionBody( { metadata: { note: 'x'.repeat( 1024 * 1024 ) } } )
		);
		const answer = await api.call( 'POST', '/api/checkout/create-session', {
			raw: huge,
			headers: { 'content-type': 'application/json' },
		} );
		expect( answer.status ).toBe( 413 );
		expectErrorShape( answer.body, 'payload_too_large' );
		expectRateLimitHeaders( answer.headers );
		const next = await api.post(
			'/api/checkout/create-session',
			sessionBody()
		);
		expect( next.status ).toBe( 200 );
	} );

	it( 'answers 415 to a body that is not JSON', async () => {
		const answer = await api.call( 'POST', '/api/checkout/create-session', {
			raw: 'platform=woocommerce',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		} );
		expect( answer.status ).toBe( 415 );
		expectErrorShape( answer.body, 'unsupported_media_type' );
		const text = await api.call( 'POST', '/sandbox/reset', {
			raw: 'please',
			headers: { 'content-type': 'text/plain' },
		} );
		expect( text.status ).toBe( 415 );
	} );
} );

describe( 'unknown routes and methods', () => {
	it( 'answers 404 not_found to an unknown API route, with the rate-limit headers', async () => {
		const answer = await api.get( '/api/checkout/nothing-here' );
		expect( answer.status ).toBe( 404 );
		expectErrorShape( answer.body, 'not_found' );
		expectRateLimitHeaders( answer.headers );
	} );

	it( 'answers 404 not_found to unknown paths anywhere', async () => {
		for ( const path of [
			'/',
			'/nothing',
			'/sandbox/nothing',
			'/assets/missing.js',
		] ) {
			const answer = await api.get( path );
			expect( answer.status, path ).toBe( 404 );
			expectErrorShape( answer.body, 'not_found' );
		}
	} );

	it( 'answers 405 method_not_allowed with an Allow header to a known path with the wrong method', async () => {
		const cases: Array< [ string, string, string ] > = [
			[ 'PUT', '/api/checkout/create-session', 'POST' ],
			[ 'GET', '/api/checkout/create-session', 'POST' ],
			[ 'DELETE', '/api/checkout/session/cs_x', 'GET, HEAD, PATCH' ],
			[ 'GET', '/api/checkout/session/cs_x/refund', 'POST' ],
			[ 'PUT', '/sandbox/faults', 'DELETE, GET, HEAD, POST' ],
			[ 'GET', '/sandbox/sessions/cs_x/pay', 'POST' ],
		];
		for ( const [ method, path, allow ] of cases ) {
			const answer = await api.call( method, path );
			expect( answer.status, `${ method } ${ path }` ).toBe( 405 );
			expectErrorShape( answer.body, 'method_not_allowed' );
			expect( answer.headers.get( 'allow' ) ).toBe( allow );
		}
	} );
} );

describe( 'bodies that may be empty', () => {
	it( 'accepts an empty POST with or without Content-Type on body-less actions', async () => {
		for ( const headers of [
			{} as Record< string, string >,
			{ 'content-type': 'application/json' },
			{ 'content-type': 'application/json; charset=utf-8' },
		] ) {
			const id = await createSession( api );
			const answer = await api.call(
				'POST',
				`/sandbox/sessions/${ id }/cancel`,
				{ headers }
			);
			expect( answer.status, JSON.stringify( headers ) ).toBe( 200 );
			expect( answer.body.status ).toBe( 'cancelled' );
		}
	} );

	it( 'accepts `{}` and refuses unknown fields on body-less actions', async () => {
		const id = await createSession( api );
		expect(
			(
				await api.post( `/sandbox/sessions/${ id }/expire`, {
					surprise: 1,
				} )
			).status
		).toBe( 400 );
		expect(
			( await api.post( `/sandbox/sessions/${ id }/expire`, {} ) ).status
		).toBe( 200 );
	} );

	it( 'answers an empty create-session with the first missing field', async () => {
		const answer = await api.call( 'POST', '/api/checkout/create-session', {
			headers: { 'content-type': 'application/json' },
		} );
		expect( answer.status ).toBe( 400 );
		expectErrorShape( answer.body, 'missing_parameter' );
		expect( answer.body.error.details.field ).toBe( 'platform' );
	} );

	it( 'answers a GET that carries Content-Type: application/json and no body', async () => {
		const id = await createSession( api );
		const answer = await api.get( `/api/checkout/session/${ id }`, {
			headers: { 'content-type': 'application/json' },
		} );
		expect( answer.status ).toBe( 200 );
	} );
} );

describe( 'headers on every API answer', () => {
	it( 'sends X-RateLimit-* on 200, 400 and 404 alike', async () => {
		const ok = await api.post(
			'/api/checkout/create-session',
			sessionBody()
		);
		const bad = await api.post(
			'/api/checkout/create-session',
			sessionBody( { totalAmount: 1 } )
		);
		const missing = await api.get( '/api/checkout/session/cs_missing' );
		for ( const answer of [ ok, bad, missing ] ) {
			expectRateLimitHeaders( answer.headers );
		}
		expect( Number( bad.headers.get( 'x-ratelimit-remaining' ) ) ).toBe(
			Number( ok.headers.get( 'x-ratelimit-remaining' ) ) - 1
		);
	} );
} );
