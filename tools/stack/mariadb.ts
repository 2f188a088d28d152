/**
 * A private MariaDB server for one stack: its own datadir, socket, pid file and port under the stack folder, run
 * as the current user. The system's own MariaDB service is never touched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StackConfig, StackPaths } from './config.ts';
import {
	IS_ROOT,
	run,
	runningPid,
	startDetached,
	stopByPidFile,
	ToolError,
	waitFor,
} from '../lib/process.ts';
import { say } from './log.ts';

export const DB_USER = 'wordpress';
export const DB_PASSWORD = 'wordpress';

function clientArgs( paths: StackPaths ): string[] {
	return [ '--no-defaults', `--socket=${ paths.dbSocket }`, '--user=root' ];
}

/** Runs SQL as the server's root user over the socket. */
export function sql( paths: StackPaths, statement: string ): string {
	return run( 'mariadb', [
		...clientArgs( paths ),
		'--batch',
		'--skip-column-names',
		'-e',
		statement,
	] );
}

function pingable( paths: StackPaths ): boolean {
	const result = spawnSync(
		'mariadb-admin',
		[ ...clientArgs( paths ), '--connect-timeout=2', 'ping' ],
		{ encoding: 'utf8' }
	);
	return result.status === 0;
}

function initialise( paths: StackPaths ): void {
	if ( existsSync( join( paths.dbData, 'mysql' ) ) ) {
		return;
	}
	say( `MariaDB: creating a private data folder in ${ paths.dbData }` );
	rmSync( paths.dbData, { recursive: true, force: true } );
	mkdirSync( paths.dbData, { recursive: true } );
	const args = [
		'--no-defaults',
		`--datadir=${ paths.dbData }`,
		'--auth-root-authentication-method=normal',
		'--skip-test-db',
		'--skip-name-resolve',
	];
	if ( IS_ROOT ) {
		args.push( '--user=root' );
	}
	run( 'mariadb-install-db', args );
}

/**
 * Starts the stack's MariaDB unless it already runs, waits until it answers, and makes sure the store's database
 * user exists. Returns whether this call started it.
 */
export async function startDatabase(
	config: StackConfig,
	paths: StackPaths
): Promise< boolean > {
	mkdirSync( dirname( paths.dbSocket ), { recursive: true } );
	const serverPidFile = join( dirname( paths.dbSocket ), 'server.pid' );
	if ( runningPid( serverPidFile ) !== null && pingable( paths ) ) {
		say(
			`MariaDB: already running (socket ${ paths.dbSocket }), reusing it`
		);
		ensureUser( paths );
		return false;
	}
	initialise( paths );
	const args = [
		'--no-defaults',
		`--datadir=${ paths.dbData }`,
		`--socket=${ paths.dbSocket }`,
		`--pid-file=${ paths.dbPid }`,
		`--log-error=${ paths.dbLog }`,
		'--bind-address=127.0.0.1',
		'--skip-name-resolve',
		'--skip-log-bin',
		'--character-set-server=utf8mb4',
		'--collation-server=utf8mb4_unicode_ci',
		'--innodb-buffer-pool-size=256M',
		'--innodb-flush-log-at-trx-commit=2',
		'--max-connections=200',
	];
	args.push(
		config.dbPort > 0 ? `--port=${ config.dbPort }` : '--skip-networking'
	);
	if ( IS_ROOT ) {
		args.push( '--user=root' );
	}
	say(
		`MariaDB: starting (socket ${ paths.dbSocket }${ config.dbPort > 0 ? `, 127.0.0.1:${ config.dbPort }` : '' }, log ${ paths.dbLog })`
	);
	const pid = startDetached( 'mariadbd', args, {
		logFile: paths.dbLog,
		pidFile: serverPidFile,
	} );
	await waitFor(
		'MariaDB',
		() => {
			if ( runningPid( serverPidFile ) === null ) {
				throw new ToolError(
					`MariaDB (pid ${ pid }) exited while starting; see ${ paths.dbLog }`
				);
			}
			return pingable( paths );
		},
		120_000,
		`see ${ paths.dbLog }`,
		() => stopByPidFile( serverPidFile, 60_000 )
	);
	ensureUser( paths );
	return true;
}

function ensureUser( paths: StackPaths ): void {
	sql(
		paths,
		[
			`CREATE USER IF NOT EXISTS '${ DB_USER }'@'localhost' IDENTIFIED BY '${ DB_PASSWORD }'`,
			`CREATE USER IF NOT EXISTS '${ DB_USER }'@'127.0.0.1' IDENTIFIED BY '${ DB_PASSWORD }'`,
			`GRANT ALL PRIVILEGES ON *.* TO '${ DB_USER }'@'localhost'`,
			`GRANT ALL PRIVILEGES ON *.* TO '${ DB_USER }'@'127.0.0.1'`,
		].join( '; ' )
	);
}

/** Creates the database when missing; with fresh, drops it first. */
export function ensureDatabase(
	paths: StackPaths,
	name: string,
	fresh = false
): void {
	if ( ! /^[A-Za-z0-9_]+$/.test( name ) ) {
		throw new ToolError( `bad database name: ${ name }` );
	}
	if ( fresh ) {
		sql( paths, `DROP DATABASE IF EXISTS \`${ name }\`` );
	}
	sql(
		paths,
		`CREATE DATABASE IF NOT EXISTS \`${ name }\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
	);
}

export async function stopDatabase( paths: StackPaths ): Promise< boolean > {
	const stopped = await stopByPidFile(
		join( dirname( paths.dbSocket ), 'server.pid' ),
		60_000
	);
	if ( stopped ) {
		say( 'MariaDB: stopped' );
	}
	return stopped;
}
