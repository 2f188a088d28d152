/**
 * The in-page layer that holds the Daum postcode search. Plain DOM, so the block and the classic checkout
 * share it; loaded as its own chunk when the shopper first presses "Find address".
 */
import { __ } from '@wordpress/i18n';
import type { DaumPostcodeData } from './daum';
import { loadPostcodeScript } from './load-postcode-script';
import {
	addressLanguage,
	toKoreanAddress,
	type KoreanAddress,
} from './mapping';
import { guardFocusReturn } from './focus-return';
import './layer.css';

export interface OpenLayerOptions {
	scriptUrl: string;
	/** Where focus goes back when the layer closes without a choice. */
	returnFocusTo: HTMLElement;
	onSelect: ( address: KoreanAddress, raw: DaumPostcodeData ) => void;
	/** Called when the script cannot load; the layer is closed by then. */
	onError: ( error: Error ) => void;
	/** Our scope class, so the theme's custom properties style the layer. */
	scopeClass?: string;
}

export interface PostcodeLayer {
	close: () => void;
	element: HTMLElement;
}

let openLayer: PostcodeLayer | null = null;

/**
 * Opens the layer, loads the script if needed and embeds the search. Resolves once the search is shown
 * (or the error reported).
 */
export async function openPostcodeLayer(
	options: OpenLayerOptions
): Promise< PostcodeLayer | null > {
	openLayer?.close();
	const layer = buildLayer( options );
	openLayer = layer.handle;
	try {
		const daum = await loadPostcodeScript( options.scriptUrl );
		if ( openLayer !== layer.handle ) {
			return null;
		}
		new daum.Postcode( {
			oncomplete: ( data ) => {
				layer.handle.close( false );
				// A checkout in English gets the English address the widget also sends.
				options.onSelect(
					toKoreanAddress( data, addressLanguage( document ) ),
					data
				);
			},
			width: '100%',
			height: '100%',
		} ).embed( layer.body, { autoClose: false } );
		layer.body.setAttribute( 'aria-busy', 'false' );
		layer.status.textContent = '';
		return layer.handle;
	} catch ( error ) {
		layer.handle.close( false );
		options.onError(
			error instanceof Error ? error : new Error( String( error ) )
		);
		return null;
	}
}

interface BuiltLayer {
	handle: PostcodeLayer & { close: ( restoreFocus?: boolean ) => void };
	body: HTMLElement;
	status: HTMLElement;
}

function buildLayer( options: OpenLayerOptions ): BuiltLayer {
	const id = `korea-checkout-postcode-${ Date.now() }`;
	const backdrop = document.createElement( 'div' );
	backdrop.className = `${ options.scopeClass ?? 'korea-checkout-ui' } korea-checkout-postcode`;

	const dialog = document.createElement( 'div' );
	dialog.className = 'korea-checkout-postcode__dialog';
	dialog.setAttribute( 'role', 'dialog' );
	dialog.setAttribute( 'aria-modal', 'true' );
	dialog.setAttribute( 'aria-labelledby', `${ id }-title` );
	dialog.tabIndex = -1;

	const header = document.createElement( 'div' );
	header.className = 'korea-checkout-postcode__header';
	const title = document.createElement( 'h2' );
	title.id = `${ id }-title`;
	title.className = 'korea-checkout-postcode__title';
	title.textContent = __( 'Find your address', 'korea-checkout' );
	const close = document.createElement( 'button' );
	close.type = 'button';
	close.className = 'korea-checkout-postcode__close';
	close.setAttribute(
		'aria-label',
		__( 'Close address search', 'korea-checkout' )
	);
	close.textContent = '×';
	header.append( title, close );

	const status = document.createElement( 'p' );
	status.className = 'korea-checkout-postcode__status';
	status.setAttribute( 'role', 'status' );
	status.textContent = __( 'Loading the address search…', 'korea-checkout' );

	const body = document.createElement( 'div' );
	body.className = 'korea-checkout-postcode__body';
	body.setAttribute( 'aria-busy', 'true' );

	dialog.append( header, status, body );
	backdrop.append( dialog );
	document.body.append( backdrop );
	const previousOverflow = document.body.style.overflow;
	document.body.style.overflow = 'hidden';

	const onKeyDown = ( event: KeyboardEvent ) => {
		if ( event.key === 'Escape' ) {
			event.preventDefault();
			handle.close();
			return;
		}
		if ( event.key === 'Tab' ) {
			keepFocusInside( dialog, event );
		}
	};
	const handle = {
		element: backdrop,
		close: ( restoreFocus = true ) => {
			if ( ! backdrop.isConnected ) {
				return;
			}
			document.removeEventListener( 'keydown', onKeyDown, true );
			backdrop.remove();
			document.body.style.overflow = previousOverflow;
			if ( openLayer === handle ) {
				openLayer = null;
			}
			if ( restoreFocus ) {
				returnFocus( options.returnFocusTo );
			}
		},
	};
	close.addEventListener( 'click', () => handle.close() );
	backdrop.addEventListener( 'mousedown', ( event ) => {
		if ( event.target === backdrop ) {
			handle.close();
		}
	} );
	document.addEventListener( 'keydown', onKeyDown, true );
	close.focus();
	return { handle, body, status };
}

/**
 * Focuses the element that opened the layer. The block checkout may have redrawn it while the layer was open
 * (its cart and address updates re-render the step), so an opener that left the page is found again by its id.
 */
function returnFocus( opener: HTMLElement ) {
	const target =
		! opener.isConnected && opener.id
			? opener.ownerDocument.getElementById( opener.id )
			: opener;
	target?.focus();
	// And if the checkout redraws it a moment later, the focus follows (see focus-return.ts).
	guardFocusReturn( opener.ownerDocument, opener.id );
}

/** Keeps Tab and Shift+Tab inside the dialog (the widget's iframe counts as one stop). */
function keepFocusInside( dialog: HTMLElement, event: KeyboardEvent ) {
	const focusable = Array.from(
		dialog.querySelectorAll< HTMLElement >(
			'button, iframe, [href], input, [tabindex]:not([tabindex="-1"])'
		)
	);
	const first = focusable[ 0 ];
	const last = focusable[ focusable.length - 1 ];
	if ( ! first || ! last ) {
		return;
	}
	const active = dialog.ownerDocument.activeElement;
	if (
		event.shiftKey &&
		( active === first || ! dialog.contains( active ) )
	) {
		event.preventDefault();
		last.focus();
	} else if (
		! event.shiftKey &&
		( active === last || ! dialog.contains( active ) )
	) {
		event.preventDefault();
		first.focus();
	}
}
