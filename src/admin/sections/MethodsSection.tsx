/**
 * Payment methods: whether Korea Checkout is offered, its title and description at checkout, and which
 * methods shoppers see in which order.
 */
import { TextareaControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import { FieldError } from '../components/FieldError';
import { MethodsList } from '../components/MethodsList';
import { Section } from '../components/Section';
import { TextField } from '../components/TextField';
import { ToggleField } from '../components/ToggleField';
import { useSetting } from '../form';
import type { Choice, ConnectionResult } from '../types';

interface MethodsSectionProps {
	/** Every method the plugin supports, offered until the connection test says what the shop offers. */
	allMethods: Choice[];
	connection: ConnectionResult | null;
}

export function MethodsSection( {
	allMethods,
	connection,
}: MethodsSectionProps ) {
	const description = useSetting( 'description' );
	const methods = useSetting( 'enabled_methods' );
	const shopMethods =
		connection?.ok && connection.shop
			? connection.shop.payment_methods.filter(
					( method ) => method.known
				)
			: null;
	return (
		<Section
			id="methods"
			title={ __( 'Payment methods', 'korea-checkout' ) }
			description={ __(
				'What shoppers see at checkout. Switch methods off to hide them, and order them as shoppers should see them.',
				'korea-checkout'
			) }
		>
			<ToggleField
				setting="enabled"
				label={ __(
					'Offer Korea Checkout at checkout',
					'korea-checkout'
				) }
			/>
			<TextField
				setting="title"
				label={ __( 'Title', 'korea-checkout' ) }
				placeholder={ __( 'Korea Checkout', 'korea-checkout' ) }
				help={ __(
					'The name of the payment option at checkout. Leave empty for the default.',
					'korea-checkout'
				) }
			/>
			<TextareaControl
				label={ __( 'Description', 'korea-checkout' ) }
				value={ description.value }
				rows={ 2 }
				onChange={ description.set }
			/>
			<FieldError field="description" message={ description.error } />
			<MethodsList
				available={ shopMethods ?? allMethods }
				fromShop={ shopMethods !== null }
				enabled={ methods.value }
				onChange={ methods.set }
			/>
			<FieldError field="enabled_methods" message={ methods.error } />
		</Section>
	);
}
