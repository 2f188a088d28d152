/** The webhook delivery log of the dashboard, with "redeliver" on each. */
import type { Locale, MessageKey, Translate } from '../i18n/index.ts';
import type { Delivery } from '../lib/api.ts';
import { h } from '../lib/dom.ts';
import { formatDateTime } from '../lib/money.ts';

type Cell = [ content: Node | string, className?: string ];

const COLUMNS: MessageKey[] = [
	'dash.event',
	'dash.session',
	'dash.url',
	'dash.state',
	'dash.attempts',
	'dash.lastResult',
	'dash.actions',
];

function lastAnswer( delivery: Delivery, locale: Locale ): string {
	const last = delivery.attempts.at( -1 );
	if ( ! last ) {
		return '—';
	}
	const when = formatDateTime( last.at ?? last.time, locale );
	const ms = typeof last.ms === 'number' ? ` · ${ last.ms } ms` : '';
	return `${ last.status ?? '—' }${ ms } · ${ when }`;
}

function cells(
	d: Delivery,
	locale: Locale,
	t: Translate,
	redeliver: ( id: string ) => void
): Cell[] {
	const state = t( `dash.delivery.${ d.state }` as MessageKey );
	const event = h(
		'span',
		{},
		h( 'code', {}, d.event ),
		h( 'br', {} ),
		h( 'span', { class: 'muted mono' }, d.eventId )
	);
	const button = h(
		'button',
		{
			type: 'button',
			class: 'button button--secondary button--small',
			id: `redeliver-${ d.id }`,
			onclick: () => redeliver( d.id ),
		},
		t( 'dash.redeliver' )
	);
	// In the order of COLUMNS.
	return [
		[ event ],
		[ d.sessionId ?? '—', 'mono' ],
		[ d.url, 'wrap' ],
		[
			h(
				'span',
				{ class: `pill pill--${ d.state }` },
				state.startsWith( 'dash.' ) ? d.state : state
			),
		],
		[ t( 'dash.attemptCount', { count: d.attempts.length } ) ],
		[ lastAnswer( d, locale ) ],
		[ button ],
	];
}

export function deliveriesView(
	deliveries: Delivery[],
	locale: Locale,
	t: Translate,
	redeliver: ( id: string ) => void
): HTMLElement {
	const rows = deliveries.map( ( d ) =>
		h(
			'tr',
			{ 'data-delivery': d.id },
			// data-label lets a phone show each cell under its column's name (the header row is hidden there).
			cells( d, locale, t, redeliver ).map(
				( [ content, className ], i ) =>
					h(
						'td',
						{
							'data-label': t( COLUMNS[ i ] ?? 'dash.actions' ),
							class: className,
						},
						content
					)
			)
		)
	);
	const head = COLUMNS.map( ( key ) =>
		h( 'th', { scope: 'col' }, t( key ) )
	);
	return h(
		'section',
		{ class: 'card', 'aria-labelledby': 'deliveries-title' },
		h(
			'h2',
			{ id: 'deliveries-title' },
			t( 'dash.deliveries' ),
			` (${ deliveries.length })`
		),
		deliveries.length === 0
			? h( 'p', { class: 'muted' }, t( 'dash.noDeliveries' ) )
			: h(
					'table',
					{ class: 'deliveries' },
					h( 'thead', {}, h( 'tr', {}, head ) ),
					h( 'tbody', {}, rows )
				)
	);
}
