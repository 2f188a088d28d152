/**
 * The third-party software local stores are built from, found once for every tool: WordPress core, WooCommerce and
 * Redis Object Cache. Each comes from a folder (KC_WP_DIR, KC_WC_DIR, KC_REDIS_CACHE_DIR) when one is named, else
 * from an archive (KC_WP_ARCHIVE, KC_WC_ARCHIVE, KC_REDIS_CACHE_ARCHIVE; by default the one in ../shared/fixtures/)
 * unpacked on first use into .cache/<archive name>/ and checked against the SHA256SUMS beside it.
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
import { run, ToolError } from './process.ts';
import { REPO_ROOT } from './root.ts';

export const FIXTURES_DIR = resolve( REPO_ROOT, '..', 'shared', 'fixtures' );

interface Fixture {
	label: string;
	dirVar: string;
	archiveVar: string;
	/** The archive's name in FIXTURES_DIR: the only place these names are written. */
	archive: string;
	/** The archive's top folder, and a file inside it that proves it is what we expect. */
	top: string;
	marker: string;
}

const FIXTURES = {
	wordpress: {
		label: 'WordPress',
		dirVar: 'KC_WP_DIR',
		archiveVar: 'KC_WP_ARCHIVE',
		archive: 'wordpress-7.1.0.tar.xz',
		top: 'wordpress',
		marker: 'wp-load.php',
	},
	woocommerce: {
		label: 'WooCommerce',
		dirVar: 'KC_WC_DIR',
		archiveVar: 'KC_WC_ARCHIVE',
		archive: 'woocommerce-11.0.1.tar.xz',
		top: 'woocommerce',
		marker: 'woocommerce.php',
	},
	redisCache: {
		label: 'Redis Object Cache',
		dirVar: 'KC_REDIS_CACHE_DIR',
		archiveVar: 'KC_REDIS_CACHE_ARCHIVE',
		archive: 'redis-cache-2.6.3.tar.xz',
		top: 'redis-cache',
		marker: 'includes/object-cache.php',
	},
} satisfies Record< string, Fixture >;

export type FixtureName = keyof typeof FIXTURES;

/** Where a fixture comes from, and one line saying so. */
export interface Source {
	/** The folder (WordPress core, or the plugin's folder); null when optional and nowhere to be found. */
	dir: string | null;
	description: string;
}

function folderVariable( spec: Fixture ): string | null {
	const dir = process.env[ spec.dirVar ];
	return dir === undefined || dir === '' ? null : resolve( REPO_ROOT, dir );
}

/** The archive a fixture would be unpacked from: its variable, else the one in FIXTURES_DIR. */
function archiveOf( spec: Fixture ): string {
	const named = process.env[ spec.archiveVar ];
	return named
		? resolve( REPO_ROOT, named )
		: join( FIXTURES_DIR, spec.archive );
}

/**
 * Why a store cannot be built here (no folder and no archive for one of the fixtures), or null when it can.
 * Test layers print it as their `skipped: <why>` line.
 */
export function missingFixtures(
	names: FixtureName[] = [ 'wordpress', 'woocommerce' ]
): string | null {
	for ( const name of names ) {
		const spec: Fixture = FIXTURES[ name ];
		const archive = archiveOf( spec );
		if ( folderVariable( spec ) === null && ! existsSync( archive ) ) {
			return `no ${ spec.label } (set ${ spec.dirVar }, or ${ spec.archiveVar }; ${ archive } is missing)`;
		}
	}
	return null;
}

async function sha256( file: string ): Promise< string > {
	const hash = createHash( 'sha256' );
	for await ( const chunk of createReadStream( file ) ) {
		hash.update( chunk as Buffer );
	}
	return hash.digest( 'hex' );
}

/** Checks an archive against the SHA256SUMS beside it; says how it was checked. */
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
		throw new ToolError(
			`${ archive } does not match its SHA256SUMS entry (expected ${ String( expected ) }, got ${ actual })`
		);
	}
	return 'SHA256 verified';
}

/** Unpacks an archive into .cache/<its name>/ once (a marker file says it is complete); returns the top folder. */
async function unpack( spec: Fixture, archive: string ): Promise< Source > {
	const target = join(
		REPO_ROOT,
		'.cache',
		basename( archive ).replace( /\.(tar\.xz|tar\.gz|tgz|zip)$/, '' )
	);
	const folder = join( target, spec.top );
	if (
		existsSync( join( target, '.unpacked' ) ) &&
		existsSync( join( folder, spec.marker ) )
	) {
		return {
			dir: folder,
			description: `${ spec.label }: ${ folder } (unpacked earlier from ${ archive })`,
		};
	}
	const check = await verify( archive );
	const temp = `${ target }.tmp-${ process.pid }`;
	rmSync( temp, { recursive: true, force: true } );
	mkdirSync( temp, { recursive: true } );
	if ( archive.endsWith( '.zip' ) ) {
		run( 'unzip', [ '-q', archive, '-d', temp ] );
	} else {
		run( 'tar', [ '-xf', archive, '-C', temp ] );
	}
	if ( ! existsSync( join( temp, spec.top, spec.marker ) ) ) {
		const found = readdirSync( temp ).join( ', ' );
		rmSync( temp, { recursive: true, force: true } );
		throw new ToolError(
			`${ archive } has no ${ spec.top }/${ spec.marker } (top level: ${ found })`
		);
	}
	writeFileSync( join( temp, '.unpacked' ), `${ archive }\n` );
	rmSync( target, { recursive: true, force: true } );
	renameSync( temp, target );
	return {
		dir: folder,
		description: `${ spec.label }: unpacked ${ archive } (${ check }) into ${ target }`,
	};
}

/**
 * The folder of a fixture, unpacking its archive on first use. Throws when there is none, unless optional: then
 * `dir` is null (the Playground store lets Playground download WordPress and WooCommerce instead).
 */
export async function fixture(
	name: FixtureName,
	options: { optional?: boolean } = {}
): Promise< Source > {
	const spec: Fixture = FIXTURES[ name ];
	const folder = folderVariable( spec );
	if ( folder !== null ) {
		if ( ! existsSync( join( folder, spec.marker ) ) ) {
			throw new ToolError(
				`${ spec.dirVar }=${ folder } has no ${ spec.marker }: point it at the ${ spec.label } folder`
			);
		}
		return {
			dir: folder,
			description: `${ spec.label }: ${ spec.dirVar }=${ folder }`,
		};
	}
	const archive = archiveOf( spec );
	if ( existsSync( archive ) ) {
		return unpack( spec, archive );
	}
	if ( options.optional && ! process.env[ spec.archiveVar ] ) {
		return {
			dir: null,
			description: `${ spec.label }: no ${ spec.dirVar }, no ${ spec.archiveVar }, no ${ archive }`,
		};
	}
	throw new ToolError(
		`${ spec.label } is missing: no ${ spec.dirVar } and no archive at ${ archive }. Set ${ spec.dirVar } to an unpacked ${ spec.label } or ${ spec.archiveVar } to its .tar.xz/.zip`
	);
}

/** The folder of a fixture that must be there. */
export async function fixtureDir(
	name: FixtureName,
	say: ( line: string ) => void = () => undefined
): Promise< string > {
	const source = await fixture( name );
	say( source.description );
	return source.dir as string;
}
