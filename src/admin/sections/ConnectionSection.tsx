/**
 * Connection: the test of the saved key, what the service says about the shop, and which shop to use when the
 * account has several.
 */
import { SelectControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import { ConnectionPanel } from '../components/ConnectionPanel';
import { FieldError } from '../components/FieldError';
import { Section } from '../components/Section';
import { useSetting } from '../form';
import type { ConnectionResult } from '../types';

interface ConnectionSectionProps {
	result: ConnectionResult | null;
	testing: boolean;
	/** Why the test cannot run now (unsaved changes, no key), or null. */
	blockedReason: string | null;
	onTest: ( refresh: boolean ) => void;
}

export function ConnectionSection( {
	result,
	testing,
	blockedReason,
	onTest,
}: ConnectionSectionProps ) {
	const shop = useSetting( 'shop_id' );
	const shops = result?.shops ?? [];
	return (
		<Section
			id="connection"
			title={ __( 'Connection', 'korea-checkout' ) }
			description={ __(
				'Checks the saved key with Korea Checkout and shows your shop as the service sees it. Shop data is kept for a few hours; testing again refreshes it.',
				'korea-checkout'
			) }
		>
			<ConnectionPanel
				result={ result }
				testing={ testing }
				blockedReason={ blockedReason }
				onTest={ onTest }
			/>
			{ shops.length > 1 && (
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Shop', 'korea-checkout' ) }
					value={ shop.value }
					options={ [
						{
							value: '',
							label: __(
								'The account’s first shop',
								'korea-checkout'
							),
						},
						...shops.map( ( choice ) => ( {
							value: choice.id,
							label: `${ choice.name } (${ choice.id })`,
						} ) ),
					] }
					onChange={ shop.set }
				/>
			) }
			<FieldError field="shop_id" message={ shop.error } />
		</Section>
	);
}
