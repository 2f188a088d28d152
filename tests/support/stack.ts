/**
 * A whole store for a test run: sandbox + MariaDB + WordPress/WooCommerce/Korea Checkout served by php -S, on the
 * ports given, with a freshly installed database. Wraps tools/stack for the test suites.
 */
import { upStack, type InstallSummary } from '../../tools/stack/index.ts';

export interface StartStackOptions {
	/** Stack folder (relative to the repository or absolute). */
	dir: string;
	/** Store port. */
	port: number;
	/** Sandbox port. */
	sandboxPort: number;
	/** MariaDB TCP port; default derived from the store port. */
	dbPort?: number;
	/** Empty and re-install the database first. Default true. */
	fresh?: boolean;
	/** PHP workers. Default 4. */
	workers?: number;
}

/** What a test needs to know about the running stack; plain data, so it can be handed to test workers. */
export interface StackInfo {
	storeUrl: string;
	adminUrl: string;
	adminUser: string;
	adminPassword: string;
	/** null when this checkout has no sandbox server yet. */
	sandboxUrl: string | null;
	apiKey: string;
	webhookSecret: string;
	/** The stack's WordPress folder (for wpEval). */
	wpRoot: string;
	dbName: string;
	stackDir: string;
	debugLog: string;
	store: InstallSummary;
}

export interface StartedStack extends StackInfo {
	/** Stops what this call started (things it found running keep running). */
	stop: () => Promise< void >;
}

export async function startStack(
	options: StartStackOptions
): Promise< StartedStack > {
	const stack = await upStack( {
		dir: options.dir,
		port: options.port,
		sandboxPort: options.sandboxPort,
		dbPort: options.dbPort,
		freshDatabase: options.fresh !== false,
		workers: options.workers,
	} );
	if ( stack.store === null ) {
		throw new Error( 'the stack was not installed' );
	}
	return {
		storeUrl: stack.storeUrl,
		adminUrl: stack.adminUrl,
		adminUser: stack.credentials.adminUser,
		adminPassword: stack.credentials.adminPassword,
		sandboxUrl: stack.sandboxUrl,
		apiKey: stack.credentials.apiKey,
		webhookSecret: stack.credentials.webhookSecret,
		wpRoot: stack.paths.site,
		dbName: stack.config.dbName,
		stackDir: stack.config.dir,
		debugLog: stack.paths.debugLog,
		store: stack.store,
		stop: () => stack.stop(),
	};
}
