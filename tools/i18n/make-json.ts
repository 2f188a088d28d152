/**
 * `npm run i18n:json`: writes the script translations WordPress loads for our scripts, from each
 * languages/korea-checkout-<locale>.po. A string goes to a feature's file when one of its "#:" references
 * is under src/<feature>/ and that feature is built into build/<feature>.js (it has an index.ts(x)).
 * WordPress finds the file as languages/korea-checkout-<locale>-<md5 of "build/<feature>.js">.json
 * (see wp_set_script_translations() in includes/). Fuzzy and untranslated entries are left out.
 */
import { createHash } from 'node:crypto';
import {
	existsSync,
	readFileSync,
	readdirSync,
	unlinkSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

import { repositoryRoot as root } from '../test/lib/layer.ts';

const DOMAIN = 'korea-checkout';
const LANGUAGES = join( root, 'languages' );

interface PoEntry {
	msgid: string;
	msgctxt?: string;
	msgid_plural?: string;
	msgstr: string[];
	comments?: { reference?: string; flag?: string };
}

interface PoFile {
	headers: Record< string, string >;
	translations: Record< string, Record< string, PoEntry > >;
}

interface GettextParser {
	po: { parse: ( input: Buffer | string, charset?: string ) => PoFile };
}

// gettext-parser ships no types; it is installed with @wordpress/i18n.
const gettextParser = createRequire( import.meta.url )(
	'gettext-parser'
) as GettextParser;

/** Features that webpack builds: src/<feature>/index.ts(x) becomes build/<feature>.js. */
function builtFeatures(): Set< string > {
	const src = join( root, 'src' );
	return new Set(
		readdirSync( src ).filter(
			( feature ) =>
				existsSync( join( src, feature, 'index.ts' ) ) ||
				existsSync( join( src, feature, 'index.tsx' ) )
		)
	);
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

function makeJson( poFile: string, features: Set< string > ): string[] {
	const fromName = new RegExp( `^${ DOMAIN }-(.+)\\.po$` ).exec(
		poFile
	)?.[ 1 ];
	const po = gettextParser.po.parse(
		readFileSync( join( LANGUAGES, poFile ) )
	);
	const locale = header( po.headers, 'Language' ) || fromName || '';
	if ( locale === '' ) {
		throw new Error( `${ poFile }: no Language header` );
	}
	const pluralForms =
		header( po.headers, 'Plural-Forms' ) || 'nplurals=2; plural=(n != 1);';
	const revision =
		header( po.headers, 'PO-Revision-Date' ) || new Date().toISOString();

	const byFeature = new Map< string, Record< string, string[] > >();
	for ( const context of Object.values( po.translations ) ) {
		for ( const entry of Object.values( context ) ) {
			if ( entry.msgid === '' ) {
				continue; // The header.
			}
			if ( /\bfuzzy\b/.test( entry.comments?.flag ?? '' ) ) {
				continue;
			}
			if (
				entry.msgstr.length === 0 ||
				entry.msgstr.some( ( s ) => s === '' )
			) {
				continue;
			}
			const key = entry.msgctxt
				? `${ entry.msgctxt }\u0004${ entry.msgid }`
				: entry.msgid;
			const refs = ( entry.comments?.reference ?? '' ).split( /\s+/ );
			for ( const ref of refs ) {
				const feature = /^src\/([^/]+)\//.exec( ref )?.[ 1 ];
				if ( feature === undefined || ! features.has( feature ) ) {
					continue;
				}
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
			`[i18n] ${ relative( root, join( LANGUAGES, name ) ) }: build/${ feature }.js, ${
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

const features = builtFeatures();
const poFiles = readdirSync( LANGUAGES )
	.filter(
		( name ) => name.startsWith( `${ DOMAIN }-` ) && name.endsWith( '.po' )
	)
	.sort();
if ( poFiles.length === 0 ) {
	console.log( '[i18n] no languages/*.po files' );
}
for ( const poFile of poFiles ) {
	makeJson( poFile, features );
}
