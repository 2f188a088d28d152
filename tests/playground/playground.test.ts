/**
 * Korea Checkout as a store owner gets it, in WordPress Playground (the engine of `npm start`): the blueprint
 * installs the plugin from the zip `npm run zip` writes (not from the repository) into a fresh store, then
 * tests/playground/zip-checks.php looks at the installed copy and tests/playground/sqlite-checks.php checks the
 * database lock and the exactly-once payment on SQLite. Both write facts that are asserted here. The MariaDB
 * side of the same guarantees is covered by tests/php/integration and the concurrency e2e spec.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	NO_NETWORK_STEP,
	phpStep,
	REPO_ROOT,
	readFacts,
	runPlayground,
	TESTS_MOUNT,
	type PlaygroundRun,
} from './harness.ts';

interface ZipFacts {
	error?: string;
	folder_exists: boolean;
	is_symlink: boolean;
	entries: string[];
	dev_files: string[];
	active: boolean;
	version: string;
	text_domain: string;
	loaded_from: string;
	gateway: string | null;
	webhook_route: boolean;
	built_scripts: string[];
	without_asset: string[];
	korean_strings: boolean;
}

interface Facts {
	error?: string;
	db_engine: string;
	wpdb_class: string;
	plugin_live: boolean;
	free_lock: {
		held_inside: boolean;
		row_inside: boolean;
		nested: string;
		row_after: string | null;
		held_after: boolean;
	};
	busy_lock: {
		outcome: string;
		ran: boolean;
		waited: number;
		row_kept: boolean;
	};
	stale_lock: { taken_over: boolean; row_after: string | null };
	exactly_once: {
		order_total: string;
		first: string;
		second: string;
		status: string | null;
		transaction_id: string | null;
		hook_calls: number;
		stock: number | null;
		lock_row_after: string | null;
	};
	tables: {
		version: number;
		tables: string[];
		claims: string[];
		finished: boolean;
		fenced: boolean;
		session_of: boolean;
		sessions: number;
		api_slot: boolean[];
	};
}

const dist = mkdtempSync( join( tmpdir(), 'kc-zip-' ) );
let run: PlaygroundRun | undefined;
let facts: Facts;
let zipFacts: ZipFacts;

/** Writes the plugin zip into `folder` with tools/zip.ts (building the assets first only when build/ is empty). */
function writePluginZip( folder: string ): string {
	const zip = join( folder, 'korea-checkout.zip' );
	const built =
		existsSync( join( REPO_ROOT, 'build' ) ) &&
		readdirSync( join( REPO_ROOT, 'build' ) ).length > 0;
	const zipped = spawnSync(
		join( REPO_ROOT, 'node_modules/.bin/tsx' ),
		[
			'tools/zip.ts',
			`--out=${ zip }`,
			...( built ? [ '--no-build' ] : [] ),
		],
		{ cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000 }
	);
	if ( zipped.status !== 0 || ! existsSync( zip ) ) {
		throw new Error(
			`npm run zip failed (exit ${ String( zipped.status ) }):\n${ zipped.stdout }${ zipped.stderr }`
		);
	}
	return zip;
}

beforeAll( async () => {
	writePluginZip( dist );
	run = await runPlayground( {
		php: '8.3',
		mounts: [ `${ dist }:/kc-dist` ],
		steps: [
			NO_NETWORK_STEP,
			{
				step: 'activatePlugin',
				pluginPath: 'woocommerce/woocommerce.php',
			},
			// As a store owner uploads it: unpacked into wp-content/plugins, then activated.
			{
				step: 'installPlugin',
				pluginData: {
					resource: 'vfs',
					path: '/kc-dist/korea-checkout.zip',
				},
				options: { activate: true },
			},
			phpStep( `require '${ TESTS_MOUNT }/zip-checks.php';` ),
			phpStep( `require '${ TESTS_MOUNT }/sqlite-checks.php';` ),
		],
	} );
	facts = readFacts< Facts >( run, 'result.json' );
	zipFacts = readFacts< ZipFacts >( run, 'zip.json' );
}, 600_000 );

afterAll( () => {
	run?.dispose();
	rmSync( dist, { recursive: true, force: true } );
} );

describe( 'on SQLite in WordPress Playground', () => {
	it( 'runs the checks on the SQLite database with the plugin loaded', () => {
		expect( facts.error, run?.output.slice( -2000 ) ).toBeUndefined();
		expect( facts.plugin_live ).toBe( true );
		expect( `${ facts.db_engine } ${ facts.wpdb_class }` ).toMatch(
			/sqlite/i
		);
	} );

	it( 'takes a free lock, nests inside it and leaves no row behind', () => {
		expect( facts.free_lock ).toEqual( {
			held_inside: true,
			row_inside: true,
			nested: 'nested ran',
			row_after: null,
			held_after: false,
		} );
	} );

	it( 'waits for a lock another worker holds, gives up without running, and keeps its row', () => {
		expect( facts.busy_lock.outcome ).toBe( 'LockTimeout' );
		expect( facts.busy_lock.ran ).toBe( false );
		expect( facts.busy_lock.row_kept ).toBe( true );
		expect( facts.busy_lock.waited ).toBeGreaterThanOrEqual( 0.5 );
	} );

	it( 'takes over an abandoned lock and removes it afterwards', () => {
		expect( facts.stale_lock ).toEqual( {
			taken_over: true,
			row_after: null,
		} );
	} );

	it( 'pays an order once when the same paid session arrives twice', () => {
		expect( facts.exactly_once ).toMatchObject( {
			order_total: '10000',
			status: 'processing',
			transaction_id: 'toss_tx_sqlite',
			hook_calls: 1,
			stock: 4,
			lock_row_after: null,
		} );
		expect( facts.exactly_once.first ).toBe( 'pay' );
		expect( facts.exactly_once.second ).toBe( 'ignore' );
	} );

	it( "has the plugin's own tables: events claimed once with leases, sessions recorded", () => {
		expect( facts.tables.version ).toBeGreaterThanOrEqual( 2 );
		expect( facts.tables.tables ).toEqual( [
			expect.stringMatching( /korea_checkout_events$/ ),
			expect.stringMatching( /korea_checkout_sessions$/ ),
		] );
		// First claim wins, a second is told the first is busy, a dead holder's claim is taken over (attempt 2),
		// and a finished event is done.
		expect( facts.tables.claims ).toEqual( [
			'claimed',
			'busy',
			'claimed:2',
			'done',
		] );
		expect( facts.tables.finished ).toBe( true );
		expect( facts.tables.fenced ).toBe( false );
		expect( facts.tables.session_of ).toBe( true );
		expect( facts.tables.sessions ).toBe( 1 );
		expect( facts.tables.api_slot ).toEqual( [ true, false ] );
	} );
} );

describe( 'installed from the zip', () => {
	it( 'unpacks into wp-content/plugins/korea-checkout as a real folder and activates', () => {
		expect( zipFacts.error, run?.output.slice( -2000 ) ).toBeUndefined();
		expect( zipFacts.folder_exists ).toBe( true );
		expect( zipFacts.is_symlink ).toBe( false );
		expect( zipFacts.active ).toBe( true );
		expect( zipFacts.loaded_from ).toBe(
			'/wordpress/wp-content/plugins/korea-checkout/korea-checkout.php'
		);
		expect( zipFacts.text_domain ).toBe( 'korea-checkout' );
		expect( zipFacts.version ).toMatch( /^\d+\.\d+\.\d+/ );
	} );

	it( 'holds what a store runs and nothing of the development tree', () => {
		expect( zipFacts.entries ).toEqual( [
			'build',
			'includes',
			'korea-checkout.php',
			'languages',
			'readme.txt',
			'uninstall.php',
		] );
		expect( zipFacts.dev_files ).toEqual( [] );
		expect( zipFacts.built_scripts ).toEqual(
			expect.arrayContaining( [
				'payment-method.js',
				'address-search.js',
				'admin.js',
			] )
		);
		// Every entry script carries its dependency file; the postcode layer is a chunk the search loads itself.
		expect( zipFacts.without_asset ).toEqual( [ 'postcode-layer.js' ] );
		expect( zipFacts.korean_strings ).toBe( true );
	} );

	it( 'registers the gateway and the webhook route from the installed copy', () => {
		expect( zipFacts.gateway ).toMatch( /KoreaCheckout\\/ );
		expect( zipFacts.webhook_route ).toBe( true );
	} );
} );
