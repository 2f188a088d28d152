/**
 * `npm start`: builds the plugin's assets, starts the sandbox and a WooCommerce store with this plugin in
 * WordPress Playground (PHP in WebAssembly, SQLite), ready to sell, and prints where everything is.
 * Ctrl-C stops everything it started.
 *
 * Environment: KC_PLAYGROUND_PORT (9400), KC_SANDBOX_PORT (4010), KC_WP_DIR / KC_WP_ARCHIVE,
 * KC_WC_DIR / KC_WC_ARCHIVE (default: ../shared/fixtures/), KC_START_TIMEOUT (seconds, 1800). Option
 * --no-build skips `npm run build`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { fixture } from '../lib/fixtures.ts';
import { isAlive, signalGroup, waitFor } from '../lib/process.ts';
import { REPO_ROOT as root } from '../lib/root.ts';
import { PHP_VERSION, PLUGIN_MOUNT, storeBlueprint } from './blueprint.ts';

const started = performance.now();
const port = Number( process.env.KC_PLAYGROUND_PORT ?? 9400 );
const sandboxPort = Number( process.env.KC_SANDBOX_PORT ?? 4010 );
const cacheDir = join( root, '.cache/playground' );
const runFile = join( cacheDir, `run-${ port }.json` );
const storeUrl = `http://127.0.0.1:${ port }`;
const sandboxUrl = `http://127.0.0.1:${ sandboxPort }`;
const children: ChildProcess[] = [];
let stopping = false;

function say( message: string ): void {
	process.stdout.write( `[start] ${ message }\n` );
}

function seconds(): string {
	return ( ( performance.now() - started ) / 1000 ).toFixed( 1 );
}

function portFree( candidate: number ): Promise< boolean > {
	return new Promise( ( resolve ) => {
		const server = createServer();
		server.once( 'error', () => resolve( false ) );
		server.once( 'listening', () => server.close( () => resolve( true ) ) );
		server.listen( candidate, '127.0.0.1' );
	} );
}

/** Stops what a previous run left behind when it was killed without cleaning up (its pid is gone). */
function stopLeftovers( groups: number[] ): void {
	for ( const group of groups ) {
		if ( isAlive( group ) ) {
			say(
				`stopping process group ${ group } left by an earlier npm start that was killed`
			);
			signalGroup( group, 'SIGKILL' );
		}
	}
}

/** Stops with a message when this store, or anything else, already holds our ports. */
async function refuseSecondStart(): Promise< void > {
	if ( existsSync( runFile ) ) {
		const previous = JSON.parse( readFileSync( runFile, 'utf8' ) ) as {
			pid: number;
			groups?: number[];
		};
		if ( isAlive( previous.pid ) ) {
			say(
				`a Playground store is already running on ${ storeUrl } (npm start, pid ${ previous.pid }). ` +
					`Use it, stop it with Ctrl-C in its terminal (or kill ${ previous.pid }), or start another with KC_PLAYGROUND_PORT and KC_SANDBOX_PORT.`
			);
			process.exit( 1 );
		}
		stopLeftovers( previous.groups ?? [] );
		rmSync( runFile, { force: true } );
	}
	for ( const [ name, candidate, variable ] of [
		[ 'Playground', port, 'KC_PLAYGROUND_PORT' ],
		[ 'sandbox', sandboxPort, 'KC_SANDBOX_PORT' ],
	] as const ) {
		if ( ! ( await portFree( candidate ) ) ) {
			say(
				`port ${ candidate } (${ name }) is already in use by another program. Stop it, or choose another port: ${ variable }=<port> npm start`
			);
			process.exit( 1 );
		}
	}
}

/** Notes our pid and our children's process groups, for a second npm start to find. */
function writeRunFile(): void {
	writeFileSync(
		runFile,
		JSON.stringify( {
			pid: process.pid,
			port,
			sandboxPort,
			groups: children.map( ( child ) => child.pid ).filter( Boolean ),
		} )
	);
}

/** The sandbox's key and secret, made once and kept, so the store and the sandbox always agree. */
function sandboxCredentials(): { apiKey: string; webhookSecret: string } {
	const file = join( cacheDir, 'sandbox-credentials.json' );
	if ( existsSync( file ) ) {
		return JSON.parse( readFileSync( file, 'utf8' ) ) as {
			apiKey: string;
			webhookSecret: string;
		};
	}
	const credentials = {
		apiKey: `sk_test_${ randomBytes( 32 ).toString( 'hex' ) }`,
		webhookSecret: `whsec_${ randomBytes( 24 ).toString( 'base64url' ) }`,
	};
	writeFileSync( file, JSON.stringify( credentials ), { mode: 0o600 } );
	return credentials;
}

/** Starts a child in its own process group and prefixes its output. */
function startChild(
	label: string,
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv = {},
	onLine: ( line: string ) => void = () => undefined
): ChildProcess {
	const child = spawn( command, args, {
		cwd: root,
		env: { ...process.env, ...env },
		detached: true,
		stdio: [ 'ignore', 'pipe', 'pipe' ],
	} );
	children.push( child );
	writeRunFile();
	for ( const stream of [ child.stdout, child.stderr ] ) {
		let pending = '';
		stream?.on( 'data', ( chunk: Buffer ) => {
			pending += chunk.toString();
			const lines = pending.split( '\n' );
			pending = lines.pop() ?? '';
			for ( const line of lines ) {
				if ( line.trim() ) {
					process.stdout.write( `[${ label }] ${ line }\n` );
					onLine( line );
				}
			}
		} );
	}
	child.on( 'exit', ( code, signal ) => {
		if ( ! stopping ) {
			say(
				`${ label } stopped unexpectedly (${ signal ?? `exit ${ code }` }); stopping everything.`
			);
			void stop( 1 );
		}
	} );
	return child;
}

async function stop( code: number ): Promise< never > {
	stopping = true;
	for ( const child of children ) {
		if ( child.pid && child.exitCode === null ) {
			signalGroup( child.pid, 'SIGTERM' );
		}
	}
	const deadline = Date.now() + 5000;
	while (
		Date.now() < deadline &&
		children.some(
			( child ) => child.exitCode === null && child.signalCode === null
		)
	) {
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
	}
	for ( const child of children ) {
		if (
			child.pid &&
			child.exitCode === null &&
			child.signalCode === null
		) {
			signalGroup( child.pid, 'SIGKILL' );
		}
	}
	rmSync( runFile, { force: true } );
	process.exit( code );
}

/** Waits until url answers with a status `accept` takes; stops everything when it does not in time. */
async function waitForUrl(
	url: string,
	what: string,
	timeoutSeconds: number,
	accept: ( status: number ) => boolean
): Promise< void > {
	try {
		await waitFor(
			what,
			async () => {
				try {
					const response = await fetch( url, {
						redirect: 'manual',
						signal: AbortSignal.timeout( 30_000 ),
					} );
					await response.arrayBuffer();
					return accept( response.status );
				} catch {
					return false;
				}
			},
			timeoutSeconds * 1000,
			url,
			undefined,
			1000
		);
	} catch ( error ) {
		say( error instanceof Error ? error.message : String( error ) );
		await stop( 1 );
	}
}

/**
 * Waits for the end of the store set-up: Playground's own "Ready!", or else the Store API listing the same
 * products for five seconds (the set-up creates them last).
 */
async function waitForSetUp( playgroundSaysReady: () => boolean ) {
	const deadline =
		Date.now() + Number( process.env.KC_START_TIMEOUT ?? 1800 ) * 1000;
	let listed = 0;
	let listedSince = 0;
	while ( Date.now() < deadline ) {
		if ( playgroundSaysReady() ) {
			return;
		}
		try {
			const response = await fetch(
				`${ storeUrl }/wp-json/wc/store/v1/products?per_page=100`,
				{ signal: AbortSignal.timeout( 30_000 ) }
			);
			const products: unknown = await response.json();
			const count = Array.isArray( products ) ? products.length : 0;
			if ( count > 0 && count === listed ) {
				if ( Date.now() - listedSince >= 5000 ) {
					return;
				}
			} else {
				listed = count;
				listedSince = Date.now();
			}
		} catch {}
		await new Promise( ( resolve ) => setTimeout( resolve, 1000 ) );
	}
	say( 'The store set-up did not finish in time.' );
	await stop( 1 );
}

function build(): Promise< void > {
	if ( process.argv.includes( '--no-build' ) ) {
		say( 'using the assets in build/ as they are (--no-build)' );
		return Promise.resolve();
	}
	say( 'building the plugin assets (npm run build)' );
	return new Promise( ( resolve, reject ) => {
		const child = spawn( 'npm', [ 'run', '--silent', 'build' ], {
			cwd: root,
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		let output = '';
		child.stdout.on(
			'data',
			( chunk: Buffer ) => ( output += chunk.toString() )
		);
		child.stderr.on(
			'data',
			( chunk: Buffer ) => ( output += chunk.toString() )
		);
		child.on( 'exit', ( code ) =>
			code === 0
				? resolve()
				: reject(
						new Error(
							`npm run build failed:\n${ output.slice( -4000 ) }`
						)
					)
		);
	} );
}

/** A fresh site folder for this run: hard links to the unpacked core (fast), Playground adds its files. */
function freshSite( wordpressDir: string ): string {
	const site = join( cacheDir, `site-${ port }` );
	rmSync( site, { recursive: true, force: true } );
	if ( spawnSync( 'cp', [ '-al', wordpressDir, site ] ).status !== 0 ) {
		rmSync( site, { recursive: true, force: true } );
		if ( spawnSync( 'cp', [ '-a', wordpressDir, site ] ).status !== 0 ) {
			throw new Error( `could not copy ${ wordpressDir } to ${ site }` );
		}
	}
	// Only WooCommerce and this plugin: the bundled Akismet and Hello Dolly stay out of the store.
	rmSync( join( site, 'wp-content/plugins' ), {
		recursive: true,
		force: true,
	} );
	mkdirSync( join( site, 'wp-content/plugins' ), { recursive: true } );
	return site;
}

async function main(): Promise< void > {
	mkdirSync( cacheDir, { recursive: true } );
	await refuseSecondStart();
	writeFileSync(
		runFile,
		JSON.stringify( { pid: process.pid, port, sandboxPort } )
	);
	for ( const signal of [ 'SIGINT', 'SIGTERM', 'SIGHUP' ] as const ) {
		process.on( signal, () => {
			say( 'stopping the store and the sandbox' );
			void stop( 0 );
		} );
	}

	// Without a folder or an archive, Playground downloads WordPress and WooCommerce (needs the internet).
	const wordpress = await fixture( 'wordpress', { optional: true } );
	const woocommerce = await fixture( 'woocommerce', { optional: true } );
	for ( const source of [ wordpress, woocommerce ] ) {
		say(
			source.dir
				? source.description
				: `${ source.description }; Playground downloads it (needs the internet)`
		);
	}

	const credentials = sandboxCredentials();
	const building = build();
	startChild( 'sandbox', 'npm', [ 'run', '--silent', 'sandbox' ], {
		SANDBOX_HOST: '127.0.0.1',
		SANDBOX_PORT: String( sandboxPort ),
		SANDBOX_API_KEY: credentials.apiKey,
		SANDBOX_WEBHOOK_SECRET: credentials.webhookSecret,
		SANDBOX_DATA_DIR: join( cacheDir, `sandbox-${ sandboxPort }` ),
	} );
	await building;
	say( `assets ready (${ seconds() } s)` );

	const blueprintFile = join( cacheDir, `blueprint-${ port }.json` );
	writeFileSync(
		blueprintFile,
		JSON.stringify(
			storeBlueprint( {
				sandboxUrl,
				apiKey: credentials.apiKey,
				webhookSecret: credentials.webhookSecret,
				downloadWooCommerce: woocommerce.dir === null,
			} ),
			null,
			'\t'
		),
		{ mode: 0o600 }
	);
	const args = [
		'server',
		`--port=${ port }`,
		`--site-url=${ storeUrl }`,
		`--php=${ PHP_VERSION }`,
		`--blueprint=${ blueprintFile }`,
	];
	if ( wordpress.dir ) {
		args.push(
			'--wordpress-install-mode=install-from-existing-files',
			`--mount-before-install=${ freshSite( wordpress.dir ) }:/wordpress`
		);
	}
	if ( woocommerce.dir ) {
		args.push(
			`--mount=${ woocommerce.dir }:/wordpress/wp-content/plugins/woocommerce`
		);
	}
	args.push( `--mount=${ root }:${ PLUGIN_MOUNT }` );
	// Playground answers requests while its blueprint (the store set-up) is still running: the store is ready
	// when Playground says so, or, should its wording change, once the shop answers and lists the products.
	let blueprintDone = false;
	startChild(
		'playground',
		join( root, 'node_modules/.bin/wp-playground-cli' ),
		args,
		{},
		( line ) => {
			if ( /\bReady!/.test( line ) ) {
				blueprintDone = true;
			}
		}
	);

	await waitForUrl(
		`${ sandboxUrl }/sandbox/health`,
		'The sandbox',
		120,
		( status ) => status === 200
	);
	say( `sandbox ready (${ seconds() } s)` );
	await waitForUrl(
		`${ storeUrl }/shop/`,
		'The store',
		Number( process.env.KC_START_TIMEOUT ?? 1800 ),
		( status ) => status === 200
	);
	await waitForSetUp( () => blueprintDone );
	process.stdout.write(
		[
			'',
			`  Korea Checkout store is ready in ${ seconds() } s (WordPress Playground, PHP ${ PHP_VERSION }, SQLite)`,
			`  Shop               ${ storeUrl }/shop/`,
			`  Block checkout     ${ storeUrl }/checkout/`,
			`  Classic checkout   ${ storeUrl }/classic-checkout/`,
			`  Admin              ${ storeUrl }/wp-admin/  (admin / password)`,
			`  Plugin settings    ${ storeUrl }/wp-admin/admin.php?page=korea-checkout`,
			`  Sandbox            ${ sandboxUrl }/  (dashboard: ${ sandboxUrl }/sandbox/)`,
			'  Ctrl-C stops the store and the sandbox.',
			'',
		].join( '\n' )
	);
}

main().catch( async ( error: unknown ) => {
	say( error instanceof Error ? error.message : String( error ) );
	await stop( 1 );
} );
