/**
 * `npm run start:check`: proves that a running `npm start` store sells. It reads the shop, puts a product
 * into the cart through the Store API, opens the block checkout in Chromium, checks that Korea Checkout is
 * offered and saves a screenshot (.cache/playground/checkout-<port>.png); then places an order with Korea
 * Checkout through the Store API, pays it in the sandbox and follows the return to the order-received page.
 *
 * Environment: KC_PLAYGROUND_PORT (9400) or KC_STORE_URL (any store, e.g. the native one), KC_CHROMIUM.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

import { CHROMIUM_LAUNCH } from '../lib/chromium.ts';
import { REPO_ROOT as root } from '../lib/root.ts';
import { placeOrder } from '../lib/store-api.ts';

const port = Number( process.env.KC_PLAYGROUND_PORT ?? 9400 );
const storeUrl = process.env.KC_STORE_URL ?? `http://127.0.0.1:${ port }`;
const screenshot = join(
	root,
	'.cache/playground',
	`checkout-${ new URL( storeUrl ).port || 'store' }.png`
);

/** Places an order through the Store API, pays it in the sandbox, follows the shopper's return. */
async function payOnce( productId: number ): Promise< void > {
	const order = await placeOrder( storeUrl, 'korea_checkout', productId );
	const hosted = order.redirectUrl;
	console.log(
		`[check] order ${ order.orderId } placed in ${ order.seconds.toFixed( 1 ) } s; hosted page ${ hosted }`
	);
	// The session id is the last path segment of the hosted page's address (sandbox.md).
	const sessionId = new URL( hosted ).pathname.split( '/' ).pop() ?? '';
	const pay = await fetch(
		`${ new URL( hosted ).origin }/sandbox/sessions/${ sessionId }/pay`,
		{
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify( { method: 'card' } ),
		}
	);
	const paid = ( await pay.json() ) as { redirectUrl?: string };
	if ( ! pay.ok || ! paid.redirectUrl ) {
		fail(
			`the sandbox's pay answered ${ pay.status }: ${ JSON.stringify( paid ) }`
		);
	}
	const back = await fetch( paid.redirectUrl, { redirect: 'manual' } );
	const landing = back.headers.get( 'location' ) ?? '';
	if ( back.status !== 302 || ! landing.includes( '/order-received/' ) ) {
		fail(
			`the return answered ${ back.status } to ${ landing || 'nowhere' }`
		);
	}
	const received = await fetch( landing );
	const html = await received.text();
	if ( ! received.ok || ! html.includes( `${ order.orderId }` ) ) {
		fail( `the order-received page answered ${ received.status }` );
	}
	console.log(
		`[check] paid in the sandbox; the return led to ${ new URL( landing ).pathname } (${ received.status })`
	);
}

function fail( message: string ): never {
	console.error( `[check] FAILED: ${ message }` );
	process.exit( 1 );
}

const browser = await chromium.launch( CHROMIUM_LAUNCH );
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
	await payOnce( product.id );
} finally {
	await browser.close();
}
