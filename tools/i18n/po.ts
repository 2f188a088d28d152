/**
 * Ours, because wp-cli/i18n-command is not in the Packagist copy reached here: what the i18n tools share —
 * where the files are, reading .po/.pot files (with gettext-parser, which @wordpress/i18n's tooling brings),
 * writing them in the layout of `wp i18n make-pot`, and which strings a shopper reads.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DOMAIN = 'korea-checkout';
export const ROOT = fileURLToPath(
	new URL( '../..', import.meta.url )
).replace( /\/$/, '' );
export const LANGUAGES = join( ROOT, 'languages' );
export const POT_FILE = join( LANGUAGES, `${ DOMAIN }.pot` );

/** The locales the plugin ships, and which strings each must translate. */
export const LOCALES: Array< { locale: string; required: 'all' | 'shopper' } > =
	[
		{ locale: 'ko_KR', required: 'all' },
		{ locale: 'ja', required: 'shopper' },
		{ locale: 'zh_CN', required: 'shopper' },
	];

/**
 * Where the strings a shopper reads come from: the checkouts (both kinds), the order-received page, the
 * virtual-account details, the shopper's emails and the failure messages. A string is a shopper's when one of
 * its `#:` references is in one of these files; everything else (settings, order screen, notes, Site Health,
 * WP-CLI, logs) is for the store's staff. Decided by file so that a new string needs no marking: put it in the
 * file that shows it.
 */
export const SHOPPER_SOURCES: RegExp[] = [
	/^includes\/Checkout\//,
	/^includes\/PaymentMethods\.php$/,
	/^includes\/Gateway\/(FailureMessages|VirtualAccountView|OrderStatusView|ReturnHandler|Gateway|StatusRoute|OrderFacts)\.php$/,
	/^src\/(payment-method|address-search|classic-checkout|checkout-fields|order-status|korean-phone)\//,
];

export interface PoEntry {
	msgctxt?: string;
	msgid: string;
	msgid_plural?: string;
	msgstr: string[];
	comments?: {
		translator?: string;
		extracted?: string;
		reference?: string;
		flag?: string;
		previous?: string;
	};
}

export interface PoFile {
	charset?: string;
	headers: Record< string, string >;
	translations: Record< string, Record< string, PoEntry > >;
}

interface GettextParser {
	po: { parse: ( input: Buffer | string, charset?: string ) => PoFile };
	mo: {
		parse: ( input: Buffer, charset?: string ) => PoFile;
		compile: ( data: PoFile ) => Buffer;
	};
}

// gettext-parser ships no types.
export const gettextParser = createRequire( import.meta.url )(
	'gettext-parser'
) as GettextParser;

/** The key a string is known by: its context and its text. */
export function entryKey(
	entry: Pick< PoEntry, 'msgctxt' | 'msgid' >
): string {
	return `${ entry.msgctxt ?? '' }\u0004${ entry.msgid }`;
}

export function readPo( file: string ): PoFile {
	return gettextParser.po.parse( readFileSync( file ) );
}

/** Every string of a .po/.pot file but the header, in file order. */
export function entriesOf( po: PoFile ): PoEntry[] {
	return Object.values( po.translations )
		.flatMap( ( context ) => Object.values( context ) )
		.filter( ( entry ) => entry.msgid !== '' );
}

/** The files an entry's `#:` references point at (without line numbers). */
export function sourcesOf( entry: PoEntry ): string[] {
	return ( entry.comments?.reference ?? '' )
		.split( /\s+/ )
		.filter( ( ref ) => ref !== '' )
		.map( ( ref ) => ref.replace( /:\d+$/, '' ) );
}

export function isShopperString( entry: PoEntry ): boolean {
	return sourcesOf( entry ).some( ( file ) =>
		SHOPPER_SOURCES.some( ( pattern ) => pattern.test( file ) )
	);
}

/** Whether the entry has a translation that WordPress would use (every form filled in, not fuzzy). */
export function isTranslated( entry: PoEntry | undefined ): boolean {
	return (
		entry !== undefined &&
		! /\bfuzzy\b/.test( entry.comments?.flag ?? '' ) &&
		entry.msgstr.length > 0 &&
		entry.msgstr.every( ( text ) => text.trim() !== '' )
	);
}

/** The printf placeholders of a text (`%s`, `%1$s`, `%d`), sorted, for comparing a source and its translation. */
export function placeholders( text: string ): string[] {
	return ( text.match( /%(\d+\$)?[sdf]/g ) ?? [] ).sort();
}

/** A string in .po quoting, split after line breaks as gettext writes it. */
export function quote( text: string ): string {
	const escaped = text
		.replace( /\\/g, '\\\\' )
		.replace( /"/g, '\\"' )
		.replace( /\t/g, '\\t' )
		.replace( /\r/g, '\\r' );
	if ( ! escaped.includes( '\n' ) ) {
		return `"${ escaped }"`;
	}
	const lines = escaped
		.split( '\n' )
		.map( ( line, index, all ) =>
			index < all.length - 1 ? `${ line }\\n` : line
		);
	return [
		'""',
		...lines
			.filter( ( line ) => line !== '' )
			.map( ( line ) => `"${ line }"` ),
	].join( '\n' );
}

/** One entry as a .po block: comments, references, flags, then the strings. */
export function formatEntry( entry: PoEntry, forms: number ): string {
	const lines: string[] = [];
	for ( const line of ( entry.comments?.translator ?? '' ).split( '\n' ) ) {
		if ( line !== '' ) {
			lines.push( `# ${ line }` );
		}
	}
	for ( const line of ( entry.comments?.extracted ?? '' ).split( '\n' ) ) {
		if ( line !== '' ) {
			lines.push( `#. ${ line }` );
		}
	}
	if ( entry.comments?.reference ) {
		lines.push(
			`#: ${ entry.comments.reference.split( /\s+/ ).join( ' ' ) }`
		);
	}
	if ( entry.comments?.flag ) {
		lines.push( `#, ${ entry.comments.flag }` );
	}
	if ( entry.msgctxt !== undefined ) {
		lines.push( `msgctxt ${ quote( entry.msgctxt ) }` );
	}
	lines.push( `msgid ${ quote( entry.msgid ) }` );
	if ( entry.msgid_plural !== undefined ) {
		lines.push( `msgid_plural ${ quote( entry.msgid_plural ) }` );
		for ( let form = 0; form < forms; form++ ) {
			lines.push(
				`msgstr[${ form }] ${ quote( entry.msgstr[ form ] ?? '' ) }`
			);
		}
	} else {
		lines.push( `msgstr ${ quote( entry.msgstr[ 0 ] ?? '' ) }` );
	}
	return lines.join( '\n' );
}

/** How many plural forms a file's `Plural-Forms` header names (2 when it names none). */
export function pluralForms( po: PoFile ): number {
	const header =
		Object.entries( po.headers ).find(
			( [ name ] ) => name.toLowerCase() === 'plural-forms'
		)?.[ 1 ] ?? '';
	const count = /nplurals\s*=\s*(\d+)/.exec( header )?.[ 1 ];
	return count === undefined ? 2 : Number( count );
}
