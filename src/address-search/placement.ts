/**
 * Where the block checkout's "Find address" button goes: right after the postcode field of its address form,
 * where Korean shoppers look for 우편번호 찾기.
 *
 * WooCommerce renders a registered inner block only after the whole address form (and, in the shipping step,
 * after "Use same address for billing"), and offers neither a slot nor a filter inside the form. So the inner
 * block keeps a host element of ours right after the postcode field's wrapper and renders into it through a
 * portal. The wrapper class `wc-block-components-address-form__postcode` is WooCommerce's own, set from the
 * field key; if a later WooCommerce no longer has it, the button stays where WooCommerce put the block.
 */
import { useLayoutEffect, useState, type RefObject } from '@wordpress/element';

export const POSTCODE_FIELD =
	'.wc-block-components-address-form > .wc-block-components-address-form__postcode';

/** The class of our host element: `display: contents`, so its button sits in the form's own row. */
export const SLOT_CLASS = 'korea-checkout-address-search-slot';

/** Puts the host right after the postcode field of the step; false when the step has no postcode field. */
export function placeAfterPostcode(
	step: ParentNode,
	host: HTMLElement
): boolean {
	const postcode = step.querySelector( POSTCODE_FIELD );
	if ( ! postcode ) {
		return false;
	}
	if ( postcode.nextElementSibling !== host ) {
		postcode.after( host );
	}
	return true;
}

/**
 * The host beside the postcode field of the address step that holds `anchor`, kept there while WooCommerce
 * redraws the form; null while the step has no postcode field.
 */
export function usePostcodeSlot(
	anchor: RefObject< HTMLElement | null >,
	stepSelector: string
): HTMLElement | null {
	const [ host, setHost ] = useState< HTMLElement | null >( null );
	useLayoutEffect( () => {
		const step = anchor.current?.closest( stepSelector );
		if ( ! step ) {
			return undefined;
		}
		const element = step.ownerDocument.createElement( 'div' );
		element.className = `korea-checkout-ui ${ SLOT_CLASS }`;
		const place = () =>
			setHost( placeAfterPostcode( step, element ) ? element : null );
		place();
		// Moving the host is itself a change the observer sees; the second look finds it in place.
		const observer = new MutationObserver( place );
		observer.observe( step, { childList: true, subtree: true } );
		return () => {
			observer.disconnect();
			element.remove();
		};
	}, [ anchor, stepSelector ] );
	return host;
}
