/**
 * Ours, because wp-cli/i18n-command (`wp i18n make-pot`) is not in the Packagist copy reached here.
 *
 * `npm run i18n:pot`: writes languages/korea-checkout.pot from the plugin's PHP and TypeScript (see extract.ts).
 * `tsx tools/i18n/update.ts` runs it with the rest of the translation chores.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

import {
	buildPot,
	phpEntries,
	pluginVersion,
	scriptEntries,
} from './extract.ts';
import { POT_FILE, ROOT } from './po.ts';

const php = phpEntries();
const scripts = scriptEntries();
writeFileSync( POT_FILE, buildPot( [ ...php, ...scripts ], pluginVersion() ) );
const count = new Set(
	[ ...php, ...scripts ].map(
		( e ) => `${ e.context ?? '' }\u0004${ e.msgid }`
	)
).size;
console.log(
	`[i18n] ${ relative( ROOT, POT_FILE ) }: ${ count } strings (${ php.length } calls in PHP, ${ scripts.length } in TypeScript)`
);
