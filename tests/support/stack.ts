/**
 * The store a test layer started for its tests, as they see it: the JSON file named by KC_STACK_FILE (the layer's
 * runner writes it; by hand, point it at the <stack>/stack.json of a stack that `tsx tools/stack/cli.ts up` left
 * running). tools/stack/details.ts writes this shape.
 */
import { readFileSync } from 'node:fs';

export interface StoreProduct {
	id: number;
	sku: string;
	name: string;
	price: number;
}

export interface StorePage {
	id: number;
	path: string;
}

export interface WebNode {
	/** `a` or `b` on the production stack (nginx's X-KC-Node header, getenv( 'KC_NODE' ) in PHP), `php` for php -S. */
	name: string;
	/** The node's master process; its children are the workers. */
	pidFile: string;
	socket: string | null;
	log: string;
	phpErrorLog: string;
}

export interface StackInfo {
	kind: 'native' | 'production';
	objectCache: 'redis' | 'none';
	stackDir: string;
	storeUrl: string;
	adminUrl: string;
	adminUser: string;
	adminPassword: string;
	/** null when this checkout has no sandbox server. */
	sandboxUrl: string | null;
	apiKey: string;
	webhookSecret: string;
	/** The store's WordPress folder. */
	wpRoot: string;
	dbName: string;
	dbSocket: string;
	debugLog: string;
	/** `php <evalScript>` runs PHP inside the store's WordPress (wpEval). */
	evalScript: string;
	/** WP-CLI's boot file. */
	wpCli: string;
	store: {
		pages: Record<
			'shop' | 'cart' | 'checkout' | 'myaccount' | 'classic_checkout',
			StorePage
		>;
		products: StoreProduct[];
	};
	nodes: WebNode[];
	nginx: { pidFile: string; accessLog: string; errorLog: string } | null;
	redis: { socket: string; pidFile: string; log: string } | null;
}

/** Reads the stack's details; throws with what to do when there are none. */
export function readStack(
	file: string | undefined = process.env.KC_STACK_FILE
): StackInfo {
	if ( ! file ) {
		throw new Error(
			'KC_STACK_FILE is not set: run the layer through its npm script (npm run test:e2e), or point KC_STACK_FILE at the stack.json of a running stack'
		);
	}
	const stack = JSON.parse( readFileSync( file, 'utf8' ) ) as StackInfo;
	if ( ! stack.store ) {
		throw new Error( `${ file }: the stack's store was not installed` );
	}
	return stack;
}
