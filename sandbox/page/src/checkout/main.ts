/** The hosted checkout page: loads the session named by the last path segment and shows what it allows. */
import '../../styles/base.css';
import '../../styles/checkout.css';
import {
	HTML_LANG,
	pickLocale,
	translator,
	type Locale,
} from '../i18n/index.ts';
import { api, ApiError, isPastExpiry, type Session } from '../lib/api.ts';
import { applyTheme, parseTheme } from '../lib/theme.ts';
import type { CheckoutContext } from './context.ts';
import { checkoutView } from './form.ts';
import { shell } from './shell.ts';
import {
	loadErrorView,
	notFoundView,
	stateView,
	virtualAccountView,
} from './states.ts';

const POLL_MS = 3000;
const root = document.getElementById( 'app' ) as HTMLElement;
const sessionId = decodeURIComponent(
	window.location.pathname.split( '/' ).filter( Boolean ).pop() ?? ''
);
const chosenLocale = new URLSearchParams( window.location.search ).get(
	'lang'
);

let locale: Locale = pickLocale( chosenLocale );
let current: { session: Session; storeUrl: string | undefined } | null = null;
let pollTimer: number | undefined;
/** The shopper chose to try a failed payment again. */
let retrying = false;

function setLocale( next: Locale ): void {
	locale = next;
	const url = new URL( window.location.href );
	url.searchParams.set( 'lang', next );
	window.history.replaceState( null, '', url );
	paint();
	document.getElementById( 'lang' )?.focus();
}

function draw( content: HTMLElement, title: string ): void {
	const t = translator( locale );
	document.documentElement.lang = HTML_LANG[ locale ];
	document.title = title;
	root.replaceChildren(
		...shell(
			t,
			locale,
			current?.session.shop?.name ?? '',
			setLocale,
			content
		)
	);
}

/** Draws the current session in the current language. */
function paint(): void {
	if ( ! current ) {
		return;
	}
	const t = translator( locale );
	const { session, storeUrl } = current;
	const ctx: CheckoutContext = { session, locale, t, show, retry };
	const title = t( 'checkout.pageTitle', { shop: session.shop?.name ?? '' } );
	window.clearTimeout( pollTimer );
	const payable =
		session.status === 'pending' ||
		( session.status === 'failed' && retrying );
	if ( payable && ! isPastExpiry( session ) ) {
		draw( checkoutView( ctx ), title );
		return;
	}
	if ( session.status === 'processing' ) {
		draw(
			session.virtualAccount
				? virtualAccountView( ctx, storeUrl )
				: stateView( ctx, 'processing' ),
			title
		);
		pollTimer = window.setTimeout( poll, POLL_MS );
		return;
	}
	draw(
		stateView(
			ctx,
			session.status === 'pending' ? 'expired' : session.status,
			storeUrl
		),
		title
	);
}

function retry(): void {
	retrying = true;
	paint();
	document.getElementById( 'pay-title' )?.focus();
}

function show( session: Session, storeUrl?: string ): void {
	retrying = false;
	current = { session, storeUrl };
	paint();
	document.getElementById( 'state-title' )?.focus();
}

/** A waiting session (a virtual account before its deposit) changes elsewhere: follow it. */
async function poll(): Promise< void > {
	if ( ! current ) {
		return;
	}
	const fresh = await api
		.session( current.session.sessionId )
		.catch( () => null );
	if ( fresh && fresh.status !== current.session.status ) {
		show( fresh );
	} else {
		pollTimer = window.setTimeout( poll, POLL_MS );
	}
}

async function load(): Promise< void > {
	const t = translator( locale );
	draw( loadingView( t( 'common.loading' ) ), t( 'common.loading' ) );
	if ( ! sessionId || sessionId === 'checkout' ) {
		draw( notFoundView( t ), t( 'state.notFound.title' ) );
		return;
	}
	try {
		const session = await api.session( sessionId );
		locale = pickLocale( chosenLocale, session.metadata?.locale );
		const theme = parseTheme( session.metadata?.theme );
		applyTheme( document.documentElement, theme );
		if ( theme.rejected.length > 0 ) {
			// A hint for the store's developer, who set the theme; shoppers never see it.
			// eslint-disable-next-line no-console
			console.warn(
				'Korea Checkout sandbox: theme entries dropped as unsafe:',
				theme.rejected
			);
		}
		current = { session, storeUrl: undefined };
		paint();
	} catch ( error ) {
		const tt = translator( locale );
		if ( error instanceof ApiError && error.status === 404 ) {
			draw( notFoundView( tt ), tt( 'state.notFound.title' ) );
		} else {
			const message =
				error instanceof ApiError && error.status !== 0
					? tt( 'common.requestFailed', { message: error.message } )
					: tt( 'common.networkError' );
			draw(
				loadErrorView( tt, message, () => void load() ),
				tt( 'common.loading' )
			);
		}
	}
}

function loadingView( text: string ): HTMLElement {
	const p = document.createElement( 'p' );
	p.className = 'card loading';
	p.setAttribute( 'role', 'status' );
	p.textContent = text;
	return p;
}

void load();
