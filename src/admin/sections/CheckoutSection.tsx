/**
 * Checkout: what the checkout asks of shoppers, and how long a payment may take.
 */
import { __, sprintf } from '@wordpress/i18n';
import { Section } from '../components/Section';
import { TextField } from '../components/TextField';
import { ToggleField } from '../components/ToggleField';

interface CheckoutSectionProps {
	/** The fewest and most hours a checkout session may last. */
	lifetime: { min: number; max: number };
}

export function CheckoutSection( { lifetime }: CheckoutSectionProps ) {
	return (
		<Section
			id="checkout"
			title={ __( 'Checkout', 'korea-checkout' ) }
			description={ __(
				'What the checkout asks of shoppers, and how long a payment may take.',
				'korea-checkout'
			) }
		>
			<ToggleField
				setting="address_search"
				label={ __(
					'Korean address search (Daum postcode)',
					'korea-checkout'
				) }
			/>
			<ToggleField
				setting="customs_code"
				label={ __(
					'Ask for the personal customs clearance code',
					'korea-checkout'
				) }
				help={ __(
					'For stores that ship from abroad to Korea.',
					'korea-checkout'
				) }
			/>
			<TextField
				setting="session_lifetime"
				type="number"
				min={ lifetime.min }
				max={ lifetime.max }
				label={ __(
					'Checkout session lifetime (hours)',
					'korea-checkout'
				) }
				help={ [
					sprintf(
						/* translators: 1: fewest hours, 2: most hours */
						__(
							'How long a shopper has to pay, and a virtual account waits for its deposit: %1$d to %2$d hours.',
							'korea-checkout'
						),
						lifetime.min,
						lifetime.max
					),
					__(
						'WooCommerce cancels unpaid orders after its "Hold stock" time (Settings > Products > Inventory), but not an order whose Korea Checkout session can still be paid: that order keeps its stock until the session ends, and is then cancelled and its stock released.',
						'korea-checkout'
					),
				].join( ' ' ) }
			/>
		</Section>
	);
}
