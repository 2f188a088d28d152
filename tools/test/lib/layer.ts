/**
 * What a test layer reports back to `run-all.ts`.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = resolve(
	dirname( fileURLToPath( import.meta.url ) ),
	'../../..'
);

export type Status = 'passed' | 'failed' | 'skipped';

/** One check inside a layer (one lint tool, the type check). */
export interface CheckResult {
	name: string;
	status: Status;
	seconds: number;
	note: string;
}

export interface LayerResult {
	status: Status;
	passed: number;
	failed: number;
	skipped: number;
	/** Why it was skipped or failed, or what was counted. */
	note: string;
	/** The failed tests by name, with the first line of why, when the layer's report says. */
	failures?: string[];
}

export interface Layer {
	name: string;
	what: string;
	run: () => Promise< LayerResult >;
}

export function skip( why: string ): LayerResult {
	return { status: 'skipped', passed: 0, failed: 0, skipped: 0, note: why };
}
