// @vitest-environment node
/**
 * The translations the plugin ships: the .pot holds every string of the sources, Korean translates every one,
 * Japanese and Chinese every string a shopper reads (tools/i18n/po.ts says which those are: by source file),
 * translations keep their placeholders, and the .po and .mo files match the .pot. `npx tsx tools/i18n/update.ts`
 * regenerates everything and lists what is left to translate.
 */
import { describe, expect, it } from 'vitest';
import {
	describe as explain,
	potProblems,
	translationReport,
	type Problem,
} from '../../../tools/i18n/check.ts';

const FIX =
	'run `npx tsx tools/i18n/update.ts`, translate what it lists, run it again';

function only( problems: Problem[], kinds: Array< Problem[ 'kind' ] > ) {
	return explain(
		problems.filter( ( problem ) => kinds.includes( problem.kind ) )
	);
}

describe( 'translations', () => {
	const report = translationReport();

	it( 'the .pot holds every string of the sources', () => {
		expect( explain( potProblems() ), FIX ).toEqual( [] );
	} );

	it( 'Korean translates every string, Japanese and Chinese every string a shopper reads', () => {
		expect(
			only( report.problems, [ 'untranslated', 'po-missing' ] ),
			FIX
		).toEqual( [] );
		const shopper = report.coverage.find( ( row ) => row.locale === 'ja' );
		expect( shopper?.shopperTotal ).toBeGreaterThan( 50 );
	} );

	it( 'translations keep the placeholders of their source', () => {
		expect( only( report.problems, [ 'placeholders' ] ) ).toEqual( [] );
	} );

	it( 'the .po and .mo files match the .pot', () => {
		expect(
			only( report.problems, [ 'po-stale', 'mo-stale' ] ),
			FIX
		).toEqual( [] );
	} );
} );
