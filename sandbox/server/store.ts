import fs from 'node:fs';
import path from 'node:path';
import { removeStaleTemporaries, writeFileAtomic } from './atomicFile.ts';
import { API_KEY_PATTERN, WEBHOOK_SECRET_PATTERN } from './config.ts';
import { newApiKey, newWebhookSecret } from './ids.ts';
import type { SandboxState } from './types.ts';

const STATE_FILE = 'state.json';
const KEYS_FILE = 'keys.json';

export interface SandboxKeys {
	apiKey: string;
	webhookSecret: string;
}

export function emptyState(): SandboxState {
	return {
		version: 1,
		sessions: {},
		deliveries: {},
		shops: {},
		coupons: {},
		idempotency: {},
		faults: [],
	};
}

/**
 * The sandbox's whole state lives in memory and is written to one JSON file after every change.
 * Every write is atomic (see writeFileAtomic), so a crash leaves the last complete state.
 */
export class Store {
	readonly dataDir: string;
	state: SandboxState;
	/** Set when the state file could not be read and was moved aside. */
	readonly recoveredFrom: string | null;

	constructor( dataDir: string ) {
		this.dataDir = dataDir;
		fs.mkdirSync( dataDir, { recursive: true, mode: 0o700 } );
		removeStaleTemporaries( dataDir, STATE_FILE );
		removeStaleTemporaries( dataDir, KEYS_FILE );
		const loaded = this.load();
		this.state = loaded.state;
		this.recoveredFrom = loaded.movedAside;
	}

	private get file(): string {
		return path.join( this.dataDir, STATE_FILE );
	}

	private load(): { state: SandboxState; movedAside: string | null } {
		let text: string;
		try {
			text = fs.readFileSync( this.file, 'utf8' );
		} catch ( error ) {
			if ( ( error as NodeJS.ErrnoException ).code === 'ENOENT' ) {
				return { state: emptyState(), movedAside: null };
			}
			throw error;
		}
		try {
			const parsed = JSON.parse( text ) as Partial< SandboxState >;
			if ( parsed.version !== 1 || typeof parsed.sessions !== 'object' ) {
				throw new Error( 'unknown state format' );
			}
			return {
				state: { ...emptyState(), ...parsed } as SandboxState,
				movedAside: null,
			};
		} catch {
			// Only a file written by something else can get here; keep it for inspection and start clean.
			const aside = `${ this.file }.unreadable-${ Date.now() }`;
			fs.renameSync( this.file, aside );
			return { state: emptyState(), movedAside: aside };
		}
	}

	/** Persist the current state; call after every change. */
	save(): void {
		writeFileAtomic( this.file, JSON.stringify( this.state ) );
	}

	/** Apply a change and persist it in one step. */
	mutate< T >( change: ( state: SandboxState ) => T ): T {
		const result = change( this.state );
		this.save();
		return result;
	}

	reset(): void {
		const shops = this.state.shops;
		this.state = emptyState();
		this.state.shops = shops;
		this.save();
	}

	/**
	 * The key and secret: pinned ones win; otherwise those generated on the first start, kept in keys.json.
	 */
	loadKeys( pinned: Partial< SandboxKeys > ): SandboxKeys {
		const file = path.join( this.dataDir, KEYS_FILE );
		let stored: Partial< SandboxKeys > = {};
		try {
			stored = JSON.parse(
				fs.readFileSync( file, 'utf8' )
			) as Partial< SandboxKeys >;
		} catch {
			stored = {};
		}
		const keys: SandboxKeys = {
			apiKey:
				pinned.apiKey ??
				( stored.apiKey !== undefined &&
				API_KEY_PATTERN.test( stored.apiKey )
					? stored.apiKey
					: newApiKey() ),
			webhookSecret:
				pinned.webhookSecret ??
				( stored.webhookSecret !== undefined &&
				WEBHOOK_SECRET_PATTERN.test( stored.webhookSecret )
					? stored.webhookSecret
					: newWebhookSecret() ),
		};
		if (
			pinned.apiKey === undefined ||
			pinned.webhookSecret === undefined
		) {
			const toKeep = {
				apiKey:
					pinned.apiKey === undefined
						? keys.apiKey
						: ( stored.apiKey ?? keys.apiKey ),
				webhookSecret:
					pinned.webhookSecret === undefined
						? keys.webhookSecret
						: ( stored.webhookSecret ?? keys.webhookSecret ),
			};
			if (
				toKeep.apiKey !== stored.apiKey ||
				toKeep.webhookSecret !== stored.webhookSecret
			) {
				writeFileAtomic( file, JSON.stringify( toKeep, null, '\t' ) );
			}
		}
		return keys;
	}
}
