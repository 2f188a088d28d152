/** The message catalogue of the hosted page and the dashboard, and the one `t()` that reads it. */
import { en } from './en.ts';
import { ja } from './ja.ts';
import { ko, type MessageKey } from './ko.ts';
import { zh } from './zh.ts';

export type { MessageKey };
export const LOCALES = [ 'ko', 'en', 'ja', 'zh' ] as const;
export type Locale = ( typeof LOCALES )[ number ];

/** Each language's own name, as the language switch shows it. */
export const LOCALE_NAMES: Record< Locale, string > = {
	ko: '한국어',
	en: 'English',
	ja: '日本語',
	zh: '中文',
};

/** BCP 47 tag for the html lang attribute. */
export const HTML_LANG: Record< Locale, string > = {
	ko: 'ko',
	en: 'en',
	ja: 'ja',
	zh: 'zh-Hans',
};

export const CATALOGUES: Record< Locale, Record< MessageKey, string > > = {
	ko,
	en,
	ja,
	zh,
};

export function isLocale( value: unknown ): value is Locale {
	return (
		typeof value === 'string' &&
		( LOCALES as readonly string[] ).includes( value )
	);
}

/**
 * The first valid candidate wins; Korean otherwise.
 * @param {...any} candidates
 */
export function pickLocale(
	...candidates: Array< string | null | undefined >
): Locale {
	for ( const candidate of candidates ) {
		const short = candidate?.trim().toLowerCase();
		if ( isLocale( short ) ) {
			return short;
		}
	}
	return 'ko';
}

export type Translate = (
	key: MessageKey,
	params?: Record< string, string | number >
) => string;

export function translator( locale: Locale ): Translate {
	const messages = CATALOGUES[ locale ];
	return ( key, params ) =>
		// An unknown key (a status the sandbox added later) shows as itself rather than breaking the page.
		( messages[ key ] ?? key ).replace(
			/\{(\w+)\}/g,
			( whole, name: string ) =>
				params && name in params ? String( params[ name ] ) : whole
		);
}
