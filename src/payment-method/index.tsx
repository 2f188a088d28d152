/**
 * Block checkout: registers the Korea Checkout payment method with its method choice.
 */
import {
	registerPaymentMethod,
	type PaymentMethodProps,
} from '@woocommerce/blocks-registry';
import { getSetting } from '@woocommerce/settings';
import { decodeEntities } from '@wordpress/html-entities';
import { __ } from '@wordpress/i18n';
import { MethodChoice } from './method-choice';
import { filterMethods, readMethods } from './methods';
import './methods.css';

interface PaymentMethodData {
	title?: string;
	description?: string;
	methods?: unknown;
	showKorean?: boolean;
	scopeClass?: string;
	supports?: string[];
}

const data = getSetting< PaymentMethodData >( 'korea_checkout_data', {} );
const title =
	decodeEntities( data.title ?? '' ) ||
	__( 'Korea Checkout', 'korea-checkout' );
const enabled = readMethods( data.methods );

function Content( props: Partial< PaymentMethodProps > ) {
	if ( ! props.eventRegistration || ! props.emitResponse ) {
		return null;
	}
	return (
		<MethodChoice
			methods={ filterMethods( enabled ) }
			showKorean={ data.showKorean === true }
			description={ decodeEntities( data.description ?? '' ) }
			scopeClass={ data.scopeClass }
			eventRegistration={ props.eventRegistration }
			emitResponse={ props.emitResponse }
		/>
	);
}

function Label( props: Partial< PaymentMethodProps > ) {
	const PaymentMethodLabel = props.components?.PaymentMethodLabel;
	return PaymentMethodLabel ? (
		<PaymentMethodLabel text={ title } />
	) : (
		<span>{ title }</span>
	);
}

registerPaymentMethod( {
	name: 'korea_checkout',
	label: <Label />,
	ariaLabel: title,
	content: <Content />,
	edit: <Content />,
	canMakePayment: () => true,
	supports: { features: data.supports ?? [ 'products' ] },
} );
