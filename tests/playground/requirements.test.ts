/**
 * The plugin's boot on the oldest and newest PHP it supports (8.1 and 8.4; Debian's 8.2 runs the other layers,
 * 8.3 the zip run), in WordPress Playground: with the real WooCommerce, after WooCommerce went away under it
 * (taken out of the active plugins, as when its folder is deleted; WordPress itself refuses to activate the
 * plugin without it, through the "Requires Plugins" header), and with a WooCommerce too old (a stand-in class
 * and WC_VERSION 8.9.0 defined before WordPress loads: only 11.0.1 is on these machines). With WooCommerce,
 * every class under includes/ must compile and load; without a usable one, the admin sees a notice and the
 * plugin adds nothing else. No error, warning or deprecation may come from the plugin's files (a must-use
 * plugin collects them).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	NO_NETWORK_STEP,
	phpStep,
	PLUGIN_MOUNT,
	REPO_ROOT,
	readFacts,
	runPlayground,
	TESTS_MOUNT,
	type PlaygroundRun,
} from './harness.ts';

interface BootFacts {
	error?: string;
	php_version: string;
	woocommerce: string | null;
	plugin_active: boolean;
	met: boolean;
	loaded_fired: number;
	webhook_route: boolean;
	settings_route: boolean;
	notice_for_admin: string;
	notice_for_guest: string;
	errors_in_plugin: string[];
	classes: { count: number; missing: string[] } | null;
	reactivation?: string;
	catcher_in_place: boolean;
}

const SCENARIOS = [
	'without-woocommerce',
	'old-woocommerce',
	'with-woocommerce',
] as const;
type Scenario = ( typeof SCENARIOS )[ number ];

const VERSIONS = [ '8.1', '8.4' ] as const;
const runs = new Map< string, PlaygroundRun >();
const facts = new Map< string, BootFacts >();

function checks(
	scenario: Scenario,
	before = ''
): ReturnType< typeof phpStep > {
	return phpStep(
		`$kc_scenario = '${ scenario }';\nrequire '${ TESTS_MOUNT }/requirements-checks.php';`,
		before
	);
}

function factsOf( php: string, scenario: Scenario ): BootFacts {
	const found = facts.get( `${ php } ${ scenario }` );
	if ( ! found ) {
		throw new Error( `no facts for PHP ${ php }, ${ scenario }` );
	}
	expect(
		found.error,
		runs.get( php )?.output.slice( -2000 )
	).toBeUndefined();
	return found;
}

beforeAll( async () => {
	// Both versions boot side by side: each Playground runs one PHP worker.
	await Promise.all(
		VERSIONS.map( async ( php ) => {
			const run = await runPlayground( {
				php,
				muPlugins: [
					join(
						REPO_ROOT,
						'tests/playground/mu-plugins/kc-error-catcher.php'
					),
				],
				mounts: [ `${ REPO_ROOT }:${ PLUGIN_MOUNT }` ],
				steps: [
					NO_NETWORK_STEP,
					{
						step: 'activatePlugin',
						pluginPath: 'woocommerce/woocommerce.php',
					},
					{
						step: 'activatePlugin',
						pluginPath: 'korea-checkout/korea-checkout.php',
					},
					checks( 'with-woocommerce' ),
					phpStep(
						"update_option( 'active_plugins', array_values( array_diff( (array) get_option( 'active_plugins' ), array( 'woocommerce/woocommerce.php' ) ) ) );"
					),
					checks( 'without-woocommerce' ),
					checks(
						'old-woocommerce',
						"final class WooCommerce {}\ndefine( 'WC_VERSION', '8.9.0' );"
					),
				],
			} );
			runs.set( php, run );
			for ( const scenario of SCENARIOS ) {
				facts.set(
					`${ php } ${ scenario }`,
					readFacts< BootFacts >(
						run,
						`requirements-${ scenario }.json`
					)
				);
			}
		} )
	);
}, 600_000 );

afterAll( () => {
	for ( const run of runs.values() ) {
		run.dispose();
	}
} );

describe.each( VERSIONS )( 'on PHP %s', ( php ) => {
	it( 'runs the checks on that PHP version', () => {
		for ( const scenario of SCENARIOS ) {
			expect( factsOf( php, scenario ).php_version ).toMatch(
				new RegExp( `^${ php.replace( '.', '\\.' ) }\\.` )
			);
		}
	} );

	it( 'stays quiet when WooCommerce goes away: tells the admin what is missing and adds nothing else', () => {
		const without = factsOf( php, 'without-woocommerce' );
		expect( without ).toMatchObject( {
			woocommerce: null,
			plugin_active: true,
			met: false,
			loaded_fired: 0,
			webhook_route: false,
			settings_route: false,
			notice_for_guest: '',
			errors_in_plugin: [],
			classes: null,
			// WordPress will not switch it on again until WooCommerce is back.
			reactivation: 'plugin_missing_dependencies',
		} );
		expect( without.notice_for_admin ).toContain( 'notice-error' );
		expect( without.notice_for_admin ).toContain(
			'Korea Checkout for WooCommerce needs WooCommerce. Install and activate WooCommerce'
		);
	} );

	it( 'names the required and the installed version when WooCommerce is too old', () => {
		const old = factsOf( php, 'old-woocommerce' );
		expect( old ).toMatchObject( {
			woocommerce: '8.9.0',
			met: false,
			loaded_fired: 0,
			webhook_route: false,
			notice_for_guest: '',
			errors_in_plugin: [],
		} );
		expect( old.notice_for_admin ).toContain(
			'needs WooCommerce 9.0 or newer; this site runs 8.9.0'
		);
	} );

	it( 'starts every module with WooCommerce 11, every class loading and no error from its files', () => {
		const ready = factsOf( php, 'with-woocommerce' );
		expect( ready ).toMatchObject( {
			woocommerce: '11.0.1',
			met: true,
			loaded_fired: 1,
			webhook_route: true,
			settings_route: true,
			errors_in_plugin: [],
		} );
		expect( ready.notice_for_admin ).not.toContain(
			'Korea Checkout for WooCommerce needs'
		);
		expect( ready.classes?.missing ).toEqual( [] );
		expect( ready.classes?.count ).toBeGreaterThan( 70 );
	} );
} );
