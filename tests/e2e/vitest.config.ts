/**
 * End-to-end suite: real Chromium (playwright-core + /usr/bin/chromium) against one native store and sandbox that
 * the global setup starts for the run. Specs are tests/e2e/**\/*.e2e.test.ts and run one after another.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * All specs share one store, and the payment specs change it (stock, orders, sessions). The smoke spec checks
 * the store as the stack set it up, so it runs first; the others keep Vitest's own order.
 */
class SmokeFirst extends BaseSequencer {
	override async sort(
		files: TestSpecification[]
	): Promise< TestSpecification[] > {
		const sorted = await super.sort( files );
		const isSmoke = ( file: TestSpecification ): boolean =>
			file.moduleId.endsWith( 'store-smoke.e2e.test.ts' );
		return [
			...sorted.filter( isSmoke ),
			...sorted.filter( ( file ) => ! isSmoke( file ) ),
		];
	}
}

const here = ( path: string ): string =>
	fileURLToPath( new URL( path, import.meta.url ) );

export default defineConfig( {
	root: here( '../..' ),
	test: {
		environment: 'node',
		include: [ 'tests/e2e/**/*.e2e.test.ts' ],
		globalSetup: [ here( './setup/global-setup.ts' ) ],
		testTimeout: 120_000,
		hookTimeout: 300_000,
		teardownTimeout: 120_000,
		fileParallelism: false,
		maxWorkers: 1,
		sequence: { concurrent: false, sequencer: SmokeFirst },
		retry: 0,
	},
} );
