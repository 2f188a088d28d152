/**
 * The WordPress folder of a stack: a hard-linked copy of core (a copy where hard links are impossible), with
 * WooCommerce and this repository linked in as plugins, and a wp-config.php written for the stack.
 */
import { randomBytes } from 'node:crypto';
import {
	existsSync,
	lstatSync,
	mkdirSync,
	readFileSync,
	readlinkSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, type StackConfig, type StackPaths } from './config.ts';
import { DB_PASSWORD, DB_USER } from './mariadb.ts';
import type { Sources } from './fixtures.ts';
import { spawnSync } from 'node:child_process';
import { say, StackError } from './log.ts';

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
		throw new StackError(
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

function phpString( value: string ): string {
	return `'${ value.replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) }'`;
}

function wpConfig( config: StackConfig, paths: StackPaths ): string {
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
	sources: Sources
): void {
	copyCore( sources.wordpress, paths.site );
	const plugins = join( paths.site, 'wp-content', 'plugins' );
	mkdirSync( plugins, { recursive: true } );
	link( sources.woocommerce, join( plugins, 'woocommerce' ) );
	link( REPO_ROOT, join( plugins, 'korea-checkout' ) );
	mkdirSync( join( paths.site, 'wp-content', 'uploads' ), {
		recursive: true,
	} );
	writeFileSync(
		join( paths.site, 'wp-config.php' ),
		wpConfig( config, paths )
	);
}
