/**
 * The details of a running stack, as plain JSON in <stack>/stack.json (mode 0600: it holds the stack's secrets).
 * The test layers name this file to their tests in KC_STACK_FILE; tests/support/stack.ts reads it. Keep the two
 * in step: this file is the whole contract between tools/ and tests/.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../lib/root.ts';
import type { StackConfig, StackPaths } from './config.ts';
import type { StackCredentials } from './credentials.ts';
import type { InstallSummary } from './install.ts';
import { nginxFiles } from './nginx.ts';
import { NODE_NAMES, nodeFiles } from './php-fpm.ts';
import { redisFiles } from './redis.ts';

export interface WebNode {
	/** `a` or `b` on the production stack (what X-KC-Node and getenv( 'KC_NODE' ) say), `php` for php -S. */
	name: string;
	/** The node's master process; its children are the workers. */
	pidFile: string;
	/** The FastCGI socket nginx talks to (production only). */
	socket: string | null;
	log: string;
	phpErrorLog: string;
}

export interface StackDetails {
	kind: 'native' | 'production';
	objectCache: 'redis' | 'none';
	stackDir: string;
	storeUrl: string;
	adminUrl: string;
	adminUser: string;
	adminPassword: string;
	/** null when this checkout has no sandbox server. */
	sandboxUrl: string | null;
	apiKey: string;
	webhookSecret: string;
	/** The store's WordPress folder (KC_WP_ROOT of the PHP scripts). */
	wpRoot: string;
	dbName: string;
	dbSocket: string;
	debugLog: string;
	/** `php <evalScript>` runs PHP inside the store's WordPress (see the script's header). */
	evalScript: string;
	/** WP-CLI's boot file (tools/wp-cli, installed by the bootstrap and .ci/run). */
	wpCli: string;
	/** The store's pages and products; null when the stack was not installed. */
	store: InstallSummary | null;
	nodes: WebNode[];
	nginx: { pidFile: string; accessLog: string; errorLog: string } | null;
	redis: { socket: string; pidFile: string; log: string } | null;
}

export function stackDetails( stack: {
	kind: StackDetails[ 'kind' ];
	objectCache: StackDetails[ 'objectCache' ];
	config: StackConfig;
	paths: StackPaths;
	storeUrl: string;
	adminUrl: string;
	sandboxUrl: string | null;
	credentials: StackCredentials;
	store: InstallSummary | null;
} ): StackDetails {
	const { paths } = stack;
	const production = stack.kind === 'production';
	const nginx = nginxFiles( paths );
	const redis = redisFiles( paths );
	return {
		kind: stack.kind,
		objectCache: stack.objectCache,
		stackDir: stack.config.dir,
		storeUrl: stack.storeUrl,
		adminUrl: stack.adminUrl,
		adminUser: stack.credentials.adminUser,
		adminPassword: stack.credentials.adminPassword,
		sandboxUrl: stack.sandboxUrl,
		apiKey: stack.credentials.apiKey,
		webhookSecret: stack.credentials.webhookSecret,
		wpRoot: paths.site,
		dbName: stack.config.dbName,
		dbSocket: paths.dbSocket,
		debugLog: paths.debugLog,
		evalScript: join( REPO_ROOT, 'tools/stack/php/eval.php' ),
		wpCli: join(
			REPO_ROOT,
			'tools/wp-cli/vendor/wp-cli/wp-cli/php/boot-fs.php'
		),
		store: stack.store,
		nodes: production
			? NODE_NAMES.map( ( name ) => {
					const files = nodeFiles( paths, name );
					return {
						name,
						pidFile: files.pidFile,
						socket: files.socket,
						log: files.log,
						phpErrorLog: files.phpErrorLog,
					};
				} )
			: [
					{
						name: 'php',
						pidFile: paths.phpPid,
						socket: null,
						log: paths.phpLog,
						phpErrorLog: join(
							paths.phpLog,
							'..',
							'php-errors.log'
						),
					},
				],
		nginx: production
			? {
					pidFile: nginx.pidFile,
					accessLog: nginx.accessLog,
					errorLog: nginx.errorLog,
				}
			: null,
		redis:
			stack.objectCache === 'redis'
				? {
						socket: redis.socket,
						pidFile: redis.pidFile,
						log: redis.log,
					}
				: null,
	};
}

export function writeDetails( file: string, details: StackDetails ): void {
	writeFileSync( file, `${ JSON.stringify( details, null, '\t' ) }\n`, {
		mode: 0o600,
	} );
	chmodSync( file, 0o600 );
}
