/**
 * Troubleshooting: where the logs are, and whether to log every API call and webhook.
 */
import { __ } from '@wordpress/i18n';
import { Section } from '../components/Section';
import { ToggleField } from '../components/ToggleField';

export function TroubleshootingSection() {
	return (
		<Section
			id="advanced"
			title={ __( 'Troubleshooting', 'korea-checkout' ) }
			description={ __(
				'Logs go to WooCommerce > Status > Logs, source “korea-checkout”. Keys, secrets and shoppers’ personal data are never written.',
				'korea-checkout'
			) }
		>
			<ToggleField
				setting="debug"
				label={ __( 'Debug logging', 'korea-checkout' ) }
				help={ __(
					'Also log each API call and webhook. Turn off when done.',
					'korea-checkout'
				) }
			/>
		</Section>
	);
}
