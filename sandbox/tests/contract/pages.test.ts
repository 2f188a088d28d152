import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createSession } from './helpers/http.ts';
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

/** Every /assets/ file a page refers to must be served, with a script or style type. */
async function expectAssetsServed( html: string ): Promise< number > {
	const assets = [
		...html.matchAll( /(?:src|href)="(\/assets\/[^"]+)"/g ),
	].map( ( match ) => match[ 1 ]! );
	for ( const asset of assets ) {
		const response = await fetch( sandbox.url + asset );
		expect( response.status, asset ).toBe( 200 );
		expect( response.headers.get( 'content-type' ), asset ).toMatch(
			/javascript|css|image|font/
		);
		expect( response.headers.get( 'x-content-type-options' ) ).toBe(
			'nosniff'
		);
	}
	return assets.length;
}

function expectStrictPolicy( headers: Headers ): void {
	const policy = headers.get( 'content-security-policy' ) ?? '';
	expect( policy ).toContain( "default-src 'none'" );
	expect( policy ).toContain( "script-src 'self'" );
	expect( policy ).toContain( "style-src 'self'" );
	expect( policy ).toContain( "frame-ancestors 'none'" );
	expect( policy ).not.toContain( 'unsafe-inline' );
	expect( policy ).not.toContain( 'unsafe-eval' );
}

describe( 'hosted pages', () => {
	it( 'serves the checkout page at the last path segment of checkoutUrl, under a strict CSP', async () => {
		const id = await createSession( api );
		const { checkoutUrl } = ( await api.get( `/sandbox/sessions/${ id }` ) )
			.body;
		expect( checkoutUrl ).toBe( `${ sandbox.url }/checkout/${ id }` );
		const response = await fetch( checkoutUrl );
		expect( response.status ).toBe( 200 );
		expect( response.headers.get( 'content-type' ) ).toMatch(
			/^text\/html/
		);
		expectStrictPolicy( response.headers );
		const html = await response.text();
		expect( html ).toMatch( /<html/i );
		expect( html ).not.toContain( sandbox.apiKey );
		expect( html ).not.toContain( sandbox.webhookSecret );
		expect( await expectAssetsServed( html ) ).toBeGreaterThan( 0 );
	} );

	it( 'serves the dashboard at /sandbox/ and redirects /sandbox there', async () => {
		const response = await fetch( `${ sandbox.url }/sandbox/` );
		expect( response.status ).toBe( 200 );
		expectStrictPolicy( response.headers );
		expect(
			await expectAssetsServed( await response.text() )
		).toBeGreaterThan( 0 );
		const bare = await fetch( `${ sandbox.url }/sandbox`, {
			redirect: 'manual',
		} );
		expect( bare.status ).toBe( 302 );
		expect( bare.headers.get( 'location' ) ).toBe( '/sandbox/' );
	} );

	it( 'does not serve files outside the assets folder', async () => {
		for ( const path of [
			'/assets/../checkout.html',
			'/assets/%2e%2e/%2e%2e/package.json',
			'/checkout.html',
		] ) {
			const response = await fetch( sandbox.url + path );
			expect( response.status, path ).not.toBe( 200 );
		}
	} );
} );
