/**
 * `npm run test:playground [-- <Vitest arguments>]`: the Playground layer (tests/playground). Unpacks WordPress and
 * WooCommerce (tools/lib/fixtures.ts) and names their folders to the tests in KC_WP_DIR and KC_WC_DIR, then runs
 * Vitest with tests/playground/vitest.config.ts, writing JUnit to KC_JUNIT_FILE when set. Prints `skipped: <why>`
 * without the fixtures.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fixtureDir, missingFixtures } from '../lib/fixtures.ts';
import { REPO_ROOT } from '../lib/root.ts';

const missing = missingFixtures();
if ( missing !== null ) {
	console.log( `skipped: ${ missing }` );
	process.exit( 0 );
}
const say = ( line: string ): void => console.log( `[playground] ${ line }` );
const env = {
	...process.env,
	KC_WP_DIR: await fixtureDir( 'wordpress', say ),
	KC_WC_DIR: await fixtureDir( 'woocommerce', say ),
};
const junit = process.env.KC_JUNIT_FILE;
const result = spawnSync(
	join( REPO_ROOT, 'node_modules/.bin/vitest' ),
	[
		'run',
		'--config',
		'tests/playground/vitest.config.ts',
		...( junit
			? [
					'--reporter=default',
					'--reporter=junit',
					`--outputFile.junit=${ junit }`,
				]
			: [] ),
		...process.argv.slice( 2 ),
	],
	{ cwd: REPO_ROOT, env, stdio: 'inherit' }
);
process.exit( result.status ?? 1 );
