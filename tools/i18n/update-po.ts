/**
 * Ours, because wp-cli/i18n-command and gettext's msgmerge/msgfmt cannot be counted on here.
 *
 * Brings each languages/korea-checkout-<locale>.po in line with languages/korea-checkout.pot (what msgmerge does,
 * without guessing: a translation is kept when its string is still in the .pot, word for word; new strings come
 * in untranslated; strings gone from the sources are dropped), then compiles it to the .mo WordPress loads.
 * Comments and references come from the .pot, flags too (a translation's `fuzzy` is kept). A locale listed in
 * po.ts without a .po yet gets one, with its header.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import {
	DOMAIN,
	LANGUAGES,
	LOCALES,
	POT_FILE,
	ROOT,
	entriesOf,
	entryKey,
	formatEntry,
	gettextParser,
	isTranslated,
	pluralForms,
	readPo,
	type PoEntry,
} from './po.ts';

/** Header values of a new .po, by locale. */
const NEW_HEADERS: Record< string, { team: string; plural: string } > = {
	ko_KR: { team: 'Korean', plural: 'nplurals=1; plural=0;' },
	ja: { team: 'Japanese', plural: 'nplurals=1; plural=0;' },
	zh_CN: { team: 'Chinese (China)', plural: 'nplurals=1; plural=0;' },
};

function version(): string {
	return (
		/Version:\s*(\S+)/.exec(
			readFileSync( join( ROOT, 'korea-checkout.php' ), 'utf8' )
		)?.[ 1 ] ?? '0.0.0'
	);
}

/** The header block of a .po: kept as the translators wrote it, with the version brought up to date. */
function headerBlock( file: string, locale: string ): string {
	if ( existsSync( file ) ) {
		const text = readFileSync( file, 'utf8' );
		const end = text.indexOf( '\n\n' );
		return ( end === -1 ? text : text.slice( 0, end ) ).replace(
			/"Project-Id-Version: [^"]*\\n"/,
			`"Project-Id-Version: Korea Checkout for WooCommerce ${ version() }\\n"`
		);
	}
	const meta = NEW_HEADERS[ locale ] ?? {
		team: locale,
		plural: 'nplurals=2; plural=(n != 1);',
	};
	return [
		`# ${ meta.team } translation for Korea Checkout for WooCommerce.`,
		'# Copyright (C) Korea Checkout',
		'# This file is distributed under the GPL-2.0-or-later.',
		'msgid ""',
		'msgstr ""',
		`"Project-Id-Version: Korea Checkout for WooCommerce ${ version() }\\n"`,
		'"Report-Msgid-Bugs-To: https://koreacheckout.com/\\n"',
		'"MIME-Version: 1.0\\n"',
		'"Content-Type: text/plain; charset=UTF-8\\n"',
		'"Content-Transfer-Encoding: 8bit\\n"',
		`"PO-Revision-Date: ${ new Date().toISOString().slice( 0, 16 ).replace( 'T', ' ' ) }+0000\\n"`,
		'"Last-Translator: Korea Checkout\\n"',
		`"Language-Team: ${ meta.team }\\n"`,
		`"Language: ${ locale }\\n"`,
		`"Plural-Forms: ${ meta.plural }\\n"`,
		`"X-Domain: ${ DOMAIN }\\n"`,
	].join( '\n' );
}

/** The .mo of a .po text: like msgfmt, without untranslated and fuzzy strings. */
function compileMo( text: string ): Buffer {
	const po = gettextParser.po.parse( text );
	for ( const context of Object.values( po.translations ) ) {
		for ( const [ msgid, entry ] of Object.entries( context ) ) {
			if ( msgid !== '' && ! isTranslated( entry ) ) {
				delete context[ msgid ];
			}
		}
	}
	return gettextParser.mo.compile( po );
}

/** Merges one locale; returns how many strings it has translated out of how many. */
export function mergeLocale( locale: string ): {
	translated: number;
	total: number;
} {
	const file = join( LANGUAGES, `${ DOMAIN }-${ locale }.po` );
	const pot = entriesOf( readPo( POT_FILE ) );
	const header = headerBlock( file, locale );
	// Parse the header as a file of its own, so that a new .po knows its plural forms too.
	const forms = pluralForms( gettextParser.po.parse( `${ header }\n` ) );
	const old = new Map< string, PoEntry >(
		existsSync( file )
			? entriesOf( readPo( file ) ).map( ( entry ) => [
					entryKey( entry ),
					entry,
				] )
			: []
	);

	let translated = 0;
	const merged = pot.map( ( source ): PoEntry => {
		const before = old.get( entryKey( source ) );
		const fuzzy = /\bfuzzy\b/.test( before?.comments?.flag ?? '' );
		const flags = [
			...( fuzzy ? [ 'fuzzy' ] : [] ),
			...( source.comments?.flag ?? '' )
				.split( ',' )
				.map( ( flag ) => flag.trim() )
				.filter( ( flag ) => flag !== '' && flag !== 'fuzzy' ),
		];
		const msgstr = Array.from(
			{ length: source.msgid_plural === undefined ? 1 : forms },
			( _, form ) => before?.msgstr[ form ] ?? ''
		);
		const entry: PoEntry = {
			...( source.msgctxt === undefined
				? {}
				: { msgctxt: source.msgctxt } ),
			msgid: source.msgid,
			...( source.msgid_plural === undefined
				? {}
				: { msgid_plural: source.msgid_plural } ),
			msgstr,
			comments: {
				...( before?.comments?.translator
					? { translator: before.comments.translator }
					: {} ),
				...( source.comments?.extracted
					? { extracted: source.comments.extracted }
					: {} ),
				...( source.comments?.reference
					? { reference: source.comments.reference }
					: {} ),
				...( flags.length > 0 ? { flag: flags.join( ', ' ) } : {} ),
			},
		};
		if ( isTranslated( entry ) ) {
			translated++;
		}
		return entry;
	} );

	const text = `${ header }\n\n${ merged.map( ( entry ) => formatEntry( entry, forms ) ).join( '\n\n' ) }\n`;
	writeFileSync( file, text );
	writeFileSync( file.replace( /\.po$/, '.mo' ), compileMo( text ) );
	console.log(
		`[i18n] ${ relative( ROOT, file ) } (+ .mo): ${ translated } of ${ merged.length } strings translated`
	);
	return { translated, total: merged.length };
}

if ( process.argv[ 1 ]?.endsWith( 'update-po.ts' ) ) {
	for ( const { locale } of LOCALES ) {
		mergeLocale( locale );
	}
}
