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
import type { Choice, ConnectionResult, KeptShopMethods } from '../types';

interface MethodsSectionProps {
	/** Every method the plugin supports, in the plugin's order. */
	allMethods: Choice[];
	connection: ConnectionResult | null;
	/** What the store kept from the last reading of the shop (null: never read). */
	kept?: KeptShopMethods | null;
}

/** The shop's methods and name: from this page's connection test, else from the last reading the store kept. */
function shopFacts(
	connection: ConnectionResult | null,
	kept: KeptShopMethods | null | undefined
): { ids: string[]; name: string } | null {
	if ( connection?.ok && connection.shop ) {
		return {
			ids: connection.shop.payment_methods
				.filter( ( method ) => method.known )
				.map( ( method ) => method.id ),
			name: connection.shop.name,
		};
	}
	return kept ? { ids: kept.methods, name: kept.shop_name } : null;
}

export function MethodsSection( {
	allMethods,
	connection,
	kept,
}: MethodsSectionProps ) {
	const description = useSetting( 'description' );
	const methods = useSetting( 'enabled_methods' );
	const shop = shopFacts( connection, kept );
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
				available={ allMethods }
				shopMethods={ shop?.ids ?? null }
				shopName={ shop?.name ?? '' }
				enabled={ methods.value }
				onChange={ methods.set }
			/>
			<FieldError field="enabled_methods" message={ methods.error } />
		</Section>
	);
}
