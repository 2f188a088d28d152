/**
 * Ours, because wp-cli/i18n-command (`wp i18n make-json`) is not in the Packagist copy reached here.
 *
 * `npm run i18n:json`: writes the script translations WordPress loads for our scripts, from each
 * languages/korea-checkout-<locale>.po. Each built script (src/<feature>/index.ts(x) → build/<feature>.js) gets
 * the strings of every source file it bundles: the files its entry imports, directly or not, including the
 * chunks it loads later (the postcode layer) and the modules it shares with other features (the classic
 * checkout uses the address search's layer). WordPress finds the file as
 * languages/korea-checkout-<locale>-<md5 of "build/<feature>.js">.json (see wp_set_script_translations()).
 * Fuzzy and untranslated entries are left out.
 */
import { createHash } from 'node:crypto';
import {
	existsSync,
	readFileSync,
	readdirSync,
	unlinkSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

import {
	DOMAIN,
	LANGUAGES,
	ROOT,
	entriesOf,
	isTranslated,
	readPo,
	sourcesOf,
	type PoFile,
} from './po.ts';

/** Features that webpack builds, with their entry file: src/<feature>/index.ts(x). */
function builtFeatures(): Map< string, string > {
	const src = join( ROOT, 'src' );
	const features = new Map< string, string >();
	for ( const feature of readdirSync( src ) ) {
		for ( const name of [ 'index.ts', 'index.tsx' ] ) {
			if ( existsSync( join( src, feature, name ) ) ) {
				features.set( feature, join( src, feature, name ) );
			}
		}
	}
	return features;
}

/** The file a relative import names, as webpack resolves it (.ts, .tsx, .js, or a folder's index). */
function resolveImport( from: string, specifier: string ): string | null {
	if ( ! specifier.startsWith( '.' ) ) {
		return null;
	}
	const base = join( dirname( from ), specifier );
	const candidates = [
		base,
		...[ '.ts', '.tsx', '.js', '.jsx' ].map( ( ext ) => base + ext ),
		...[ 'index.ts', 'index.tsx' ].map( ( index ) => join( base, index ) ),
	];
	return (
		candidates.find(
			( candidate ) =>
				/\.(tsx?|jsx?)$/.test( candidate ) && existsSync( candidate )
		) ?? null
	);
}

/** Every source file an entry bundles (repository-relative), following static and dynamic imports. */
function bundledFiles( entry: string ): Set< string > {
	const seen = new Set< string >();
	const queue = [ entry ];
	while ( queue.length > 0 ) {
		const file = queue.pop() as string;
		if ( seen.has( file ) ) {
			continue;
		}
		seen.add( file );
		const imports = ts.preProcessFile(
			readFileSync( file, 'utf8' ),
			true,
			true
		).importedFiles;
		for ( const { fileName } of imports ) {
			const target = resolveImport( file, fileName );
			if ( target !== null && ! seen.has( target ) ) {
				queue.push( target );
			}
		}
	}
	return new Set( [ ...seen ].map( ( file ) => relative( ROOT, file ) ) );
}

function scriptHash( feature: string ): string {
	return createHash( 'md5' )
		.update( `build/${ feature }.js` )
		.digest( 'hex' );
}

function header( headers: Record< string, string >, name: string ): string {
	const key = Object.keys( headers ).find(
		( k ) => k.toLowerCase() === name.toLowerCase()
	);
	return key === undefined ? '' : ( headers[ key ] ?? '' ).trim();
}

/** Writes one locale's JSON files; returns their names. */
function makeJson(
	poFile: string,
	po: PoFile,
	bundles: Map< string, Set< string > >
): string[] {
	const fromName = new RegExp( `^${ DOMAIN }-(.+)\\.po$` ).exec(
		poFile
	)?.[ 1 ];
	const locale = header( po.headers, 'Language' ) || fromName || '';
	if ( locale === '' ) {
		throw new Error( `${ poFile }: no Language header` );
	}
	const pluralForms =
		header( po.headers, 'Plural-Forms' ) || 'nplurals=2; plural=(n != 1);';
	const revision =
		header( po.headers, 'PO-Revision-Date' ) || new Date().toISOString();

	const byFeature = new Map< string, Record< string, string[] > >();
	for ( const entry of entriesOf( po ) ) {
		if ( ! isTranslated( entry ) ) {
			continue;
		}
		const key = entry.msgctxt
			? `${ entry.msgctxt }\u0004${ entry.msgid }`
			: entry.msgid;
		const sources = sourcesOf( entry );
		for ( const [ feature, files ] of bundles ) {
			if ( sources.some( ( source ) => files.has( source ) ) ) {
				const messages = byFeature.get( feature ) ?? {};
				messages[ key ] = entry.msgstr;
				byFeature.set( feature, messages );
			}
		}
	}

	// Files of this locale that no feature claims any more are stale.
	const stale = new RegExp( `^${ DOMAIN }-${ locale }-[0-9a-f]{32}\\.json$` );
	const written: string[] = [];
	for ( const [ feature, messages ] of [ ...byFeature ].sort( ( a, b ) =>
		a[ 0 ].localeCompare( b[ 0 ] )
	) ) {
		const sorted: Record< string, string[] > = {};
		for ( const key of Object.keys( messages ).sort() ) {
			sorted[ key ] = messages[ key ] ?? [];
		}
		const jed = {
			'translation-revision-date': revision,
			generator: DOMAIN,
			domain: 'messages',
			locale_data: {
				messages: {
					'': {
						domain: 'messages',
						lang: locale,
						'plural-forms': pluralForms,
					},
					...sorted,
				},
			},
		};
		const name = `${ DOMAIN }-${ locale }-${ scriptHash( feature ) }.json`;
		writeFileSync( join( LANGUAGES, name ), JSON.stringify( jed ) + '\n' );
		written.push( name );
		console.log(
			`[i18n] ${ relative( ROOT, join( LANGUAGES, name ) ) }: build/${ feature }.js, ${
				Object.keys( sorted ).length
			} strings`
		);
	}
	for ( const name of readdirSync( LANGUAGES ) ) {
		if ( stale.test( name ) && ! written.includes( name ) ) {
			unlinkSync( join( LANGUAGES, name ) );
			console.log( `[i18n] removed stale ${ name }` );
		}
	}
	return written;
}

const bundles = new Map(
	[ ...builtFeatures() ].map( ( [ feature, entry ] ) => [
		feature,
		bundledFiles( entry ),
	] )
);
const poFiles = readdirSync( LANGUAGES )
	.filter(
		( name ) => name.startsWith( `${ DOMAIN }-` ) && name.endsWith( '.po' )
	)
	.sort();
if ( poFiles.length === 0 ) {
	console.log( '[i18n] no languages/*.po files' );
}
for ( const poFile of poFiles ) {
	makeJson( poFile, readPo( join( LANGUAGES, poFile ) ), bundles );
}
