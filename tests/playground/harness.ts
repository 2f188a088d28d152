/**
 * Running a blueprint in WordPress Playground for a test: a private copy of the fixtures' WordPress (its plugins
 * folder emptied, so only what the test mounts is there), WooCommerce mounted beside it, a results folder the
 * PHP inside writes its facts to, and the CLI's output kept for the failure message.
 */
import { spawn } from 'node:child_process';
import {
	copyFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository: mounted as the plugin, and where the Playground CLI is. */
export const REPO_ROOT = fileURLToPath(
	new URL( '../..', import.meta.url )
).replace( /\/$/, '' );

/** Where a test mounts this repository as the plugin. */
export const PLUGIN_MOUNT = '/wordpress/wp-content/plugins/korea-checkout';

/**
 * WordPress's and WooCommerce's folders, which the layer's runner (tools/test/playground.ts) unpacks and names in
 * KC_WP_DIR and KC_WC_DIR.
 */
function sources(): { wordpress: string; woocommerce: string } {
	const wordpress = process.env.KC_WP_DIR;
	const woocommerce = process.env.KC_WC_DIR;
	if ( ! wordpress || ! woocommerce ) {
		throw new Error(
			'KC_WP_DIR and KC_WC_DIR must name WordPress and WooCommerce: run the layer with npm run test:playground'
		);
	}
	return { wordpress, woocommerce };
}

/** Where the PHP inside finds the files of tests/playground, and where it writes its facts. */
export const TESTS_MOUNT = '/kc-tests';
export const RESULTS_MOUNT = '/kc-results';

export interface PlaygroundRun {
	/** The host folder the run's PHP wrote its facts to. */
	results: string;
	/** What the CLI printed, for failure messages. */
	output: string;
	/** Removes the private site and the results. */
	dispose: () => void;
}

export interface PlaygroundOptions {
	php: string;
	steps: unknown[];
	/** Extra `host:guest` mounts. */
	mounts?: string[];
	/** Host files copied into the private site's wp-content/mu-plugins before it boots. */
	muPlugins?: string[];
}

/** A `runPHP` step that runs `before`, loads WordPress, then runs `code` (PHP without opening tags). */
export function phpStep(
	code: string,
	before = ''
): {
	step: 'runPHP';
	code: string;
} {
	return {
		step: 'runPHP',
		code: `<?php\n${ before }\nrequire_once '/wordpress/wp-load.php';\n${ code }`,
	};
}

export const NO_NETWORK_STEP = {
	step: 'defineWpConfigConsts',
	consts: { WP_HTTP_BLOCK_EXTERNAL: true, AUTOMATIC_UPDATER_DISABLED: true },
};

/** Boots a fresh store in Playground, runs the steps, and resolves when the CLI exits (whatever its exit code). */
export async function runPlayground(
	options: PlaygroundOptions
): Promise< PlaygroundRun > {
	const { wordpress, woocommerce } = sources();
	const work = mkdtempSync( join( tmpdir(), 'kc-playground-' ) );
	const site = join( work, 'wordpress' );
	cpSync( wordpress, site, { recursive: true } );
	rmSync( join( site, 'wp-content/plugins' ), {
		recursive: true,
		force: true,
	} );
	mkdirSync( join( site, 'wp-content/plugins' ), { recursive: true } );
	for ( const file of options.muPlugins ?? [] ) {
		mkdirSync( join( site, 'wp-content/mu-plugins' ), { recursive: true } );
		copyFileSync(
			file,
			join( site, 'wp-content/mu-plugins', basename( file ) )
		);
	}
	const results = join( work, 'results' );
	mkdirSync( results );
	const blueprint = join( work, 'blueprint.json' );
	writeFileSync(
		blueprint,
		JSON.stringify( {
			preferredVersions: { php: options.php, wp: 'latest' },
			steps: options.steps,
		} )
	);
	const args = [
		'run-blueprint',
		`--blueprint=${ blueprint }`,
		'--wordpress-install-mode=install-from-existing-files',
		`--mount-before-install=${ site }:/wordpress`,
		`--mount=${ woocommerce }:/wordpress/wp-content/plugins/woocommerce`,
		`--mount=${ join( REPO_ROOT, 'tests/playground' ) }:${ TESTS_MOUNT }`,
		`--mount=${ results }:${ RESULTS_MOUNT }`,
		...( options.mounts ?? [] ).map( ( mount ) => `--mount=${ mount }` ),
	];
	const output = await new Promise< string >( ( resolve ) => {
		const child = spawn(
			join( REPO_ROOT, 'node_modules/.bin/wp-playground-cli' ),
			args,
			{ cwd: REPO_ROOT, stdio: [ 'ignore', 'pipe', 'pipe' ] }
		);
		let text = '';
		child.stdout.on( 'data', ( chunk: Buffer ) => ( text += chunk ) );
		child.stderr.on( 'data', ( chunk: Buffer ) => ( text += chunk ) );
		const timer = setTimeout( () => {
			text += '\n[test] Playground still running after 540 s: stopped';
			child.kill( 'SIGKILL' );
		}, 540_000 );
		child.on( 'close', ( code ) => {
			clearTimeout( timer );
			resolve( `${ text }\n[test] exit ${ String( code ) }` );
		} );
	} );
	return {
		results,
		output,
		dispose: () => rmSync( work, { recursive: true, force: true } ),
	};
}

/** The JSON facts a PHP step wrote to the results folder; a clear error with the CLI's output when it wrote none. */
export function readFacts< T >( run: PlaygroundRun, name: string ): T {
	const file = join( run.results, name );
	if ( ! existsSync( file ) ) {
		throw new Error(
			`Playground wrote no ${ name }:\n${ run.output.slice( -3000 ) }`
		);
	}
	return JSON.parse( readFileSync( file, 'utf8' ) ) as T;
}
