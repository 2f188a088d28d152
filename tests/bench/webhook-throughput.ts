/**
 * Webhook throughput of the store on the production stack (nginx, two PHP-FPM web nodes, MariaDB, Redis, the
 * sandbox).
 *
 *   npx tsx tests/bench/webhook-throughput.ts [--requests=200] [--concurrency=4] [--orders=20] [--help]
 *
 * Uses the stack whose details KC_STACK_FILE names; without it, brings up the production stack of KC_STACK_DIR /
 * KC_NATIVE_PORT / KC_SANDBOX_PORT (default .stack/bench on 8096 / 4096) with `tools/stack/cli.ts up` (a process of
 * its own: the benchmark imports nothing from tools/) and leaves it running. Requests are signed here exactly as the
 * service signs them. Phases:
 *   1. first delivery: a verified `payment.completed` for each of --orders freshly paid sessions (read-back from the
 *      sandbox, lock, payment_complete with stock and e-mails, the payment hook);
 *   2. redelivery with a new event id to paid orders (read-back, lock, nothing to do: the steady cost of duplicates);
 *   3. the same event id again (answered from the event log without asking the API);
 *   4. a wrong signature (refused before anything else).
 * Prints requests/s and latency percentiles per phase, and the HTTP statuses seen. The sandbox started here gets a
 * high rate limit (SANDBOX_RATE_LIMIT) so that phase 2 measures the store, not the limiter; against a sandbox that
 * was already running, 429s from the API show up as 503 answers in the status counts.
 */
import { spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readStack, type StackInfo } from '../support/stack.ts';
import {
	SandboxControl,
	sessionIdFromCheckoutUrl,
} from '../support/sandbox.ts';
import { wpEval } from '../support/wp.ts';

interface Options {
	requests: number;
	concurrency: number;
	orders: number;
}

/** One webhook request as the service would send it. */
interface SignedRequest {
	body: string;
	signature: string;
}

/** A phase of the run: `count` requests, the i-th made by `request( i )` before the clock starts. */
interface PhasePlan {
	name: string;
	count: number;
	request: ( index: number ) => SignedRequest;
}

interface PhaseResult {
	name: string;
	count: number;
	seconds: number;
	latencies: number[];
	statuses: Record< string, number >;
}

const USAGE = `Webhook throughput of the store on the native stack.

  npx tsx tests/bench/webhook-throughput.ts [--requests=200] [--concurrency=4] [--orders=20]

  --requests=N     requests in each of phases 2 to 4 (default 200)
  --concurrency=N  requests in flight at once, and php -S workers when the stack is started here (default 4)
  --orders=N       orders paid for phase 1, one first delivery each (default 20)
  --help           print this and exit

Uses the stack whose details KC_STACK_FILE names, else the production stack of KC_STACK_DIR / KC_NATIVE_PORT /
KC_SANDBOX_PORT (default .stack/bench on 8096 / 4096), brought up when it is not running.`;

/** The stack KC_STACK_FILE names, or the bench's own production stack (started by tools/stack/cli.ts up). */
function benchStack( workers: number ): StackInfo {
	if ( process.env.KC_STACK_FILE ) {
		return readStack();
	}
	const root = fileURLToPath( new URL( '../..', import.meta.url ) );
	const env = {
		...process.env,
		KC_STACK_DIR: process.env.KC_STACK_DIR ?? '.stack/bench',
		KC_NATIVE_PORT: process.env.KC_NATIVE_PORT ?? '8096',
		KC_SANDBOX_PORT: process.env.KC_SANDBOX_PORT ?? '4096',
		// The sandbox started here: a rate limit that phase 2 does not meet, so that it measures the store.
		SANDBOX_RATE_LIMIT: process.env.SANDBOX_RATE_LIMIT ?? '1000000',
	};
	const up = spawnSync(
		`${ root }node_modules/.bin/tsx`,
		[
			'tools/stack/cli.ts',
			'up',
			'--production',
			`--workers=${ String( workers ) }`,
		],
		{ cwd: root, env, stdio: 'inherit' }
	);
	if ( up.status !== 0 ) {
		throw new Error( 'the production stack did not start' );
	}
	return readStack( `${ root }${ env.KC_STACK_DIR }/stack.json` );
}

function options(): Options {
	const value = ( name: string, fallback: number ): number => {
		const arg = process.argv.find( ( item ) =>
			item.startsWith( `--${ name }=` )
		);
		const parsed =
			arg === undefined
				? fallback
				: Number.parseInt( arg.split( '=' )[ 1 ] ?? '', 10 );
		if ( ! Number.isInteger( parsed ) || parsed < 1 ) {
			throw new Error( `--${ name } must be a positive whole number` );
		}
		return parsed;
	};
	return {
		requests: value( 'requests', 200 ),
		concurrency: value( 'concurrency', 4 ),
		orders: value( 'orders', 20 ),
	};
}

function percentile( sorted: number[], p: number ): number {
	if ( sorted.length === 0 ) {
		return Number.NaN;
	}
	const index = Math.min(
		sorted.length - 1,
		Math.ceil( ( p / 100 ) * sorted.length ) - 1
	);
	return sorted[ Math.max( 0, index ) ] ?? Number.NaN;
}

function eventBody(
	event: string,
	sessionId: string,
	orderId: number,
	keyHash: string,
	id?: string
): string {
	return JSON.stringify( {
		id: id ?? `evt_bench_${ randomBytes( 8 ).toString( 'hex' ) }`,
		event,
		createdAt: new Date().toISOString(),
		data: {
			sessionId,
			platformOrderId: String( orderId ),
			metadata: { orderId: String( orderId ), orderKeyHash: keyHash },
		},
	} );
}

function signature( body: string, secret: string ): string {
	const t = Math.floor( Date.now() / 1000 );
	return `t=${ String( t ) },v1=${ createHmac( 'sha256', secret )
		.update( `${ String( t ) }.${ body }` )
		.digest( 'hex' ) }`;
}

/**
 * Makes the plan's requests, then sends them all with at most `concurrency` in flight and measures each one and
 * the phase as a whole.
 */
async function runPhase(
	plan: PhasePlan,
	url: string,
	concurrency: number
): Promise< PhaseResult > {
	const requests = Array.from( { length: plan.count }, ( _, index ) =>
		plan.request( index )
	);
	const latencies: number[] = [];
	const statuses: Record< string, number > = {};
	let next = 0;
	const started = performance.now();
	const worker = async (): Promise< void > => {
		while ( next < requests.length ) {
			const request = requests[ next++ ];
			if ( request === undefined ) {
				return;
			}
			const begin = performance.now();
			let status = 'error';
			try {
				const response = await fetch( url, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'x-korea-checkout-signature': request.signature,
					},
					body: request.body,
					signal: AbortSignal.timeout( 60_000 ),
				} );
				await response.arrayBuffer();
				status = String( response.status );
			} catch ( error ) {
				status = error instanceof Error ? error.name : 'error';
			}
			latencies.push( performance.now() - begin );
			statuses[ status ] = ( statuses[ status ] ?? 0 ) + 1;
		}
	};
	await Promise.all( Array.from( { length: concurrency }, worker ) );
	latencies.sort( ( a, b ) => a - b );
	return {
		name: plan.name,
		count: requests.length,
		seconds: ( performance.now() - started ) / 1000,
		latencies,
		statuses,
	};
}

function report( result: PhaseResult ): string {
	const ms = ( value: number ): string => `${ value.toFixed( 0 ) } ms`;
	return [
		result.name.padEnd( 44 ),
		`${ String( result.count ).padStart( 4 ) } req`,
		`${ ( result.count / result.seconds ).toFixed( 1 ).padStart( 6 ) } req/s`,
		`p50 ${ ms( percentile( result.latencies, 50 ) ).padStart( 7 ) }`,
		`p95 ${ ms( percentile( result.latencies, 95 ) ).padStart( 7 ) }`,
		`p99 ${ ms( percentile( result.latencies, 99 ) ).padStart( 7 ) }`,
		`statuses ${ JSON.stringify( result.statuses ) }`,
	].join( '  ' );
}

async function main(): Promise< void > {
	if ( process.argv.includes( '--help' ) ) {
		console.log( USAGE );
		return;
	}
	const opts = options();
	const stack = benchStack( opts.concurrency );
	if ( stack.sandboxUrl === null ) {
		throw new Error( 'the benchmark needs the sandbox' );
	}
	const sandbox = new SandboxControl( stack.sandboxUrl );
	const target = stack;
	const url = `${ stack.storeUrl }/wp-json/korea-checkout/v1/webhook`;
	const secret = stack.webhookSecret;

	// Orders with live sessions, paid in the sandbox with its own webhooks held back, so that phase 1 is the first
	// delivery each order sees.
	console.log(
		`[bench] preparing ${ String( opts.orders ) } orders with paid sessions on ${ stack.storeUrl }`
	);
	const orders = await wpEval<
		Array< { orderId: number; checkoutUrl: string; keyHash: string } >
	>(
		target,
		`$product = new WC_Product_Simple();
		$product->set_props( array( 'name' => 'Bench item', 'regular_price' => '12000', 'status' => 'publish', 'manage_stock' => true, 'stock_quantity' => 100000 ) );
		$product->save();
		$gateway = WC()->payment_gateways()->payment_gateways()['korea_checkout'];
		$made = array();
		for ( $i = 0; $i < ${ String( opts.orders ) }; $i++ ) {
			$order = wc_create_order();
			$order->add_product( $product, 1 );
			$order->set_address( array( 'first_name' => 'Bench', 'last_name' => 'Kim', 'email' => 'bench@example.com', 'phone' => '010-0000-0000', 'country' => 'KR', 'city' => 'Seoul', 'postcode' => '04524', 'address_1' => '1 Sejong-daero' ), 'billing' );
			$order->set_payment_method( 'korea_checkout' );
			$order->calculate_totals( false );
			$order->save();
			$result = $gateway->process_payment( $order->get_id() );
			$made[] = array( 'orderId' => $order->get_id(), 'checkoutUrl' => $result['redirect'] ?? '', 'keyHash' => hash( 'sha256', $order->get_order_key() ) );
		}
		return $made;`
	);
	const sessions = orders.map( ( order ) => ( {
		...order,
		sessionId: sessionIdFromCheckoutUrl( order.checkoutUrl ),
	} ) );
	await sandbox.call( 'POST', '/sandbox/faults', {
		target: 'webhook',
		mode: 'delay',
		count: sessions.length,
		delayMs: 600_000,
	} );
	for ( const session of sessions ) {
		await sandbox.pay( session.sessionId, 'card' );
	}
	await sandbox.call( 'DELETE', '/sandbox/faults' );

	const signed = ( body: string, key = secret ): SignedRequest => ( {
		body,
		signature: signature( body, key ),
	} );
	/** A new `payment.completed` event (fresh event id) for the sessions in turn. */
	const newEvent = ( index: number, key = secret ): SignedRequest => {
		const session = sessions[ index % sessions.length ]!;
		return signed(
			eventBody(
				'payment.completed',
				session.sessionId,
				session.orderId,
				session.keyHash
			),
			key
		);
	};
	const firstDeliveries = sessions.map( ( _, index ) => newEvent( index ) );
	const plans: PhasePlan[] = [
		{
			name: 'first delivery (pays the order)',
			count: firstDeliveries.length,
			request: ( index ) => firstDeliveries[ index ]!,
		},
		{
			name: 'new event for a paid order (read-back, lock)',
			count: opts.requests,
			request: ( index ) => newEvent( index ),
		},
		{
			name: 'same event id again (dedupe)',
			count: opts.requests,
			request: ( index ) =>
				signed(
					firstDeliveries[ index % firstDeliveries.length ]!.body
				),
		},
		{
			name: 'wrong signature (refused)',
			count: opts.requests,
			request: ( index ) => newEvent( index, 'whsec_wrong' ),
		},
	];
	const results: PhaseResult[] = [];
	for ( const plan of plans ) {
		results.push( await runPhase( plan, url, opts.concurrency ) );
	}

	const check = await wpEval< { paid: number; completedMeta: number } >(
		target,
		`$ids = json_decode( '${ JSON.stringify( sessions.map( ( s ) => s.orderId ) ) }', true );
		$paid = 0; $meta = 0;
		foreach ( $ids as $id ) { $o = wc_get_order( $id ); $paid += $o->is_paid() ? 1 : 0; $meta += '' !== (string) $o->get_meta( '_korea_checkout_completed' ) ? 1 : 0; }
		return array( 'paid' => $paid, 'completedMeta' => $meta );`
	);

	console.log(
		`\nWebhook throughput, ${ stack.storeUrl } (${ stack.kind } stack, ${ String( stack.nodes.length ) } web node(s), object cache ${ stack.objectCache }), concurrency ${ String( opts.concurrency ) }`
	);
	for ( const result of results ) {
		console.log( report( result ) );
	}
	console.log(
		`orders paid afterwards: ${ String( check.paid ) } of ${ String( sessions.length ) } (marked once: ${ String( check.completedMeta ) })`
	);
	if ( ! process.env.KC_STACK_FILE ) {
		console.log(
			`[bench] the stack keeps running; stop it with: KC_STACK_DIR=${ stack.stackDir } npx tsx tools/stack/cli.ts down`
		);
	}
	if ( check.paid !== sessions.length ) {
		process.exitCode = 1;
	}
}

main().catch( ( error: unknown ) => {
	console.error(
		error instanceof Error ? ( error.stack ?? error.message ) : error
	);
	process.exitCode = 1;
} );
