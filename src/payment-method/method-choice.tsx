/**
 * The accessible choice of payment method inside our payment method's content. A native radio group in
 * a fieldset: arrow keys move the choice, Tab leaves the group, the legend names it.
 */
import { useEffect, useId, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { PaymentMethodProps } from '@woocommerce/blocks-registry';
import type { PaymentMethodChoice } from './methods';

export const PAYMENT_DATA_KEY = 'korea_checkout_method';
/** The language the page was shown in (its `<html lang>`), for the hosted page (PHP: Checkout\ShopperLanguage). */
export const PAGE_LANGUAGE_KEY = 'korea_checkout_page_language';

export interface MethodChoiceProps extends Pick<
	PaymentMethodProps,
	'eventRegistration' | 'emitResponse'
> {
	methods: PaymentMethodChoice[];
	showKorean: boolean;
	description?: string;
	scopeClass?: string;
}

export function MethodChoice( {
	methods,
	showKorean,
	description,
	scopeClass,
	eventRegistration,
	emitResponse,
}: MethodChoiceProps ) {
	const [ selected, setSelected ] = useState( methods[ 0 ]?.id ?? '' );
	const idPrefix = useId();
	// The setup callback is registered once; the ref lets it read the latest choice.
	const selectedRef = useRef( selected );
	selectedRef.current = selected;
	const { onPaymentSetup } = eventRegistration;
	const { responseTypes } = emitResponse;

	useEffect(
		() =>
			onPaymentSetup( () => ( {
				type: responseTypes.SUCCESS,
				meta: {
					paymentMethodData: {
						[ PAYMENT_DATA_KEY ]: selectedRef.current,
						[ PAGE_LANGUAGE_KEY ]: document.documentElement.lang,
					},
				},
			} ) ),
		[ onPaymentSetup, responseTypes ]
	);

	if ( methods.length === 0 ) {
		return description ? <p>{ description }</p> : null;
	}

	return (
		<div
			className={ `${ scopeClass ?? 'korea-checkout-ui' } korea-checkout-methods` }
		>
			{ description ? (
				<p className="korea-checkout-methods__description">
					{ description }
				</p>
			) : null }
			<fieldset className="korea-checkout-methods__group">
				<legend className="korea-checkout-methods__legend">
					{ __( 'Choose how to pay', 'korea-checkout' ) }
				</legend>
				{ methods.map( ( method ) => (
					<label
						key={ method.id }
						htmlFor={ `${ idPrefix }-${ method.id }` }
						className="korea-checkout-methods__option"
					>
						<input
							id={ `${ idPrefix }-${ method.id }` }
							type="radio"
							name="korea-checkout-method"
							value={ method.id }
							checked={ selected === method.id }
							onChange={ () => setSelected( method.id ) }
						/>
						{ method.icon ? (
							<img
								src={ method.icon }
								alt=""
								width={ 48 }
								height={ 32 }
							/>
						) : null }
						<span className="korea-checkout-methods__name">
							{ method.label }
							{ showKorean &&
							method.koreanName &&
							method.koreanName !== method.label ? (
								<span
									className="korea-checkout-methods__korean"
									lang="ko"
								>
									{ method.koreanName }
								</span>
							) : null }
						</span>
					</label>
				) ) }
			</fieldset>
		</div>
	);
}
