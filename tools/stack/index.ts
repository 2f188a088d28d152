/**
 * A local store in one call, on Debian's packages, run as the current user under one stack folder:
 *   - native: a private MariaDB, the sandbox, WordPress + WooCommerce + Korea Checkout served by php -S with
 *     several workers (`npm run start:native`, the PHP integration layer);
 *   - production: the same behind nginx with two PHP-FPM web nodes (round-robin) and Redis as the persistent
 *     object cache through Redis Object Cache, or no object cache (`npm run start:production`, the end-to-end and
 *     adversarial layers, the benchmarks).
 * Every step is idempotent and says what it does. When the stack is up, its details are written to
 * <stack>/stack.json (tools/stack/details.ts): the file the test layers hand to their tests.
 */
import { existsSync } from 'node:fs';
import { fixtureDir } from '../lib/fixtures.ts';
import { runningPid, ToolError } from '../lib/process.ts';
import {
	resolveConfig,
	stackPaths,
	type StackConfig,
	type StackConfigInput,
	type StackPaths,
} from './config.ts';
import { loadCredentials, type StackCredentials } from './credentials.ts';
import { stackDetails, writeDetails, type StackDetails } from './details.ts';
import { installSite, type InstallSummary } from './install.ts';
import { ensureDatabase, startDatabase, stopDatabase } from './mariadb.ts';
import { startNginx, stopNginx } from './nginx.ts';
import {
	ensurePackages,
	NATIVE_PACKAGES,
	PRODUCTION_PACKAGES,
} from './packages.ts';
import { NODE_NAMES, nodeFiles, startNode, stopNode } from './php-fpm.ts';
import { warmNode } from './warm.ts';
import { startPhpServer, stopPhpServer } from './php-server.ts';
import { redisFiles, startRedis, stopRedis } from './redis.ts';
import { startSandbox, stopSandbox } from './sandbox.ts';
import { ensureSite } from './site.ts';
import { say } from './log.ts';

export { resolveConfig, stackPaths } from './config.ts';
export { REPO_ROOT } from '../lib/root.ts';
export type { StackConfig, StackPaths } from './config.ts';
export type { StackCredentials } from './credentials.ts';
export type { StackDetails } from './details.ts';
export type { InstallSummary, StoreProduct, StorePage } from './install.ts';

export type StackKind = 'native' | 'production';
export type ObjectCache = 'redis' | 'none';

export interface UpOptions extends StackConfigInput {
	/** native (php -S) or production (nginx, two PHP-FPM nodes, Redis). Default native. */
	kind?: StackKind;
	/** Production only: Redis as the persistent object cache, or none. Default KC_OBJECT_CACHE, else redis. */
	objectCache?: ObjectCache;
	/** Defaults when neither the options nor the environment name a value. */
	defaults?: { dir: string; port: number; sandboxPort: number };
	/** Drop and re-create the store's database first (a clean store; the object cache is emptied too). */
	freshDatabase?: boolean;
	/** Start the sandbox (when it exists in the checkout). Default true. */
	sandbox?: boolean;
	/** Serve the store. Default true. */
	serve?: boolean;
	/** Install and configure the store (install.php). Default true; the PHP integration bootstrap installs its own. */
	install?: boolean;
	/** PHP workers: of php -S (native), of each web node (production). Default 4. */
	workers?: number;
}

export interface RunningStack {
	kind: StackKind;
	objectCache: ObjectCache;
	config: StackConfig;
	paths: StackPaths;
	storeUrl: string;
	adminUrl: string;
	sandboxUrl: string | null;
	credentials: StackCredentials;
	/** The installed store's pages and products; null when install was false. */
	store: InstallSummary | null;
	/** What <stack>/stack.json holds. */
	details: StackDetails;
	/** What this call started (and stop() will stop); things it reused keep running. */
	started: {
		database: boolean;
		web: boolean;
		sandbox: boolean;
		redis: boolean;
	};
	stop: () => Promise< void >;
}

export const NATIVE_DEFAULTS = {
	dir: '.stack/native',
	port: 8080,
	sandboxPort: 4010,
};

export const PRODUCTION_DEFAULTS = {
	dir: '.stack/production',
	port: 8080,
	sandboxPort: 4010,
};

/** KC_OBJECT_CACHE (redis|none), checked. */
export function objectCacheFromEnv(): ObjectCache {
	const value = process.env.KC_OBJECT_CACHE ?? 'redis';
	if ( value !== 'redis' && value !== 'none' ) {
		throw new ToolError(
			`KC_OBJECT_CACHE must be redis or none, got "${ value }"`
		);
	}
	return value;
}

/** Stops, in order, the web server(s), the sandbox, Redis and MariaDB of a stack, as far as `what` says. */
async function stopParts(
	paths: StackPaths,
	what: { database: boolean; web: boolean; sandbox: boolean; redis: boolean }
): Promise< boolean[] > {
	const stopped: boolean[] = [];
	if ( what.web ) {
		stopped.push( await stopNginx( paths ) );
		for ( const name of NODE_NAMES ) {
			stopped.push( await stopNode( paths, name ) );
		}
		stopped.push( await stopPhpServer( paths ) );
	}
	if ( what.sandbox ) {
		stopped.push( await stopSandbox( paths ) );
	}
	if ( what.redis ) {
		stopped.push( await stopRedis( paths ) );
	}
	if ( what.database ) {
		stopped.push( await stopDatabase( paths ) );
	}
	return stopped;
}

/**
 * Serves the site: php -S (native), or two PHP-FPM nodes behind nginx (production). Sets `started.web` as soon as it
 * starts any part, so that a failure further on (nginx, the first page) stops the nodes it already started.
 */
async function serve(
	kind: StackKind,
	config: StackConfig,
	paths: StackPaths,
	workers: number,
	started: { web: boolean }
): Promise< void > {
	if ( kind === 'native' ) {
		started.web = await startPhpServer( config, paths, workers );
		return;
	}
	for ( const name of NODE_NAMES ) {
		started.web =
			( await startNode( paths, name, workers ) ) || started.web;
	}
	started.web = ( await startNginx( config, paths ) ) || started.web;
	// One WordPress request per node, with time to spare: it proves PHP and the database, and warms OPcache.
	for ( const name of NODE_NAMES ) {
		await warmNode( config, paths, name );
	}
}

export async function upStack(
	options: UpOptions = {}
): Promise< RunningStack > {
	const kind = options.kind ?? 'native';
	const objectCache =
		kind === 'production'
			? ( options.objectCache ?? objectCacheFromEnv() )
			: 'none';
	const config = resolveConfig(
		options,
		options.defaults ??
			( kind === 'production' ? PRODUCTION_DEFAULTS : NATIVE_DEFAULTS )
	);
	const paths = stackPaths( config.dir );
	say(
		`${ kind } stack in ${ config.dir } (store :${ config.port }, MariaDB :${ config.dbPort || 'socket only' }, sandbox :${ config.sandboxPort }${
			kind === 'production' ? `, object cache ${ objectCache }` : ''
		})`
	);
	if ( process.env.KC_SKIP_PACKAGES !== '1' ) {
		ensurePackages(
			kind === 'production' ? PRODUCTION_PACKAGES : NATIVE_PACKAGES
		);
	}
	const sources = {
		wordpress: await fixtureDir( 'wordpress', say ),
		woocommerce: await fixtureDir( 'woocommerce', say ),
		redisCache:
			objectCache === 'redis'
				? await fixtureDir( 'redisCache', say )
				: null,
	};
	const { credentials, created } = loadCredentials( paths.credentials );
	if ( created ) {
		say( `new credentials for this stack in ${ paths.credentials }` );
	}

	const started = {
		database: false,
		web: false,
		sandbox: false,
		redis: false,
	};
	const stop = async (): Promise< void > => {
		await stopParts( paths, started );
	};
	try {
		started.database = await startDatabase( config, paths );
		ensureDatabase( paths, config.dbName, options.freshDatabase === true );
		if ( objectCache === 'redis' ) {
			started.redis = await startRedis(
				paths,
				options.freshDatabase === true
			);
		}
		ensureSite( config, paths, sources, {
			redisSocket:
				objectCache === 'redis' ? redisFiles( paths ).socket : null,
		} );

		let sandboxUrl: string | null = null;
		if ( options.sandbox !== false ) {
			const sandbox = await startSandbox(
				config.sandboxPort,
				paths,
				credentials
			);
			if ( sandbox !== null ) {
				sandboxUrl = sandbox.url;
				started.sandbox = sandbox.started;
			}
		}
		const store =
			options.install === false
				? null
				: installSite( paths, {
						dbName: config.dbName,
						credentials,
						sandboxUrl,
						objectCache: objectCache === 'redis',
					} );
		if ( options.serve !== false ) {
			await serve( kind, config, paths, options.workers ?? 4, started );
		}
		const storeUrl = `http://127.0.0.1:${ config.port }`;
		const running = {
			kind,
			objectCache,
			config,
			paths,
			storeUrl,
			adminUrl: `${ storeUrl }/wp-admin/`,
			sandboxUrl,
			credentials,
			store,
			started,
			stop,
		};
		const details = stackDetails( running );
		writeDetails( paths.state, details );
		return { ...running, details };
	} catch ( error ) {
		await stop();
		throw error;
	}
}

export type ProductionOptions = Omit< UpOptions, 'kind' | 'serve' >;

/**
 * The production stack on the given folder and ports (nginx on `port`, two PHP-FPM web nodes, MariaDB, Redis when
 * `objectCache` is redis, the sandbox on `sandboxPort`), installed afresh with `freshDatabase`. Resolves when the
 * store answers on both nodes; `details` (also in <dir>/stack.json) says where everything is; `stop()` stops what
 * this call started. For layers that bring their own stack (end-to-end, adversarial) and for scripts.
 */
export function startProductionStack(
	options: ProductionOptions
): Promise< RunningStack > {
	return upStack( { ...options, kind: 'production' } );
}

/** Stops every process of the stack in dir that its pid files name, whoever started them. */
export async function downStack( dir: string ): Promise< void > {
	if ( ! existsSync( dir ) ) {
		say( `nothing at ${ dir }` );
		return;
	}
	const stopped = await stopParts( stackPaths( dir ), {
		database: true,
		web: true,
		sandbox: true,
		redis: true,
	} );
	if ( ! stopped.some( Boolean ) ) {
		say( `nothing of ${ dir } was running` );
	}
}

/** One line per part of the stack in dir: running (pid) or stopped. */
export function stackStatus( dir: string ): string[] {
	const paths = stackPaths( dir );
	const pid = ( file: string ): string =>
		String( runningPid( file ) ?? 'stopped' );
	return [
		`MariaDB ${ pid( paths.dbSocket.replace( /mysqld\.sock$/, 'server.pid' ) ) }`,
		`php -S ${ pid( paths.phpPid ) }`,
		`nginx ${ pid( `${ paths.nginxDir }/nginx.pid` ) }`,
		...NODE_NAMES.map(
			( name ) =>
				`PHP-FPM node ${ name } ${ pid( nodeFiles( paths, name ).pidFile ) }`
		),
		`Redis ${ pid( redisFiles( paths ).pidFile ) }`,
		`sandbox ${ pid( paths.sandboxPid ) }`,
	];
}
