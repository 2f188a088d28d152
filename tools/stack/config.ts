/**
 * Where a stack lives and which ports it uses. Every value can come from the caller or the environment.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { REPO_ROOT } from '../lib/root.ts';

export interface StackConfig {
	/** Absolute folder holding everything of this stack (database, site, logs, pid files, credentials). */
	dir: string;
	/** Port of the store (php -S). */
	port: number;
	/** TCP port of MariaDB on 127.0.0.1; 0 means socket only. */
	dbPort: number;
	/** Port of the local sandbox. */
	sandboxPort: number;
	/** Database of the store. */
	dbName: string;
}

export interface StackConfigInput {
	dir?: string;
	port?: number;
	dbPort?: number;
	sandboxPort?: number;
	dbName?: string;
}

function envInt( name: string ): number | undefined {
	const raw = process.env[ name ];
	if ( raw === undefined || raw === '' ) {
		return undefined;
	}
	const value = Number.parseInt( raw, 10 );
	if ( ! Number.isInteger( value ) || value < 0 || value > 65535 ) {
		throw new Error( `${ name } must be a port number, got "${ raw }"` );
	}
	return value;
}

/** A folder given relative to the repository root (or absolute). */
export function stackDirFrom( value: string ): string {
	return isAbsolute( value ) ? value : resolve( REPO_ROOT, value );
}

/**
 * Resolves a stack configuration: explicit input first, then KC_STACK_DIR / KC_NATIVE_PORT / KC_DB_PORT /
 * KC_SANDBOX_PORT, then the given defaults. The database port defaults to one derived from the store port
 * (8080 -> 3307, 8120 -> 3347), so stacks of different lanes never meet.
 */
export function resolveConfig(
	input: StackConfigInput,
	defaults: { dir: string; port: number; sandboxPort: number }
): StackConfig {
	const port = input.port ?? envInt( 'KC_NATIVE_PORT' ) ?? defaults.port;
	return {
		dir: stackDirFrom(
			input.dir ?? process.env.KC_STACK_DIR ?? defaults.dir
		),
		port,
		dbPort:
			input.dbPort ?? envInt( 'KC_DB_PORT' ) ?? 3307 + ( port - 8080 ),
		sandboxPort:
			input.sandboxPort ??
			envInt( 'KC_SANDBOX_PORT' ) ??
			defaults.sandboxPort,
		dbName: input.dbName ?? 'wordpress',
	};
}

export interface StackPaths {
	site: string;
	dbData: string;
	dbSocket: string;
	dbPid: string;
	dbLog: string;
	phpPid: string;
	phpLog: string;
	sandboxPid: string;
	sandboxLog: string;
	sandboxData: string;
	debugLog: string;
	credentials: string;
	/** The stack's details for tests and tools (tools/stack/details.ts), written when it is up. */
	state: string;
	/** Production stack only: nginx, the PHP-FPM web nodes and Redis keep their files in these folders. */
	nginxDir: string;
	fpmDir: string;
	redisDir: string;
}

export function stackPaths( dir: string ): StackPaths {
	return {
		site: join( dir, 'site' ),
		dbData: join( dir, 'mysql', 'data' ),
		dbSocket: join( dir, 'mysql', 'mysqld.sock' ),
		dbPid: join( dir, 'mysql', 'mysqld.pid' ),
		dbLog: join( dir, 'mysql', 'error.log' ),
		phpPid: join( dir, 'php', 'server.pid' ),
		phpLog: join( dir, 'php', 'server.log' ),
		sandboxPid: join( dir, 'sandbox', 'sandbox.pid' ),
		sandboxLog: join( dir, 'sandbox', 'sandbox.log' ),
		sandboxData: join( dir, 'sandbox', 'data' ),
		debugLog: join( dir, 'wp-debug.log' ),
		credentials: join( dir, 'credentials.json' ),
		state: join( dir, 'stack.json' ),
		nginxDir: join( dir, 'nginx' ),
		fpmDir: join( dir, 'php-fpm' ),
		redisDir: join( dir, 'redis' ),
	};
}
