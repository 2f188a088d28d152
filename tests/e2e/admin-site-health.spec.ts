/**
 * Tools > Site Health in Chromium: the page loads without waiting for Korea Checkout's HTTP test, which the page
 * then runs through the plugin's REST route (an asynchronous test, as WordPress runs its own loopback test), and
 * its result is listed with the others under the Korea Checkout badge.
 */
import { test, expect } from './support/test.ts';
import { loginAsAdmin, screenshot } from './support/browser.ts';

test( 'Site Health runs the webhook endpoint test after the page has loaded', async ( {
	browser,
	stack,
} ) => {
	const page = await browser.newPage( {
		viewport: { width: 1280, height: 900 },
	} );
	await loginAsAdmin( page, stack );
	const asked: string[] = [];
	page.on( 'request', ( request ) => {
		if ( request.url().includes( 'korea-checkout/v1/site-health/' ) ) {
			asked.push( request.method() );
		}
	} );

	await page.goto( `${ stack.storeUrl }/wp-admin/site-health.php` );
	// Every test has run once the page says how many items need attention.
	await page
		.locator( '.site-health-issues-wrapper .site-health-issue-count-title' )
		.first()
		.waitFor( { timeout: 60_000 } );
	await expect.poll( () => asked.length, { timeout: 30_000 } ).toBe( 1 );
	expect( asked ).toEqual( [ 'GET' ] );

	// A test that passed is listed under "Passed tests", closed; open it to read it.
	await page.getByRole( 'button', { name: 'Passed tests' } ).click();
	const passed = page.locator( '#health-check-issues-good' );
	const result = passed.getByRole( 'button', {
		name: /The Korea Checkout webhook endpoint answers/,
	} );
	await expect( result ).toBeVisible();
	await result.click();
	await expect(
		passed.getByText(
			'This site’s REST API answered at the webhook address.'
		)
	).toBeVisible();
	await screenshot( page, 'admin-site-health-webhook-endpoint' );
	await page.context().close();
} );
