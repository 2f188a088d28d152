/**
 * Keeps the focus the postcode layer gave back. The block checkout re-renders the address step when the cart
 * answers an address update; when that lands just after the layer closed, the focused "Find address" button
 * is replaced (or moved) and the focus falls to the page. For a short while after closing, whenever nothing
 * has focus, the element with the opener's id takes it back. Anything the shopper focuses ends the watch.
 */
const WATCH_MS = 3000;
const EVERY_MS = 100;

let stopWatching: ( () => void ) | null = null;

/** Starts watching after the layer gave focus back to the element with this id. */
export function guardFocusReturn( doc: Document, id: string ): void {
	stopWatching?.();
	if ( ! id ) {
		return;
	}
	const until = Date.now() + WATCH_MS;
	const view = doc.defaultView ?? window;
	const check = () => {
		if ( Date.now() > until ) {
			stop();
			return;
		}
		const active = doc.activeElement;
		if ( active === null || active === doc.body ) {
			doc.getElementById( id )?.focus();
		}
	};
	const onFocusIn = ( event: FocusEvent ) => {
		const target = event.target as Element | null;
		if ( target && target.id !== id ) {
			stop();
		}
	};
	const timer = view.setInterval( check, EVERY_MS );
	doc.addEventListener( 'focusin', onFocusIn );
	function stop() {
		view.clearInterval( timer );
		doc.removeEventListener( 'focusin', onFocusIn );
		if ( stopWatching === stop ) {
			stopWatching = null;
		}
	}
	stopWatching = stop;
}
