/**
 * Doubles of the WooCommerce data stores our components use, built with the real @wordpress/data: the
 * cart's customer addresses, the checkout's extension data and the validation errors. Each keeps the
 * actions it received, so tests can check what the component sent.
 */
import { createReduxStore, register, select, dispatch } from '@wordpress/data';

export interface Address {
	country: string;
	postcode: string;
	address_1: string;
	address_2: string;
	city: string;
	state: string;
	phone: string;
}

const emptyAddress = ( country: string ): Address => ( {
	country,
	postcode: '',
	address_1: '',
	address_2: '',
	city: '',
	state: '',
	phone: '',
} );

interface CartState {
	billingAddress: Address;
	shippingAddress: Address;
}

type CartAction =
	| { type: 'SET_BILLING_ADDRESS'; address: Partial< Address > }
	| { type: 'SET_SHIPPING_ADDRESS'; address: Partial< Address > }
	| { type: 'RESET'; country: string };

const cartStore = createReduxStore( 'wc/store/cart', {
	reducer(
		state: CartState = {
			billingAddress: emptyAddress( 'KR' ),
			shippingAddress: emptyAddress( 'KR' ),
		},
		action: CartAction
	): CartState {
		switch ( action.type ) {
			case 'SET_BILLING_ADDRESS':
				return {
					...state,
					billingAddress: {
						...state.billingAddress,
						...action.address,
					},
				};
			case 'SET_SHIPPING_ADDRESS':
				return {
					...state,
					shippingAddress: {
						...state.shippingAddress,
						...action.address,
					},
				};
			case 'RESET':
				return {
					billingAddress: emptyAddress( action.country ),
					shippingAddress: emptyAddress( action.country ),
				};
			default:
				return state;
		}
	},
	actions: {
		setBillingAddress: ( address: Partial< Address > ) => ( {
			type: 'SET_BILLING_ADDRESS',
			address,
		} ),
		setShippingAddress: ( address: Partial< Address > ) => ( {
			type: 'SET_SHIPPING_ADDRESS',
			address,
		} ),
		reset: ( country: string ) => ( { type: 'RESET', country } ),
	},
	selectors: {
		getCustomerData: ( state: CartState ) => state,
	},
} );

interface CheckoutState {
	extensionData: Record< string, Record< string, unknown > >;
}

const checkoutStore = createReduxStore( 'wc/store/checkout', {
	reducer(
		state: CheckoutState = { extensionData: {} },
		action: {
			type: string;
			namespace?: string;
			data?: Record< string, unknown >;
		}
	): CheckoutState {
		if ( action.type === 'SET_EXTENSION_DATA' && action.namespace ) {
			return {
				extensionData: {
					...state.extensionData,
					[ action.namespace ]: {
						...state.extensionData[ action.namespace ],
						...action.data,
					},
				},
			};
		}
		return state;
	},
	actions: {
		setExtensionData: (
			namespace: string,
			data: Record< string, unknown >
		) => ( { type: 'SET_EXTENSION_DATA', namespace, data } ),
	},
	selectors: {
		getExtensionData: ( state: CheckoutState ) => state.extensionData,
	},
} );

type ValidationErrors = Record< string, { message: string; hidden: boolean } >;

const validationStore = createReduxStore( 'wc/store/validation', {
	reducer(
		state: ValidationErrors = {},
		action: { type: string; errors?: ValidationErrors; id?: string }
	): ValidationErrors {
		if ( action.type === 'SET_VALIDATION_ERRORS' ) {
			return { ...state, ...action.errors };
		}
		if ( action.type === 'SHOW_VALIDATION_ERROR' && action.id ) {
			const error = state[ action.id ];
			return error
				? { ...state, [ action.id ]: { ...error, hidden: false } }
				: state;
		}
		if ( action.type === 'SHOW_ALL_VALIDATION_ERRORS' ) {
			return Object.fromEntries(
				Object.entries( state ).map( ( [ id, error ] ) => [
					id,
					{ ...error, hidden: false },
				] )
			);
		}
		if ( action.type === 'CLEAR_VALIDATION_ERROR' && action.id ) {
			const { [ action.id ]: _removed, ...rest } = state;
			return rest;
		}
		return state;
	},
	actions: {
		setValidationErrors: ( errors: ValidationErrors ) => ( {
			type: 'SET_VALIDATION_ERRORS',
			errors,
		} ),
		clearValidationError: ( id: string ) => ( {
			type: 'CLEAR_VALIDATION_ERROR',
			id,
		} ),
		showValidationError: ( id: string ) => ( {
			type: 'SHOW_VALIDATION_ERROR',
			id,
		} ),
		showAllValidationErrors: () => ( {
			type: 'SHOW_ALL_VALIDATION_ERRORS',
		} ),
	},
	selectors: {
		getValidationErrors: ( state: ValidationErrors ) => state,
		getValidationError: ( state: ValidationErrors, id: string ) =>
			state[ id ],
	},
} );

let registered = false;

/** Registers the three stores once per test file. */
export function registerWooCommerceStores(): void {
	if ( registered ) {
		return;
	}
	register( cartStore );
	register( checkoutStore );
	register( validationStore );
	registered = true;
}

export const cart = {
	setBilling: ( address: Partial< Address > ) =>
		(
			dispatch( cartStore ) as unknown as {
				setBillingAddress: ( a: Partial< Address > ) => void;
			}
		 ).setBillingAddress( address ),
	setShipping: ( address: Partial< Address > ) =>
		(
			dispatch( cartStore ) as unknown as {
				setShippingAddress: ( a: Partial< Address > ) => void;
			}
		 ).setShippingAddress( address ),
	data: () =>
		(
			select( cartStore ) as unknown as {
				getCustomerData: () => CartState;
			}
		 ).getCustomerData(),
	reset: ( country = 'KR' ) =>
		(
			dispatch( cartStore ) as unknown as { reset: ( c: string ) => void }
		 ).reset( country ),
};

export const checkout = {
	extensionData: () =>
		(
			select( checkoutStore ) as unknown as {
				getExtensionData: () => CheckoutState[ 'extensionData' ];
			}
		 ).getExtensionData(),
};

export const validation = {
	set: ( errors: ValidationErrors ) =>
		(
			dispatch( validationStore ) as unknown as {
				setValidationErrors: ( e: ValidationErrors ) => void;
			}
		 ).setValidationErrors( errors ),
	clear: ( id: string ) =>
		(
			dispatch( validationStore ) as unknown as {
				clearValidationError: ( i: string ) => void;
			}
		 ).clearValidationError( id ),
	/** What WooCommerce does when the shopper presses Place order. */
	showAll: () =>
		(
			dispatch( validationStore ) as unknown as {
				showAllValidationErrors: () => void;
			}
		 ).showAllValidationErrors(),
	errors: () =>
		(
			select( validationStore ) as unknown as {
				getValidationErrors: () => ValidationErrors;
			}
		 ).getValidationErrors(),
};
