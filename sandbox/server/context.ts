import type { SandboxConfig } from './config.ts';
import type { Faults } from './faults.ts';
import type { RateLimiter } from './rateLimit.ts';
import type { SandboxKeys, Store } from './store.ts';
import type { Webhooks } from './webhooks.ts';

/** What every route and domain function works with. */
export interface SandboxContext {
	config: SandboxConfig;
	store: Store;
	keys: SandboxKeys;
	faults: Faults;
	webhooks: Webhooks;
	rateLimiter: RateLimiter;
	now: () => number;
	/** The origin put into checkoutUrl (SANDBOX_PUBLIC_URL, or the address the sandbox listens on). */
	publicUrl: () => string;
	/** Whether the control surface answers callers that are not on this machine. */
	controlOpenToNetwork: boolean;
}
