/**
 * Drives a stack by hand: `tsx tools/stack/cli.ts up|down|status [--fresh]`, with KC_STACK_DIR, KC_NATIVE_PORT,
 * KC_DB_PORT and KC_SANDBOX_PORT choosing which. `up` leaves the stack running; `down` stops it.
 */
import { existsSync, readFileSync } from 'node:fs';
import {
	downStack,
	NATIVE_DEFAULTS,
	resolveConfig,
	stackPaths,
	upStack,
} from './index.ts';
import { runningPid } from './process.ts';
import { elapsedSeconds, say } from './log.ts';

const [ command = 'status', ...flags ] = process.argv.slice( 2 );
const config = resolveConfig( {}, NATIVE_DEFAULTS );

try {
	if ( command === 'up' ) {
		const stack = await upStack( {
			freshDatabase: flags.includes( '--fresh' ),
		} );
		say(
			`store ${ stack.storeUrl }/  admin ${ stack.adminUrl } (${ stack.credentials.adminUser } / ${ stack.credentials.adminPassword })`
		);
		say( `sandbox ${ stack.sandboxUrl ?? 'not started' }` );
		say(
			`up in ${ elapsedSeconds() } s; stop with: tsx tools/stack/cli.ts down`
		);
	} else if ( command === 'down' ) {
		await downStack( config.dir );
	} else if ( command === 'status' ) {
		const paths = stackPaths( config.dir );
		const pid = ( file: string ): string =>
			String( runningPid( file ) ?? 'stopped' );
		say( `stack ${ config.dir }` );
		say(
			`MariaDB ${ pid( paths.dbSocket.replace( /mysqld\.sock$/, 'server.pid' ) ) }, PHP ${ pid( paths.phpPid ) }, sandbox ${ pid( paths.sandboxPid ) }`
		);
		if ( existsSync( paths.state ) ) {
			process.stdout.write( readFileSync( paths.state, 'utf8' ) );
		}
	} else {
		process.stderr.write(
			'usage: tsx tools/stack/cli.ts up [--fresh] | down | status\n'
		);
		process.exitCode = 2;
	}
} catch ( error ) {
	process.stderr.write(
		`[stack] ${ error instanceof Error ? error.message : String( error ) }\n`
	);
	process.exitCode = 1;
}
