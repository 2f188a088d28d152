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

async function paidSession(
	overrides: Record< string, unknown > = {}
): Promise< string > {
	const id = await createSession( api, overrides );
	await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
	return id;
}

const refund = ( id: string, body: unknown ) =>
	api.post( `/api/checkout/session/${ id }/refund`, body );
const data = async ( id: string ) =>
	( await api.get( `/api/checkout/session/${ id }` ) ).body.data;

describe( 'POST /api/checkout/session/{id}/refund', () => {
	it( 'refunds part, then the rest, settling before it answers', async () => {
		const id = await paidSession();
		const first = await refund( id, {
			amount: 10000,
			reason: '고객 요청 환불',
			notify_customer: true,
		} );
		expect( first.status, first.text ).toBe( 200 );
		expect( Object.keys( first.body ).sort() ).toEqual( [
			'amount',
			'processedAt',
			'reason',
			'refundId',
			'status',
		] );
		expect( first.body ).toMatchObject( {
			status: 'processing',
			amount: 10000,
			reason: '고객 요청 환불',
		} );
		expect( first.body.refundId ).toMatch( /^ref_[0-9a-f]+$/ );
		let session = await data( id );
		expect( session.status ).toBe( 'partially_refunded' );
		expect( session.refundedAmount ).toBe( 10000 );
		expect( session.refunds ).toEqual( [
			{
				refundId: first.body.refundId,
				amount: 10000,
				reason: '고객 요청 환불',
				status: 'completed',
				processedAt: first.body.processedAt,
			},
		] );

		const rest = await refund( id, { reason: '나머지 환불' } );
		expect( rest.body.amount ).toBe( 18000 );
		session = await data( id );
		expect( session.status ).toBe( 'refunded' );
		expect( session.refundedAmount ).toBe( 28000 );
		expect( session.refunds ).toHaveLength( 2 );
	} );

	it( 'records notify_customer on the refund for the control view only', async () => {
		const id = await paidSession();
		const told = await refund( id, {
			amount: 1000,
			reason: 'a',
			notify_customer: true,
		} );
		const silent = await refund( id, {
			amount: 2000,
			reason: 'b',
			notify_customer: false,
		} );
		const unsaid = await refund( id, { amount: 3000, reason: 'c' } );
		const dashboard = await api.post( `/sandbox/sessions/${ id }/refund`, {
			amount: 4000,
		} );
		for ( const answer of [ told, silent, unsaid ] ) {
			expect( answer.body ).not.toHaveProperty( 'notify_customer' );
		}
		const control = ( await api.get( `/sandbox/sessions/${ id }` ) ).body;
		expect(
			control.refunds.map(
				( entry: {
					refundId: string;
					source: string;
					notify_customer: boolean | null;
				} ) => [ entry.refundId, entry.source, entry.notify_customer ]
			)
		).toEqual( [
			[ told.body.refundId, 'api', true ],
			[ silent.body.refundId, 'api', false ],
			[ unsaid.body.refundId, 'api', null ],
			[ dashboard.body.refundId, 'dashboard', null ],
		] );
		// The API's refunds[] keep the contract's five fields.
		for ( const entry of ( await data( id ) ).refunds ) {
			expect( Object.keys( entry ).sort() ).toEqual( [
				'amount',
				'processedAt',
				'reason',
				'refundId',
				'status',
			] );
		}
	} );

	it( 'refuses more than what is left with refund_exceeds_remaining', async () => {
		const id = await paidSession();
		await refund( id, { amount: 20000, reason: 'a' } );
		const over = await refund( id, { amount: 8001, reason: 'b' } );
		expect( over.status ).toBe( 400 );
		expect( over.body.error.code ).toBe( 'refund_exceeds_remaining' );
		expect( over.body.error.details ).toMatchObject( {
			remaining: 8000,
			requested: 8001,
		} );
		expect(
			( await refund( id, { amount: 8000, reason: 'c' } ) ).status
		).toBe( 200 );
		const nothingLeft = await refund( id, { reason: 'd' } );
		expect( nothingLeft.status ).toBe( 400 );
		expect( nothingLeft.body.error.code ).toBe(
			'refund_exceeds_remaining'
		);
		expect( ( await data( id ) ).refundedAmount ).toBe( 28000 );
	} );

	it.each( [
		[ 'pending', async () => undefined ],
		[
			'cancelled',
			async ( id: string ) =>
				api.post( `/sandbox/sessions/${ id }/cancel` ),
		],
		[
			'failed',
			async ( id: string ) =>
				api.post( `/sandbox/sessions/${ id }/fail`, {
					code: 'REJECT_CARD_COMPANY',
				} ),
		],
		[
			'expired',
			async ( id: string ) =>
				api.post( `/sandbox/sessions/${ id }/expire` ),
		],
		[
			'waiting for a deposit',
			async ( id: string ) =>
				api.post( `/sandbox/sessions/${ id }/pay`, {
					method: 'virtual_account',
				} ),
		],
	] )(
		'answers session_not_paid for a session that is %s',
		async ( _what, prepare ) => {
			const id = await createSession( api );
			await prepare( id );
			const answer = await refund( id, { reason: 'x' } );
			expect( answer.status ).toBe( 400 );
			expect( answer.body.error.code ).toBe( 'session_not_paid' );
		}
	);

	it( 'validates the body', async () => {
		const id = await paidSession();
		const cases: Array< [ unknown, string, string ] > = [
			[ {}, 'missing_parameter', 'reason' ],
			[ { reason: '' }, 'invalid_parameter', 'reason' ],
			[ { reason: 'x', amount: '1000' }, 'invalid_parameter', 'amount' ],
			[ { reason: 'x', amount: 0 }, 'invalid_parameter', 'amount' ],
			[ { reason: 'x', amount: -5 }, 'invalid_parameter', 'amount' ],
			[ { reason: 'x', amount: 100.5 }, 'invalid_amount', 'amount' ],
			[
				{ reason: 'x', notify_customer: 'yes' },
				'invalid_parameter',
				'notify_customer',
			],
			[ { reason: 'x', extra: 1 }, 'invalid_parameter', 'extra' ],
		];
		for ( const [ body, code, field ] of cases ) {
			const answer = await refund( id, body );
			expect( answer.status, JSON.stringify( body ) ).toBe( 400 );
			expect( answer.body.error.code ).toBe( code );
			expect( answer.body.error.details.field ).toBe( field );
		}
		expect( ( await data( id ) ).refundedAmount ).toBe( 0 );
		const unknown = await refund( 'cs_nope', { reason: 'x' } );
		expect( unknown.status ).toBe( 404 );
	} );

	it( 'refunds USD in cents', async () => {
		const id = await paidSession( {
			currency: 'USD',
			items: [ { name: 'A', price: 10.1, quantity: 3 } ],
			totalAmount: 30.3,
		} );
		expect(
			( await refund( id, { amount: 0.1, reason: 'x' } ) ).body.amount
		).toBe( 0.1 );
		expect(
			( await refund( id, { amount: 0.2, reason: 'y' } ) ).body.amount
		).toBe( 0.2 );
		const rest = await refund( id, { reason: 'z' } );
		expect( rest.body.amount ).toBe( 30 );
		const session = await data( id );
		expect( session.refundedAmount ).toBe( 30.3 );
		expect( session.status ).toBe( 'refunded' );
	} );

	it( 'shows dashboard refunds (control surface) in the same ledger', async () => {
		const id = await paidSession();
		const dashboard = await api.post( `/sandbox/sessions/${ id }/refund`, {
			amount: 5000,
		} );
		expect( dashboard.status ).toBe( 200 );
		expect( dashboard.body ).toMatchObject( {
			amount: 5000,
			status: 'completed',
		} );
		expect( dashboard.body.refundId ).toMatch( /^ref_/ );
		const session = await data( id );
		expect(
			session.refunds.map(
				( entry: { refundId: string } ) => entry.refundId
			)
		).toEqual( [ dashboard.body.refundId ] );
		expect( session.status ).toBe( 'partially_refunded' );
		expect(
			(
				await api.post( `/sandbox/sessions/${ id }/refund`, {
					amount: 23001,
				} )
			).body.error.code
		).toBe( 'refund_exceeds_remaining' );
	} );
} );
