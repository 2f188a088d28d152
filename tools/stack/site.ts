/**
 * The WordPress folder of a stack: a hard-linked copy of core (a copy where hard links are impossible), with
 * WooCommerce and this repository (or KC_PLUGIN_DIR) linked in as plugins, and a wp-config.php written for the
 * stack. With an object cache, Redis Object Cache is linked in too and its drop-in copied to
 * wp-content/object-cache.php; without one, the drop-in is removed.
 */
import { randomBytes } from 'node:crypto';
import {
	copyFileSync,
	existsSync,
	lstatSync,
	mkdirSync,
	readFileSync,
	readlinkSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../lib/root.ts';
import type { StackConfig, StackPaths } from './config.ts';
import { DB_PASSWORD, DB_USER } from './mariadb.ts';
import { spawnSync } from 'node:child_process';
import { ToolError } from '../lib/process.ts';
import { say } from './log.ts';

function link( target: string, path: string ): void {
	let current: string | null = null;
	try {
		current = lstatSync( path ).isSymbolicLink()
			? readlinkSync( path )
			: 'not a link';
	} catch {
		current = null;
	}
	if ( current === target ) {
		return;
	}
	if ( current !== null ) {
		rmSync( path, { recursive: true, force: true } );
	}
	symlinkSync( target, path, 'dir' );
}

function copyCore( from: string, to: string ): void {
	const stamp = join( to, '.core-source' );
	if (
		existsSync( join( to, 'wp-load.php' ) ) &&
		existsSync( stamp ) &&
		readFileSync( stamp, 'utf8' ).trim() === from
	) {
		return;
	}
	say( `WordPress site: copying core from ${ from } into ${ to }` );
	mkdirSync( to, { recursive: true } );
	let result = spawnSync( 'cp', [ '-al', `${ from }/.`, `${ to }/` ], {
		encoding: 'utf8',
	} );
	if ( result.status !== 0 ) {
		result = spawnSync( 'cp', [ '-a', `${ from }/.`, `${ to }/` ], {
			encoding: 'utf8',
		} );
	}
	if ( result.status !== 0 ) {
		throw new ToolError(
			`could not copy WordPress into ${ to }: ${ String( result.stderr ) }`
		);
	}
	writeFileSync( stamp, `${ from }\n` );
}

function salts( dir: string ): string {
	const file = join( dir, 'salts.txt' );
	if ( ! existsSync( file ) ) {
		const names = [
			'AUTH_KEY',
			'SECURE_AUTH_KEY',
			'LOGGED_IN_KEY',
			'NONCE_KEY',
			'AUTH_SALT',
			'SECURE_AUTH_SALT',
			'LOGGED_IN_SALT',
			'NONCE_SALT',
		];
		writeFileSync(
			file,
			names
				.map(
					( name ) =>
						`define( '${ name }', '${ randomBytes( 32 ).toString( 'hex' ) }' );`
				)
				.join( '\n' ) + '\n',
			{ mode: 0o600 }
		);
	}
	return readFileSync( file, 'utf8' );
}

export interface SiteSources {
	wordpress: string;
	woocommerce: string;
	/** Redis Object Cache's folder: the object cache is on when this and `redisSocket` are given. */
	redisCache?: string | null;
}

export interface SiteOptions {
	/** Redis's socket for the object cache; null or absent: no persistent object cache. */
	redisSocket?: string | null;
}

/** The plugin folder the store runs: this repository, or KC_PLUGIN_DIR (e.g. a copy of one commit). */
export function pluginSource(): string {
	const dir = process.env.KC_PLUGIN_DIR;
	return dir ? resolve( REPO_ROOT, dir ) : REPO_ROOT;
}

function phpString( value: string ): string {
	return `'${ value.replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) }'`;
}

function wpConfig(
	config: StackConfig,
	paths: StackPaths,
	redisSocket: string | null
): string {
	const home = `http://127.0.0.1:${ config.port }`;
	const apiUrl = process.env.KOREA_CHECKOUT_API_URL;
	const lines = [
		'<?php',
		`// Written by tools/stack for the local stack in ${ config.dir }; rewritten on every start, so edit tools/stack/site.ts instead.`,
		`define( 'DB_NAME', getenv( 'KC_DB_NAME' ) ?: ${ phpString( config.dbName ) } );`,
		`define( 'DB_USER', ${ phpString( DB_USER ) } );`,
		`define( 'DB_PASSWORD', ${ phpString( DB_PASSWORD ) } );`,
		`define( 'DB_HOST', ${ phpString( `localhost:${ paths.dbSocket }` ) } );`,
		"define( 'DB_CHARSET', 'utf8mb4' );",
		"define( 'DB_COLLATE', '' );",
		salts( config.dir ).trim(),
		"$table_prefix = 'wp_';",
		`define( 'WP_HOME', ${ phpString( home ) } );`,
		`define( 'WP_SITEURL', ${ phpString( home ) } );`,
		"define( 'WP_DEBUG', true );",
		`define( 'WP_DEBUG_LOG', ${ phpString( paths.debugLog ) } );`,
		"define( 'WP_DEBUG_DISPLAY', false );",
		"define( 'SCRIPT_DEBUG', false );",
		"define( 'DISABLE_WP_CRON', false );",
		"define( 'FS_METHOD', 'direct' );",
		"define( 'WP_ENVIRONMENT_TYPE', 'local' );",
		"define( 'AUTOMATIC_UPDATER_DISABLED', true );",
		'// No internet here: requests to anything but this machine fail at once instead of waiting for a timeout.',
		"define( 'WP_HTTP_BLOCK_EXTERNAL', true );",
	];
	if ( redisSocket !== null ) {
		lines.push(
			"// The persistent object cache (wp-content/object-cache.php from Redis Object Cache) on this stack's Redis.",
			"define( 'WP_REDIS_CLIENT', 'phpredis' );",
			"define( 'WP_REDIS_SCHEME', 'unix' );",
			`define( 'WP_REDIS_PATH', ${ phpString( redisSocket ) } );`,
			"define( 'WP_REDIS_TIMEOUT', 5 );",
			"define( 'WP_REDIS_READ_TIMEOUT', 5 );",
			"// One prefix per database: a second WordPress on the same Redis (a test network) never reads this one's keys.",
			"define( 'WP_REDIS_PREFIX', DB_NAME . ':' );"
		);
	}
	if ( apiUrl !== undefined && apiUrl !== '' ) {
		lines.push(
			`define( 'KOREA_CHECKOUT_API_URL', ${ phpString( apiUrl ) } );`
		);
	}
	lines.push(
		"if ( ! defined( 'ABSPATH' ) ) {",
		"\tdefine( 'ABSPATH', __DIR__ . '/' );",
		'}',
		"require_once ABSPATH . 'wp-settings.php';",
		''
	);
	return lines.join( '\n' );
}

/** Builds or refreshes the site folder of the stack. */
export function ensureSite(
	config: StackConfig,
	paths: StackPaths,
	sources: SiteSources,
	options: SiteOptions = {}
): void {
	copyCore( sources.wordpress, paths.site );
	const content = join( paths.site, 'wp-content' );
	const plugins = join( content, 'plugins' );
	mkdirSync( plugins, { recursive: true } );
	link( sources.woocommerce, join( plugins, 'woocommerce' ) );
	link( pluginSource(), join( plugins, 'korea-checkout' ) );
	const redisSocket =
		options.redisSocket && sources.redisCache ? options.redisSocket : null;
	const dropIn = join( content, 'object-cache.php' );
	if ( redisSocket !== null && sources.redisCache ) {
		link( sources.redisCache, join( plugins, 'redis-cache' ) );
		copyFileSync(
			join( sources.redisCache, 'includes', 'object-cache.php' ),
			dropIn
		);
	} else {
		rmSync( dropIn, { force: true } );
	}
	mkdirSync( join( content, 'uploads' ), { recursive: true } );
	writeFileSync(
		join( paths.site, 'wp-config.php' ),
		wpConfig( config, paths, redisSocket )
	);
}
