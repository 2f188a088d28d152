/**
 * Where the Playground store gets WordPress core and WooCommerce from: a folder (KC_WP_DIR, KC_WC_DIR), an
 * archive (KC_WP_ARCHIVE, KC_WC_ARCHIVE, by default the repository's ../shared/fixtures/), or, when none
 * is there, Playground's own download (needs the internet).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export interface Source {
	/** Folder to mount, or null to let Playground download it. */
	dir: string | null;
	/** One line for the user: where it came from. */
	description: string;
}

interface Wanted {
	label: string;
	dirVariable: string;
	archiveVariable: string;
	defaultArchive: string;
	/** Top folder inside the archive, and a file that proves the folder is what we expect. */
	topFolder: string;
	marker: string;
}

function unpack(
	archive: string,
	topFolder: string,
	cacheDir: string
): string {
	const stamp = `${ basename( archive ).replace( /\.(tar\.xz|tar\.gz|tgz|zip)$/, '' ) }-${ Math.round(
		statSync( archive ).mtimeMs
	) }`;
	const target = join( cacheDir, stamp );
	const folder = join( target, topFolder );
	if ( existsSync( folder ) ) {
		return folder;
	}
	const partial = `${ target }.partial`;
	rmSync( partial, { recursive: true, force: true } );
	mkdirSync( partial, { recursive: true } );
	const result = archive.endsWith( '.zip' )
		? spawnSync( 'unzip', [ '-q', archive, '-d', partial ], {
				stdio: 'inherit',
			} )
		: spawnSync( 'tar', [ '-xf', archive, '-C', partial ], {
				stdio: 'inherit',
			} );
	if ( result.status !== 0 ) {
		throw new Error(
			`could not unpack ${ archive } (is xz-utils installed?)`
		);
	}
	renameSync( partial, target );
	return folder;
}

function find(
	wanted: Wanted,
	repositoryRoot: string,
	cacheDir: string
): Source {
	const dir = process.env[ wanted.dirVariable ];
	if ( dir ) {
		const full = resolve( repositoryRoot, dir );
		if ( ! existsSync( join( full, wanted.marker ) ) ) {
			throw new Error(
				`${ wanted.dirVariable }=${ dir } has no ${ wanted.marker }`
			);
		}
		return {
			dir: full,
			description: `${ wanted.label } from ${ wanted.dirVariable } (${ full })`,
		};
	}
	const named = process.env[ wanted.archiveVariable ];
	const archive = resolve( repositoryRoot, named || wanted.defaultArchive );
	if ( existsSync( archive ) ) {
		const folder = unpack( archive, wanted.topFolder, cacheDir );
		if ( ! existsSync( join( folder, wanted.marker ) ) ) {
			throw new Error(
				`${ archive } has no ${ wanted.topFolder }/${ wanted.marker }`
			);
		}
		return {
			dir: folder,
			description: `${ wanted.label } from ${ archive }`,
		};
	}
	if ( named ) {
		throw new Error(
			`${ wanted.archiveVariable }=${ named } does not exist`
		);
	}
	return {
		dir: null,
		description: `${ wanted.label }: no ${ wanted.dirVariable }, no ${ wanted.archiveVariable }, no ${ archive }; Playground downloads it (needs the internet)`,
	};
}

export function wordpressSource(
	repositoryRoot: string,
	cacheDir: string
): Source {
	return find(
		{
			label: 'WordPress',
			dirVariable: 'KC_WP_DIR',
			archiveVariable: 'KC_WP_ARCHIVE',
			defaultArchive: '../shared/fixtures/wordpress-7.1.0.tar.xz',
			topFolder: 'wordpress',
			marker: 'wp-includes/version.php',
		},
		repositoryRoot,
		cacheDir
	);
}

export function woocommerceSource(
	repositoryRoot: string,
	cacheDir: string
): Source {
	return find(
		{
			label: 'WooCommerce',
			dirVariable: 'KC_WC_DIR',
			archiveVariable: 'KC_WC_ARCHIVE',
			defaultArchive: '../shared/fixtures/woocommerce-11.0.1.tar.xz',
			topFolder: 'woocommerce',
			marker: 'woocommerce.php',
		},
		repositoryRoot,
		cacheDir
	);
}
