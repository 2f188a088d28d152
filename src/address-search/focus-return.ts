/**
 * Where the postcode layer last gave focus back, for a "Find address" button that the block checkout redraws
 * just after. The checkout re-renders the address step when the cart answers an address update; when that
 * lands right after the layer closed, the focused button is replaced by a new one and focus falls to the page.
 * The new button takes it back on mount, within a short window and only if nothing else has focus.
 */
const WINDOW_MS = 3000;

let pending: { id: string; until: number } | null = null;

/** Called when the layer gives focus back to the element with this id. */
export function rememberFocusReturn( id: string ): void {
	if ( id ) {
		pending = { id, until: Date.now() + WINDOW_MS };
	}
}

/** Whether a button with this id, just drawn, should take the focus the layer gave back. */
export function shouldReclaimFocus( id: string, doc: Document ): boolean {
	if ( ! pending || pending.id !== id || Date.now() > pending.until ) {
		return false;
	}
	const active = doc.activeElement;
	return active === null || active === doc.body;
}
