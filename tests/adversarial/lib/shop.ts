/**
 * What the cases do to the store and read back from it: products with their own stock, orders placed through the
 * Store API, the facts of an order (status, stock, refunds, e-mails, payment_complete calls) read in one PHP
 * process, the sandbox's sessions of an order, the store's event rows, faults armed in the store, the webhook
 * secret and the order storage (HPOS or legacy posts).
 */
import { randomBytes } from 'node:crypto';
import {
	SandboxControl,
	sessionIdFromCheckoutUrl,
	type SandboxDelivery,
} from '../../support/sandbox.ts';
import {
	SEOUL_ADDRESS,
	StoreApiClient,
	type CheckoutResult,
} from '../../support/store-api.ts';
import { waitUntil } from '../../support/wait.ts';
import { advStack } from './stack.ts';
import { phpValue, wp } from './wp.ts';

export const SHIPPING = 3000;

export function sandbox(): SandboxControl {
	return new SandboxControl( advStack().sandboxUrl );
}

export function uniqueTag(): string {
	return randomBytes( 4 ).toString( 'hex' );
}

/** A product of the case's own (so that its stock tells only this case's story). */
export async function newProduct(
	price: number,
	stock = 100
): Promise< number > {
	return wp< number >(
		`$product = new \\WC_Product_Simple();
		$product->set_props( array( 'name' => 'Adversarial ' . ${ phpValue( uniqueTag() ) }, 'sku' => 'KC-ADV-' . ${ phpValue( uniqueTag() ) }, 'regular_price' => ${ phpValue( String( price ) ) }, 'status' => 'publish', 'manage_stock' => true, 'stock_quantity' => ${ stock } ) );
		return $product->save();`
	);
}

export interface PlacedOrder {
	orderId: number;
	orderKey: string;
	sessionId: string;
	checkoutUrl: string;
	email: string;
	/** The shopper's cart: checking out again with it is "Place order again" (placeAgain()). */
	client: StoreApiClient;
	result: CheckoutResult;
	/** When the checkout answered (ms). */
	placedAt: number;
}

/** A shopper with their own e-mail address places an order with Korea Checkout through the Store API. */
export async function placeOrder(
	items: Array< { id: number; quantity?: number } >,
	email = `adv-${ uniqueTag() }@example.com`
): Promise< PlacedOrder > {
	const client = new StoreApiClient( advStack().storeUrl );
	for ( const item of items ) {
		await client.addItem( item.id, item.quantity ?? 1 );
	}
	const result = await client.checkout( 'korea_checkout', {
		address: { ...SEOUL_ADDRESS, email },
	} );
	const checkoutUrl = result.payment_result.redirect_url;
	if ( ! /\/checkout\/cs_/.test( checkoutUrl ) ) {
		throw new Error(
			`the checkout did not send the shopper to a hosted page: ${ JSON.stringify( result.payment_result ) }`
		);
	}
	return {
		orderId: result.order_id,
		orderKey: result.order_key,
		sessionId: sessionIdFromCheckoutUrl( checkoutUrl ),
		checkoutUrl,
		email,
		client,
		result,
		placedAt: Date.now(),
	};
}

/**
 * The shopper presses Place order again with the same cart. Never within the second of the first checkout:
 * WooCommerce's stock reservation (an INSERT … ON DUPLICATE KEY UPDATE of `expires` = NOW() + hold) changes no row
 * when repeated within the same second, and WooCommerce reads that as "not enough stock" (a 403 no shopper can
 * cause by hand).
 */
export async function placeAgain(
	order: PlacedOrder
): Promise< CheckoutResult > {
	await waitUntil(
		'a second after the first checkout',
		async () => Date.now(),
		( now ) => now >= order.placedAt + 1100,
		5000,
		100
	);
	return order.client.checkout( 'korea_checkout', {
		address: { ...SEOUL_ADDRESS, email: order.email },
	} );
}

export interface OrderFacts {
	id: number;
	status: string;
	total: number;
	/** korea_checkout_payment_complete calls for this order (one log row each). */
	paymentComplete: number;
	/** Stock of each product of the order, by product id. */
	stock: Record< string, number >;
	/** Sum of `_reduced_stock` over the order's lines (what WooCommerce took from stock for it). */
	reducedStock: number;
	refunds: Array< { amount: number; refundId: string; reason: string } >;
	fees: Array< { name: string; total: number } >;
	emails: Array< { subject: string; to: string[]; emailId: string } >;
	notes: string[];
	sessionId: string;
	transactionId: string;
	mismatch: string;
}

/** Everything the cases assert about some orders, read in one PHP process. */
export async function orderFacts( ids: number[] ): Promise< OrderFacts[] > {
	return wp< OrderFacts[] >(
		`global $wpdb;
		$log = table( 'log' );
		$out = array();
		foreach ( ${ phpValue( ids ) } as $id ) {
			$order = wc_get_order( $id );
			if ( ! $order ) {
				throw new \\RuntimeException( "no order {$id}" );
			}
			$stock   = array();
			$reduced = 0;
			foreach ( $order->get_items() as $item ) {
				$product = $item->get_product();
				if ( $product ) {
					$fresh = wc_get_product( $product->get_id() );
					$stock[ (string) $product->get_id() ] = (int) $fresh->get_stock_quantity();
				}
				$reduced += (int) $item->get_meta( '_reduced_stock', true );
			}
			$emails = array();
			foreach ( $wpdb->get_results( $wpdb->prepare( "SELECT subject, detail FROM {$log} WHERE kind = 'mail' AND order_id = %d ORDER BY id", $id ), ARRAY_A ) as $row ) {
				$detail   = json_decode( $row['detail'], true );
				$emails[] = array( 'subject' => $row['subject'], 'to' => $detail['to'] ?? array(), 'emailId' => $detail['email_id'] ?? '' );
			}
			$out[] = array(
				'id'              => $id,
				'status'          => $order->get_status(),
				'total'           => (float) $order->get_total( 'edit' ),
				'paymentComplete' => (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$log} WHERE kind = 'payment_complete' AND order_id = %d", $id ) ),
				'stock'           => (object) $stock,
				'reducedStock'    => $reduced,
				'refunds'         => array_map(
					static fn( $refund ) => array(
						'amount'   => (float) $refund->get_amount(),
						'refundId' => (string) $refund->get_meta( '_korea_checkout_refund_id' ),
						'reason'   => (string) $refund->get_reason(),
					),
					array_reverse( $order->get_refunds() )
				),
				'fees'            => array_values( array_map( static fn( $fee ) => array( 'name' => $fee->get_name(), 'total' => (float) $fee->get_total() ), $order->get_fees() ) ),
				'emails'          => $emails,
				'notes'           => array_values( wp_list_pluck( wc_get_order_notes( array( 'order_id' => $id, 'order' => 'ASC' ) ), 'content' ) ),
				'sessionId'       => (string) $order->get_meta( '_korea_checkout_session_id' ),
				'transactionId'   => (string) $order->get_transaction_id(),
				'mismatch'        => (string) $order->get_meta( '_korea_checkout_mismatch' ),
			);
		}
		return $out;`
	);
}

export async function facts( id: number ): Promise< OrderFacts > {
	const [ one ] = await orderFacts( [ id ] );
	if ( one === undefined ) {
		throw new Error( `no facts for order ${ id }` );
	}
	return one;
}

/** E-mails of one WooCommerce kind (`new_order`, `customer_processing_order`, …). */
export function emailsOf( order: OrderFacts, emailId: string ): number {
	return order.emails.filter( ( mail ) => mail.emailId === emailId ).length;
}

/** Waits until an order satisfies `accept`; returns its facts. */
export function orderBecomes(
	what: string,
	id: number,
	accept: ( order: OrderFacts ) => boolean,
	timeoutMs = 60_000
): Promise< OrderFacts > {
	return waitUntil( what, () => facts( id ), accept, timeoutMs, 500 );
}

export interface SandboxSession {
	sessionId: string;
	status: string;
	platformOrderId: string;
	totalAmount: number;
	refundedAmount?: number;
	refunds?: Array< { refundId: string; amount: number } >;
	metadata?: Record< string, string >;
	returnUrl?: string;
	[ key: string ]: unknown;
}

/** The sandbox's sessions made for an order (its platformOrderId), newest first. */
export async function sessionsOf(
	orderId: number
): Promise< SandboxSession[] > {
	const { sessions } = await sandbox().sessions();
	return ( sessions as SandboxSession[] ).filter(
		( session ) => session.platformOrderId === String( orderId )
	);
}

export async function sandboxSession(
	sessionId: string
): Promise< SandboxSession > {
	return ( await sandbox().session( sessionId ) ) as SandboxSession;
}

/** Waits until the sandbox has `count` deliveries of a session and none is pending any more. */
export function settledDeliveries(
	sessionId: string,
	count = 1,
	timeoutMs = 90_000
): Promise< SandboxDelivery[] > {
	return waitUntil(
		`${ count } settled deliveries of ${ sessionId }`,
		() => sandbox().deliveries( sessionId ),
		( list ) =>
			list.length >= count &&
			list.every( ( delivery ) => delivery.state !== 'pending' ),
		timeoutMs,
		300
	);
}

/** The recorded deliveries of a session (held or not), once there are `count`. */
export function recordedDeliveries(
	sessionId: string,
	count = 1
): Promise< SandboxDelivery[] > {
	return waitUntil(
		`${ count } recorded deliveries of ${ sessionId }`,
		() => sandbox().deliveries( sessionId ),
		( list ) => list.length >= count,
		30_000,
		200
	);
}

export type WebhookFaultMode =
	'duplicate' | 'delay' | 'reorder' | 'bad-signature' | 'documented-shape';

/** Arms a fault of the sandbox (sandbox.md). */
export async function sandboxFault(
	target:
		| 'create-session'
		| 'get-session'
		| 'patch-session'
		| 'refund'
		| 'webhook',
	mode: WebhookFaultMode | '500' | '429' | 'hang',
	count = 1,
	delayMs?: number
): Promise< void > {
	await sandbox().call( 'POST', '/sandbox/faults', {
		target,
		mode,
		count,
		...( delayMs === undefined ? {} : { delayMs } ),
	} );
}

/** Holds every delivery of the next `count` events in the sandbox (fault `reorder`, released by nothing here). */
export function holdWebhooks( count = 1 ): Promise< void > {
	return sandboxFault( 'webhook', 'reorder', count );
}

/** Arms a fault of the store's must-use plugin (kc-adv-faults.php) for `shots` requests. */
export async function storeFault(
	name: string,
	shots = 1,
	arg = ''
): Promise< void > {
	await wp(
		`arm_fault( ${ phpValue( name ) }, ${ shots }, ${ phpValue( arg ) } ); return true;`
	);
}

/** How many times a store fault fired, asked over HTTP (answered before plugins load: quick enough to poll). */
export async function faultFired( name: string ): Promise< number > {
	const response = await fetch(
		`${ advStack().storeUrl }/?kc_adv_fault=${ encodeURIComponent( name ) }`,
		{ signal: AbortSignal.timeout( 30_000 ) }
	);
	const answer = ( await response.json() ) as { fired?: number };
	return answer.fired ?? 0;
}

/** How many times a store fault fired. */
export function storeFaultFired( name: string ): Promise< number > {
	return wp< number >(
		`global $wpdb; $t = table( 'faults' ); return (int) $wpdb->get_var( $wpdb->prepare( "SELECT fired FROM {$t} WHERE name = %s", ${ phpValue( name ) } ) );`
	);
}

export async function clearFaults(): Promise< void > {
	await sandbox().clearFaults();
	await wp( 'disarm_all(); return true;' );
}

/** Requests the store made to the API about a session: `read`, `patch`, `refund`, optionally from one context. */
export function apiCalls(
	sessionId: string,
	kind = 'read',
	context?: string
): Promise< number > {
	return wp< number >(
		`global $wpdb; $t = table( 'log' );
		$sql = $wpdb->prepare( "SELECT COUNT(*) FROM {$t} WHERE kind = 'api' AND subject = %s", ${ phpValue( `${ kind } ${ sessionId }` ) } );
		if ( ${ phpValue( context ?? '' ) } !== '' ) {
			$sql .= $wpdb->prepare( ' AND context = %s', ${ phpValue( context ?? '' ) } );
		}
		return (int) $wpdb->get_var( $sql );`
	);
}

export interface EventRow {
	event_key: string;
	event_type: string;
	session_id: string;
	state: string;
	attempts: number;
	lease_until: string | null;
	first_seen: string;
	last_seen: string;
	result: string;
	last_error: string;
}

/** The store's event rows (`{prefix}korea_checkout_events`) matching a session id or event key; null: no table. */
export function eventRows(
	match: { sessionId?: string; key?: string } = {}
): Promise< EventRow[] | null > {
	return wp< EventRow[] | null >(
		`global $wpdb;
		$t = $wpdb->prefix . 'korea_checkout_events';
		if ( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $t ) ) !== $t ) {
			return null;
		}
		$m = ${ phpValue( match ) };
		if ( isset( $m['key'] ) ) {
			return $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$t} WHERE event_key = %s", $m['key'] ), ARRAY_A );
		}
		if ( isset( $m['sessionId'] ) ) {
			return $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$t} WHERE session_id = %s ORDER BY first_seen", $m['sessionId'] ), ARRAY_A );
		}
		return $wpdb->get_results( "SELECT * FROM {$t} ORDER BY first_seen", ARRAY_A );`
	);
}

/** Moves an event's first and last sighting (and its lease, if any) `seconds` into the past. */
export function ageEvent( key: string, seconds: number ): Promise< number > {
	return wp< number >(
		`global $wpdb;
		$t = $wpdb->prefix . 'korea_checkout_events';
		$at = gmdate( 'Y-m-d H:i:s', time() - ${ seconds } );
		return (int) $wpdb->update( $t, array( 'first_seen' => $at, 'last_seen' => $at ), array( 'event_key' => ${ phpValue( key ) } ) );`
	);
}

/**
 * What a refused delivery must not change: the number of event rows (the new table, and the 0.1.0 options),
 * and the "last webhook" record.
 */
export interface WriteSnapshot {
	eventRows: number | null;
	legacyEventOptions: number;
	lastWebhook: unknown;
}

export function writeSnapshot(): Promise< WriteSnapshot > {
	return wp< WriteSnapshot >(
		`global $wpdb;
		$t = $wpdb->prefix . 'korea_checkout_events';
		$has = $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $t ) ) === $t;
		wp_cache_delete( 'korea_checkout_last_webhook', 'options' );
		wp_cache_delete( 'alloptions', 'options' );
		return array(
			'eventRows'          => $has ? (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$t}" ) : null,
			'legacyEventOptions' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE 'korea\\\\_checkout\\\\_evt\\\\_%'" ),
			'lastWebhook'        => $wpdb->get_var( "SELECT option_value FROM {$wpdb->options} WHERE option_name = 'korea_checkout_last_webhook'" ),
		);`
	);
}

/** Saves the plugin's webhook secret ('' removes it), as the settings page would store it. */
export async function setWebhookSecret( secret: string ): Promise< void > {
	await wp(
		`$settings = (array) get_option( 'korea_checkout_settings', array() );
		$settings['webhook_secret'] = ${ phpValue( secret ) };
		update_option( 'korea_checkout_settings', $settings );
		return true;`
	);
}

export type Storage = 'hpos' | 'legacy';

/**
 * Switches WooCommerce's order storage: HPOS tables alone (as installed), or the legacy posts table with
 * compatibility-mode sync on. Orders waiting to be synchronised are copied first, as WooCommerce requires.
 */
export async function useStorage( storage: Storage ): Promise< void > {
	const answer = await wp< { hpos: boolean; pending: number } >(
		`$sync = wc_get_container()->get( \\Automattic\\WooCommerce\\Internal\\DataStores\\Orders\\DataSynchronizer::class );
		update_option( 'woocommerce_custom_orders_table_data_sync_enabled', 'yes' );
		for ( $round = 0; $round < 200 && $sync->get_total_pending_count() > 0; $round++ ) {
			$batch = $sync->get_next_batch_to_process( 100 );
			if ( ! $batch ) {
				break;
			}
			$sync->process_batch( $batch );
		}
		update_option( 'woocommerce_custom_orders_table_enabled', ${ phpValue( storage === 'hpos' ? 'yes' : 'no' ) } );
		if ( ${ phpValue( storage ) } === 'hpos' ) {
			// As the stack installs it: HPOS alone, no compatibility-mode copies in the posts table.
			update_option( 'woocommerce_custom_orders_table_data_sync_enabled', 'no' );
		}
		return array(
			'hpos'    => \\Automattic\\WooCommerce\\Utilities\\OrderUtil::custom_orders_table_usage_is_enabled(),
			'pending' => (int) $sync->get_total_pending_count(),
		);`
	);
	if ( answer.hpos !== ( storage === 'hpos' ) ) {
		throw new Error(
			`could not switch the order storage to ${ storage } (${ answer.pending } orders waiting to sync)`
		);
	}
}

/** The Korea Checkout API itself, with the store's key: what a second store sharing the key could do. */
export async function api< T >(
	method: 'GET' | 'POST' | 'PATCH',
	path: string,
	body?: unknown
): Promise< T > {
	const stack = advStack();
	const response = await fetch( `${ stack.sandboxUrl }${ path }`, {
		method,
		headers: {
			'x-api-key': stack.apiKey,
			'content-type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify( body ),
		signal: AbortSignal.timeout( 60_000 ),
	} );
	const text = await response.text();
	if ( ! response.ok ) {
		throw new Error(
			`${ method } ${ path } answered ${ response.status }: ${ text.slice( 0, 500 ) }`
		);
	}
	return JSON.parse( text ) as T;
}

/** The shopper's browser arriving at a URL (the return address), without following the redirect. */
export async function visit(
	url: string
): Promise< { status: number; location: string; node: string } > {
	const response = await fetch( url, {
		redirect: 'manual',
		signal: AbortSignal.timeout( 120_000 ),
	} );
	await response.arrayBuffer();
	return {
		status: response.status,
		location: response.headers.get( 'location' ) ?? '',
		node: response.headers.get( 'x-kc-node' ) ?? '',
	};
}

/** Makes an order look untouched for `seconds` (its modified date, in both storages), for WooCommerce's jobs. */
export async function backdateOrder(
	id: number,
	seconds: number
): Promise< void > {
	await wp(
		`global $wpdb;
		$gmt   = gmdate( 'Y-m-d H:i:s', time() - ${ seconds } );
		$local = get_date_from_gmt( $gmt );
		$hpos  = $wpdb->prefix . 'wc_orders';
		if ( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $hpos ) ) === $hpos ) {
			$wpdb->update( $hpos, array( 'date_updated_gmt' => $gmt ), array( 'id' => ${ id } ) );
		}
		$wpdb->update( $wpdb->posts, array( 'post_modified' => $local, 'post_modified_gmt' => $gmt ), array( 'ID' => ${ id } ) );
		clean_post_cache( ${ id } );
		wp_cache_flush();
		return true;`
	);
}

/** Rows of WooCommerce's stock reservations (held stock of unpaid orders) for an order. */
export function reservedStock( id: number ): Promise< number > {
	return wp< number >(
		`global $wpdb; return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COALESCE( SUM( stock_quantity ), 0 ) FROM {$wpdb->prefix}wc_reserved_stock WHERE order_id = %d", ${ id } ) );`
	);
}
