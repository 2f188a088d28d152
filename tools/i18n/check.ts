/**
 * Ours, because wp-cli/i18n-command is not in the Packagist copy reached here.
 *
 * What is missing or wrong in the translations, as the js test layer (tests/js/i18n/translations.test.ts) and
 * `tsx tools/i18n/update.ts` report it:
 * - the .pot must hold every string the sources have (compared by text, context and source file, not line);
 * - each .po must hold exactly the .pot's strings (update-po.ts brings it in line), and its .mo the same
 *   translations;
 * - ko_KR translates every string; ja and zh_CN every string a shopper reads (po.ts: SHOPPER_SOURCES);
 * - a translation keeps the printf placeholders of its source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { phpEntries, scriptEntries } from './extract.ts';
import {
	DOMAIN,
	LANGUAGES,
	LOCALES,
	POT_FILE,
	entriesOf,
	entryKey,
	gettextParser,
	isShopperString,
	isTranslated,
	placeholders,
	readPo,
	sourcesOf,
	type PoEntry,
} from './po.ts';

export interface Problem {
	locale: string;
	kind:
		| 'pot-missing'
		| 'pot-stale'
		| 'po-missing'
		| 'po-stale'
		| 'untranslated'
		| 'placeholders'
		| 'mo-stale';
	msgid: string;
	sources: string[];
}

export interface Coverage {
	locale: string;
	required: 'all' | 'shopper';
	translated: number;
	total: number;
	shopperTranslated: number;
	shopperTotal: number;
}

/** Source string => the files it is in, from the sources themselves. */
function sourceStrings(): Map< string, Set< string > > {
	const strings = new Map< string, Set< string > >();
	for ( const entry of [ ...phpEntries(), ...scriptEntries() ] ) {
		const key = entryKey( {
			msgid: entry.msgid,
			...( entry.context === null ? {} : { msgctxt: entry.context } ),
		} );
		const files = strings.get( key ) ?? new Set< string >();
		files.add( entry.ref.replace( /:\d+$/, '' ) );
		strings.set( key, files );
	}
	return strings;
}

/** Differences between the sources and the .pot (strings added, removed or moved to another file). */
export function potProblems(): Problem[] {
	if ( ! existsSync( POT_FILE ) ) {
		return [
			{ locale: 'pot', kind: 'pot-missing', msgid: '', sources: [] },
		];
	}
	const problems: Problem[] = [];
	const inSources = sourceStrings();
	const inPot = new Map(
		entriesOf( readPo( POT_FILE ) ).map( ( entry ) => [
			entryKey( entry ),
			entry,
		] )
	);
	for ( const [ key, files ] of inSources ) {
		const entry = inPot.get( key );
		const potFiles = new Set( entry ? sourcesOf( entry ) : [] );
		if (
			! entry ||
			[ ...files ].some( ( file ) => ! potFiles.has( file ) ) ||
			potFiles.size !== files.size
		) {
			problems.push( {
				locale: 'pot',
				kind: 'pot-stale',
				msgid: key.split( '\u0004' )[ 1 ] ?? key,
				sources: [ ...files ],
			} );
		}
	}
	for ( const [ key, entry ] of inPot ) {
		if ( ! inSources.has( key ) ) {
			problems.push( {
				locale: 'pot',
				kind: 'pot-stale',
				msgid: entry.msgid,
				sources: sourcesOf( entry ),
			} );
		}
	}
	return problems;
}

/** The translations' problems and coverage, against the .pot as it is. */
export function translationReport(): {
	problems: Problem[];
	coverage: Coverage[];
} {
	const pot = entriesOf( readPo( POT_FILE ) );
	const problems: Problem[] = [];
	const coverage: Coverage[] = [];
	for ( const { locale, required } of LOCALES ) {
		const poFile = join( LANGUAGES, `${ DOMAIN }-${ locale }.po` );
		if ( ! existsSync( poFile ) ) {
			problems.push( {
				locale,
				kind: 'po-missing',
				msgid: '',
				sources: [],
			} );
			continue;
		}
		const po = new Map(
			entriesOf( readPo( poFile ) ).map( ( entry ) => [
				entryKey( entry ),
				entry,
			] )
		);
		const row: Coverage = {
			locale,
			required,
			translated: 0,
			total: pot.length,
			shopperTranslated: 0,
			shopperTotal: 0,
		};
		for ( const source of pot ) {
			const entry = po.get( entryKey( source ) );
			const shopper = isShopperString( source );
			const done = isTranslated( entry );
			row.translated += done ? 1 : 0;
			row.shopperTotal += shopper ? 1 : 0;
			row.shopperTranslated += shopper && done ? 1 : 0;
			if ( ! entry ) {
				problems.push( {
					locale,
					kind: 'po-stale',
					msgid: source.msgid,
					sources: sourcesOf( source ),
				} );
			} else if ( ! done && ( required === 'all' || shopper ) ) {
				problems.push( {
					locale,
					kind: 'untranslated',
					msgid: source.msgid,
					sources: sourcesOf( source ),
				} );
			}
			if ( entry && done && ! keepsPlaceholders( source, entry ) ) {
				problems.push( {
					locale,
					kind: 'placeholders',
					msgid: source.msgid,
					sources: sourcesOf( source ),
				} );
			}
		}
		const potKeys = new Set( pot.map( entryKey ) );
		for ( const [ key, entry ] of po ) {
			if ( ! potKeys.has( key ) ) {
				problems.push( {
					locale,
					kind: 'po-stale',
					msgid: entry.msgid,
					sources: sourcesOf( entry ),
				} );
			}
		}
		problems.push( ...moProblems( locale, poFile, po ) );
		coverage.push( row );
	}
	return { problems, coverage };
}

/** A translation has the placeholders of its source (for plurals: of the singular or the plural). */
function keepsPlaceholders( source: PoEntry, entry: PoEntry ): boolean {
	const wanted = [ source.msgid, source.msgid_plural ]
		.filter( ( text ): text is string => text !== undefined )
		.map( ( text ) => placeholders( text ).join( ' ' ) );
	return entry.msgstr.every( ( text ) =>
		wanted.includes( placeholders( text ).join( ' ' ) )
	);
}

/** The .mo must carry the .po's translations (update-po.ts compiles it). */
function moProblems(
	locale: string,
	poFile: string,
	po: Map< string, PoEntry >
): Problem[] {
	const moFile = poFile.replace( /\.po$/, '.mo' );
	if ( ! existsSync( moFile ) ) {
		return [ { locale, kind: 'mo-stale', msgid: '', sources: [ moFile ] } ];
	}
	const mo = new Map(
		entriesOf( gettextParser.mo.parse( readFileSync( moFile ) ) ).map(
			( entry ) => [ entryKey( entry ), entry ]
		)
	);
	const problems: Problem[] = [];
	for ( const [ key, entry ] of po ) {
		const compiled = mo.get( key );
		const wanted = isTranslated( entry )
			? entry.msgstr.join( '\u0000' )
			: undefined;
		const found = compiled ? compiled.msgstr.join( '\u0000' ) : undefined;
		if ( wanted !== found ) {
			problems.push( {
				locale,
				kind: 'mo-stale',
				msgid: entry.msgid,
				sources: sourcesOf( entry ),
			} );
		}
	}
	return problems;
}

/** The problems as lines a person can act on. */
export function describe( problems: Problem[] ): string[] {
	const why: Record< Problem[ 'kind' ], string > = {
		'pot-missing': 'languages/korea-checkout.pot is missing',
		'pot-stale': 'the .pot differs from the sources',
		'po-missing': 'no .po file',
		'po-stale': 'the .po differs from the .pot',
		untranslated: 'not translated',
		placeholders: 'the translation changes the placeholders',
		'mo-stale': 'the .mo differs from the .po',
	};
	return problems.map(
		( problem ) =>
			`${ problem.locale }: ${ why[ problem.kind ] }${ problem.msgid ? `: "${ problem.msgid }"` : '' }${
				problem.sources.length > 0
					? ` (${ problem.sources.join( ', ' ) })`
					: ''
			}`
	);
}
