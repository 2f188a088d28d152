/**
 * `npm run test:php-integration`: brings up the integration stack (a private MariaDB, the sandbox when this
 * checkout has it, php -S for tests that call the store over HTTP), runs PHPUnit with
 * phpunit-integration.xml.dist against a test database emptied and installed afresh (WordPress, WooCommerce, the
 * plugin, the store), then stops what it started. Extra arguments go to PHPUnit (e.g. --filter Webhook).
 *
 * Stack: KC_IT_STACK_DIR, else KC_STACK_DIR + "-it", else .stack/php-integration. Ports: KC_IT_PORT (store,
 * default KC_NATIVE_PORT + 5 or 8098), KC_IT_SANDBOX_PORT (default KC_SANDBOX_PORT + 5 or 4098); MariaDB's port
 * follows the store port unless KC_DB_PORT is set.
 */
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../lib/root.ts';
import { elapsedSeconds, say } from '../stack/log.ts';
import {
	lanePort,
	requireStackParts,
	skipLayer,
	upLayerStack,
} from './lib/runner.ts';
import { junitArgs, phpunitBinary } from './phpunit-bin.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const phpunit = phpunitBinary();
if ( phpunit === null ) {
	skipLayer( 'no PHPUnit (run composer install)' );
}
if ( ! existsSync( join( REPO_ROOT, 'vendor', 'autoload.php' ) ) ) {
	skipLayer( 'vendor/autoload.php is missing (run composer install)' );
}
requireStackParts(
	[ 'wordpress', 'woocommerce' ],
	[ 'mariadb-server', 'mariadb-client', 'php8.2-mysql' ]
);

const dir =
	process.env.KC_IT_STACK_DIR ||
	( process.env.KC_STACK_DIR
		? `${ process.env.KC_STACK_DIR }-it`
		: '.stack/php-integration' );
// The suite as a whole makes more API calls a minute than the sandbox's default limit (100) lets through, so
// that where its window falls decided which test met a 429. The tests of rate limiting arm the 429 fault.
process.env.SANDBOX_RATE_LIMIT ??= '100000';
const stack = await upLayerStack( 'php-integration', {
	dir,
	port: lanePort( 'KC_IT_PORT', 'KC_NATIVE_PORT', 5, 8098 ),
	sandboxPort: lanePort( 'KC_IT_SANDBOX_PORT', 'KC_SANDBOX_PORT', 5, 4098 ),
	dbName: 'wordpress_test',
	// Installed here, before php -S serves it: WooCommerce's background requests must not race the installer.
	freshDatabase: true,
} );

// The database was installed afresh, so its order ids start again: sessions an earlier run left in the
// sandbox would carry the same platformOrderId. Start the sandbox empty too.
if ( stack.sandboxUrl !== null ) {
	await fetch( `${ stack.sandboxUrl }/sandbox/reset`, { method: 'POST' } );
}

let status = 1;
const stop = async (): Promise< void > => {
	await stack.stop();
};
process.once( 'SIGINT', () => {
	void stop().then( () => process.exit( 130 ) );
} );
try {
	say( `PHPUnit: ${ phpunit.note }; stack ready in ${ elapsedSeconds() } s` );
	const env: NodeJS.ProcessEnv = {
		...process.env,
		KC_WP_ROOT: stack.paths.site,
		KC_DB_NAME: 'wordpress_test',
		KC_TEST_DB_READY: '1',
		KC_TEST_STORE_URL: stack.storeUrl,
		KC_ADMIN_USER: stack.credentials.adminUser,
		KC_ADMIN_PASSWORD: stack.credentials.adminPassword,
		KC_SANDBOX_URL: stack.sandboxUrl ?? '',
		KC_SANDBOX_API_KEY:
			stack.sandboxUrl === null ? '' : stack.credentials.apiKey,
		KC_SANDBOX_WEBHOOK_SECRET:
			stack.sandboxUrl === null ? '' : stack.credentials.webhookSecret,
	};
	const result = spawnSync(
		phpunit.path,
		[
			'-c',
			'phpunit-integration.xml.dist',
			...junitArgs(),
			...process.argv.slice( 2 ),
		],
		{
			cwd: REPO_ROOT,
			env,
			stdio: 'inherit',
		}
	);
	status = result.status ?? 1;
} finally {
	await stop();
}
say(
	`php-integration: ${ status === 0 ? 'passed' : 'FAILED' } in ${ elapsedSeconds() } s`
);
process.exit( status );
