/**
 * Ours, because wp-cli/i18n-command is not in the Packagist copy reached here.
 *
 * The one command for translations: `npx tsx tools/i18n/update.ts`. It writes languages/korea-checkout.pot from the
 * sources, brings every .po in line with it and compiles the .mo files, writes the scripts' JSON translations,
 * then says what is still missing (exit 1 when the js test layer would fail: ko_KR lacks a string, or ja / zh_CN
 * lack a string a shopper reads). Translate what it lists in the .po files and run it again.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { describe, translationReport } from './check.ts';
import { LOCALES, ROOT } from './po.ts';
import { mergeLocale } from './update-po.ts';

function run( script: string ): void {
	const result = spawnSync(
		process.execPath,
		[
			'--import',
			'tsx',
			fileURLToPath( new URL( script, import.meta.url ) ),
		],
		{ cwd: ROOT, stdio: 'inherit' }
	);
	if ( result.status !== 0 ) {
		process.exit( result.status ?? 1 );
	}
}

run( './make-pot.ts' );
for ( const { locale } of LOCALES ) {
	mergeLocale( locale );
}
run( './make-json.ts' );

const { problems, coverage } = translationReport();
for ( const row of coverage ) {
	console.log(
		`[i18n] ${ row.locale }: ${ row.translated }/${ row.total } strings, shopper's ${ row.shopperTranslated }/${ row.shopperTotal } (required: ${ row.required === 'all' ? 'every string' : "the shopper's strings" })`
	);
}
if ( problems.length > 0 ) {
	console.log( `[i18n] ${ problems.length } to do:` );
	for ( const line of describe( problems ) ) {
		console.log( `  ${ line }` );
	}
	process.exit( 1 );
}
console.log( '[i18n] nothing missing' );
