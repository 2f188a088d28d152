/** The sandbox dashboard at /sandbox/: sessions, webhook deliveries and the control surface's actions. Never shows a key or secret. */
import '../../styles/base.css';
import '../../styles/dashboard.css';
import {
	HTML_LANG,
	pickLocale,
	translator,
	type Locale,
} from '../i18n/index.ts';
import { api, ApiError, type Delivery, type Session } from '../lib/api.ts';
import { h } from '../lib/dom.ts';
import { languageSwitch } from '../lib/language-switch.ts';
import { deliveriesView } from './deliveries.ts';
import { sessionsView, type SessionAction } from './sessions.ts';

const root = document.getElementById( 'app' ) as HTMLElement;
let locale: Locale = pickLocale(
	new URLSearchParams( window.location.search ).get( 'lang' )
);
let sessions: Session[] = [];
let deliveries: Delivery[] = [];

const status = h( 'p', {
	class: 'progress',
	role: 'status',
	'aria-live': 'polite',
	id: 'dash-status',
} );
const alert = h( 'p', { class: 'error', role: 'alert', id: 'dash-error' } );
const lists = h( 'div', { class: 'lists' } );

function errorText( error: unknown ): string {
	const t = translator( locale );
	return error instanceof ApiError && error.status !== 0
		? t( 'common.requestFailed', {
				message: `${ error.code }: ${ error.message }`,
			} )
		: t( 'common.networkError' );
}

function drawLists(): void {
	const t = translator( locale );
	const focused = root.ownerDocument.activeElement?.id;
	lists.replaceChildren(
		sessionsView( sessions, locale, t, runSessionAction ),
		deliveriesView( deliveries, locale, t, redeliver )
	);
	if ( focused ) {
		document.getElementById( focused )?.focus();
	}
}

async function refresh(): Promise< void > {
	try {
		const [ s, d ] = await Promise.all( [
			api.sessions(),
			api.deliveries(),
		] );
		sessions = s.sessions;
		deliveries = d.deliveries;
		drawLists();
	} catch ( error ) {
		alert.textContent = errorText( error );
	}
}

async function perform(
	call: () => Promise< unknown >,
	done: string
): Promise< void > {
	alert.textContent = '';
	status.textContent = translator( locale )( 'common.loading' );
	try {
		await call();
		status.textContent = done;
	} catch ( error ) {
		status.textContent = '';
		alert.textContent = errorText( error );
	}
	await refresh();
}

function runSessionAction(
	id: string,
	action: SessionAction,
	label: string
): void {
	const done = translator( locale )( 'dash.done', { action: label, id } );
	const call = (): Promise< unknown > => {
		switch ( action.kind ) {
			case 'pay':
				return api.pay( id, action.method );
			case 'fail':
				return api.fail( id, action.code, action.message );
			case 'refund':
				return api.refund( id, action.amount );
			default:
				return api[ action.kind ]( id );
		}
	};
	void perform( call, done );
}

function redeliver( id: string ): void {
	const t = translator( locale );
	void perform(
		() => api.redeliver( id ),
		t( 'dash.done', { action: t( 'dash.redeliver' ), id } )
	);
}

/** Reset asks first, inline (no blocking dialog): the question, then "reset" or "cancel". */
function resetConfirmation(): HTMLElement {
	const t = translator( locale );
	const box = h( 'div', {
		class: 'confirm',
		id: 'reset-confirm',
		hidden: true,
	} );
	const close = () => {
		box.hidden = true;
		document.getElementById( 'reset' )?.focus();
	};
	box.append(
		h( 'p', {}, t( 'dash.resetConfirm' ) ),
		h(
			'button',
			{
				type: 'button',
				class: 'button button--warning button--small',
				id: 'reset-yes',
				onclick: () => {
					box.hidden = true;
					void perform( () => api.reset(), t( 'dash.resetDone' ) );
				},
			},
			t( 'dash.reset' )
		),
		h(
			'button',
			{
				type: 'button',
				class: 'button button--secondary button--small',
				id: 'reset-no',
				onclick: close,
			},
			t( 'dash.cancel' )
		)
	);
	return box;
}

function askReset(): void {
	const box = document.getElementById( 'reset-confirm' );
	if ( box ) {
		box.hidden = false;
		document.getElementById( 'reset-yes' )?.focus();
	}
}

function setLocale( next: Locale ): void {
	locale = next;
	const url = new URL( window.location.href );
	url.searchParams.set( 'lang', next );
	window.history.replaceState( null, '', url );
	draw();
	document.getElementById( 'lang' )?.focus();
}

function draw(): void {
	const t = translator( locale );
	document.documentElement.lang = HTML_LANG[ locale ];
	document.title = t( 'dash.pageTitle' );
	root.replaceChildren(
		h(
			'div',
			{ class: 'sandbox-banner', role: 'note' },
			t( 'common.sandboxBanner' )
		),
		h(
			'header',
			{ class: 'top' },
			h( 'h1', {}, t( 'dash.pageTitle' ) ),
			h(
				'div',
				{ class: 'top__tools' },
				languageSwitch( t, locale, setLocale ),
				h(
					'button',
					{
						type: 'button',
						class: 'button button--secondary button--small',
						id: 'refresh',
						onclick: () => void refresh(),
					},
					t( 'dash.refresh' )
				),
				h(
					'button',
					{
						type: 'button',
						class: 'button button--warning button--small',
						id: 'reset',
						onclick: askReset,
					},
					t( 'dash.reset' )
				)
			)
		),
		h(
			'main',
			{ id: 'main', class: 'main' },
			h( 'p', { class: 'muted' }, t( 'dash.secretNote' ) ),
			resetConfirmation(),
			status,
			alert,
			lists
		)
	);
	drawLists();
}

draw();
void refresh();
