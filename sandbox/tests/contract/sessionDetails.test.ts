import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, createSession, waitFor } from './helpers/http.ts';
import { WebhookReceiver } from './helpers/receiver.ts';
import {
	type SandboxProcess,
	startSandboxProcess,
} from './helpers/sandboxProcess.ts';

/**
 * What GET /api/checkout/session/{id} carries where it applies: metadata (an addition of this project, for the
 * store's ownership check), installments, failure, and a service coupon with the amount left to pay.
 */

let sandbox: SandboxProcess;
let api: Client;
let receiver: WebhookReceiver;

beforeAll( async () => {
	sandbox = await startSandboxProcess();
	api = new Client( sandbox.url, sandbox.apiKey );
	receiver = await new WebhookReceiver( sandbox.webhookSecret ).start();
} );
afterAll( async () => {
	await sandbox?.stop();
	await receiver?.stop();
} );
beforeEach( () => receiver.clear() );

const newSession = ( overrides: Record< string, unknown > = {} ) =>
	createSession( api, { webhookUrl: receiver.url, ...overrides } );
const data = async ( id: string ) =>
	( await api.get( `/api/checkout/session/${ id }` ) ).body.data;
const control = async ( id: string ) =>
	( await api.get( `/sandbox/sessions/${ id }` ) ).body;

describe( 'metadata', () => {
	it( 'is in GET as created and as patched, and on the control view', async () => {
		const metadata = {
			orderId: '1001',
			orderKeyHash: 'a'.repeat( 64 ),
			locale: 'ko',
		};
		const id = await newSession( { metadata } );
		expect( ( await data( id ) ).metadata ).toEqual( metadata );
		const patched = await api.patch( `/api/checkout/session/${ id }`, {
			metadata: { locale: 'en', note: '선물 포장' },
		} );
		const merged = { ...metadata, locale: 'en', note: '선물 포장' };
		expect( patched.body.data.metadata ).toEqual( merged );
		expect( ( await data( id ) ).metadata ).toEqual( merged );
		expect( ( await control( id ) ).metadata ).toEqual( merged );
		// Paid, it keeps its metadata.
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		expect( ( await data( id ) ).metadata ).toEqual( merged );
	} );

	it( 'is an empty object for a session made without any', async () => {
		const id = await newSession( { metadata: undefined } );
		expect( ( await data( id ) ).metadata ).toEqual( {} );
	} );
} );

describe( 'installments', () => {
	it( 'shows the months of a card payment, 0 for a lump sum, nothing for other methods', async () => {
		const cases: Array<
			[ Record< string, unknown >, number | undefined ]
		> = [
			[ { method: 'card', installments: 6 }, 6 ],
			[ { method: 'card' }, 0 ],
			[ { method: 'kakao_pay' }, undefined ],
			[ { method: 'virtual_account' }, undefined ],
		];
		for ( const [ pay, expected ] of cases ) {
			const id = await newSession();
			expect( await data( id ) ).not.toHaveProperty( 'installments' );
			await api.post( `/sandbox/sessions/${ id }/pay`, pay );
			const session = await data( id );
			if ( expected === undefined ) {
				expect( session, JSON.stringify( pay ) ).not.toHaveProperty(
					'installments'
				);
			} else {
				expect( session.installments, JSON.stringify( pay ) ).toBe(
					expected
				);
			}
		}
	} );
} );

describe( 'failure', () => {
	it( 'is {code, message} on a failed session and gone once it is paid', async () => {
		const id = await newSession();
		await api.post( `/sandbox/sessions/${ id }/fail`, {
			code: 'PAY_PROCESS_CANCELED',
		} );
		const failed = await data( id );
		expect( failed.status ).toBe( 'failed' );
		expect( failed.failure ).toEqual( {
			code: 'PAY_PROCESS_CANCELED',
			message: 'The shopper cancelled the payment at the card company.',
		} );
		await api.post( `/sandbox/sessions/${ id }/fail`, {
			code: 'REJECT_CARD_COMPANY',
			message: '카드사에서 거절했습니다.',
		} );
		expect( ( await data( id ) ).failure ).toEqual( {
			code: 'REJECT_CARD_COMPANY',
			message: '카드사에서 거절했습니다.',
		} );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		const paid = await data( id );
		expect( paid.status ).toBe( 'completed' );
		expect( paid ).not.toHaveProperty( 'failure' );
	} );
} );

describe( 'coupon', () => {
	it( 'shows the coupon, the amount to pay and the original total; payment, webhook and refunds use what is paid', async () => {
		const created = await api.post( '/api/coupons/create', {
			code: 'SPRING3000',
			name_ko: '봄맞이 할인',
			type: 'fixed_amount',
			discount_value: 3000,
		} );
		expect( created.status, created.text ).toBe( 200 );
		const id = await newSession();
		const applied = await api.post( '/api/coupons/apply', {
			sessionId: id,
			couponCode: 'SPRING3000',
		} );
		expect( applied.status, applied.text ).toBe( 200 );
		expect( applied.body ).toEqual( {
			success: true,
			discount: { type: 'fixed_amount', value: 3000, amount: 3000 },
			newTotal: 25000,
		} );
		const coupon = {
			code: 'SPRING3000',
			type: 'fixed_amount',
			value: 3000,
			amount: 3000,
			originalAmount: 28000,
		};
		const pending = await data( id );
		expect( pending.totalAmount ).toBe( 25000 );
		expect( pending.coupon ).toEqual( coupon );

		await api.post( `/sandbox/sessions/${ id }/pay`, {
			method: 'card',
			installments: 2,
		} );
		const paid = await data( id );
		expect( paid ).toMatchObject( {
			status: 'completed',
			totalAmount: 25000,
			coupon,
			installments: 2,
		} );
		const [ completed ] = receiver.forSession( id );
		expect( completed?.body.event ).toBe( 'payment.completed' );
		expect( completed?.body.data ).toMatchObject( {
			totalAmount: 25000,
			coupon,
			installments: 2,
		} );

		// What was paid is what can be refunded.
		const over = await api.post( `/api/checkout/session/${ id }/refund`, {
			amount: 25001,
			reason: 'x',
		} );
		expect( over.body.error.code ).toBe( 'refund_exceeds_remaining' );
		expect( over.body.error.details.remaining ).toBe( 25000 );
		const all = await api.post( `/api/checkout/session/${ id }/refund`, {
			reason: '전액 환불',
		} );
		expect( all.body.amount ).toBe( 25000 );
		const refunded = await data( id );
		expect( refunded ).toMatchObject( {
			status: 'refunded',
			refundedAmount: 25000,
			totalAmount: 25000,
			coupon,
		} );
		await waitFor(
			() => ( receiver.forSession( id ).length === 2 ? true : undefined ),
			15_000,
			'payment.refunded'
		);
		expect( receiver.forSession( id )[ 1 ]!.body.data ).toMatchObject( {
			status: 'refunded',
			refundedAmount: 25000,
			totalAmount: 25000,
		} );
	} );

	it( 'shows a percentage coupon in USD with cents', async () => {
		await api.post( '/api/coupons/create', {
			code: 'USD15',
			name_ko: '달러 할인',
			type: 'percentage',
			discount_value: 15,
		} );
		const id = await newSession( {
			currency: 'USD',
			items: [ { name: 'Tea', price: 19.99, quantity: 1 } ],
			totalAmount: 19.99,
		} );
		await api.post( '/api/coupons/apply', {
			sessionId: id,
			couponCode: 'USD15',
		} );
		const session = await data( id );
		// 15 % of 1999 cents is 299.85, rounded down to 299: 2.99 off, 17.00 to pay.
		expect( session.totalAmount ).toBe( 17 );
		expect( session.coupon ).toEqual( {
			code: 'USD15',
			type: 'percentage',
			value: 15,
			amount: 2.99,
			originalAmount: 19.99,
		} );
	} );

	it( 'is absent from a session without one', async () => {
		const id = await newSession();
		expect( await data( id ) ).not.toHaveProperty( 'coupon' );
	} );
} );
