/**
 * Runs tools/stack/php/install.php against a stack's site and reads its summary.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../lib/root.ts';
import type { StackPaths } from './config.ts';
import type { StackCredentials } from './credentials.ts';
import { ToolError } from '../lib/process.ts';
import { say } from './log.ts';

export interface StorePage {
	id: number;
	path: string;
}

export interface StoreProduct {
	id: number;
	sku: string;
	name: string;
	price: number;
}

export interface InstallSummary {
	pages: Record<
		'shop' | 'cart' | 'checkout' | 'myaccount' | 'classic_checkout',
		StorePage
	>;
	products: StoreProduct[];
}

export interface InstallEnv {
	dbName: string;
	credentials: StackCredentials;
	sandboxUrl: string | null;
	/** Activate Redis Object Cache (its drop-in is in place), else make sure it is not active. */
	objectCache?: boolean;
}

/** The environment the stack's PHP scripts need to find its WordPress and database. */
export function phpScriptEnv(
	paths: StackPaths,
	dbName: string
): NodeJS.ProcessEnv {
	return { ...process.env, KC_WP_ROOT: paths.site, KC_DB_NAME: dbName };
}

export function installSite(
	paths: StackPaths,
	options: InstallEnv
): InstallSummary {
	const started = Date.now();
	say(
		`WordPress: installing and configuring (database ${ options.dbName })`
	);
	const result = spawnSync(
		'php',
		[
			'-d',
			'memory_limit=512M',
			join( REPO_ROOT, 'tools', 'stack', 'php', 'install.php' ),
		],
		{
			encoding: 'utf8',
			maxBuffer: 16 * 1024 * 1024,
			env: {
				...phpScriptEnv( paths, options.dbName ),
				KC_ADMIN_USER: options.credentials.adminUser,
				KC_ADMIN_PASSWORD: options.credentials.adminPassword,
				KC_ADMIN_EMAIL: options.credentials.adminEmail,
				KC_SANDBOX_URL: options.sandboxUrl ?? '',
				KC_OBJECT_CACHE: options.objectCache ? 'redis' : 'none',
				KC_SANDBOX_API_KEY:
					options.sandboxUrl === null
						? ''
						: options.credentials.apiKey,
				KC_SANDBOX_WEBHOOK_SECRET:
					options.sandboxUrl === null
						? ''
						: options.credentials.webhookSecret,
			},
		}
	);
	const output = String( result.stdout ?? '' );
	if ( result.status !== 0 ) {
		throw new ToolError(
			`install.php failed (exit ${ String( result.status ) }):\n${ output }${ String( result.stderr ?? '' ) }\n(WordPress log: ${ paths.debugLog })`
		);
	}
	const lines = output.trimEnd().split( '\n' );
	const summaryLine = lines.pop() ?? '';
	for ( const line of lines ) {
		say( `WordPress: ${ line.trim() }` );
	}
	try {
		const summary = JSON.parse( summaryLine ) as InstallSummary;
		say(
			`WordPress: ready in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s`
		);
		return summary;
	} catch {
		throw new ToolError(
			`install.php printed no summary; its output was:\n${ output }${ String( result.stderr ?? '' ) }`
		);
	}
}
