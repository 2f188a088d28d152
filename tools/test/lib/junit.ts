/**
 * JUnit XML, the one report format of the test layers: every runner writes it (Vitest's junit reporter, PHPUnit's
 * --log-junit, Playwright's junit reporter, writeJUnit below for the lint and type checks), and `npm test` counts
 * tests and names failures from it alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface Counts {
	passed: number;
	failed: number;
	skipped: number;
	/** The names of the failed tests, with the first line of why, when the report says. */
	failures?: string[];
}

/** Text without the colour codes a runner prints. */
function stripAnsi( text: string ): string {
	return text.replace( /\u001b\[[0-9;]*m/g, '' );
}

function encodeXml( text: string ): string {
	return stripAnsi( text )
		.replace( /&/g, '&amp;' )
		.replace( /</g, '&lt;' )
		.replace( />/g, '&gt;' )
		.replace( /"/g, '&quot;' )
		.replace( /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '' );
}

function firstLine( text: string ): string {
	return (
		stripAnsi( text )
			.split( '\n' )
			.map( ( line ) => line.trim() )
			.find( Boolean ) ?? ''
	).slice( 0, 240 );
}

/** Undoes the five XML escapes of a JUnit attribute or text. */
export function decodeXml( text: string ): string {
	return text
		.replace( /&lt;/g, '<' )
		.replace( /&gt;/g, '>' )
		.replace( /&quot;/g, '"' )
		.replace( /&apos;/g, "'" )
		.replace( /&amp;/g, '&' );
}

function attribute( tag: string, name: string ): number {
	const match = new RegExp( `\\b${ name }="(\\d+)"` ).exec( tag );
	return match ? Number( match[ 1 ] ) : 0;
}

/**
 * Counts the test cases of a JUnit report (failed: a <failure> or <error> inside; skipped: a <skipped>) and names the
 * failed ones. A report whose totals name more failures than its cases (a file that failed before its tests ran)
 * counts the difference too. Null when there is no report.
 */
export function readJUnit( file: string ): Counts | null {
	if ( ! existsSync( file ) ) {
		return null;
	}
	const xml = readFileSync( file, 'utf8' );
	if ( ! /<testsuites?\b/.test( xml ) ) {
		return null;
	}
	let passed = 0;
	let skipped = 0;
	const failures: string[] = [];
	const cases = /<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g;
	for ( const match of xml.matchAll( cases ) ) {
		const body = match[ 2 ] ?? '';
		const problem =
			/<(failure|error)\b([^>]*?)\/>|<(failure|error)\b([^>]*)>([\s\S]*?)<\/\3>/.exec(
				body
			);
		if ( ! problem ) {
			if ( /<skipped\b/.test( body ) ) {
				skipped++;
			} else {
				passed++;
			}
			continue;
		}
		const head = match[ 1 ] ?? '';
		const name = /\bname="([^"]*)"/.exec( head )?.[ 1 ] ?? '?';
		const owner = /\bclassname="([^"]*)"/.exec( head )?.[ 1 ] ?? '';
		const label = decodeXml( owner ? `${ owner } › ${ name }` : name );
		// The reason: the message attribute (Playwright, Vitest), else the text, without the lines that only repeat
		// the test's name (PHPUnit starts with `Class::test`, Playwright with its title).
		const message = /\bmessage="([^"]*)"/.exec(
			problem[ 2 ] ?? problem[ 4 ] ?? ''
		)?.[ 1 ];
		const why =
			message ||
			( problem[ 5 ] ?? '' )
				.replace( /<!\[CDATA\[|\]\]>/g, '' )
				.split( '\n' )
				.filter(
					( line ) =>
						! line.trim().endsWith( `::${ name }` ) &&
						! line.includes( `› ${ name }` )
				)
				.join( '\n' );
		failures.push( `${ label }: ${ firstLine( decodeXml( why ) ) }` );
	}
	// PHPUnit nests suites; the first one (or <testsuites>) holds the totals.
	const outer =
		/<testsuites\b[^>]*\bfailures="[^>]*>/.exec( xml )?.[ 0 ] ??
		/<testsuite\b[^>]*>/.exec( xml )?.[ 0 ] ??
		'';
	const reported =
		attribute( outer, 'failures' ) + attribute( outer, 'errors' );
	for ( let extra = failures.length; extra < reported; extra++ ) {
		failures.push( 'an error outside any test (see the output above)' );
	}
	return { failures, passed, failed: failures.length, skipped };
}

export interface JUnitCase {
	name: string;
	seconds: number;
	/** Why it failed (the tool's output); absent when it passed. */
	failure?: string;
	/** Why it was skipped. */
	skipped?: string;
}

/** Writes one suite of cases as a JUnit report. */
export function writeJUnit(
	file: string,
	suite: string,
	cases: JUnitCase[]
): void {
	const failures = cases.filter( ( item ) => item.failure !== undefined );
	const skipped = cases.filter( ( item ) => item.skipped !== undefined );
	const seconds = cases.reduce( ( sum, item ) => sum + item.seconds, 0 );
	const body = cases.map( ( item ) => {
		const head = `<testcase classname="${ encodeXml( suite ) }" name="${ encodeXml( item.name ) }" time="${ item.seconds.toFixed( 3 ) }"`;
		if ( item.failure !== undefined ) {
			const first = firstLine( item.failure );
			return `${ head }><failure message="${ encodeXml( first ) }">${ encodeXml( item.failure.slice( -20_000 ) ) }</failure></testcase>`;
		}
		if ( item.skipped !== undefined ) {
			return `${ head }><skipped message="${ encodeXml( item.skipped ) }"/></testcase>`;
		}
		return `${ head }/>`;
	} );
	writeFileSync(
		file,
		[
			'<?xml version="1.0" encoding="UTF-8"?>',
			`<testsuites tests="${ cases.length }" failures="${ failures.length }" errors="0" skipped="${ skipped.length }" time="${ seconds.toFixed( 3 ) }">`,
			`<testsuite name="${ encodeXml( suite ) }" tests="${ cases.length }" failures="${ failures.length }" errors="0" skipped="${ skipped.length }" time="${ seconds.toFixed( 3 ) }">`,
			...body,
			'</testsuite>',
			'</testsuites>',
			'',
		].join( '\n' )
	);
}
