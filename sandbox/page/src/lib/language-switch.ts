/** The language switch of both pages: each language named in itself. */
import {
	LOCALE_NAMES,
	LOCALES,
	isLocale,
	type Locale,
	type Translate,
} from '../i18n/index.ts';
import { h } from './dom.ts';

export function languageSwitch(
	t: Translate,
	locale: Locale,
	onChange: ( locale: Locale ) => void
): HTMLElement {
	const select = h(
		'select',
		{ id: 'lang', name: 'lang' },
		LOCALES.map( ( code ) =>
			h(
				'option',
				{ value: code, lang: code, selected: code === locale },
				LOCALE_NAMES[ code ]
			)
		)
	);
	select.addEventListener( 'change', () => {
		if ( isLocale( select.value ) ) {
			onChange( select.value );
		}
	} );
	return h(
		'div',
		{ class: 'lang' },
		h( 'label', { for: 'lang' }, t( 'common.language' ) ),
		select
	);
}
