/**
 * `npm run start:native`: the store on Debian's PHP (php -S with several workers) and a private MariaDB, with the
 * local sandbox, all run as the current user. Prints the shop, admin and sandbox URLs and how long it took;
 * Ctrl-C stops what this run started. A second run finds the first one's processes (pid files) and reuses them.
 *
 * Environment: KC_STACK_DIR (default .stack/native), KC_NATIVE_PORT (8080), KC_SANDBOX_PORT (4010), KC_DB_PORT
 * (3307), KC_WP_DIR / KC_WC_DIR or KC_WP_ARCHIVE / KC_WC_ARCHIVE (default ../shared/fixtures/), KC_NATIVE_MEASURE=0
 * to skip the timed Cash-on-delivery checkout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
	NATIVE_DEFAULTS,
	REPO_ROOT,
	upStack,
	type RunningStack,
} from '../stack/index.ts';
import { elapsedSeconds, say, warn } from '../stack/log.ts';
import { runningPid } from '../stack/process.ts';
import { placeOrder } from '../../tests/support/store-api.ts';
import { wpEval } from '../../tests/support/wp.ts';

function ensureBuild(): void {
	const build = join( REPO_ROOT, 'build' );
	if ( existsSync( build ) && readdirSync( build ).length > 0 ) {
		return;
	}
	say( 'build/ is missing: running npm run build' );
	const result = spawnSync( 'npm', [ 'run', 'build' ], {
		cwd: REPO_ROOT,
		stdio: 'inherit',
	} );
	if ( result.status !== 0 ) {
		throw new Error( 'npm run build failed' );
	}
}

/** Times one Cash-on-delivery checkout through the Store API, then removes that order again. */
async function measureCheckout( stack: RunningStack ): Promise< void > {
	const product = stack.store?.products[ 0 ];
	if ( ! product ) {
		return;
	}
	try {
		const { result, checkoutSeconds } = await placeOrder(
			stack.storeUrl,
			'cod',
			[ { id: product.id } ]
		);
		say(
			`Cash-on-delivery checkout through the Store API: ${ checkoutSeconds.toFixed(
				3
			) } s (order ${ result.order_id }, removed again)`
		);
		await wpEval(
			{ wpRoot: stack.paths.site },
			`$order = wc_get_order( ${ result.order_id } );
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

async function main(): Promise< void > {
	ensureBuild();
	const stack = await upStack( { defaults: NATIVE_DEFAULTS } );
	const reused = ! stack.started.php && ! stack.started.database;
	const ready = elapsedSeconds();
	if ( process.env.KC_NATIVE_MEASURE !== '0' ) {
		await measureCheckout( stack );
	}

	const { storeUrl, credentials, sandboxUrl } = stack;
	const lines = [
		'',
		`  Shop              ${ storeUrl }/shop/`,
		`  Block checkout    ${ storeUrl }/checkout/`,
		`  Classic checkout  ${ storeUrl }/classic-checkout/`,
		`  Admin             ${ stack.adminUrl }  (${ credentials.adminUser } / ${ credentials.adminPassword })`,
		`  Sandbox           ${
			sandboxUrl ?? 'not running (see the warning above)'
		}`,
		`  Logs              ${ stack.paths.debugLog }, ${ stack.paths.phpLog }`,
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

	// Keep running; say so when a part that this command started dies on its own.
	for (;;) {
		await sleep( 5000 );
		if ( stopping ) {
			continue;
		}
		if ( stack.started.php && runningPid( stack.paths.phpPid ) === null ) {
			warn( `php -S has stopped; see ${ stack.paths.phpLog }` );
			await shutdown( 'php -S exited' );
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
