import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, sessionBody } from './helpers/http.ts';
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

const item = ( overrides: Record< string, unknown > ) => [
	{ name: 'Tea', price: 28000, quantity: 1, ...overrides },
];
const inHours = ( hours: number ) =>
	new Date( Date.now() + hours * 3600_000 ).toISOString();
const metadataWith = ( count: number ) =>
	Object.fromEntries(
		Array.from( { length: count }, ( _, i ) => [ `key${ i }`, 'v' ] )
	);
const without = ( field: string ) => {
	const body = sessionBody();
	delete body[ field ];
	return body;
};

type Case = [ string, Record< string, unknown >, string, string ];

/** [what, body, expected code, expected details.field] */
const cases: Case[] = [
	// Required fields.
	...[
		'platform',
		'platformOrderId',
		'items',
		'customer',
		'totalAmount',
		'currency',
		'returnUrl',
		'cancelUrl',
	].map( ( field ): Case => [
		`missing ${ field }`,
		without( field ),
		'missing_parameter',
		field,
	] ),
	[
		'missing customer.name',
		sessionBody( { customer: { email: 'a@b.co' } } ),
		'missing_parameter',
		'customer.name',
	],
	[
		'missing customer.email',
		sessionBody( { customer: { name: 'A' } } ),
		'missing_parameter',
		'customer.email',
	],
	[
		'missing items[0].price',
		sessionBody( { items: [ { name: 'A', quantity: 1 } ] } ),
		'missing_parameter',
		'items[0].price',
	],
	[
		'missing items[0].name',
		sessionBody( { items: [ { price: 28000, quantity: 1 } ] } ),
		'missing_parameter',
		'items[0].name',
	],
	[
		'missing items[0].quantity',
		sessionBody( { items: [ { name: 'A', price: 28000 } ] } ),
		'missing_parameter',
		'items[0].quantity',
	],
	// Types.
	[
		'platformOrderId as a number',
		sessionBody( { platformOrderId: 1001 } ),
		'invalid_parameter',
		'platformOrderId',
	],
	[
		'platform as a number',
		sessionBody( { platform: 1 } ),
		'invalid_parameter',
		'platform',
	],
	[
		'totalAmount as a string',
		sessionBody( { totalAmount: '28000' } ),
		'invalid_parameter',
		'totalAmount',
	],
	[
		'price as a string',
		sessionBody( { items: item( { price: '28000' } ) } ),
		'invalid_parameter',
		'items[0].price',
	],
	[
		'quantity as a string',
		sessionBody( { items: item( { quantity: '1' } ) } ),
		'invalid_parameter',
		'items[0].quantity',
	],
	[
		'productId as a number',
		sessionBody( { items: item( { productId: 77 } ) } ),
		'invalid_parameter',
		'items[0].productId',
	],
	[
		'description as a number',
		sessionBody( { items: item( { description: 5 } ) } ),
		'invalid_parameter',
		'items[0].description',
	],
	[
		'items as an object',
		sessionBody( { items: { name: 'A' } } ),
		'invalid_parameter',
		'items',
	],
	[
		'customer as a string',
		sessionBody( { customer: 'Hong' } ),
		'invalid_parameter',
		'customer',
	],
	[
		'metadata value as a number',
		sessionBody( { metadata: { orderId: 1001 } } ),
		'invalid_parameter',
		'metadata.orderId',
	],
	[
		'metadata as an array',
		sessionBody( { metadata: [ 'a' ] } ),
		'invalid_parameter',
		'metadata',
	],
	[
		'expiresAt as a number',
		sessionBody( { expiresAt: 1700000000 } ),
		'invalid_parameter',
		'expiresAt',
	],
	[
		'an unknown field',
		sessionBody( { shipping: 3000 } ),
		'invalid_parameter',
		'shipping',
	],
	[
		'an unknown item field',
		sessionBody( { items: item( { sku: 'x' } ) } ),
		'invalid_parameter',
		'items[0].sku',
	],
	// Lengths and ranges.
	[ 'no items', sessionBody( { items: [] } ), 'invalid_parameter', 'items' ],
	[
		'empty platformOrderId',
		sessionBody( { platformOrderId: '' } ),
		'invalid_parameter',
		'platformOrderId',
	],
	[
		'item name over 255',
		sessionBody( { items: item( { name: 'x'.repeat( 256 ) } ) } ),
		'invalid_parameter',
		'items[0].name',
	],
	[
		'customer name over 100',
		sessionBody( {
			customer: { name: 'x'.repeat( 101 ), email: 'a@b.co' },
		} ),
		'invalid_parameter',
		'customer.name',
	],
	[
		'bad email',
		sessionBody( { customer: { name: 'A', email: 'not-an-email' } } ),
		'invalid_parameter',
		'customer.email',
	],
	[
		'bad phone',
		sessionBody( {
			customer: { name: 'A', email: 'a@b.co', phone: 'call me' },
		} ),
		'invalid_parameter',
		'customer.phone',
	],
	[
		'quantity 0',
		sessionBody( { items: item( { quantity: 0, price: 28000 } ) } ),
		'invalid_parameter',
		'items[0].quantity',
	],
	[
		'quantity 1.5',
		sessionBody( { items: item( { quantity: 1.5 } ) } ),
		'invalid_parameter',
		'items[0].quantity',
	],
	[
		'negative price (a discount line)',
		sessionBody( {
			items: [
				...item( { price: 30000 } ),
				{ name: 'Coupon', price: -2000, quantity: 1 },
			],
		} ),
		'invalid_parameter',
		'items[1].price',
	],
	[
		'totalAmount 0',
		sessionBody( { items: item( { price: 0 } ), totalAmount: 0 } ),
		'invalid_parameter',
		'totalAmount',
	],
	[
		'unknown currency',
		sessionBody( { currency: 'JPY' } ),
		'invalid_parameter',
		'currency',
	],
	[
		'lower-case currency',
		sessionBody( { currency: 'krw' } ),
		'invalid_parameter',
		'currency',
	],
	// Money rules.
	[
		'KRW price with decimals',
		sessionBody( {
			items: item( { price: 27999.5 } ),
			totalAmount: 27999.5,
		} ),
		'invalid_amount',
		'items[0].price',
	],
	[
		'KRW total with decimals',
		sessionBody( {
			items: item( { price: 28000 } ),
			totalAmount: 28000.5,
		} ),
		'invalid_amount',
		'totalAmount',
	],
	[
		'USD with three decimals',
		sessionBody( {
			currency: 'USD',
			items: item( { price: 10.005 } ),
			totalAmount: 10.005,
		} ),
		'invalid_amount',
		'items[0].price',
	],
	[
		'sum below total',
		sessionBody( { totalAmount: 29000 } ),
		'amount_mismatch',
		'totalAmount',
	],
	[
		'sum above total',
		sessionBody( { totalAmount: 27999 } ),
		'amount_mismatch',
		'totalAmount',
	],
	[
		'quantity times price differs',
		sessionBody( { items: item( { price: 14000, quantity: 3 } ) } ),
		'amount_mismatch',
		'totalAmount',
	],
	[
		'USD off by one cent',
		sessionBody( {
			currency: 'USD',
			items: item( { price: 19.99, quantity: 3 } ),
			totalAmount: 59.98,
		} ),
		'amount_mismatch',
		'totalAmount',
	],
	// URLs.
	[
		'relative returnUrl',
		sessionBody( { returnUrl: '/checkout/order-received/' } ),
		'invalid_parameter',
		'returnUrl',
	],
	[
		'javascript: cancelUrl',
		sessionBody( { cancelUrl: 'javascript:alert(1)' } ),
		'invalid_parameter',
		'cancelUrl',
	],
	[
		'ftp webhookUrl',
		sessionBody( { webhookUrl: 'ftp://example.com/hook' } ),
		'invalid_parameter',
		'webhookUrl',
	],
	[
		'webhookUrl with credentials',
		sessionBody( { webhookUrl: 'https://user:pw@example.com/hook' } ),
		'invalid_parameter',
		'webhookUrl',
	],
	[
		'empty returnUrl',
		sessionBody( { returnUrl: '' } ),
		'invalid_parameter',
		'returnUrl',
	],
	[
		'returnUrl over 2048',
		sessionBody( {
			returnUrl: `https://example.com/${ 'x'.repeat( 2048 ) }`,
		} ),
		'invalid_parameter',
		'returnUrl',
	],
	// Metadata limits.
	[
		'51 metadata keys',
		sessionBody( { metadata: metadataWith( 51 ) } ),
		'invalid_parameter',
		'metadata',
	],
	[
		'metadata key of 41 characters',
		sessionBody( { metadata: { [ 'k'.repeat( 41 ) ]: 'v' } } ),
		'invalid_parameter',
		`metadata.${ 'k'.repeat( 41 ) }`,
	],
	[
		'metadata value of 2001 characters',
		sessionBody( { metadata: { note: 'v'.repeat( 2001 ) } } ),
		'invalid_parameter',
		'metadata.note',
	],
	// Expiry.
	[
		'expiresAt in the past',
		sessionBody( { expiresAt: inHours( -1 ) } ),
		'invalid_parameter',
		'expiresAt',
	],
	[
		'expiresAt beyond 7 days',
		sessionBody( { expiresAt: inHours( 7 * 24 + 1 ) } ),
		'invalid_parameter',
		'expiresAt',
	],
	[
		'expiresAt not a time',
		sessionBody( { expiresAt: 'tomorrow' } ),
		'invalid_parameter',
		'expiresAt',
	],
	// Shop.
	[
		'unknown shopId',
		sessionBody( { shopId: 'shop_nope' } ),
		'shop_not_found',
		'shopId',
	],
];

describe( 'create-session validation', () => {
	it.each( cases )( 'refuses %s', async ( _what, body, code, field ) => {
		const answer = await api.post( '/api/checkout/create-session', body );
		expect( answer.status, answer.text ).toBe(
			code === 'shop_not_found' ? 404 : 400
		);
		expect( answer.body.error.code ).toBe( code );
		expect( answer.body.error.details.field ).toBe( field );
		expect( answer.body.error.message ).toMatch( /\S/ );
	} );

	it.each( [
		[
			'loopback URLs',
			{
				returnUrl: 'http://127.0.0.1:8080/done',
				cancelUrl: 'http://localhost/cart',
				webhookUrl: 'http://[::1]:8080/hook',
			},
		],
		[
			'the limits exactly',
			{
				metadata: {
					...metadataWith( 49 ),
					[ 'k'.repeat( 40 ) ]: 'v'.repeat( 2000 ),
				},
				expiresAt: inHours( 7 * 24 - 0.01 ),
			},
		],
		[
			'a free line and a quantity',
			{
				items: [
					{ name: 'Gift', price: 0, quantity: 1 },
					{ name: 'Tea', price: 7000, quantity: 4 },
				],
			},
		],
		[
			'no phone, no metadata, no webhookUrl',
			{ customer: { name: 'A', email: 'a@b.co' }, metadata: undefined },
		],
	] )( 'accepts %s', async ( _what, overrides ) => {
		const answer = await api.post(
			'/api/checkout/create-session',
			sessionBody( overrides )
		);
		expect( answer.status, answer.text ).toBe( 200 );
	} );
} );
