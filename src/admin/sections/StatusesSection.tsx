/**
 * Order statuses: which order status each payment status leads to.
 */
import { __ } from '@wordpress/i18n';
import { Section } from '../components/Section';
import { StatusMap } from '../components/StatusMap';
import { useSetting } from '../form';
import type { Choice, SessionStatusChoice } from '../types';

interface StatusesSectionProps {
	sessionStatuses: SessionStatusChoice[];
	orderStatuses: Choice[];
}

export function StatusesSection( {
	sessionStatuses,
	orderStatuses,
}: StatusesSectionProps ) {
	const map = useSetting( 'status_map' );
	return (
		<Section
			id="statuses"
			title={ __( 'Order statuses', 'korea-checkout' ) }
			description={ __(
				'Orders follow their payment automatically. Override a status only when your store works differently, for example to complete paid orders that need no shipping.',
				'korea-checkout'
			) }
		>
			<StatusMap
				sessionStatuses={ sessionStatuses }
				orderStatuses={ orderStatuses }
				map={ map.value }
				error={ map.error }
				onChange={ map.set }
			/>
		</Section>
	);
}
