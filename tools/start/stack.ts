/**
 * `npm run start:production` and `npm run start:native`: the store on Debian's packages, run as the current user
 * under one stack folder, with the local sandbox.
 *   production  nginx in front of two PHP-FPM web nodes (round-robin; answers carry X-KC-Node: a|b), MariaDB, and
 *               Redis as the persistent object cache through Redis Object Cache (KC_OBJECT_CACHE=none: without)
 *   native      php -S with several workers and MariaDB: one process to serve, quick to start
 * Installs missing Debian packages first (as root), times one Cash-on-delivery checkout through the Store API
 * (KC_NATIVE_MEASURE=0 skips it), prints the URLs, the admin login and how long it took. Ctrl-C stops what this
 * run started; a second run finds the first one's processes (pid files) and reuses them.
 *
 * Environment: KC_STACK_DIR (default .stack/production or .stack/native), KC_NATIVE_PORT (store, 8080),
 * KC_SANDBOX_PORT (4010), KC_DB_PORT (default 3307 + store port - 8080), KC_OBJECT_CACHE (redis|none),
 * KC_WP_DIR / KC_WC_DIR / KC_REDIS_CACHE_DIR or KC_WP_ARCHIVE / KC_WC_ARCHIVE / KC_REDIS_CACHE_ARCHIVE (default
 * ../shared/fixtures/).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureBuild } from '../lib/build.ts';
import { evalPhp } from '../lib/php.ts';
import { runningPid } from '../lib/process.ts';
import { placeOrder } from '../lib/store-api.ts';
import { upStack, type RunningStack, type StackKind } from '../stack/index.ts';
import { elapsedSeconds, say, warn } from '../stack/log.ts';

const kind: StackKind =
	process.argv[ 2 ] === 'production' ? 'production' : 'native';

/** Times one Cash-on-delivery checkout through the Store API, then removes that order again. */
async function measureCheckout( stack: RunningStack ): Promise< void > {
	const product = stack.store?.products[ 0 ];
	if ( ! product ) {
		return;
	}
	try {
		const order = await placeOrder( stack.storeUrl, 'cod', product.id );
		say(
			`Cash-on-delivery checkout through the Store API: ${ order.seconds.toFixed(
				3
			) } s (order ${ order.orderId }, removed again)`
		);
		await evalPhp(
			stack.paths.site,
			`$order = wc_get_order( ${ order.orderId } );
			wc_increase_stock_levels( $order );
			$order->delete( true );
			return true;`
		);
	} catch ( error ) {
		warn(
			`the timed Cash-on-delivery checkout failed: ${
				error instanceof Error ? error.message : String( error )
			}`
		);
	}
}

/** The pid files of what serves the store: php -S, or nginx and the two PHP-FPM masters. */
function servers( stack: RunningStack ): Array< [ string, string ] > {
	const nodes = stack.details.nodes.map( ( node ): [ string, string ] => [
		node.name === 'php' ? 'php -S' : `PHP-FPM node ${ node.name }`,
		node.pidFile,
	] );
	return stack.details.nginx
		? [ [ 'nginx', stack.details.nginx.pidFile ], ...nodes ]
		: nodes;
}

async function main(): Promise< void > {
	ensureBuild( say );
	const stack = await upStack( { kind } );
	const reused = ! stack.started.web && ! stack.started.database;
	const ready = elapsedSeconds();
	if ( process.env.KC_NATIVE_MEASURE !== '0' ) {
		await measureCheckout( stack );
	}

	const { storeUrl, credentials, sandboxUrl, details } = stack;
	const logs =
		kind === 'production'
			? `${ stack.paths.debugLog }, ${ stack.paths.nginxDir }/, ${ stack.paths.fpmDir }/`
			: `${ stack.paths.debugLog }, ${ stack.paths.phpLog }`;
	const lines = [
		'',
		`  Shop              ${ storeUrl }/shop/`,
		`  Block checkout    ${ storeUrl }/checkout/`,
		`  Classic checkout  ${ storeUrl }/classic-checkout/`,
		`  Admin             ${ stack.adminUrl }  (${ credentials.adminUser } / ${ credentials.adminPassword })`,
		`  Sandbox           ${
			sandboxUrl ?? 'not running (see the warning above)'
		}`,
		kind === 'production'
			? `  Web nodes         ${ details.nodes.map( ( node ) => node.name ).join( ' and ' ) } behind nginx (X-KC-Node), object cache: ${ stack.objectCache }`
			: '  Web server        php -S',
		`  Logs              ${ logs }`,
		`  Details           ${ stack.paths.state }`,
		'',
	];
	process.stdout.write( `${ lines.join( '\n' ) }\n` );
	say( `ready in ${ ready } s` );

	if ( reused ) {
		say(
			`this stack was already running (pid files in ${ stack.config.dir }); it keeps running after this command. Stop it with: KC_STACK_DIR=${ stack.config.dir } npx tsx tools/stack/cli.ts down`
		);
	}
	say( 'press Ctrl-C to stop what this command started' );

	let stopping = false;
	const shutdown = async ( signal: string ): Promise< void > => {
		if ( stopping ) {
			return;
		}
		stopping = true;
		say( `${ signal }: stopping` );
		await stack.stop();
		process.exit( 0 );
	};
	process.on( 'SIGINT', () => void shutdown( 'Ctrl-C' ) );
	process.on( 'SIGTERM', () => void shutdown( 'SIGTERM' ) );

	// Keep running; stop everything when a server this command started dies, say so when the sandbox does.
	for (;;) {
		await sleep( 5000 );
		if ( stopping ) {
			continue;
		}
		const gone = stack.started.web
			? servers( stack ).find(
					( [ , pidFile ] ) => runningPid( pidFile ) === null
				)
			: undefined;
		if ( gone ) {
			warn( `${ gone[ 0 ] } has stopped; see the logs in ${ logs }` );
			await shutdown( `${ gone[ 0 ] } exited` );
		}
		if (
			stack.started.sandbox &&
			runningPid( stack.paths.sandboxPid ) === null
		) {
			warn( `the sandbox has stopped; see ${ stack.paths.sandboxLog }` );
			stack.started.sandbox = false;
		}
	}
}

main().catch( ( error: unknown ) => {
	process.stderr.write(
		`[stack] ${ error instanceof Error ? error.message : String( error ) }\n`
	);
	process.exit( 1 );
} );
