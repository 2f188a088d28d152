/**
 * The payment methods shoppers are offered: each on or off, in the order shoppers see them.
 */
import { Button, ToggleControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { Choice } from '../types';

interface MethodsListProps {
	/** The methods that can be offered, in their default order (the shop's, when the connection was tested). */
	available: Choice[];
	/** The enabled ids in the shopper's order; [] = every available method. */
	enabled: string[];
	/** Whether `available` comes from the shop (false: the plugin's full list, shop not checked yet). */
	fromShop: boolean;
	onChange: ( enabled: string[] ) => void;
}

/** The buttons that move a method one place up or down; `label` names the button for a method. */
const MOVES: Array< {
	by: -1 | 1;
	arrow: string;
	label: ( method: string ) => string;
} > = [
	{
		by: -1,
		arrow: '↑',
		label: ( method ) =>
			/* translators: %s: a payment method */
			sprintf( __( 'Move %s up', 'korea-checkout' ), method ),
	},
	{
		by: 1,
		arrow: '↓',
		label: ( method ) =>
			/* translators: %s: a payment method */
			sprintf( __( 'Move %s down', 'korea-checkout' ), method ),
	},
];

/** Enabled methods first, in their order, then the rest. */
function orderedIds( available: Choice[], enabled: string[] ): string[] {
	const all = available.map( ( method ) => method.id );
	const on = enabled.length > 0 ? enabled : all;
	return [ ...on, ...all.filter( ( id ) => ! on.includes( id ) ) ];
}

export function MethodsList( {
	available,
	enabled,
	fromShop,
	onChange,
}: MethodsListProps ) {
	const labels = new Map(
		available.map( ( method ) => [ method.id, method.label ] )
	);
	const order = orderedIds( available, enabled );
	const on = new Set( enabled.length > 0 ? enabled : order );

	const commit = ( nextOrder: string[], nextOn: Set< string > ) =>
		onChange( nextOrder.filter( ( id ) => nextOn.has( id ) ) );
	const toggle = ( id: string, checked: boolean ) => {
		const next = new Set( on );
		if ( checked ) {
			next.add( id );
		} else {
			next.delete( id );
		}
		commit( order, next );
	};
	const move = ( index: number, by: -1 | 1 ) => {
		const next = [ ...order ];
		const target = index + by;
		const a = next[ index ];
		const b = next[ target ];
		if ( a === undefined || b === undefined ) {
			return;
		}
		next[ index ] = b;
		next[ target ] = a;
		commit( next, on );
	};

	return (
		<div className="kc-methods">
			{ ! fromShop && (
				<p className="kc-muted">
					{ __(
						'Test the connection to see which methods your shop offers; until then every method Korea Checkout supports is listed.',
						'korea-checkout'
					) }
				</p>
			) }
			<ol className="kc-methods__list">
				{ order.map( ( id, index ) => {
					const label = labels.get( id ) ?? id;
					const offered = labels.has( id );
					return (
						<li
							key={ id }
							className="kc-methods__item"
							data-method={ id }
						>
							<ToggleControl
								__nextHasNoMarginBottom
								label={ label }
								checked={ on.has( id ) }
								onChange={ ( checked: boolean ) =>
									toggle( id, checked )
								}
								help={
									offered
										? undefined
										: __(
												'Your shop does not offer this method: shoppers will not see it.',
												'korea-checkout'
											)
								}
							/>
							<span className="kc-methods__move">
								{ MOVES.map(
									( { by, arrow, label: moveLabel } ) => (
										<Button
											key={ by }
											size="small"
											disabled={
												order[ index + by ] ===
												undefined
											}
											onClick={ () => move( index, by ) }
											label={ moveLabel( label ) }
											showTooltip
										>
											<span aria-hidden="true">
												{ arrow }
											</span>
										</Button>
									)
								) }
							</span>
						</li>
					);
				} ) }
			</ol>
		</div>
	);
}
