/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), and a screenshot helper.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
	chromium,
	type Browser,
	type LaunchOptions,
	type Page,
} from 'playwright-core';
import { REPO_ROOT } from '../../tools/stack/config.ts';

export const CHROMIUM_PATH = process.env.KC_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export function launchBrowser(
	options: LaunchOptions = {}
): Promise< Browser > {
	return chromium.launch( {
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
		headless: true,
		...options,
	} );
}

export const ARTIFACTS = join( REPO_ROOT, 'tests', 'e2e', 'artifacts' );

/** Saves a full-page PNG as tests/e2e/artifacts/<name>.png and returns its path. Look at it. */
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
	return path;
}

/** Logs into wp-admin in this page. */
export async function loginAsAdmin(
	page: Page,
	storeUrl: string,
	user: string,
	password: string
): Promise< void > {
	await page.goto( `${ storeUrl }/wp-login.php` );
	await page.fill( '#user_login', user );
	await page.fill( '#user_pass', password );
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
