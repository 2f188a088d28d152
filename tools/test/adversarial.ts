/**
 * `npm run test:adversarial [-- <Vitest arguments>]`: the adversarial layer (tests/adversarial). Starts one store
 * for the run (the production stack by default: nginx, two PHP-FPM web nodes, MariaDB, Redis; KC_ADV_STACK=native:
 * php -S with workers), installs the layer's must-use plugins into it (payment_complete counter, mail catcher, API
 * log, fault injectors), runs the cases with Vitest with KC_STACK_FILE naming the stack's details, and stops what
 * it started. On the production stack a whole run goes on to restart the web nodes without the object cache
 * (same database and sandbox) and runs tests/adversarial/exactly-once.adv.test.ts again: those cases run with the
 * object cache on and off. Prints every case and `tests: N passed, N failed, N skipped`; writes one JUnit report to
 * KC_JUNIT_FILE when set. Prints `skipped: <why>` (exit 0) when this machine lacks a part.
 *
 * Stack folder KC_ADV_STACK_DIR (else $KC_STACK_DIR-adv, else .stack/adversarial); store KC_ADV_PORT (else
 * KC_NATIVE_PORT + 7, else 8097); sandbox KC_ADV_SANDBOX_PORT (else KC_SANDBOX_PORT + 7, else 4097). The sandbox
 * retries webhooks after 1, 2, 4 and 8 s (SANDBOX_RETRY_SCHEDULE) so that redelivery cases take seconds, and its
 * rate limit is lifted so that the 50-delivery cases meet the store, not the limit. KC_OBJECT_CACHE=none runs the
 * first phase without Redis. KC_ADV_KEEP=1 leaves the stack running afterwards and reuses it, without
 * re-installing, on the next run.
 * Example: `npm run test:adversarial -- tests/adversarial/money-paths.adv.test.ts -t coupon`.
 */
import { spawn } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalPhp } from '../lib/php.ts';
import { isAlive, readPid } from '../lib/process.ts';
import { REPO_ROOT } from '../lib/root.ts';
import { stackDirFrom } from '../stack/config.ts';
import {
	downStack,
	objectCacheFromEnv,
	stackPaths,
	type ObjectCache,
	type RunningStack,
} from '../stack/index.ts';
import { NATIVE_PACKAGES, PRODUCTION_PACKAGES } from '../stack/packages.ts';
import { decodeXml } from './lib/junit.ts';
import { lanePort, requireStackParts, upLayerStack } from './lib/runner.ts';

const MU_SOURCE = join( REPO_ROOT, 'tests', 'adversarial', 'mu-plugins' );
const CACHE_CASES = 'tests/adversarial/exactly-once.adv.test.ts';

function say( message: string ): void {
	console.log( `[adversarial] ${ message }` );
}

/**
 * php -S serves from its first process and the workers it forked, all in one process group, and never replaces a
 * worker that dies. A case kills a worker on purpose, and it may be the first process: then the pid file names a
 * dead process, the stack's stop() finds nothing to stop, and the other workers keep the port. This ends the
 * whole group by its id (the first process's pid).
 */
async function endProcessGroup( pgid: number | null ): Promise< void > {
	if ( pgid === null ) {
		return;
	}
	const members = (): boolean => {
		try {
			process.kill( -pgid, 0 );
			return true;
		} catch {
			return false;
		}
	};
	if ( ! members() ) {
		return;
	}
	say( `ending what is left of php -S (process group ${ pgid })` );
	process.kill( -pgid, 'SIGTERM' );
	const deadline = Date.now() + 10_000;
	while ( members() && Date.now() < deadline ) {
		await new Promise( ( resolveWait ) => setTimeout( resolveWait, 100 ) );
	}
	if ( members() ) {
		process.kill( -pgid, 'SIGKILL' );
	}
}

/** Copies the layer's must-use plugins into the stack's site and creates their tables. */
async function installMuPlugins( stack: RunningStack ): Promise< string[] > {
	const target = join( stack.paths.site, 'wp-content', 'mu-plugins' );
	mkdirSync( target, { recursive: true } );
	const installed: string[] = [];
	for ( const file of readdirSync( MU_SOURCE ) ) {
		if ( file.endsWith( '.php' ) ) {
			copyFileSync( join( MU_SOURCE, file ), join( target, file ) );
			installed.push( join( target, file ) );
		}
	}
	const ready = await evalPhp(
		stack.paths.site,
		'\\KoreaCheckout\\Tests\\Adversarial\\install(); return true;'
	);
	if ( ready !== true ) {
		throw new Error( 'the must-use plugins did not install their tables' );
	}
	return installed;
}

function vitest( args: string[], env: NodeJS.ProcessEnv ): Promise< number > {
	return new Promise( ( resolveRun ) => {
		const child = spawn(
			join( REPO_ROOT, 'node_modules', '.bin', 'vitest' ),
			[
				'run',
				'--config',
				'tests/adversarial/vitest.config.ts',
				...args,
			],
			{ cwd: REPO_ROOT, env, stdio: 'inherit' }
		);
		// Ctrl-C reaches Vitest too (same process group): wait for it, then stop the stack.
		const ignore = (): void => undefined;
		process.on( 'SIGINT', ignore );
		child.on( 'close', ( code, signal ) => {
			process.off( 'SIGINT', ignore );
			resolveRun( code ?? ( signal ? 130 : 1 ) );
		} );
	} );
}

interface CaseResult {
	name: string;
	file: string;
	status: 'passed' | 'failed' | 'skipped';
	seconds: number;
}

function casesOf( xml: string ): CaseResult[] {
	const results: CaseResult[] = [];
	const pattern = /<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g;
	for ( const match of xml.matchAll( pattern ) ) {
		const head = match[ 1 ] ?? '';
		const body = match[ 2 ] ?? '';
		let status: CaseResult[ 'status' ] = 'passed';
		if ( /<(failure|error)\b/.test( body ) ) {
			status = 'failed';
		} else if ( /<skipped\b/.test( body ) ) {
			status = 'skipped';
		}
		results.push( {
			name: decodeXml( /\bname="([^"]*)"/.exec( head )?.[ 1 ] ?? '?' ),
			file: decodeXml(
				/\bclassname="([^"]*)"/.exec( head )?.[ 1 ] ?? ''
			),
			status,
			seconds: Number( /\btime="([^"]*)"/.exec( head )?.[ 1 ] ?? 0 ),
		} );
	}
	return results;
}

/** One JUnit report of the phases' reports: their <testsuite> elements under one <testsuites> with the sums. */
function mergeJUnit( files: string[], target: string ): string {
	const suites: string[] = [];
	const totals = { tests: 0, failures: 0, errors: 0, skipped: 0, time: 0 };
	for ( const file of files.filter( ( item ) => existsSync( item ) ) ) {
		const xml = readFileSync( file, 'utf8' );
		for ( const suite of xml.match(
			/<testsuite\b[\s\S]*?<\/testsuite>/g
		) ?? [] ) {
			suites.push( suite );
			const head = /<testsuite\b[^>]*>/.exec( suite )?.[ 0 ] ?? '';
			for ( const key of Object.keys( totals ) as Array<
				keyof typeof totals
			> ) {
				totals[ key ] += Number(
					new RegExp( `\\b${ key }="([\\d.]+)"` ).exec(
						head
					)?.[ 1 ] ?? 0
				);
			}
		}
	}
	const xml = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<testsuites name="adversarial" tests="${ totals.tests }" failures="${ totals.failures }" errors="${ totals.errors }" skipped="${ totals.skipped }" time="${ totals.time.toFixed( 3 ) }">`,
		...suites,
		'</testsuites>',
		'',
	].join( '\n' );
	writeFileSync( target, xml );
	return xml;
}

const kind = process.env.KC_ADV_STACK === 'native' ? 'native' : 'production';
const firstCache: ObjectCache =
	kind === 'production' ? objectCacheFromEnv() : 'none';
const userArgs = process.argv.slice( 2 );
// A whole run on the production stack with Redis also runs the cache cases without it.
const secondCache =
	kind === 'production' && firstCache === 'redis' && userArgs.length === 0;

requireStackParts(
	firstCache === 'redis'
		? [ 'wordpress', 'woocommerce', 'redisCache' ]
		: [ 'wordpress', 'woocommerce' ],
	kind === 'production' ? PRODUCTION_PACKAGES : NATIVE_PACKAGES
);

const keep = process.env.KC_ADV_KEEP === '1';
const dir =
	process.env.KC_ADV_STACK_DIR ||
	( process.env.KC_STACK_DIR
		? `${ process.env.KC_STACK_DIR }-adv`
		: '.stack/adversarial' );
const ports = {
	port: lanePort( 'KC_ADV_PORT', 'KC_NATIVE_PORT', 7, 8097 ),
	sandboxPort: lanePort( 'KC_ADV_SANDBOX_PORT', 'KC_SANDBOX_PORT', 7, 4097 ),
};
process.env.SANDBOX_RETRY_SCHEDULE ??= '1,2,4,8';
process.env.SANDBOX_RATE_LIMIT ??= '100000';

const started = Date.now();
const reports = mkdtempSync( join( tmpdir(), 'kc-adv-' ) );
const phaseReports: string[] = [];
let stack: RunningStack | null = null;
let installed: string[] = [];
let phpGroup: number | null = null;
let code = 1;

async function startPhase(
	cache: ObjectCache,
	fresh: boolean
): Promise< RunningStack > {
	const up = await upLayerStack( 'adversarial', {
		kind,
		objectCache: cache,
		dir,
		...ports,
		freshDatabase: fresh,
		workers: kind === 'native' ? 6 : 4,
	} );
	phpGroup = kind === 'native' ? readPid( up.paths.phpPid ) : null;
	installed = await installMuPlugins( up );
	say(
		`${ kind } store ${ up.storeUrl } (${ up.details.nodes.length } web node(s), object cache ${ cache }), sandbox ${ up.sandboxUrl }, must-use plugins in place, at ${ ( ( Date.now() - started ) / 1000 ).toFixed( 0 ) } s`
	);
	return up;
}

async function stopPhase(): Promise< void > {
	for ( const file of installed ) {
		rmSync( file, { force: true } );
	}
	installed = [];
	await stack?.stop();
	stack = null;
	await endProcessGroup( phpGroup );
	phpGroup = null;
}

async function runPhase( args: string[], label: string ): Promise< number > {
	const report = join( reports, `${ label }.xml` );
	phaseReports.push( report );
	return vitest(
		[
			'--reporter=default',
			'--reporter=junit',
			`--outputFile.junit=${ report }`,
			...args,
		],
		{
			...process.env,
			KC_STACK_FILE: stack?.paths.state ?? '',
		}
	);
}

try {
	const leftGroup = readPid( stackPaths( stackDirFrom( dir ) ).phpPid );
	if ( leftGroup !== null && ! isAlive( leftGroup ) ) {
		// A kept native stack whose first PHP process a case killed: its workers still hold the port.
		await endProcessGroup( leftGroup );
	}
	if ( ! keep ) {
		// A stack an interrupted run left behind would be reused with whatever it was started with.
		await downStack( stackDirFrom( dir ) );
	}
	stack = await startPhase( firstCache, ! keep );
	if ( stack.sandboxUrl === null ) {
		throw new Error( 'the stack started no sandbox' );
	}
	const reset = await fetch( `${ stack.sandboxUrl }/sandbox/reset`, {
		method: 'POST',
	} );
	if ( ! reset.ok ) {
		throw new Error( `the sandbox's reset answered ${ reset.status }` );
	}
	code = await runPhase( userArgs, `cache-${ firstCache }` );
	if ( secondCache ) {
		say(
			'again without the object cache: the web nodes restart without Redis'
		);
		await stopPhase();
		stack = await startPhase( 'none', false );
		const second = await runPhase( [ CACHE_CASES ], 'cache-none' );
		code = code === 0 ? second : code;
	}
} catch ( error ) {
	console.error(
		`[adversarial] ${ error instanceof Error ? error.message : String( error ) }`
	);
	code = code === 0 ? 1 : code;
} finally {
	if ( keep ) {
		say( `KC_ADV_KEEP=1: the stack in ${ dir } keeps running` );
	} else {
		await stopPhase();
	}
}

const merged = mergeJUnit(
	phaseReports,
	process.env.KC_JUNIT_FILE || join( reports, 'adversarial.xml' )
);
const cases = casesOf( merged );
const count = ( status: CaseResult[ 'status' ] ): number =>
	cases.filter( ( item ) => item.status === status ).length;
console.log( '' );
for ( const item of cases ) {
	const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[
		item.status
	];
	console.log(
		`${ mark } ${ item.file.replace( /^tests\/adversarial\//, '' ) } › ${ item.name } (${ item.seconds.toFixed( 1 ) } s)`
	);
}
console.log(
	`\ntests: ${ count( 'passed' ) } passed, ${ count( 'failed' ) } failed, ${ count( 'skipped' ) } skipped (${ ( ( Date.now() - started ) / 1000 ).toFixed( 0 ) } s with the stack)`
);
process.exit( cases.length === 0 && code === 0 ? 1 : code );
