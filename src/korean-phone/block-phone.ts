/**
 * Block checkout: a Korean address needs a Korean phone number. WooCommerce's own field check clears our
 * message whenever the number passes its looser test (it resets the input's custom validity first), so the
 * message lives in the validation store instead: set while the number is wrong (hidden until the shopper
 * leaves the field or places the order, as WooCommerce does with its own), cleared when it is right. The
 * number and the country are read from the cart store, never from the inputs.
 */
import { dispatch, select, subscribe } from '@wordpress/data';
import { isAcceptablePhone } from './phone-number';
import { phoneMessage } from './message';

const CART_STORE = 'wc/store/cart';
const VALIDATION_STORE = 'wc/store/validation';

export type AddressType = 'billing' | 'shipping';
const TYPES: AddressType[] = [ 'billing', 'shipping' ];

interface AddressData {
	country?: string;
	phone?: string;
}

interface CartSelectors {
	getCustomerData: () => {
		billingAddress?: AddressData;
		shippingAddress?: AddressData;
	};
}

interface ValidationError {
	message: string;
	hidden: boolean;
}

interface ValidationSelectors {
	getValidationError: ( id: string ) => ValidationError | undefined;
}

interface ValidationActions {
	setValidationErrors: ( errors: Record< string, ValidationError > ) => void;
	clearValidationError: ( id: string ) => void;
}

/** The id WooCommerce's address form gives the phone field's validation error. */
export function phoneErrorId( type: AddressType ): string {
	return `${ type }_phone`;
}

function address( type: AddressType ): AddressData {
	const data = (
		select( CART_STORE ) as unknown as CartSelectors
	 ).getCustomerData();
	return (
		( type === 'billing' ? data.billingAddress : data.shippingAddress ) ??
		{}
	);
}

/**
 * Brings the validation store in line with one address's phone number; `reveal` shows the message (the shopper
 * just left the field).
 */
export function checkPhone( type: AddressType, reveal = false ): void {
	const { country = '', phone = '' } = address( type );
	const id = phoneErrorId( type );
	const message = phoneMessage();
	const current = (
		select( VALIDATION_STORE ) as unknown as ValidationSelectors
	 ).getValidationError( id );
	const actions = dispatch(
		VALIDATION_STORE
	) as unknown as ValidationActions;
	if ( isAcceptablePhone( phone, country ) ) {
		if ( current?.message === message ) {
			actions.clearValidationError( id );
		}
		return;
	}
	const hidden = reveal ? false : ( current?.hidden ?? true );
	if ( current?.message !== message || current.hidden !== hidden ) {
		actions.setValidationErrors( { [ id ]: { message, hidden } } );
	}
}

/** Keeps both phone fields checked for as long as the page lives. */
export function watchBlockPhones( doc: Document = document ): () => void {
	let busy = false;
	const checkAll = () => {
		// Our own dispatches notify the stores' listeners again; one pass is enough.
		if ( busy ) {
			return;
		}
		busy = true;
		try {
			TYPES.forEach( ( type ) => checkPhone( type ) );
		} finally {
			busy = false;
		}
	};
	const stopCart = subscribe( checkAll, CART_STORE );
	const stopValidation = subscribe( checkAll, VALIDATION_STORE );
	// WooCommerce shows a field's error when the field loses focus; so do we, after its own check has run
	// (React handles focusout at its root, inside the document, so this listener comes later).
	const onFocusOut = ( event: FocusEvent ) => {
		const id = ( event.target as HTMLElement | null )?.id ?? '';
		const type = /^(billing|shipping)-phone$/.exec( id )?.[ 1 ] as
			AddressType | undefined;
		if ( type ) {
			busy = true;
			try {
				checkPhone( type, true );
			} finally {
				busy = false;
			}
		}
	};
	doc.addEventListener( 'focusout', onFocusOut );
	checkAll();
	return () => {
		stopCart();
		stopValidation();
		doc.removeEventListener( 'focusout', onFocusOut );
	};
}
