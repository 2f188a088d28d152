/**
 * Reads test counts from the reports the runners write (Vitest JSON, JUnit XML from PHPUnit) or, as a last
 * resort, from the summary line a runner prints.
 */
import { existsSync, readFileSync } from 'node:fs';

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

function firstLine( text: string ): string {
	return (
		stripAnsi( text )
			.split( '\n' )
			.map( ( line ) => line.trim() )
			.find( Boolean ) ?? ''
	).slice( 0, 240 );
}

function decodeXml( text: string ): string {
	return text
		.replace( /&lt;/g, '<' )
		.replace( /&gt;/g, '>' )
		.replace( /&quot;/g, '"' )
		.replace( /&apos;/g, "'" )
		.replace( /&amp;/g, '&' );
}

export function fromVitestJson( file: string ): Counts | null {
	if ( ! existsSync( file ) ) {
		return null;
	}
	try {
		const report = JSON.parse( readFileSync( file, 'utf8' ) ) as {
			numPassedTests?: number;
			numFailedTests?: number;
			numPendingTests?: number;
			numTodoTests?: number;
			testResults?: Array< {
				name?: string;
				message?: string;
				status?: string;
				assertionResults?: Array< {
					fullName?: string;
					status?: string;
					failureMessages?: string[];
				} >;
			} >;
		};
		const failures: string[] = [];
		for ( const suite of report.testResults ?? [] ) {
			const fileName = ( suite.name ?? '' ).replace(
				/^.*?\/(sandbox|tests)\//,
				'$1/'
			);
			for ( const test of suite.assertionResults ?? [] ) {
				if ( test.status === 'failed' ) {
					failures.push(
						`${ fileName } › ${ test.fullName ?? '?' }: ${ firstLine( test.failureMessages?.[ 0 ] ?? '' ) }`
					);
				}
			}
			if ( suite.status === 'failed' && suite.message ) {
				failures.push(
					`${ fileName }: ${ firstLine( suite.message ) }`
				);
			}
		}
		return {
			failures,
			passed: report.numPassedTests ?? 0,
			failed: report.numFailedTests ?? 0,
			skipped:
				( report.numPendingTests ?? 0 ) + ( report.numTodoTests ?? 0 ),
		};
	} catch {
		return null;
	}
}

function attribute( tag: string, name: string ): number {
	const match = new RegExp( `\\b${ name }="(\\d+)"` ).exec( tag );
	return match ? Number( match[ 1 ] ) : 0;
}

/** Sums the outermost <testsuite> elements (or reads <testsuites> totals) of a JUnit XML file. */
export function fromJUnit( file: string ): Counts | null {
	if ( ! existsSync( file ) ) {
		return null;
	}
	const xml = readFileSync( file, 'utf8' );
	const suites = xml.match( /<testsuite\b[^>]*>/g );
	if ( ! suites ) {
		return null;
	}
	// PHPUnit nests suites; the first one encloses all the others.
	const outer = /<testsuites\b[^>]*\btests="/.exec( xml )
		? ( /<testsuites\b[^>]*>/.exec( xml )?.[ 0 ] ?? '' )
		: ( suites[ 0 ] ?? '' );
	const tests = attribute( outer, 'tests' );
	const failed =
		attribute( outer, 'failures' ) + attribute( outer, 'errors' );
	const skipped = attribute( outer, 'skipped' );
	const failures: string[] = [];
	const cases = /<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g;
	for ( const match of xml.matchAll( cases ) ) {
		const body = match[ 2 ] ?? '';
		const problem =
			/<(failure|error)\b[^>]*?(?:message="([^"]*)")?[^>]*>([\s\S]*?)<\/\1>|<(failure|error)\b[^>]*?message="([^"]*)"[^>]*\/>/.exec(
				body
			);
		if ( ! problem ) {
			continue;
		}
		const head = match[ 1 ] ?? '';
		const name = /\bname="([^"]*)"/.exec( head )?.[ 1 ] ?? '?';
		const owner = /\bclassname="([^"]*)"/.exec( head )?.[ 1 ] ?? '';
		// PHPUnit starts the text with `Class::test`; the reason is on the next line.
		const why = ( problem[ 2 ] || problem[ 5 ] || problem[ 3 ] || '' )
			.split( '\n' )
			.filter( ( line ) => ! line.trim().endsWith( `::${ name }` ) )
			.join( '\n' );
		const label = decodeXml( owner ? `${ owner } › ${ name }` : name );
		failures.push( `${ label }: ${ firstLine( decodeXml( why ) ) }` );
	}
	return {
		failures,
		passed: Math.max( 0, tests - failed - skipped ),
		failed,
		skipped,
	};
}

/** Recognises the summary lines of PHPUnit, Vitest, node:test and our own `tests: N passed, N failed`. */
export function fromOutput( output: string ): Counts | null {
	const text = stripAnsi( output );
	let match = /tests: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(
		text
	);
	if ( match ) {
		return {
			passed: Number( match[ 1 ] ),
			failed: Number( match[ 2 ] ),
			skipped: Number( match[ 3 ] ?? 0 ),
		};
	}
	match = /OK \((\d+) tests?, \d+ assertions?\)/.exec( text );
	if ( match ) {
		return { passed: Number( match[ 1 ] ), failed: 0, skipped: 0 };
	}
	match =
		/Tests: (\d+), Assertions: \d+(?:, Errors: (\d+))?(?:, Failures: (\d+))?(?:, Warnings: \d+)?(?:, Skipped: (\d+))?(?:, Incomplete: (\d+))?/.exec(
			text
		);
	if ( match ) {
		const total = Number( match[ 1 ] );
		const failed = Number( match[ 2 ] ?? 0 ) + Number( match[ 3 ] ?? 0 );
		const skipped = Number( match[ 4 ] ?? 0 ) + Number( match[ 5 ] ?? 0 );
		return { passed: total - failed - skipped, failed, skipped };
	}
	const pass = /^# pass (\d+)$/m.exec( text );
	const fail = /^# fail (\d+)$/m.exec( text );
	if ( pass && fail ) {
		const skip = /^# skipped (\d+)$/m.exec( text );
		return {
			passed: Number( pass[ 1 ] ),
			failed: Number( fail[ 1 ] ),
			skipped: Number( skip?.[ 1 ] ?? 0 ),
		};
	}
	match =
		/Tests\s+(?:(\d+) failed \| )?(\d+) passed(?: \| (\d+) skipped)?/.exec(
			text
		);
	if ( match ) {
		return {
			passed: Number( match[ 2 ] ),
			failed: Number( match[ 1 ] ?? 0 ),
			skipped: Number( match[ 3 ] ?? 0 ),
		};
	}
	return null;
}
