/**
 * Account: sandbox or live, the API key and webhook secret, the API address and the store's webhook address.
 */
import { RadioControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import { FieldError } from '../components/FieldError';
import { SecretField } from '../components/SecretField';
import { Section } from '../components/Section';
import { TextField } from '../components/TextField';
import { WebhookUrl } from '../components/WebhookUrl';
import { useLock, useSetting } from '../form';
import type { Mode } from '../types';

interface AccountSectionProps {
	webhookUrl: string;
}

export function AccountSection( { webhookUrl }: AccountSectionProps ) {
	const mode = useSetting( 'mode' );
	const apiUrlLockedBy = useLock( 'api_url' );
	const live = mode.value === 'live';
	return (
		<Section
			id="account"
			title={ __( 'Account', 'korea-checkout' ) }
			description={ [
				__(
					'Connect the store to your Korea Checkout account. Use sandbox mode and a test key (sk_test_) to try payments without moving money.',
					'korea-checkout'
				),
				__(
					'Keys and secrets are never shown again after saving; only their last four characters.',
					'korea-checkout'
				),
			] }
		>
			<RadioControl
				label={ __( 'Mode', 'korea-checkout' ) }
				selected={ mode.value }
				options={ [
					{
						label: __(
							'Sandbox: test payments, no money moves',
							'korea-checkout'
						),
						value: 'sandbox',
					},
					{
						label: __( 'Live: real payments', 'korea-checkout' ),
						value: 'live',
					},
				] }
				onChange={ ( next: string ) => mode.set( next as Mode ) }
			/>
			<FieldError field="mode" message={ mode.error } />

			<SecretField
				field="api_key"
				label={ __( 'API key', 'korea-checkout' ) }
				placeholder={ live ? 'sk_live_…' : 'sk_test_…' }
				help={
					live
						? __(
								'Your live secret key, from the Korea Checkout dashboard.',
								'korea-checkout'
							)
						: __(
								'Your test secret key, from the Korea Checkout dashboard.',
								'korea-checkout'
							)
				}
			/>

			<SecretField
				field="webhook_secret"
				label={ __( 'Webhook signing secret', 'korea-checkout' ) }
				placeholder="whsec_…"
				help={ __(
					'Shown in the dashboard’s webhook settings; it proves that webhooks come from Korea Checkout.',
					'korea-checkout'
				) }
			/>

			<TextField
				setting="api_url"
				label={ __( 'API address', 'korea-checkout' ) }
				disabled={ apiUrlLockedBy !== null }
				placeholder={
					live
						? 'https://api.koreacheckout.com'
						: 'https://sandbox-api.koreacheckout.com'
				}
				help={
					apiUrlLockedBy !== null
						? sprintf(
								/* translators: %s: a PHP constant name */
								__(
									'Set by %s in wp-config.php or the server environment, so it is locked here.',
									'korea-checkout'
								),
								apiUrlLockedBy
							)
						: __(
								'Leave empty to use the address of the chosen mode. Set it only to use a local sandbox or a proxy.',
								'korea-checkout'
							)
				}
			/>

			<WebhookUrl url={ webhookUrl } live={ live } />
		</Section>
	);
}
