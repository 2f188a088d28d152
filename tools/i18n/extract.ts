/**
 * Ours, because wp-cli/i18n-command (`wp i18n make-pot`) is not in the Packagist copy reached here.
 *
 * Finds the `korea-checkout` strings of the plugin's PHP (includes/, the main file, uninstall.php; read with PHP's
 * tokenizer, tools/i18n/extract-php.php) and TypeScript (src/; read with the TypeScript compiler), with translator
 * comments and references, and lays them out as a .pot. Used by make-pot.ts and by the translation check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

import { DOMAIN, ROOT as root, quote } from './po.ts';

export interface Entry {
	msgid: string;
	plural: string | null;
	context: string | null;
	comment: string | null;
	ref: string;
}

/** [single, plural, context, domain] argument positions of @wordpress/i18n functions. */
const JS_FUNCTIONS: Record<
	string,
	[ number, number | null, number | null, number ]
> = {
	__: [ 0, null, null, 1 ],
	_x: [ 0, null, 1, 2 ],
	_n: [ 0, 1, null, 3 ],
	_nx: [ 0, 1, 3, 4 ],
};

function walk( dir: string, pattern: RegExp ): string[] {
	if ( ! existsSync( dir ) ) {
		return [];
	}
	return readdirSync( dir, { recursive: true } )
		.map( ( name ) => join( dir, String( name ) ) )
		.filter(
			( file ) =>
				pattern.test( file ) && ! file.includes( 'node_modules' )
		)
		.sort();
}

export function phpEntries(): Entry[] {
	const files = [
		...[ 'korea-checkout.php', 'uninstall.php' ]
			.map( ( file ) => join( root, file ) )
			.filter( existsSync ),
		...walk( join( root, 'includes' ), /\.php$/ ),
	];
	const result = spawnSync(
		'php',
		[ join( root, 'tools/i18n/extract-php.php' ), DOMAIN, ...files ],
		{
			cwd: root,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		}
	);
	if ( result.status !== 0 ) {
		throw new Error(
			`PHP extraction failed: ${ result.stderr || result.error?.message }`
		);
	}
	return JSON.parse( result.stdout ) as Entry[];
}

function literal( node: ts.Expression | undefined ): string | null {
	if (
		node &&
		( ts.isStringLiteral( node ) ||
			ts.isNoSubstitutionTemplateLiteral( node ) )
	) {
		return node.text;
	}
	return null;
}

function translatorComment(
	source: ts.SourceFile,
	node: ts.Node
): string | null {
	// The comment may sit before the call or before the statement that holds it.
	for (
		let current: ts.Node | undefined = node;
		current && current !== source;
		current = current.parent
	) {
		const ranges =
			ts.getLeadingCommentRanges( source.text, current.getFullStart() ) ??
			[];
		for ( const range of ranges ) {
			const text = source.text.slice( range.pos, range.end );
			const match = /translators:\s*([\s\S]+?)\s*(?:\*\/)?$/.exec( text );
			if ( match?.[ 1 ] ) {
				return match[ 1 ].replace( /\s*\n\s*\*?\s*/g, ' ' ).trim();
			}
		}
		if ( ts.isStatement( current ) ) {
			break;
		}
	}
	return null;
}

export function scriptEntries(): Entry[] {
	const entries: Entry[] = [];
	for ( const file of walk( join( root, 'src' ), /\.(tsx?|jsx?)$/ ) ) {
		if ( /\.(test|spec)\.|\.d\.ts$/.test( file ) ) {
			continue;
		}
		const source = ts.createSourceFile(
			file,
			readFileSync( file, 'utf8' ),
			ts.ScriptTarget.Latest,
			true
		);
		const visit = ( node: ts.Node ): void => {
			if ( ts.isCallExpression( node ) ) {
				const callee = node.expression;
				let name: string | null = null;
				if ( ts.isIdentifier( callee ) ) {
					name = callee.text;
				} else if ( ts.isPropertyAccessExpression( callee ) ) {
					name = callee.name.text;
				}
				const spec = name ? JS_FUNCTIONS[ name ] : undefined;
				if ( spec ) {
					const [ single, plural, context, domain ] = spec;
					const msgid = literal( node.arguments[ single ] );
					if (
						msgid !== null &&
						literal( node.arguments[ domain ] ) === DOMAIN
					) {
						const line =
							source.getLineAndCharacterOfPosition(
								node.getStart()
							).line + 1;
						entries.push( {
							msgid,
							plural:
								plural === null
									? null
									: literal( node.arguments[ plural ] ),
							context:
								context === null
									? null
									: literal( node.arguments[ context ] ),
							comment: translatorComment( source, node ),
							ref: `${ relative( root, file ) }:${ line }`,
						} );
					}
				}
			}
			ts.forEachChild( node, visit );
		};
		visit( source );
	}
	return entries;
}

export function buildPot( entries: Entry[], version: string ): string {
	const merged = new Map<
		string,
		Entry & { refs: string[]; comments: Set< string > }
	>();
	for ( const entry of entries ) {
		const key = `${ entry.context ?? '' }\u0004${ entry.msgid }`;
		const existing = merged.get( key );
		if ( existing ) {
			existing.refs.push( entry.ref );
			existing.plural ??= entry.plural;
			if ( entry.comment ) {
				existing.comments.add( entry.comment );
			}
		} else {
			merged.set( key, {
				...entry,
				refs: [ entry.ref ],
				comments: new Set( entry.comment ? [ entry.comment ] : [] ),
			} );
		}
	}
	const header = [
		'# Copyright (C) Korea Checkout',
		'# This file is distributed under the GPL-2.0-or-later.',
		'msgid ""',
		'msgstr ""',
		`"Project-Id-Version: Korea Checkout for WooCommerce ${ version }\\n"`,
		'"Report-Msgid-Bugs-To: https://koreacheckout.com/\\n"',
		'"MIME-Version: 1.0\\n"',
		'"Content-Type: text/plain; charset=UTF-8\\n"',
		'"Content-Transfer-Encoding: 8bit\\n"',
		'"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"',
		'"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"',
		'"Language-Team: LANGUAGE <LL@li.org>\\n"',
		'"Language: \\n"',
		'"X-Domain: korea-checkout\\n"',
		'',
	].join( '\n' );
	const blocks = [ ...merged.values() ].map( ( entry ) => {
		const lines: string[] = [];
		for ( const comment of entry.comments ) {
			lines.push( `#. translators: ${ comment }` );
		}
		lines.push( `#: ${ entry.refs.join( ' ' ) }` );
		if (
			entry.ref.endsWith( '.php', entry.ref.lastIndexOf( ':' ) ) &&
			/%(\d+\$)?[sdf]/.test( entry.msgid )
		) {
			lines.push( '#, php-format' );
		}
		if ( entry.context !== null ) {
			lines.push( `msgctxt ${ quote( entry.context ) }` );
		}
		lines.push( `msgid ${ quote( entry.msgid ) }` );
		if ( entry.plural !== null ) {
			lines.push(
				`msgid_plural ${ quote( entry.plural ) }`,
				'msgstr[0] ""',
				'msgstr[1] ""'
			);
		} else {
			lines.push( 'msgstr ""' );
		}
		return lines.join( '\n' );
	} );
	return `${ header }\n${ blocks.join( '\n\n' ) }\n`;
}

/** The plugin's version, from its main file's header. */
export function pluginVersion(): string {
	return (
		/Version:\s*(\S+)/.exec(
			readFileSync( join( root, 'korea-checkout.php' ), 'utf8' )
		)?.[ 1 ] ?? '0.0.0'
	);
}
