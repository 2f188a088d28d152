/**
 * Webhook deliveries under load on the production stack (nginx, two PHP-FPM web nodes, MariaDB, Redis, the
 * sandbox): payments and refunds made in the sandbox, their webhooks delivered to the store by this script, a
 * share of them twice, many at a time, spread over both web nodes by nginx. Then every order is compared with
 * its session in the sandbox.
 *
 *   KC_STACK_FILE=<stack>/stack.json npx tsx tests/bench/webhook-throughput.ts \
 *     [--deliveries=1000] [--duplicates=0.25] [--concurrency=20] [--json=<file>]
 *
 * `npm run bench` runs it on its own stack (tools/bench/run.ts), whose sandbox retries a refused delivery only
 * after a day and whose store has the benchmark's probe (tools/bench/mu-plugins/kc-bench.php: one row per
 * `korea_checkout_payment_complete`, `woocommerce_payment_complete` and `woocommerce_order_refunded` call).
 *
 * Of the deliveries, `duplicates` are second deliveries of an event (same id, same body); the distinct events
 * are `payment.completed` for orders paid in the sandbox and, for a third of them, `payment.refunded` for a full
 * refund made in the sandbox's dashboard. The sandbox's own first attempts are signed wrongly on purpose (its
 * `bad-signature` fault), so the store refuses them and the deliveries measured here are the first it accepts.
 * All are shuffled, so a refund may arrive before its payment and a duplicate beside its original. An answer
 * the service would deliver again (409, 5xx, no answer) is retried after a second, at most 8 times.
 *
 * Prints and (with --json) writes: deliveries/s, p50 and p99 latency of first attempts, statuses, retries,
 * `lost` (events whose order did not end as the sandbox says: paid, or refunded in full) and `doubled` (orders
 * whose payment hook ran more than once or whose refund was recorded more than once).
 */
import { writeFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { readStack } from '../support/stack.ts';
import { SandboxControl } from '../support/sandbox.ts';
import { wpEval } from '../support/wp.ts';

interface Options {
	deliveries: number;
	duplicates: number;
	concurrency: number;
	json: string | null;
}

interface Delivery {
	eventId: string;
	event: string;
	orderId: number;
	body: string;
	duplicate: boolean;
}

export interface ThroughputResult {
	deliveries: number;
	distinctEvents: number;
	duplicates: number;
	concurrency: number;
	orders: number;
	refunds: number;
	seconds: number;
	perSecond: number;
	p50Ms: number;
	p99Ms: number;
	statuses: Record< string, number >;
	results: Record< string, number >;
	retries: number;
	nodes: Record< string, number >;
	lost: number;
	doubled: number;
	lostEvents: string[];
	doubledOrders: number[];
}

function options(): Options {
	const value = ( name: string ): string | undefined =>
		process.argv
			.find( ( arg ) => arg.startsWith( `--${ name }=` ) )
			?.slice( name.length + 3 );
	const whole = ( name: string, fallback: number ): number => {
		const parsed = Number( value( name ) ?? fallback );
		if ( ! Number.isInteger( parsed ) || parsed < 1 ) {
			throw new Error( `--${ name } must be a positive whole number` );
		}
		return parsed;
	};
	const duplicates = Number( value( 'duplicates' ) ?? 0.25 );
	if ( ! ( duplicates >= 0 && duplicates < 1 ) ) {
		throw new Error( '--duplicates must be a share from 0 to below 1' );
	}
	return {
		deliveries: whole( 'deliveries', 1000 ),
		duplicates,
		concurrency: whole( 'concurrency', 20 ),
		json: value( 'json' ) ?? null,
	};
}

function percentile( sorted: number[], p: number ): number {
	if ( sorted.length === 0 ) {
		return Number.NaN;
	}
	return sorted[
		Math.min(
			sorted.length - 1,
			Math.ceil( ( p / 100 ) * sorted.length ) - 1
		)
	]!;
}

function signature( body: string, secret: string ): string {
	const t = Math.floor( Date.now() / 1000 );
	const mac = createHmac( 'sha256', secret )
		.update( `${ t }.${ body }` )
		.digest( 'hex' );
	return `t=${ t },v1=${ mac }`;
}

function shuffle< T >( items: T[] ): T[] {
	for ( let i = items.length - 1; i > 0; i-- ) {
		const j = Math.floor( Math.random() * ( i + 1 ) );
		[ items[ i ], items[ j ] ] = [ items[ j ]!, items[ i ]! ];
	}
	return items;
}

/** Runs fn over items with at most `limit` at once. */
async function eachLimited< T >(
	items: T[],
	limit: number,
	fn: ( item: T ) => Promise< void >
): Promise< void > {
	let next = 0;
	await Promise.all(
		Array.from( { length: Math.min( limit, items.length ) }, async () => {
			while ( next < items.length ) {
				await fn( items[ next++ ]! );
			}
		} )
	);
}

export async function runThroughput(
	opts: Options,
	say: ( line: string ) => void = console.log
): Promise< ThroughputResult > {
	const stack = readStack();
	if ( stack.sandboxUrl === null ) {
		throw new Error( 'the benchmark needs the sandbox' );
	}
	const sandbox = new SandboxControl( stack.sandboxUrl );
	const duplicates = Math.round( opts.deliveries * opts.duplicates );
	const distinct = opts.deliveries - duplicates;
	const refunds = Math.floor( distinct / 3 );
	const orders = distinct - refunds;

	const probe = await wpEval< boolean >(
		stack,
		`if ( ! function_exists( 'kc_bench_install' ) ) { return false; } kc_bench_install(); return true;`
	);
	if ( ! probe ) {
		throw new Error(
			'the store lacks the benchmark probe (tools/bench/mu-plugins/kc-bench.php in wp-content/mu-plugins); run npm run bench'
		);
	}

	say( `[deliveries] ${ orders } orders with sessions` );
	const made: Array< { orderId: number; sessionId: string } > = [];
	for ( let start = 0; start < orders; start += 100 ) {
		const count = Math.min( 100, orders - start );
		made.push(
			...( await wpEval<
				Array< { orderId: number; sessionId: string } >
			>(
				stack,
				`$id = wc_get_product_id_by_sku( 'KC-BENCH-WH' );
				if ( ! $id ) {
					$product = new WC_Product_Simple();
					$product->set_props( array( 'name' => 'Webhook bench item', 'sku' => 'KC-BENCH-WH', 'regular_price' => '12000', 'status' => 'publish', 'manage_stock' => false ) );
					$id = $product->save();
				}
				$product = wc_get_product( $id );
				$gateway = WC()->payment_gateways()->payment_gateways()['korea_checkout'];
				$made = array();
				for ( $i = 0; $i < ${ count }; $i++ ) {
					$order = wc_create_order();
					$order->add_product( $product, 1 );
					$order->set_address( array( 'first_name' => 'Bench', 'last_name' => 'Kim', 'email' => 'bench@example.com', 'phone' => '010-0000-0000', 'country' => 'KR', 'city' => 'Seoul', 'postcode' => '04524', 'address_1' => '1 Sejong-daero' ), 'billing' );
					$order->set_payment_method( 'korea_checkout' );
					$order->calculate_totals( false );
					$order->save();
					$result = $gateway->process_payment( $order->get_id() );
					$url = (string) ( $result['redirect'] ?? '' );
					$made[] = array( 'orderId' => $order->get_id(), 'sessionId' => basename( (string) wp_parse_url( $url, PHP_URL_PATH ) ) );
				}
				return $made;`
			) )
		);
	}

	// The sandbox's own first attempt of each event is refused by the store (wrong signature) and retried only
	// much later: the deliveries below are the ones that count.
	await sandbox.call( 'POST', '/sandbox/faults', {
		target: 'webhook',
		mode: 'bad-signature',
		count: orders + refunds,
	} );
	say(
		`[deliveries] paying ${ orders } sessions, refunding ${ refunds } in full, in the sandbox`
	);
	await eachLimited( made, 8, async ( order ) => {
		await sandbox.pay( order.sessionId, 'card' );
	} );
	const refunded = made.slice( 0, refunds );
	await eachLimited( refunded, 8, async ( order ) => {
		await sandbox.refund( order.sessionId, undefined, 'Bench refund' );
	} );
	await sandbox.call( 'DELETE', '/sandbox/faults' );

	const bySession = new Map(
		made.map( ( m ) => [ m.sessionId, m.orderId ] )
	);
	const all = await sandbox.deliveries();
	const events: Delivery[] = [];
	const seen = new Set< string >();
	for ( const delivery of all ) {
		const orderId = bySession.get( String( delivery.sessionId ?? '' ) );
		if (
			orderId === undefined ||
			seen.has( delivery.eventId ) ||
			! [ 'payment.completed', 'payment.refunded' ].includes(
				delivery.event
			)
		) {
			continue;
		}
		seen.add( delivery.eventId );
		events.push( {
			eventId: delivery.eventId,
			event: delivery.event,
			orderId,
			body: JSON.stringify( delivery.body ),
			duplicate: false,
		} );
	}
	if ( events.length !== distinct ) {
		throw new Error(
			`expected ${ distinct } events from the sandbox, found ${ events.length }`
		);
	}
	const plan = shuffle( [
		...events,
		...Array.from( { length: duplicates }, () => ( {
			...events[ Math.floor( Math.random() * events.length ) ]!,
			duplicate: true,
		} ) ),
	] );

	say(
		`[deliveries] ${ plan.length } deliveries (${ duplicates } duplicates), ${ opts.concurrency } at a time`
	);
	const url = `${ stack.storeUrl }/wp-json/korea-checkout/v1/webhook`;
	const latencies: number[] = [];
	const statuses: Record< string, number > = {};
	const results: Record< string, number > = {};
	const nodes: Record< string, number > = {};
	let retries = 0;
	const send = async ( delivery: Delivery ): Promise< void > => {
		for ( let attempt = 0; attempt < 9; attempt++ ) {
			const started = performance.now();
			let status = 'error';
			try {
				const response = await fetch( url, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'x-korea-checkout-signature': signature(
							delivery.body,
							stack.webhookSecret
						),
						'x-korea-checkout-event': delivery.event,
					},
					body: delivery.body,
					signal: AbortSignal.timeout( 30_000 ),
				} );
				const answer = ( await response
					.json()
					.catch( () => ( {} ) ) ) as {
					result?: string;
				};
				status = String( response.status );
				const node = response.headers.get( 'x-kc-node' ) ?? '?';
				nodes[ node ] = ( nodes[ node ] ?? 0 ) + 1;
				if ( answer.result ) {
					results[ answer.result ] =
						( results[ answer.result ] ?? 0 ) + 1;
				}
			} catch ( error ) {
				status = error instanceof Error ? error.name : 'error';
			}
			if ( attempt === 0 ) {
				latencies.push( performance.now() - started );
			}
			statuses[ status ] = ( statuses[ status ] ?? 0 ) + 1;
			if (
				status.startsWith( '2' ) ||
				( status.startsWith( '4' ) && status !== '409' )
			) {
				return;
			}
			retries++;
			await new Promise( ( resolve ) => setTimeout( resolve, 1000 ) );
		}
	};
	const started = performance.now();
	await eachLimited( plan, opts.concurrency, send );
	const seconds = ( performance.now() - started ) / 1000;

	// What the sandbox says each session ended as, and what the store did.
	const expected = new Map< number, string >();
	await eachLimited( made, 8, async ( order ) => {
		const session = await sandbox.session( order.sessionId );
		expected.set( order.orderId, String( session.status ) );
	} );
	const store = await wpEval<
		Record<
			string,
			{
				status: string;
				paid: boolean;
				total: number;
				refunded: number;
				refunds: number;
				kcPaid: number;
				wcPaid: number;
				wcRefunded: number;
			}
		>
	>(
		stack,
		`global $wpdb;
		$ids = array_map( 'intval', json_decode( '${ JSON.stringify( made.map( ( m ) => m.orderId ) ) }', true ) );
		$calls = array();
		foreach ( $wpdb->get_results( "SELECT order_id, hook, COUNT(*) AS n FROM " . kc_bench_calls_table() . " GROUP BY order_id, hook", ARRAY_A ) as $row ) {
			$calls[ (int) $row['order_id'] ][ $row['hook'] ] = (int) $row['n'];
		}
		$out = array();
		foreach ( $ids as $id ) {
			$order = wc_get_order( $id );
			$out[ $id ] = array(
				'status' => $order->get_status(),
				'paid' => null !== $order->get_date_paid(),
				'total' => (float) $order->get_total(),
				'refunded' => (float) $order->get_total_refunded(),
				'refunds' => count( $order->get_refunds() ),
				'kcPaid' => $calls[ $id ]['korea_checkout_payment_complete'] ?? 0,
				'wcPaid' => $calls[ $id ]['woocommerce_payment_complete'] ?? 0,
				'wcRefunded' => $calls[ $id ]['woocommerce_order_refunded'] ?? 0,
			);
		}
		return $out;`
	);
	const lostEvents: string[] = [];
	for ( const event of events ) {
		const order = store[ String( event.orderId ) ];
		const want = expected.get( event.orderId );
		if ( ! order ) {
			lostEvents.push(
				`${ event.eventId } (order ${ event.orderId } missing)`
			);
			continue;
		}
		const paidOk =
			order.paid &&
			[ 'processing', 'completed', 'refunded' ].includes( order.status );
		const refundOk =
			order.status === 'refunded' &&
			Math.abs( order.refunded - order.total ) < 0.5;
		const ok =
			event.event === 'payment.completed'
				? paidOk && ( want !== 'refunded' || refundOk )
				: want === 'refunded' && refundOk;
		if ( ! ok ) {
			lostEvents.push(
				`${ event.eventId } ${ event.event } order ${ event.orderId }: store ${ order.status } (refunded ${ order.refunded } of ${ order.total }), sandbox ${ want ?? '?' }`
			);
		}
	}
	const doubledOrders = Object.entries( store )
		.filter(
			( [ , order ] ) =>
				order.kcPaid > 1 ||
				order.wcPaid > 1 ||
				order.refunds > 1 ||
				order.wcRefunded > 1
		)
		.map( ( [ id ] ) => Number( id ) );

	latencies.sort( ( a, b ) => a - b );
	return {
		deliveries: plan.length,
		distinctEvents: events.length,
		duplicates,
		concurrency: opts.concurrency,
		orders,
		refunds,
		seconds,
		perSecond: plan.length / seconds,
		p50Ms: percentile( latencies, 50 ),
		p99Ms: percentile( latencies, 99 ),
		statuses,
		results,
		retries,
		nodes,
		lost: lostEvents.length,
		doubled: doubledOrders.length,
		lostEvents: lostEvents.slice( 0, 20 ),
		doubledOrders: doubledOrders.slice( 0, 20 ),
	};
}

async function main(): Promise< void > {
	const opts = options();
	const result = await runThroughput( opts );
	console.log(
		`[deliveries] ${ result.deliveries } in ${ result.seconds.toFixed( 1 ) } s: ${ result.perSecond.toFixed( 1 ) }/s, p50 ${ result.p50Ms.toFixed( 0 ) } ms, p99 ${ result.p99Ms.toFixed( 0 ) } ms, statuses ${ JSON.stringify( result.statuses ) }, results ${ JSON.stringify( result.results ) }, retries ${ result.retries }, nodes ${ JSON.stringify( result.nodes ) }`
	);
	console.log(
		`[deliveries] lost ${ result.lost }, doubled ${ result.doubled }${
			result.lostEvents.length
				? `\n  lost: ${ result.lostEvents.join( '\n  lost: ' ) }`
				: ''
		}${ result.doubledOrders.length ? `\n  doubled orders: ${ result.doubledOrders.join( ', ' ) }` : '' }`
	);
	if ( opts.json ) {
		writeFileSync(
			opts.json,
			`${ JSON.stringify( result, null, '\t' ) }\n`
		);
	}
	if ( result.lost > 0 || result.doubled > 0 ) {
		process.exitCode = 1;
	}
}

main().catch( ( error: unknown ) => {
	console.error(
		error instanceof Error ? ( error.stack ?? error.message ) : error
	);
	process.exitCode = 1;
} );
