/**
 * What a test layer is and what it reports back to `run-all.ts`.
 */
export type Status = 'passed' | 'failed' | 'skipped';

export interface LayerResult {
	status: Status;
	passed: number;
	failed: number;
	skipped: number;
	/** Why it was skipped or failed, or what was counted. */
	note: string;
	/** The failed tests by name, with the first line of why, from the layer's JUnit report. */
	failures?: string[];
}

export interface Layer {
	name: string;
	what: string;
	/** The npm script that runs the layer alone; run with KC_JUNIT_FILE naming the report it writes. */
	script: string;
	/** Vitest scripts take the JUnit reporter as arguments. */
	vitest?: boolean;
}
