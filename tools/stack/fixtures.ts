/**
 * WordPress core and the WooCommerce plugin for local stores: from KC_WP_DIR / KC_WC_DIR when given, else unpacked
 * from KC_WP_ARCHIVE / KC_WC_ARCHIVE (default: the archives in ../shared/fixtures/) into .cache/, checked against
 * SHA256SUMS when that file sits beside the archive.
 */
import { createHash } from 'node:crypto';
import {
	createReadStream,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { REPO_ROOT } from './config.ts';
import { run } from './process.ts';
import { say, StackError } from './log.ts';

export interface Sources {
	/** WordPress core folder (holds wp-load.php). */
	wordpress: string;
	/** WooCommerce plugin folder (holds woocommerce.php). */
	woocommerce: string;
}

const FIXTURES = resolve( REPO_ROOT, '..', 'shared', 'fixtures' );

interface Part {
	label: string;
	dirVar: string;
	archiveVar: string;
	defaultArchive: string;
	marker: string;
	top: string;
}

const PARTS: Part[] = [
	{
		label: 'WordPress',
		dirVar: 'KC_WP_DIR',
		archiveVar: 'KC_WP_ARCHIVE',
		defaultArchive: 'wordpress-7.1.0.tar.xz',
		marker: 'wp-load.php',
		top: 'wordpress',
	},
	{
		label: 'WooCommerce',
		dirVar: 'KC_WC_DIR',
		archiveVar: 'KC_WC_ARCHIVE',
		defaultArchive: 'woocommerce-11.0.1.tar.xz',
		marker: 'woocommerce.php',
		top: 'woocommerce',
	},
];

async function sha256( file: string ): Promise< string > {
	const hash = createHash( 'sha256' );
	for await ( const chunk of createReadStream( file ) ) {
		hash.update( chunk as Buffer );
	}
	return hash.digest( 'hex' );
}

async function verify( archive: string ): Promise< string > {
	const sums = join( dirname( archive ), 'SHA256SUMS' );
	if ( ! existsSync( sums ) ) {
		return 'no SHA256SUMS beside it, not verified';
	}
	const line = readFileSync( sums, 'utf8' )
		.split( '\n' )
		.find(
			( entry ) =>
				entry.trim().split( /\s+\*?/ )[ 1 ] === basename( archive )
		);
	if ( line === undefined ) {
		return `not listed in ${ sums }, not verified`;
	}
	const expected = line.trim().split( /\s+/ )[ 0 ]?.toLowerCase();
	const actual = await sha256( archive );
	if ( actual !== expected ) {
		throw new StackError(
			`${ archive } does not match its SHA256SUMS entry (expected ${ String( expected ) }, got ${ actual })`
		);
	}
	return 'SHA256 verified';
}

/** The archive a part would be unpacked from: its variable, else the fixture beside the repository. */
function archiveOf( part: Part ): string {
	return resolve(
		process.env[ part.archiveVar ] || join( FIXTURES, part.defaultArchive )
	);
}

/**
 * Why a store cannot be built here (no folder and no archive for WordPress or WooCommerce), or null when it can.
 * The test layers print it as their `skipped: <why>` line.
 */
export function missingSources(): string | null {
	for ( const part of PARTS ) {
		const dir = process.env[ part.dirVar ];
		const archive = archiveOf( part );
		if ( ( dir === undefined || dir === '' ) && ! existsSync( archive ) ) {
			return `no ${ part.label } (set ${ part.dirVar }, or ${ part.archiveVar }; ${ archive } is missing)`;
		}
	}
	return null;
}

async function resolvePart( part: Part ): Promise< string > {
	const dir = process.env[ part.dirVar ];
	if ( dir !== undefined && dir !== '' ) {
		const folder = resolve( dir );
		if ( ! existsSync( join( folder, part.marker ) ) ) {
			throw new StackError(
				`${ part.dirVar }=${ dir } has no ${ part.marker }: point it at the ${ part.label } folder`
			);
		}
		say( `${ part.label }: using ${ part.dirVar }=${ folder }` );
		return folder;
	}
	const archive = archiveOf( part );
	if ( ! existsSync( archive ) ) {
		throw new StackError(
			`${ part.label } is missing: no ${ part.dirVar } and no archive at ${ archive }. Set ${ part.dirVar } to an unpacked ${ part.label } or ${ part.archiveVar } to its .tar.xz/.zip`
		);
	}
	const stamp = basename( archive ).replace(
		/\.(tar\.xz|tar\.gz|tgz|zip)$/,
		''
	);
	const target = join( REPO_ROOT, '.cache', stamp );
	const folder = join( target, part.top );
	if (
		existsSync( join( target, '.unpacked' ) ) &&
		existsSync( join( folder, part.marker ) )
	) {
		say(
			`${ part.label }: using ${ folder } (unpacked earlier from ${ archive })`
		);
		return folder;
	}
	const check = await verify( archive );
	say(
		`${ part.label }: unpacking ${ archive } (${ check }) into ${ target }`
	);
	const temp = `${ target }.tmp-${ process.pid }`;
	rmSync( temp, { recursive: true, force: true } );
	mkdirSync( temp, { recursive: true } );
	if ( archive.endsWith( '.zip' ) ) {
		run( 'unzip', [ '-q', archive, '-d', temp ] );
	} else {
		run( 'tar', [ '-xf', archive, '-C', temp ] );
	}
	if ( ! existsSync( join( temp, part.top, part.marker ) ) ) {
		const found = readdirSync( temp ).join( ', ' );
		rmSync( temp, { recursive: true, force: true } );
		throw new StackError(
			`${ archive } has no ${ part.top }/${ part.marker } (top level: ${ found })`
		);
	}
	writeFileSync( join( temp, '.unpacked' ), `${ archive }\n` );
	rmSync( target, { recursive: true, force: true } );
	renameSync( temp, target );
	return folder;
}

/** WordPress and WooCommerce folders, unpacking the archives on first use. */
export async function ensureSources(): Promise< Sources > {
	const [ wordpress, woocommerce ] = [
		await resolvePart( PARTS[ 0 ] as Part ),
		await resolvePart( PARTS[ 1 ] as Part ),
	];
	return { wordpress, woocommerce };
}
