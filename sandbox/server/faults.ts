import { newId } from './ids.ts';
import type { Store } from './store.ts';
import type { Fault, FaultTarget } from './types.ts';

export const API_FAULT_TARGETS = [
	'create-session',
	'get-session',
	'patch-session',
	'refund',
] as const;
export const API_FAULT_MODES = [ '500', '429', 'hang' ] as const;
export const WEBHOOK_FAULT_MODES = [
	'duplicate',
	'delay',
	'reorder',
	'bad-signature',
	'documented-shape',
] as const;
export const DEFAULT_FAULT_DELAY_MS = 30_000;
/** A `429` fault's Retry-After when no delayMs is given. */
export const DEFAULT_RETRY_AFTER_MS = 2_000;

/** Faults armed through POST /sandbox/faults; each is used up by the next `count` matching calls. */
export class Faults {
	private readonly store: Store;

	constructor( store: Store ) {
		this.store = store;
	}

	arm(
		target: FaultTarget,
		mode: Fault[ 'mode' ],
		count: number,
		delayMs: number | undefined,
		now: Date
	): Fault {
		const fault: Fault = {
			id: newId( 'flt', 8 ),
			target,
			mode,
			count,
			remaining: count,
			delayMs:
				delayMs ??
				( mode === '429'
					? DEFAULT_RETRY_AFTER_MS
					: DEFAULT_FAULT_DELAY_MS ),
			createdAt: now.toISOString(),
		};
		this.store.mutate( ( state ) => state.faults.push( fault ) );
		return fault;
	}

	/** Use up one call of the oldest fault armed for this target (and, if given, one of these modes), if any. */
	take(
		target: FaultTarget,
		modes?: ReadonlyArray< Fault[ 'mode' ] >
	): Fault | null {
		const fault = this.store.state.faults.find(
			( candidate ) =>
				candidate.target === target &&
				candidate.remaining > 0 &&
				( modes === undefined || modes.includes( candidate.mode ) )
		);
		if ( fault === undefined ) {
			return null;
		}
		this.store.mutate( ( state ) => {
			fault.remaining -= 1;
			state.faults = state.faults.filter(
				( candidate ) => candidate.remaining > 0
			);
		} );
		return { ...fault };
	}

	list(): Fault[] {
		return this.store.state.faults;
	}

	clear(): void {
		this.store.mutate( ( state ) => {
			state.faults = [];
		} );
	}
}
