/**
 * Instruction counts of single store requests: the request runs through php-cgi (the same PHP build as the
 * stack's PHP-FPM nodes, on the same WordPress, database and Redis) under valgrind's callgrind, which counts the
 * instructions PHP executes. Unlike a clock, the count does not depend on what else the machine is doing, so it
 * resolves differences of a percent on a machine whose other work makes wall time swing by tens of percent. It
 * leaves out what happens outside PHP: MariaDB's and Redis's own work, and the sandbox's answer to an API call.
 *
 * OPcache keeps compiled scripts in a file cache (as a web node keeps them in shared memory), filled by one run
 * without valgrind before the counted ones.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface CgiRequest {
	method: 'GET' | 'POST';
	/** Path and query, e.g. /wp-json/wc/store/v1/checkout or /?wc-api=… */
	uri: string;
	body?: string;
	headers?: Record< string, string >;
}

export interface CgiTarget {
	/** The stack's WordPress folder. */
	site: string;
	/** The store's port (WordPress's home URL). */
	port: number;
	/** OPcache's file cache for these runs. */
	opcacheDir: string;
}

export interface CgiResult {
	/** Instructions executed (callgrind's total), null without valgrind. */
	instructions: number | null;
	/** HTTP status PHP answered with. */
	status: number;
	output: string;
}

/** Runs one request through php-cgi, under callgrind when `count` is true. */
export function runCgi(
	target: CgiTarget,
	request: CgiRequest,
	count: boolean
): Promise< CgiResult > {
	mkdirSync( target.opcacheDir, { recursive: true } );
	const query = request.uri.split( '?' )[ 1 ] ?? '';
	const body = request.body ?? '';
	const env: NodeJS.ProcessEnv = {
		PATH: '/usr/local/bin:/usr/bin:/bin',
		REDIRECT_STATUS: '200',
		GATEWAY_INTERFACE: 'CGI/1.1',
		SERVER_PROTOCOL: 'HTTP/1.1',
		SERVER_SOFTWARE: 'kc-bench',
		REQUEST_METHOD: request.method,
		SCRIPT_FILENAME: join( target.site, 'index.php' ),
		SCRIPT_NAME: '/index.php',
		DOCUMENT_ROOT: target.site,
		REQUEST_URI: request.uri,
		PATH_INFO: '',
		QUERY_STRING: query,
		HTTP_HOST: `127.0.0.1:${ target.port }`,
		SERVER_NAME: '127.0.0.1',
		SERVER_PORT: String( target.port ),
		REMOTE_ADDR: '127.0.0.1',
		HTTP_USER_AGENT: 'kc-bench',
		HTTP_ACCEPT: 'application/json',
	};
	if ( request.method === 'POST' ) {
		env.CONTENT_TYPE = 'application/json';
		env.CONTENT_LENGTH = String( Buffer.byteLength( body ) );
	}
	// See the probe: the webhook's time budget would otherwise run out under valgrind, or while OPcache's file
	// cache is filled.
	env.HTTP_X_KC_BENCH_SLOW = '1';
	for ( const [ name, value ] of Object.entries( request.headers ?? {} ) ) {
		env[ `HTTP_${ name.toUpperCase().replace( /-/g, '_' ) }` ] = value;
	}
	const php = [
		'php-cgi',
		'-d',
		'memory_limit=512M',
		'-d',
		'opcache.enable=1',
		'-d',
		`opcache.file_cache=${ target.opcacheDir }`,
		'-d',
		'opcache.file_cache_only=1',
		'-d',
		'opcache.validate_timestamps=0',
		'-d',
		'opcache.jit=off',
	];
	const command = count
		? [
				'valgrind',
				'--tool=callgrind',
				'--callgrind-out-file=/dev/null',
				...php,
			]
		: php;
	return new Promise( ( resolve, reject ) => {
		const child = spawn( command[ 0 ]!, command.slice( 1 ), {
			env,
			stdio: [ 'pipe', 'pipe', 'pipe' ],
		} );
		let out = '';
		let err = '';
		child.stdout.on( 'data', ( chunk: Buffer ) => ( out += chunk ) );
		child.stderr.on( 'data', ( chunk: Buffer ) => ( err += chunk ) );
		child.on( 'error', reject );
		child.on( 'close', () => {
			const collected = /Collected\s*:\s*(\d+)/.exec( err );
			if ( count && ! collected ) {
				reject(
					new Error(
						`callgrind gave no count for ${ request.uri }:\n${ err.slice( -2000 ) }`
					)
				);
				return;
			}
			const status = /^Status:\s*(\d+)/m.exec(
				out.split( '\r\n\r\n' )[ 0 ] ?? ''
			);
			resolve( {
				instructions: collected ? Number( collected[ 1 ] ) : null,
				status: status ? Number( status[ 1 ] ) : 200,
				output: out,
			} );
		} );
		child.stdin.end( body );
	} );
}
