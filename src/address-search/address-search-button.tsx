/**
 * The "Find address" button of the block checkout's billing and shipping steps, shown beside the postcode
 * field (see placement.ts).
 */
import { createPortal, useRef, useState } from '@wordpress/element';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';
import { readConfig } from './config';
import type { KoreanAddress } from './mapping';
import { usePostcodeSlot } from './placement';

export type AddressType = 'billing' | 'shipping';

export interface AddressSearchButtonProps {
	addressType?: string;
}

const CART_STORE = 'wc/store/cart';

interface CartSelectors {
	getCustomerData: () => {
		billingAddress: { country?: string };
		shippingAddress: { country?: string };
	};
}

interface CartActions {
	setBillingAddress: ( address: Partial< KoreanAddress > ) => void;
	setShippingAddress: ( address: Partial< KoreanAddress > ) => void;
}

/** WooCommerce's wrapper of the detailed-address input while that field is folded away. */
const FOLDED_INPUT =
	'.wc-block-components-address-form__address_2-hidden-input';
const UNFOLD_TOGGLE = '.wc-block-components-address-form__address_2-toggle';

/**
 * Focuses the detailed-address input of the same step. WooCommerce offers no API to focus a field, so we
 * look it up by the id WooCommerce gives it. While the field is empty WooCommerce folds it behind an
 * "+ Add …" link and keeps a stand-in input that it replaces on the first keystroke (which would drop the
 * focus), so we unfold it like a shopper would and focus the real input once it is drawn.
 */
export function focusDetailField(
	from: HTMLElement,
	addressType: AddressType
): void {
	const step =
		from.closest(
			`.wp-block-woocommerce-checkout-${ addressType }-address-block`
		) ?? document;
	const shownInput = () => {
		const input = step.querySelector< HTMLInputElement >(
			`#${ addressType }-address_2`
		);
		return input && ! input.closest( FOLDED_INPUT ) ? input : null;
	};
	const toggle = step.querySelector< HTMLElement >( UNFOLD_TOGGLE );
	if ( ! shownInput() && toggle ) {
		toggle.click();
	}
	let attempts = 0;
	const focusWhenDrawn = () => {
		const input = shownInput();
		if ( input ) {
			input.focus();
		} else if ( attempts++ < 20 ) {
			window.setTimeout( focusWhenDrawn, 25 );
		}
	};
	focusWhenDrawn();
}

export function AddressSearchButton( {
	addressType,
}: AddressSearchButtonProps ) {
	const type: AddressType =
		addressType === 'billing' ? 'billing' : 'shipping';
	const anchorRef = useRef< HTMLSpanElement >( null );
	const slot = usePostcodeSlot(
		anchorRef,
		`.wp-block-woocommerce-checkout-${ type }-address-block`
	);
	const buttonRef = useRef< HTMLButtonElement >( null );
	const [ message, setMessage ] = useState( '' );
	const [ failed, setFailed ] = useState( false );
	const [ busy, setBusy ] = useState( false );
	const country = useSelect(
		( select ) => {
			const data = (
				select( CART_STORE ) as unknown as CartSelectors
			 ).getCustomerData();
			return (
				( type === 'billing'
					? data.billingAddress
					: data.shippingAddress
				)?.country ?? ''
			);
		},
		[ type ]
	);
	const cart = useDispatch( CART_STORE ) as unknown as CartActions;
	const config = readConfig();
	const buttonId = `korea-checkout-address-search-${ type }-button`;

	// The anchor stays where WooCommerce rendered the block: it is how the slot finds its address step.
	const anchor = <span ref={ anchorRef } hidden />;
	if ( ! config.enabled || country !== 'KR' ) {
		return anchor;
	}

	const onSelect = ( address: KoreanAddress ) => {
		if ( type === 'billing' ) {
			cart.setBillingAddress( address );
		} else {
			cart.setShippingAddress( address );
		}
		setFailed( false );
		setMessage(
			sprintf(
				/* translators: %s: the chosen address. */
				__(
					'Address filled in: %s. Please add the detailed address.',
					'korea-checkout'
				),
				address.address_1
			)
		);
		if ( buttonRef.current ) {
			focusDetailField( buttonRef.current, type );
		}
	};

	const open = async () => {
		const button = buttonRef.current;
		if ( ! button || busy ) {
			return;
		}
		setBusy( true );
		setMessage( '' );
		try {
			const { openPostcodeLayer } = await import(
				/* webpackChunkName: "postcode-layer" */ './layer'
			);
			await openPostcodeLayer( {
				scriptUrl: config.scriptUrl,
				returnFocusTo: button,
				onSelect,
				onError: () => {
					setFailed( true );
					setMessage(
						__(
							'The address search could not be loaded. Please type your address in the fields.',
							'korea-checkout'
						)
					);
					button.focus();
				},
			} );
		} catch {
			setFailed( true );
			setMessage(
				__(
					'The address search could not be loaded. Please type your address in the fields.',
					'korea-checkout'
				)
			);
		} finally {
			setBusy( false );
		}
	};

	const search = (
		<div className="korea-checkout-ui korea-checkout-address-search">
			<button
				ref={ buttonRef }
				id={ buttonId }
				type="button"
				className="korea-checkout-address-search__button"
				onClick={ open }
				aria-busy={ busy }
				aria-describedby={ `korea-checkout-address-search-${ type }-help` }
			>
				{ __( 'Find address', 'korea-checkout' ) }
			</button>
			<p
				id={ `korea-checkout-address-search-${ type }-help` }
				className="korea-checkout-address-search__help"
			>
				{ __(
					'Search by road name, building or lot number to fill in the postcode and address.',
					'korea-checkout'
				) }
			</p>
			<p
				className={
					failed
						? 'korea-checkout-address-search__message is-error'
						: 'korea-checkout-address-search__message'
				}
				role={ failed ? 'alert' : 'status' }
			>
				{ message }
			</p>
		</div>
	);
	return (
		<>
			{ anchor }
			{ slot ? createPortal( search, slot ) : search }
		</>
	);
}
