/** The frame around every view: the sandbox banner, the shop's name and the language switch. */
import type { Locale, Translate } from '../i18n/index.ts';
import { h } from '../lib/dom.ts';
import { languageSwitch } from '../lib/language-switch.ts';

export function shell(
	t: Translate,
	locale: Locale,
	shopName: string,
	onLocale: ( locale: Locale ) => void,
	content: HTMLElement
): HTMLElement[] {
	return [
		h(
			'div',
			{
				class: 'sandbox-banner',
				role: 'note',
				'data-testid': 'sandbox-banner',
			},
			t( 'common.sandboxBanner' )
		),
		h(
			'header',
			{ class: 'top' },
			h(
				'p',
				{ class: 'top__shop', 'data-testid': 'shop-name' },
				shopName
			),
			languageSwitch( t, locale, onLocale )
		),
		h( 'main', { id: 'main', class: 'main' }, content ),
	];
}
