/**
 * Connection: the test of the saved key, what the service says about the shop, and which shop to use when the
 * account has several.
 */
import { SelectControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
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
	// A saved shop the key does not have (a sandbox shop kept after a live key was pasted) must be changeable
	// even when the key has a single shop.
	const savedIsForeign =
		shop.value !== '' &&
		shops.length > 0 &&
		! shops.some( ( choice ) => choice.id === shop.value );
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
			{ ( shops.length > 1 || savedIsForeign ) && (
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
						...( savedIsForeign
							? [
									{
										value: shop.value,
										label: sprintf(
											/* translators: %s: a shop id such as sb_2 */
											__(
												'%s (not a shop of this key)',
												'korea-checkout'
											),
											shop.value
										),
										disabled: true,
									},
								]
							: [] ),
					] }
					onChange={ shop.set }
				/>
			) }
			<FieldError field="shop_id" message={ shop.error } />
		</Section>
	);
}
