/**
 * The native stack in one call: Debian packages, WordPress and WooCommerce sources, a private MariaDB, the site,
 * the sandbox, the store installed and configured, php -S serving it. Used by `npm run start:native`, the
 * end-to-end setup and the PHP integration runner. Every step is idempotent and says what it does.
 */
import { existsSync, writeFileSync } from 'node:fs';
import {
	resolveConfig,
	stackPaths,
	type StackConfig,
	type StackConfigInput,
	type StackPaths,
} from './config.ts';
import { loadCredentials, type StackCredentials } from './credentials.ts';
import { ensureSources } from './fixtures.ts';
import { installSite, type InstallSummary } from './install.ts';
import { ensureDatabase, startDatabase, stopDatabase } from './mariadb.ts';
import { ensurePackages } from './packages.ts';
import { startPhpServer, stopPhpServer } from './php-server.ts';
import { startSandbox, stopSandbox } from './sandbox.ts';
import { ensureSite } from './site.ts';
import { say } from './log.ts';

export { resolveConfig, stackPaths, REPO_ROOT } from './config.ts';
export type { StackConfig, StackPaths } from './config.ts';
export type { StackCredentials } from './credentials.ts';
export type { InstallSummary, StoreProduct, StorePage } from './install.ts';

export interface UpOptions extends StackConfigInput {
	/** Defaults when neither the options nor the environment name a value. */
	defaults?: { dir: string; port: number; sandboxPort: number };
	/** Drop and re-create the store's database first (a clean store). */
	freshDatabase?: boolean;
	/** Start the sandbox (when it exists in the checkout). Default true. */
	sandbox?: boolean;
	/** Serve the store with php -S. Default true. */
	serve?: boolean;
	/** Install and configure the store (install.php). Default true; the PHP integration bootstrap installs its own. */
	install?: boolean;
	/** Number of PHP workers. Default 4. */
	workers?: number;
}

export interface RunningStack {
	config: StackConfig;
	paths: StackPaths;
	storeUrl: string;
	adminUrl: string;
	sandboxUrl: string | null;
	credentials: StackCredentials;
	/** The installed store's pages and products; null when install was false. */
	store: InstallSummary | null;
	/** What this call started (and stop() will stop); things it reused keep running. */
	started: { database: boolean; php: boolean; sandbox: boolean };
	stop: () => Promise< void >;
}

export const NATIVE_DEFAULTS = {
	dir: '.stack/native',
	port: 8080,
	sandboxPort: 4010,
};

export async function upStack(
	options: UpOptions = {}
): Promise< RunningStack > {
	const config = resolveConfig(
		options,
		options.defaults ?? NATIVE_DEFAULTS
	);
	const paths = stackPaths( config.dir );
	say(
		`stack folder ${ config.dir } (store :${ config.port }, MariaDB :${ config.dbPort || 'socket only' }, sandbox :${ config.sandboxPort })`
	);
	if ( process.env.KC_SKIP_PACKAGES !== '1' ) {
		ensurePackages();
	}
	const sources = await ensureSources();
	const { credentials, created } = loadCredentials( paths.credentials );
	if ( created ) {
		say( `new credentials for this stack in ${ paths.credentials }` );
	}

	const started = { database: false, php: false, sandbox: false };
	const stop = async (): Promise< void > => {
		if ( started.php ) {
			await stopPhpServer( paths );
		}
		if ( started.sandbox ) {
			await stopSandbox( paths );
		}
		if ( started.database ) {
			await stopDatabase( paths );
		}
	};
	try {
		started.database = await startDatabase( config, paths );
		ensureDatabase( paths, config.dbName, options.freshDatabase === true );
		ensureSite( config, paths, sources );

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
					} );
		if ( options.serve !== false ) {
			started.php = await startPhpServer(
				config,
				paths,
				options.workers ?? 4
			);
		}
		const storeUrl = `http://127.0.0.1:${ config.port }`;
		const running: RunningStack = {
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
		writeFileSync(
			paths.state,
			`${ JSON.stringify( { storeUrl, sandboxUrl, config, store }, null, '\t' ) }\n`
		);
		return running;
	} catch ( error ) {
		await stop();
		throw error;
	}
}

/** Stops every process of the stack in dir that its pid files name, whoever started them. */
export async function downStack( dir: string ): Promise< void > {
	if ( ! existsSync( dir ) ) {
		say( `nothing at ${ dir }` );
		return;
	}
	const paths = stackPaths( dir );
	const php = await stopPhpServer( paths );
	const sandbox = await stopSandbox( paths );
	const database = await stopDatabase( paths );
	if ( ! php && ! sandbox && ! database ) {
		say( `nothing of ${ dir } was running` );
	}
}
