/** The webhook delivery log of the dashboard, with "redeliver" on each. */
import type { Locale, MessageKey, Translate } from '../i18n/index.ts';
import type { Delivery } from '../lib/api.ts';
import { h } from '../lib/dom.ts';
import { formatDateTime } from '../lib/money.ts';

function lastAnswer( delivery: Delivery, locale: Locale ): string {
	const last = delivery.attempts.at( -1 );
	if ( ! last ) {
		return '—';
	}
	const when = formatDateTime( last.at ?? last.time, locale );
	const status = last.status ?? '—';
	const ms = typeof last.ms === 'number' ? ` · ${ last.ms } ms` : '';
	return `${ status }${ ms } · ${ when }`;
}

export function deliveriesView(
	deliveries: Delivery[],
	locale: Locale,
	t: Translate,
	redeliver: ( id: string ) => void
): HTMLElement {
	const head = [
		t( 'dash.event' ),
		t( 'dash.session' ),
		t( 'dash.url' ),
		t( 'dash.state' ),
		t( 'dash.attempts' ),
		t( 'dash.lastResult' ),
		t( 'dash.actions' ),
	];
	const rows = deliveries.map( ( d ) => {
		const state = t( `dash.delivery.${ d.state }` as MessageKey );
		return h(
			'tr',
			{ 'data-delivery': d.id },
			h(
				'td',
				{},
				h( 'code', {}, d.event ),
				h( 'br', {} ),
				h( 'span', { class: 'muted mono' }, d.eventId )
			),
			h( 'td', { class: 'mono' }, d.sessionId ?? '—' ),
			h( 'td', { class: 'wrap' }, d.url ),
			h(
				'td',
				{},
				h(
					'span',
					{ class: `pill pill--${ d.state }` },
					state.startsWith( 'dash.' ) ? d.state : state
				)
			),
			h(
				'td',
				{},
				t( 'dash.attemptCount', { count: d.attempts.length } )
			),
			h( 'td', {}, lastAnswer( d, locale ) ),
			h(
				'td',
				{},
				h(
					'button',
					{
						type: 'button',
						class: 'button button--secondary button--small',
						id: `redeliver-${ d.id }`,
						onclick: () => redeliver( d.id ),
					},
					t( 'dash.redeliver' )
				)
			)
		);
	} );
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
					'div',
					{
						class: 'table-scroll',
						tabindex: 0,
						role: 'region',
						'aria-labelledby': 'deliveries-title',
					},
					h(
						'table',
						{},
						h(
							'thead',
							{},
							h(
								'tr',
								{},
								head.map( ( label ) =>
									h( 'th', { scope: 'col' }, label )
								)
							)
						),
						h( 'tbody', {}, rows )
					)
				)
	);
}
