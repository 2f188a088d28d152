import { buildApp } from './app.ts';
import {
	isLoopbackHost,
	resolveConfig,
	type SandboxConfig,
	type SandboxOptions,
} from './config.ts';
import type { SandboxContext } from './context.ts';
import { Faults } from './faults.ts';
import { buildPagesIfMissing } from './pages.ts';
import { RateLimiter } from './rateLimit.ts';
import { expireDueSessions } from './sessions.ts';
import { ensureDefaultShop } from './shops.ts';
import { Store } from './store.ts';
import { Webhooks } from './webhooks.ts';

export type { SandboxOptions } from './config.ts';

export interface RunningSandbox {
	/** Where the sandbox listens, e.g. http://127.0.0.1:4010 (use it as KOREA_CHECKOUT_API_URL). */
	url: string;
	/** The origin put into checkoutUrl. */
	publicUrl: string;
	apiKey: string;
	webhookSecret: string;
	dataDir: string;
	port: number;
	config: SandboxConfig;
	close: () => Promise< void >;
}

const EXPIRY_SWEEP_MS = 1_000;

function urlHost( host: string ): string {
	if ( host === '0.0.0.0' ) {
		return '127.0.0.1';
	}
	if ( host === '::' ) {
		return '[::1]';
	}
	return host.includes( ':' ) ? `[${ host }]` : host;
}

/**
 * Start a sandbox in this process: load (or create) its state, build the pages if needed, listen, resume pending
 * webhook deliveries. Used by `npm run sandbox` and by test harnesses.
 */
export async function startSandbox(
	options: SandboxOptions = {}
): Promise< RunningSandbox > {
	const config = resolveConfig( options );
	const log = ( message: string ) => {
		if ( ! config.quiet ) {
			process.stderr.write( `${ message }\n` );
		}
	};
	const store = new Store( config.dataDir );
	if ( store.recoveredFrom !== null ) {
		log(
			`The state file could not be read; it was kept as ${ store.recoveredFrom } and the sandbox starts empty.`
		);
	}
	const keys = store.loadKeys( {
		apiKey: config.apiKey,
		webhookSecret: config.webhookSecret,
	} );
	const faults = new Faults( store );
	let listeningOrigin = `http://${ urlHost( config.host ) }:${ config.port }`;
	const now = () => Date.now();
	const webhooks = new Webhooks( {
		store,
		faults,
		secret: keys.webhookSecret,
		shape: config.webhookShape,
		retrySchedule: config.retrySchedule,
		now,
		onError: log,
	} );
	const ctx: SandboxContext = {
		config,
		store,
		keys,
		faults,
		webhooks,
		rateLimiter: new RateLimiter( config.rateLimit ),
		now,
		publicUrl: () => config.publicUrl ?? listeningOrigin,
		controlOpenToNetwork: ! isLoopbackHost( config.host ),
	};
	ensureDefaultShop( ctx );
	if ( config.buildPages ) {
		try {
			await buildPagesIfMissing( log );
		} catch ( error ) {
			log(
				`The pages could not be built (${ String( error ) }); /checkout/ and /sandbox/ answer 503 until they are.`
			);
		}
	}
	const app = await buildApp( ctx );
	await app.listen( { host: config.host, port: config.port } );
	const address = app.server.address();
	const port =
		typeof address === 'object' && address !== null
			? address.port
			: config.port;
	listeningOrigin = `http://${ urlHost( config.host ) }:${ port }`;
	webhooks.resume();
	const sweep = setInterval( () => {
		try {
			expireDueSessions( ctx );
		} catch ( error ) {
			log( `Expiring sessions failed: ${ String( error ) }` );
		}
	}, EXPIRY_SWEEP_MS );
	sweep.unref();

	let closing: Promise< void > | null = null;
	return {
		url: listeningOrigin,
		publicUrl: ctx.publicUrl(),
		apiKey: keys.apiKey,
		webhookSecret: keys.webhookSecret,
		dataDir: config.dataDir,
		port,
		config,
		close: () => {
			closing ??= ( async () => {
				clearInterval( sweep );
				webhooks.close();
				await app.close();
			} )();
			return closing;
		},
	};
}
