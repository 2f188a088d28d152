/**
 * Runs WP-CLI against the test store: the WP-CLI framework that tools/wp-cli/composer.json installs (the bootstrap
 * and .ci/run install it; the stack names its boot file). That older release prints PHP 8.2 deprecations of its
 * own on stderr (`php -d error_reporting=…` did not quiet them when tried); tests read the commands' output on
 * stdout and match their errors line by line on stderr. WooCommerce's CLI file for WooCommerce.com extensions stops
 * the whole process when WP-CLI's `Plugin_Command` (from wp-cli/extension-command, not on the registry reached
 * here) is missing, so a stand-in class is required first: tests/e2e/fixtures/wp-cli-plugin-command.php.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PLUGIN_COMMAND = fileURLToPath(
	new URL( '../fixtures/wp-cli-plugin-command.php', import.meta.url )
);

export interface WpCliResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Runs `wp <args>` for the stack's site; never rejects on a non-zero exit (the test reads `status`). */
export function wpCli(
	stack: { wpRoot: string; wpCli: string },
	args: string[],
	env: Record< string, string > = {}
): Promise< WpCliResult > {
	if ( ! existsSync( stack.wpCli ) ) {
		return Promise.reject(
			new Error(
				'WP-CLI is not installed: composer install -d tools/wp-cli (npm test does it on first use)'
			)
		);
	}
	const asRoot = process.getuid?.() === 0 ? [ '--allow-root' ] : [];
	return new Promise( ( resolve, reject ) => {
		const child = spawn(
			'php',
			[
				stack.wpCli,
				...asRoot,
				`--path=${ stack.wpRoot }`,
				`--require=${ PLUGIN_COMMAND }`,
				...args,
			],
			{
				env: { ...process.env, ...env },
				stdio: [ 'ignore', 'pipe', 'pipe' ],
			}
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on( 'data', ( chunk: Buffer ) => ( stdout += chunk ) );
		child.stderr.on( 'data', ( chunk: Buffer ) => ( stderr += chunk ) );
		child.on( 'error', reject );
		child.on( 'close', ( status ) =>
			resolve( { status, stdout, stderr } )
		);
	} );
}
