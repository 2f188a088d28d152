/**
 * Steps several cases share: an order paid through its webhook, the held delivery of a payment, the storage
 * switch around a block of cases.
 */
import { afterAll, beforeAll } from 'vitest';
import { waitUntil } from '../../support/wait.ts';
import type { SandboxDelivery } from '../../support/sandbox.ts';
import {
	clearFaults,
	holdWebhooks,
	newProduct,
	orderBecomes,
	placeOrder,
	recordedDeliveries,
	sandbox,
	settledDeliveries,
	useStorage,
	type OrderFacts,
	type PlacedOrder,
	type Storage,
} from './shop.ts';
import { rawBody } from './webhook.ts';

export const STORAGES: Storage[] = [ 'hpos', 'legacy' ];

export const STOCK = 100;

/** Runs a describe block's cases with WooCommerce's orders in `storage`, and puts HPOS back afterwards. */
export function inStorage( storage: Storage ): void {
	beforeAll( async () => {
		await clearFaults();
		await useStorage( storage );
	} );
	afterAll( async () => {
		await clearFaults();
		await useStorage( 'hpos' );
	} );
}

export interface Paid {
	product: number;
	order: PlacedOrder;
	facts: OrderFacts;
	/** The payment.completed delivery. */
	delivery: SandboxDelivery;
}

/** A product of its own, an order for `quantity` of it, paid by card and settled by its webhook. */
export async function paidByWebhook(
	price = 15000,
	quantity = 1
): Promise< Paid > {
	const product = await newProduct( price, STOCK );
	const order = await placeOrder( [ { id: product, quantity } ] );
	await sandbox().pay( order.sessionId, 'card' );
	const [ delivery ] = await settledDeliveries( order.sessionId, 1 );
	const facts = await orderBecomes(
		`order ${ order.orderId } paid by its webhook`,
		order.orderId,
		( current ) => current.status === 'processing'
	);
	if ( delivery === undefined ) {
		throw new Error( 'no delivery' );
	}
	return { product, order, facts, delivery };
}

export interface HeldPayment {
	product: number;
	order: PlacedOrder;
	/** The held payment.completed delivery and its raw body, for the case to deliver itself. */
	delivery: SandboxDelivery;
	body: string;
	/** Where the hosted page sends the shopper back. */
	redirectUrl: string;
}

/** An order paid in the sandbox whose payment.completed delivery the sandbox holds back (fault `reorder`). */
export async function heldPayment(
	price = 15000,
	quantity = 1
): Promise< HeldPayment > {
	const product = await newProduct( price, STOCK );
	const order = await placeOrder( [ { id: product, quantity } ] );
	await holdWebhooks( 1 );
	const paid = await sandbox().pay( order.sessionId, 'card' );
	const [ delivery ] = await recordedDeliveries( order.sessionId, 1 );
	if ( delivery === undefined ) {
		throw new Error( 'no delivery' );
	}
	return {
		product,
		order,
		delivery,
		body: rawBody( delivery ),
		redirectUrl: paid.redirectUrl ?? '',
	};
}

/** Has the sandbox deliver a recorded event again (same event id, fresh signature) and waits for that delivery. */
export async function redeliverAndSettle(
	delivery: SandboxDelivery
): Promise< SandboxDelivery > {
	const copy = await sandbox().redeliver( delivery.id );
	return waitUntil(
		`the redelivery of ${ delivery.event } settled`,
		async () =>
			( await sandbox().deliveries( delivery.sessionId as string ) ).find(
				( item ) => item.id === copy.id
			),
		( item ) => item !== undefined && item.state !== 'pending',
		90_000
	) as Promise< SandboxDelivery >;
}
