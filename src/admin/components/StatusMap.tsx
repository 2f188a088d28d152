/**
 * Which order status each payment status leads to: automatic, or overridden per status.
 */
import { SelectControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { Choice, SessionStatusChoice } from '../types';
import { FieldError } from './FieldError';

interface StatusMapProps {
	sessionStatuses: SessionStatusChoice[];
	orderStatuses: Choice[];
	map: Record< string, string >;
	error: string | undefined;
	onChange: ( map: Record< string, string > ) => void;
}

export function StatusMap( {
	sessionStatuses,
	orderStatuses,
	map,
	error,
	onChange,
}: StatusMapProps ) {
	const orderLabel = ( id: string ) =>
		orderStatuses.find( ( status ) => status.id === id )?.label ?? id;
	const set = ( sessionStatus: string, orderStatus: string ) => {
		const next = { ...map };
		if ( orderStatus === '' ) {
			delete next[ sessionStatus ];
		} else {
			next[ sessionStatus ] = orderStatus;
		}
		onChange( next );
	};
	return (
		<div className="kc-status-map">
			<table className="widefat striped">
				<thead>
					<tr>
						<th scope="col">
							{ __( 'Payment status', 'korea-checkout' ) }
						</th>
						<th scope="col">
							{ __( 'Order status', 'korea-checkout' ) }
						</th>
					</tr>
				</thead>
				<tbody>
					{ sessionStatuses.map( ( status ) => {
						const automatic = status.automatic
							? sprintf(
									/* translators: %s: an order status */
									__( 'Automatic (%s)', 'korea-checkout' ),
									orderLabel( status.automatic )
								)
							: __(
									'Automatic (WooCommerce decides)',
									'korea-checkout'
								);
						return (
							<tr key={ status.id }>
								<th scope="row">{ status.label }</th>
								<td>
									<SelectControl
										__next40pxDefaultSize
										__nextHasNoMarginBottom
										id={ `kc-status-${ status.id }` }
										hideLabelFromVision
										label={ sprintf(
											/* translators: %s: a payment status, such as Paid */
											__(
												'Order status for “%s”',
												'korea-checkout'
											),
											status.label
										) }
										value={ map[ status.id ] ?? '' }
										options={ [
											{ value: '', label: automatic },
											...orderStatuses.map(
												( order ) => ( {
													value: order.id,
													label: order.label,
												} )
											),
										] }
										onChange={ ( value: string ) =>
											set( status.id, value )
										}
									/>
								</td>
							</tr>
						);
					} ) }
				</tbody>
			</table>
			<FieldError field="status_map" message={ error } />
		</div>
	);
}
