/**
 * The `korea_checkout_fields` textareas in the block checkout (WooCommerce 11 registers only text, select
 * and checkbox fields). Values travel as Store API extension data and are checked again on the server.
 */
import { useEffect, useState } from '@wordpress/element';
import { select as selectFrom, useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

export interface TextareaField {
	key: string;
	label: string;
	required: boolean;
	placeholder: string;
	maxLength: number;
}

export const EXTENSION_NAMESPACE = 'korea-checkout';
const CHECKOUT_STORE = 'wc/store/checkout';
const VALIDATION_STORE = 'wc/store/validation';

interface CheckoutActions {
	setExtensionData: (
		namespace: string,
		data: Record< string, unknown >,
		replace?: boolean
	) => void;
}

interface ValidationActions {
	setValidationErrors: (
		errors: Record< string, { message: string; hidden: boolean } >
	) => void;
	clearValidationError: ( id: string ) => void;
	showValidationError: ( id: string ) => void;
}

interface ValidationSelectors {
	getValidationError: (
		id: string
	) => { message: string; hidden: boolean } | undefined;
}

export function validationId( key: string ): string {
	return `korea-checkout-field-${ key }`;
}

export function TextareaFields( { fields }: { fields: TextareaField[] } ) {
	const [ values, setValues ] = useState< Record< string, string > >( {} );
	const checkout = useDispatch(
		CHECKOUT_STORE
	) as unknown as CheckoutActions;
	const validation = useDispatch(
		VALIDATION_STORE
	) as unknown as ValidationActions;
	// The message a field shows: WooCommerce un-hides every error when the shopper places the order, and this
	// one once the shopper leaves the field.
	const shown = useSelect(
		( select ) => {
			const store = select(
				VALIDATION_STORE
			) as unknown as ValidationSelectors;
			const messages: Record< string, string > = {};
			for ( const field of fields ) {
				const error = store.getValidationError(
					validationId( field.key )
				);
				messages[ field.key ] =
					error && ! error.hidden ? error.message : '';
			}
			return messages;
		},
		[ fields ]
	);

	useEffect( () => {
		checkout.setExtensionData( EXTENSION_NAMESPACE, { fields: values } );
		// Required fields block the order through WooCommerce's validation store, which also announces the
		// message when the shopper tries to place the order.
		for ( const field of fields ) {
			const id = validationId( field.key );
			if (
				field.required &&
				( values[ field.key ] ?? '' ).trim() === ''
			) {
				// Set once: a message WooCommerce or the shopper's leaving the field has un-hidden stays shown.
				const store = selectFrom(
					VALIDATION_STORE
				) as unknown as ValidationSelectors;
				if ( store.getValidationError( id ) ) {
					continue;
				}
				validation.setValidationErrors( {
					[ id ]: {
						message: sprintf(
							/* translators: %s: field label. */
							__( '%s is a required field.', 'korea-checkout' ),
							field.label
						),
						hidden: true,
					},
				} );
			} else {
				validation.clearValidationError( id );
			}
		}
	}, [ values, fields, checkout, validation ] );

	return (
		<div className="korea-checkout-ui korea-checkout-fields">
			{ fields.map( ( field ) => {
				const id = validationId( field.key );
				const message = shown[ field.key ] ?? '';
				return (
					<div
						key={ field.key }
						className={
							message
								? 'korea-checkout-fields__field has-error'
								: 'korea-checkout-fields__field'
						}
					>
						<label
							htmlFor={ id }
							className="korea-checkout-fields__label"
						>
							{ field.required
								? field.label
								: /* translators: %s: field label. */ sprintf(
										__( '%s (optional)', 'korea-checkout' ),
										field.label
									) }
						</label>
						<textarea
							id={ id }
							className="korea-checkout-fields__textarea"
							value={ values[ field.key ] ?? '' }
							placeholder={ field.placeholder || undefined }
							maxLength={ field.maxLength }
							required={ field.required }
							aria-required={ field.required }
							aria-invalid={ message ? true : undefined }
							aria-describedby={
								message ? `${ id }-error` : undefined
							}
							rows={ 3 }
							onBlur={ () =>
								validation.showValidationError( id )
							}
							onChange={ ( event ) => {
								const value = event.target.value;
								setValues( ( current ) => ( {
									...current,
									[ field.key ]: value,
								} ) );
							} }
						/>
						{ message && (
							<div
								className="wc-block-components-validation-error"
								role="alert"
							>
								<p id={ `${ id }-error` }>{ message }</p>
							</div>
						) }
					</div>
				);
			} ) }
		</div>
	);
}
