/**
 * `npm run start:check`: proves that a running `npm start` store sells. It reads the shop, puts a product
 * into the cart through the Store API, opens the block checkout in Chromium, checks that Korea Checkout is
 * offered and saves a screenshot (.cache/playground/checkout.png).
 *
 * Environment: KC_PLAYGROUND_PORT (9400) or KC_STORE_URL (any store, e.g. the native one), CHROMIUM_PATH.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

import { repositoryRoot as root } from '../test/lib/layer.ts';

const port = Number( process.env.KC_PLAYGROUND_PORT ?? 9400 );
const storeUrl = process.env.KC_STORE_URL ?? `http://127.0.0.1:${ port }`;
const screenshot = join(
	root,
	'.cache/playground',
	`checkout-${ new URL( storeUrl ).port || 'store' }.png`
);

function fail( message: string ): never {
	console.error( `[check] FAILED: ${ message }` );
	process.exit( 1 );
}

const browser = await chromium.launch( {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
	],
} );
try {
	const context = await browser.newContext( {
		viewport: { width: 1280, height: 1400 },
	} );
	// Playground serves one request at a time; pages are slow on a busy machine.
	context.setDefaultTimeout( 180_000 );
	const page = await context.newPage();

	const products = ( await (
		await page.request.get(
			`${ storeUrl }/wp-json/wc/store/v1/products?per_page=10`
		)
	).json() ) as Array< {
		id: number;
		name: string;
		prices: { price: string; currency_code: string };
	} >;
	if ( ! Array.isArray( products ) || products.length === 0 ) {
		fail( 'the Store API lists no products' );
	}
	const product = products[ 0 ]!;
	console.log(
		`[check] ${ products.length } products; adding "${ product.name }" (${ product.prices.price } ${ product.prices.currency_code })`
	);

	const cart = await page.request.get(
		`${ storeUrl }/wp-json/wc/store/v1/cart`
	);
	const nonce = cart.headers().nonce;
	if ( ! nonce ) {
		fail( 'the Store API sent no Nonce header' );
	}
	const added = await page.request.post(
		`${ storeUrl }/wp-json/wc/store/v1/cart/add-item`,
		{
			headers: { Nonce: nonce },
			data: { id: product.id, quantity: 2 },
		}
	);
	const body = ( await added.json() ) as {
		items_count?: number;
		totals?: { total_price: string };
	};
	if ( ! added.ok() || body.items_count !== 2 ) {
		fail(
			`add-item answered ${ added.status() }: ${ JSON.stringify( body ).slice( 0, 300 ) }`
		);
	}
	console.log(
		`[check] cart: ${ body.items_count } items, total ${ body.totals?.total_price } (KRW, no decimals)`
	);

	const started = performance.now();
	await page.goto( `${ storeUrl }/checkout/`, { waitUntil: 'load' } );
	await page.locator( '.wc-block-checkout' ).first().waitFor();
	const method = page.locator(
		'#radio-control-wc-payment-method-options-korea_checkout, label[for="radio-control-wc-payment-method-options-korea_checkout"]'
	);
	await method
		.first()
		.waitFor( { timeout: 120_000 } )
		.catch( () => undefined );
	const offered = ( await method.count() ) > 0;
	await page.waitForTimeout( 1500 );
	mkdirSync( join( root, '.cache/playground' ), { recursive: true } );
	await page.screenshot( { path: screenshot, fullPage: true } );
	console.log(
		`[check] block checkout loaded in ${ ( ( performance.now() - started ) / 1000 ).toFixed( 1 ) } s; screenshot ${ screenshot }`
	);
	if ( ! offered ) {
		fail( 'the block checkout does not offer Korea Checkout' );
	}
	console.log( '[check] the block checkout offers Korea Checkout' );
} finally {
	await browser.close();
}
