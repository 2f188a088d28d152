/**
 * Browser helpers of the end-to-end specs: screenshots to look at, the admin login, and taking the focus off a field.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, type Page } from '@playwright/test';

export const ARTIFACTS = fileURLToPath(
	new URL( '../artifacts/', import.meta.url )
);

/**
 * Saves a full-page PNG as tests/e2e/artifacts/<name>.png, attaches it to the test's report and returns its path.
 * Look at it.
 */
export async function screenshot(
	page: Page,
	name: string
): Promise< string > {
	mkdirSync( ARTIFACTS, { recursive: true } );
	const path = join(
		ARTIFACTS,
		`${ name.replace( /[^a-z0-9-_]+/gi, '-' ) }.png`
	);
	await page.screenshot( { path, fullPage: true } );
	await test.info().attach( name, { path, contentType: 'image/png' } );
	return path;
}

/** Logs into wp-admin in this page. */
export async function loginAsAdmin(
	page: Page,
	stack: { storeUrl: string; adminUser: string; adminPassword: string }
): Promise< void > {
	await page.goto( `${ stack.storeUrl }/wp-login.php` );
	await page.fill( '#user_login', stack.adminUser );
	await page.fill( '#user_pass', stack.adminPassword );
	await Promise.all( [
		page.waitForURL( /wp-admin/ ),
		page.click( '#wp-submit' ),
	] );
}

/** Takes the focus off whatever field has it, as a shopper clicking elsewhere would (its change is sent). */
export async function blurActiveElement( page: Page ): Promise< void > {
	await page.evaluate( () => {
		const active = document.activeElement;
		if ( active instanceof HTMLElement ) {
			active.blur();
		}
	} );
}
