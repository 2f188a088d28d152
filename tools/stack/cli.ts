/**
 * Drives a stack by hand, with KC_STACK_DIR, KC_NATIVE_PORT, KC_DB_PORT and KC_SANDBOX_PORT choosing which:
 *   tsx tools/stack/cli.ts up [--production] [--object-cache=redis|none] [--fresh] [--workers=N]   leaves it running
 *   tsx tools/stack/cli.ts down | status
 *   tsx tools/stack/cli.ts packages     installs the Debian packages every stack needs (as root; else lists them)
 * `up` prints where its details are (<stack>/stack.json): a spec can run against it with KC_STACK_FILE set to that.
 */
import { existsSync, readFileSync } from 'node:fs';
import {
	downStack,
	NATIVE_DEFAULTS,
	PRODUCTION_DEFAULTS,
	resolveConfig,
	stackStatus,
	upStack,
} from './index.ts';
import { ensurePackages, missingPackages } from './packages.ts';
import { elapsedSeconds, say } from './log.ts';

const [ command = 'status', ...flags ] = process.argv.slice( 2 );
const production = flags.includes( '--production' );
const cacheFlag = flags
	.find( ( flag ) => flag.startsWith( '--object-cache=' ) )
	?.slice( '--object-cache='.length );
const workersFlag = flags
	.find( ( flag ) => flag.startsWith( '--workers=' ) )
	?.slice( '--workers='.length );
const defaults = production ? PRODUCTION_DEFAULTS : NATIVE_DEFAULTS;

try {
	if ( command === 'up' ) {
		if ( cacheFlag !== undefined ) {
			process.env.KC_OBJECT_CACHE = cacheFlag;
		}
		const stack = await upStack( {
			kind: production ? 'production' : 'native',
			defaults,
			freshDatabase: flags.includes( '--fresh' ),
			workers: workersFlag
				? Number.parseInt( workersFlag, 10 )
				: undefined,
		} );
		say(
			`store ${ stack.storeUrl }/  admin ${ stack.adminUrl } (${ stack.credentials.adminUser } / ${ stack.credentials.adminPassword })`
		);
		say( `sandbox ${ stack.sandboxUrl ?? 'not started' }` );
		say(
			`up in ${ elapsedSeconds() } s; details in ${ stack.paths.state }; stop with: tsx tools/stack/cli.ts down`
		);
	} else if ( command === 'down' ) {
		await downStack( resolveConfig( {}, defaults ).dir );
	} else if ( command === 'status' ) {
		const { dir } = resolveConfig( {}, defaults );
		say( `stack ${ dir }` );
		for ( const line of stackStatus( dir ) ) {
			say( `  ${ line }` );
		}
		if ( existsSync( `${ dir }/stack.json` ) ) {
			const details = JSON.parse(
				readFileSync( `${ dir }/stack.json`, 'utf8' )
			) as { kind: string; storeUrl: string; objectCache: string };
			say(
				`last up: ${ details.kind } at ${ details.storeUrl }, object cache ${ details.objectCache }`
			);
		}
	} else if ( command === 'packages' ) {
		const missing = missingPackages();
		if ( missing.length > 0 && process.getuid?.() !== 0 ) {
			// Not root: say so; the layers that need them say `skipped`.
			say(
				`missing Debian packages (not root, so not installed): ${ missing.join( ' ' ) }`
			);
		} else {
			ensurePackages();
		}
	} else {
		process.stderr.write(
			'usage: tsx tools/stack/cli.ts up [--production] [--object-cache=redis|none] [--fresh] [--workers=N] | down | status | packages\n'
		);
		process.exitCode = 2;
	}
} catch ( error ) {
	process.stderr.write(
		`[stack] ${ error instanceof Error ? error.message : String( error ) }\n`
	);
	process.exitCode = 1;
}
