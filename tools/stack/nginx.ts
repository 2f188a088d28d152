/**
 * The production stack's front: Debian's nginx run as the current user with its own config, pid file, logs and
 * temporary folders under <stack>/nginx/, listening on the store port only. Static files come from the site folder;
 * PHP goes round-robin to the two PHP-FPM web nodes, and every answer a node gave carries `X-KC-Node: a|b`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import type { StackConfig, StackPaths } from './config.ts';
import {
	answers,
	IS_ROOT,
	run,
	runningPid,
	startDetached,
	stopByPidFile,
	ToolError,
	waitFor,
} from '../lib/process.ts';
import { nodeFiles, NODE_NAMES } from './php-fpm.ts';
import { say } from './log.ts';

export interface NginxFiles {
	config: string;
	pidFile: string;
	errorLog: string;
	accessLog: string;
	temp: string;
}

export function nginxFiles( paths: StackPaths ): NginxFiles {
	return {
		config: join( paths.nginxDir, 'nginx.conf' ),
		pidFile: join( paths.nginxDir, 'nginx.pid' ),
		errorLog: join( paths.nginxDir, 'error.log' ),
		accessLog: join( paths.nginxDir, 'access.log' ),
		temp: join( paths.nginxDir, 'temp' ),
	};
}

/**
 * What PHP gets from nginx. Written here rather than taken from Debian's fastcgi_params, whose HTTP_HOST drops the
 * port: WordPress then redirects every page of a store on 127.0.0.1:<port> to itself.
 */
const FASTCGI_PARAMS: Array< [ string, string ] > = [
	[ 'QUERY_STRING', '$query_string' ],
	[ 'REQUEST_METHOD', '$request_method' ],
	[ 'CONTENT_TYPE', '$content_type' ],
	[ 'CONTENT_LENGTH', '$content_length' ],
	[ 'SCRIPT_NAME', '$fastcgi_script_name' ],
	[ 'SCRIPT_FILENAME', '$document_root$fastcgi_script_name' ],
	[ 'REQUEST_URI', '$request_uri' ],
	[ 'DOCUMENT_URI', '$document_uri' ],
	[ 'DOCUMENT_ROOT', '$document_root' ],
	[ 'SERVER_PROTOCOL', '$server_protocol' ],
	[ 'REQUEST_SCHEME', '$scheme' ],
	[ 'GATEWAY_INTERFACE', 'CGI/1.1' ],
	[ 'SERVER_SOFTWARE', 'nginx/$nginx_version' ],
	[ 'REMOTE_ADDR', '$remote_addr' ],
	[ 'REMOTE_PORT', '$remote_port' ],
	[ 'SERVER_ADDR', '$server_addr' ],
	[ 'SERVER_PORT', '$server_port' ],
	[ 'SERVER_NAME', '$host' ],
	[ 'HTTP_HOST', '$host:$server_port' ],
	[ 'REDIRECT_STATUS', '200' ],
];

function nginxConfig(
	config: StackConfig,
	paths: StackPaths,
	files: NginxFiles
): string {
	const nodes = NODE_NAMES.map( ( name ) => nodeFiles( paths, name ) );
	const temp = ( name: string ): string => join( files.temp, name );
	return `# Written by tools/stack/nginx.ts for the production stack in ${ config.dir }; rewritten on every start.
${ IS_ROOT ? `user ${ userInfo().username };\n` : '' }worker_processes 2;
daemon off;
pid ${ files.pidFile };
error_log ${ files.errorLog } warn;

events {
	worker_connections 1024;
}

http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	sendfile on;
	keepalive_timeout 65;
	client_max_body_size 64m;
	client_body_temp_path ${ temp( 'body' ) };
	fastcgi_temp_path ${ temp( 'fastcgi' ) };
	proxy_temp_path ${ temp( 'proxy' ) };
	uwsgi_temp_path ${ temp( 'uwsgi' ) };
	scgi_temp_path ${ temp( 'scgi' ) };

	# Two web nodes, round-robin (nginx's default).
	upstream kc_web_nodes {
${ nodes.map( ( node ) => `		server unix:${ node.socket };` ).join( '\n' ) }
	}

	# Which node answered: the last address nginx tried (a retried request names both).
	map $upstream_addr $kc_node {
		default "";
${ nodes.map( ( node ) => `		"~/${ node.name }\\.sock$" ${ node.name };` ).join( '\n' ) }
	}

	log_format kc '$remote_addr [$time_local] "$request" $status $body_bytes_sent $request_time node=$kc_node';
	access_log ${ files.accessLog } kc;

	server {
		listen 127.0.0.1:${ config.port };
		server_name _;
		root ${ paths.site };
		index index.php;
		add_header X-KC-Node $kc_node always;

		location / {
			try_files $uri $uri/ /index.php?$args;
		}

		location ~ \\.php$ {
			try_files $uri =404;
${ FASTCGI_PARAMS.map( ( [ name, value ] ) => `\t\t\tfastcgi_param ${ name } ${ value };` ).join( '\n' ) }
			fastcgi_pass kc_web_nodes;
			fastcgi_read_timeout 180s;
			fastcgi_buffer_size 32k;
			fastcgi_buffers 16 16k;
		}
	}
}
`;
}

/** Starts nginx unless the stack's nginx already serves the port. Returns whether this call started it. */
export async function startNginx(
	config: StackConfig,
	paths: StackPaths
): Promise< boolean > {
	const files = nginxFiles( paths );
	const url = `http://127.0.0.1:${ config.port }`;
	if (
		runningPid( files.pidFile ) !== null &&
		( await answers( `${ url }/wp-includes/images/blank.gif`, true ) )
	) {
		say( `nginx: already serving ${ url }, reusing it` );
		return false;
	}
	if ( await answers( `${ url }/` ) ) {
		throw new ToolError(
			`port ${ config.port } is taken by something else; choose another with KC_NATIVE_PORT`
		);
	}
	for ( const name of [ 'body', 'fastcgi', 'proxy', 'uwsgi', 'scgi' ] ) {
		mkdirSync( join( files.temp, name ), { recursive: true } );
	}
	writeFileSync( files.config, nginxConfig( config, paths, files ) );
	// -e: nginx opens its error log before reading the config; the default one is the system's.
	const args = [
		'-e',
		files.errorLog,
		'-p',
		paths.nginxDir,
		'-c',
		files.config,
	];
	run( 'nginx', [ ...args, '-t', '-q' ] );
	say(
		`nginx: ${ url } in front of the web nodes ${ NODE_NAMES.join( ' and ' ) } (logs ${ paths.nginxDir })`
	);
	startDetached( 'nginx', args, {
		logFile: `${ files.errorLog }.out`,
		pidFile: files.pidFile,
	} );
	await waitFor(
		'nginx',
		async () => {
			if ( runningPid( files.pidFile ) === null ) {
				throw new ToolError(
					`nginx exited while starting; see ${ files.errorLog }`
				);
			}
			return answers( `${ url }/wp-includes/images/blank.gif`, true );
		},
		30_000,
		`see ${ files.errorLog }`,
		() => stopByPidFile( files.pidFile )
	);
	return true;
}

export async function stopNginx( paths: StackPaths ): Promise< boolean > {
	const stopped = await stopByPidFile( nginxFiles( paths ).pidFile );
	if ( stopped ) {
		say( 'nginx: stopped' );
	}
	return stopped;
}
