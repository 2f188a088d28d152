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

const coupon = ( overrides: Record< string, unknown > = {} ) => ( {
	code: 'WELCOME10',
	name_ko: '신규 고객 할인',
	name_en: 'New Customer Discount',
	type: 'percentage',
	discount_value: 10,
	valid_from: new Date( Date.now() - 3600_000 ).toISOString(),
	valid_until: new Date( Date.now() + 30 * 24 * 3600_000 ).toISOString(),
	usage_limit: 1000,
	usage_limit_per_customer: 1,
	minimum_order_amount: 20000,
	applies_to: 'cart_total',
	...overrides,
} );

const apply = ( sessionId: string, couponCode: string ) =>
	api.post( '/api/coupons/apply', { sessionId, couponCode } );

describe( 'coupons', () => {
	it( 'creates a percentage coupon and applies it: discount and newTotal in won', async () => {
		const created = await api.post( '/api/coupons/create', coupon() );
		expect( created.status, created.text ).toBe( 200 );
		expect( created.body.coupon ).toMatchObject( {
			code: 'WELCOME10',
			type: 'percentage',
			discount_value: 10,
			times_used: 0,
		} );
		const id = await createSession( api );
		const answer = await apply( id, 'welcome10' );
		expect( answer.status, answer.text ).toBe( 200 );
		expect( answer.body ).toEqual( {
			success: true,
			discount: { type: 'percentage', value: 10, amount: 2800 },
			newTotal: 25200,
		} );
		const session = ( await api.get( `/api/checkout/session/${ id }` ) )
			.body.data;
		expect( session.totalAmount ).toBe( 25200 );
		expect( session.coupon ).toMatchObject( {
			code: 'WELCOME10',
			amount: 2800,
			originalAmount: 28000,
		} );
		const twice = await apply( id, 'WELCOME10' );
		expect( twice.body.error.code ).toBe( 'coupon_already_applied' );
	} );

	it( 'enforces the per-customer limit, the minimum and the validity window', async () => {
		await api.post(
			'/api/coupons/create',
			coupon( { code: 'ONCE', usage_limit_per_customer: 1 } )
		);
		expect(
			( await apply( await createSession( api ), 'ONCE' ) ).status
		).toBe( 200 );
		const second = await apply( await createSession( api ), 'ONCE' );
		expect( second.body.error.code ).toBe( 'coupon_usage_limit_reached' );

		await api.post(
			'/api/coupons/create',
			coupon( { code: 'BIGONLY', minimum_order_amount: 50000 } )
		);
		expect(
			( await apply( await createSession( api ), 'BIGONLY' ) ).body.error
				.code
		).toBe( 'coupon_minimum_not_met' );

		await api.post(
			'/api/coupons/create',
			coupon( {
				code: 'LATER',
				valid_from: new Date( Date.now() + 3600_000 ).toISOString(),
			} )
		);
		expect(
			( await apply( await createSession( api ), 'LATER' ) ).body.error
				.code
		).toBe( 'coupon_not_active' );
	} );

	it( 'computes fixed, free-shipping and product-specific discounts', async () => {
		await api.post(
			'/api/coupons/create',
			coupon( {
				code: 'MINUS5000',
				type: 'fixed_amount',
				discount_value: 5000,
			} )
		);
		await api.post(
			'/api/coupons/create',
			coupon( {
				code: 'FREESHIP',
				type: 'free_shipping',
				discount_value: 0,
			} )
		);
		await api.post(
			'/api/coupons/create',
			coupon( {
				code: 'TEA20',
				type: 'product_specific',
				discount_value: 20,
				product_ids: [ '77' ],
			} )
		);
		expect(
			( await apply( await createSession( api ), 'MINUS5000' ) ).body
				.newTotal
		).toBe( 23000 );
		expect(
			( await apply( await createSession( api ), 'FREESHIP' ) ).body
		).toMatchObject( { discount: { amount: 3000 }, newTotal: 25000 } );
		expect(
			( await apply( await createSession( api ), 'TEA20' ) ).body
		).toMatchObject( { discount: { amount: 5000 }, newTotal: 23000 } );
	} );

	it( 'validates coupons and their use', async () => {
		const cases: Array< [ unknown, string ] > = [
			[ coupon( { code: undefined } ), 'code' ],
			[ coupon( { code: 'bad code!' } ), 'code' ],
			[ coupon( { code: 'TEST1', type: 'bogo' } ), 'type' ],
			[
				coupon( { code: 'TEST2', discount_value: '10' } ),
				'discount_value',
			],
			[
				coupon( { code: 'TEST3', discount_value: 150 } ),
				'discount_value',
			],
			[
				coupon( {
					code: 'TEST4',
					type: 'fixed_amount',
					discount_value: 10.5,
				} ),
				'discount_value',
			],
			[ coupon( { code: 'TEST5', valid_until: 'soon' } ), 'valid_until' ],
			[ coupon( { code: 'TEST6', usage_limit: 0 } ), 'usage_limit' ],
			[
				coupon( { code: 'TEST7', type: 'product_specific' } ),
				'product_ids',
			],
			[ coupon( { code: 'WELCOME10' } ), 'code' ],
		];
		for ( const [ body, field ] of cases ) {
			const answer = await api.post( '/api/coupons/create', body );
			expect( answer.status, JSON.stringify( body ) ).toBe( 400 );
			expect( answer.body.error.details.field ).toBe( field );
		}
		const id = await createSession( api );
		expect( ( await apply( id, 'NOSUCH' ) ).status ).toBe( 404 );
		expect(
			( await apply( 'cs_nosuch', 'WELCOME10' ) ).body.error.code
		).toBe( 'session_not_found' );
		expect(
			( await api.post( '/api/coupons/apply', { sessionId: id } ) ).body
				.error.details.field
		).toBe( 'couponCode' );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		expect( ( await apply( id, 'MINUS5000' ) ).body.error.code ).toBe(
			'session_not_modifiable'
		);
	} );
} );
