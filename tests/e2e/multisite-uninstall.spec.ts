/**
 * Settings per site and uninstall on a multisite network: a second WordPress in its own database on the stack's
 * MariaDB, installed and turned into a network of sub-directory sites by tests/e2e/fixtures/network/install.php
 * (what the Network Setup screen does), WooCommerce and Korea Checkout activated on the main site, a second
 * site added, each site given its own Korea Checkout data, then the plugin deleted the way WordPress deletes
 * it (uninstall_plugin(), which runs uninstall.php). Every script is a PHP CLI request for kc-network.test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/test.ts';
import type { StackInfo } from '../support/stack.ts';

const NETWORK_DB = 'kc_network_test';
/** The network's address: boot.php makes each script a request for its host. */
const NETWORK_URL = 'http://kc-network.test';
const SCRIPTS = fileURLToPath(
	new URL( './fixtures/network/', import.meta.url )
);
const work = mkdtempSync( join( tmpdir(), 'kc-network-' ) );
const config = join( work, 'wp-config.php' );

interface SiteState {
	actions: number | null;
	options: string[];
	shop_id: string | null;
	cron: boolean;
	order_meta: string[];
	other_plugin: string | false;
}

interface NetworkFacts {
	error?: string;
	multisite?: boolean;
	uninstall_returned?: boolean | string;
	sites: Record< string, SiteState >;
	network: string | false;
}

/**
 * The stack's wp-config.php for the network: its own database, the network's address, ABSPATH pointing at the
 * stack's WordPress, and (once installed) the multisite constants.
 */
function writeNetworkConfig( stack: StackInfo, multisite: boolean ): void {
	const original = readFileSync(
		join( stack.wpRoot, 'wp-config.php' ),
		'utf8'
	);
	// The network keeps no persistent object cache even on a stack with one: WordPress would keep its transients
	// there instead of in the options table this spec reads (and the network would share the store's Redis).
	const noObjectCache = "define( 'WP_REDIS_DISABLED', true );";
	const constants = multisite
		? [
				noObjectCache,
				"define( 'MULTISITE', true );",
				"define( 'SUBDOMAIN_INSTALL', false );",
				"define( 'DOMAIN_CURRENT_SITE', 'kc-network.test' );",
				"define( 'PATH_CURRENT_SITE', '/' );",
				"define( 'SITE_ID_CURRENT_SITE', 1 );",
				"define( 'BLOG_ID_CURRENT_SITE', 1 );",
			].join( '\n' )
		: noObjectCache;
	const text = original
		.replace(
			/define\( 'DB_NAME',[^\n]*/,
			`define( 'DB_NAME', '${ NETWORK_DB }' );`
		)
		.replace(
			/define\( 'WP_HOME',[^\n]*/,
			`define( 'WP_HOME', '${ NETWORK_URL }' );`
		)
		.replace(
			/define\( 'WP_SITEURL',[^\n]*/,
			`define( 'WP_SITEURL', '${ NETWORK_URL }' );`
		)
		.replace(
			/define\( 'WP_DEBUG_LOG',[^\n]*/,
			`define( 'WP_DEBUG_LOG', '${ join( work, 'debug.log' ) }' );`
		)
		.replace(
			"define( 'ABSPATH', __DIR__ . '/' );",
			`define( 'ABSPATH', '${ stack.wpRoot }/' );`
		)
		.replace(
			"if ( ! defined( 'ABSPATH' ) ) {",
			`${ constants }\nif ( ! defined( 'ABSPATH' ) ) {`
		);
	if (
		! text.includes( `'${ NETWORK_DB }'` ) ||
		! text.includes( `'${ NETWORK_URL }'` ) ||
		! text.includes( `'${ stack.wpRoot }/'` )
	) {
		throw new Error(
			'the stack wp-config.php changed shape: cannot derive the network one'
		);
	}
	writeFileSync( config, text );
}

/** Runs one network script and returns the facts it reported. */
function runScript< T >( script: string, ...args: string[] ): T {
	const run = spawnSync( 'php', [ join( SCRIPTS, script ), ...args ], {
		env: { ...process.env, KC_NETWORK_CONFIG: config },
		encoding: 'utf8',
		timeout: 180_000,
	} );
	const marker = run.stdout.lastIndexOf( '__KC_NETWORK__' );
	if ( run.status !== 0 || marker < 0 ) {
		throw new Error(
			`${ script } ${ args.join( ' ' ) } failed (exit ${ String( run.status ) }):\n${ run.stdout.slice( -2000 ) }\n${ run.stderr.slice( -2000 ) }`
		);
	}
	return JSON.parse(
		run.stdout.slice( marker + '__KC_NETWORK__'.length )
	) as T;
}

let before: NetworkFacts;
let after: NetworkFacts;

test.beforeAll( async ( { stack, wp } ) => {
	// Installing a network and running WooCommerce's installer on it takes minutes on a busy machine.
	test.setTimeout( 600_000 );
	await wp(
		`global $wpdb;
		$wpdb->query( 'DROP DATABASE IF EXISTS ${ NETWORK_DB }' );
		return $wpdb->query( 'CREATE DATABASE ${ NETWORK_DB } CHARACTER SET utf8mb4' );`
	);
	writeNetworkConfig( stack, false );
	const installed = runScript< Record< string, unknown > >( 'install.php' );
	expect( installed ).toEqual( {
		site_installed: true,
		network: true,
		main_site: 'kc-network.test/',
	} );
	writeNetworkConfig( stack, true );
	const activated = runScript< {
		multisite: boolean;
		activated: Record< string, string >;
	} >( 'activate.php' );
	expect( activated ).toEqual( {
		multisite: true,
		activated: {
			'woocommerce/woocommerce.php': 'active',
			'korea-checkout/korea-checkout.php': 'active',
		},
	} );
	before = runScript< NetworkFacts >( 'checks.php', 'prepare' );
	after = runScript< NetworkFacts >( 'checks.php', 'uninstall' );
} );

test.afterAll( async ( { wp } ) => {
	rmSync( work, { recursive: true, force: true } );
	await wp(
		`global $wpdb; return $wpdb->query( 'DROP DATABASE IF EXISTS ${ NETWORK_DB }' );`
	);
} );

test.describe( 'on a multisite network', () => {
	test( 'keeps the settings of each site apart', () => {
		expect( before.error ).toBeUndefined();
		expect( before.multisite ).toBe( true );
		expect( Object.keys( before.sites ).sort() ).toEqual( [
			'/',
			'/shop-two/',
		] );
		expect( before.sites[ '/' ]?.shop_id ).toBe( 'shop_main' );
		expect( before.sites[ '/shop-two/' ]?.shop_id ).toBe( 'shop_two' );
		for ( const site of Object.values( before.sites ) ) {
			expect( site.options ).toEqual(
				expect.arrayContaining( [
					'korea_checkout_settings',
					expect.stringMatching( /^_transient_korea_checkout_poll_/ ),
					expect.stringMatching( /^korea_checkout_evt_evt_/ ),
				] )
			);
			expect( site.cron ).toBe( true );
		}
		// The reconciliation job and one more action on the main site (WooCommerce, hence Action Scheduler, is
		// active there only).
		expect( before.sites[ '/' ]?.actions ).toBeGreaterThanOrEqual( 2 );
		expect( before.sites[ '/shop-two/' ]?.actions ).toBeNull();
		expect( before.network ).toBe( 'network' );
	} );

	test( 'removes the plugin’s data from every site and from the network when the plugin is deleted', () => {
		expect( after.error ).toBeUndefined();
		expect( after.uninstall_returned ).toBe( true );
		expect( Object.keys( after.sites ) ).toHaveLength( 2 );
		for ( const [ path, site ] of Object.entries( after.sites ) ) {
			// Of what matched the plugin's prefixes, only the other plugin's option is left.
			expect( site.options, path ).toEqual( [
				'korea_checkoutish_other_plugin',
			] );
			expect( site.shop_id, path ).toBeNull();
			expect( site.cron, path ).toBe( false );
		}
		expect( after.sites[ '/' ]?.actions ).toBe( 0 );
		expect( after.network ).toBe( false );
	} );

	test( 'keeps orders and other plugins’ data on every site', () => {
		expect( after.sites[ '/' ]?.order_meta ).toEqual( [ 'cs_shop_main' ] );
		expect( after.sites[ '/shop-two/' ]?.order_meta ).toEqual( [
			'cs_shop_two',
		] );
		for ( const site of Object.values( after.sites ) ) {
			expect( site.other_plugin ).toBe( 'stay' );
		}
	} );
} );
