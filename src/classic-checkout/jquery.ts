/**
 * The few jQuery calls the classic checkout needs: its events are jQuery events, which native listeners
 * do not see.
 */
export interface JQueryLike {
	( target: Document | HTMLElement | string ): {
		on: (
			events: string,
			handler: ( ...args: unknown[] ) => void
		) => unknown;
		trigger: ( event: string ) => unknown;
	};
}

declare global {
	interface Window {
		jQuery?: JQueryLike;
	}
}

export function onBodyEvent( events: string, handler: () => void ): void {
	window.jQuery?.( document.body ).on( events, handler );
}

export function triggerOn(
	element: Document | HTMLElement,
	event: string
): void {
	if ( window.jQuery ) {
		window.jQuery( element as HTMLElement ).trigger( event );
		return;
	}
	element.dispatchEvent( new Event( event, { bubbles: true } ) );
}
