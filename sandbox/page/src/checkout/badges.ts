/** Our own simple marks for each method (no copied logos): an icon for the generic ones, a coloured word mark for wallets. */
import { h, svgIcon } from '../lib/dom.ts';
import type { MethodId } from '../lib/methods.ts';

const ICONS: Partial< Record< MethodId, string[] > > = {
	card: [ 'M3 6.5h18v11H3z', 'M3 10h18', 'M6.5 14.5h4' ],
	virtual_account: [
		'M3 9.5 12 4l9 5.5',
		'M5 10v7',
		'M9.7 10v7',
		'M14.3 10v7',
		'M19 10v7',
		'M3 19.5h18',
	],
	bank_transfer: [
		'M4 8h14',
		'M14.5 4.5 18 8l-3.5 3.5',
		'M20 16H6',
		'M9.5 12.5 6 16l3.5 3.5',
	],
};

const WORD_MARKS: Partial<
	Record< MethodId, [ strong: string, rest: string ] >
> = {
	kakao_pay: [ 'K', 'pay' ],
	naver_pay: [ 'N', 'pay' ],
	toss_pay: [ 'toss', '' ],
	samsung_pay: [ 'S', 'pay' ],
};

export function methodBadge( id: MethodId ): HTMLElement {
	const badge = h( 'span', {
		class: `badge badge--${ id }`,
		'aria-hidden': 'true',
	} );
	const icon = ICONS[ id ];
	if ( icon ) {
		badge.appendChild( svgIcon( icon, 'badge__icon' ) );
		return badge;
	}
	const [ strong, rest ] = WORD_MARKS[ id ] ?? [
		id.slice( 0, 1 ).toUpperCase(),
		'',
	];
	badge.append( h( 'b', {}, strong ), rest );
	return badge;
}
