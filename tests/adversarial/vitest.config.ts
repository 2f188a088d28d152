/**
 * Adversarial layer: cases against one store and sandbox that tools/test/adversarial.ts starts for the run and
 * describes in the JSON file KC_ADV_STACK names. Cases share that store and run one after another: several arm
 * faults of the sandbox or of the store that the next request takes.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig( {
	root: fileURLToPath( new URL( '../..', import.meta.url ) ),
	test: {
		environment: 'node',
		include: [ 'tests/adversarial/**/*.adv.test.ts' ],
		testTimeout: 240_000,
		hookTimeout: 300_000,
		teardownTimeout: 60_000,
		fileParallelism: false,
		maxWorkers: 1,
		sequence: { concurrent: false },
		retry: 0,
	},
} );
