/**
 * The payment methods shoppers are offered: each on or off, in the order shoppers see them. A method the shop
 * does not have is marked unavailable, with why; shoppers never see it, whatever its switch says.
 */
import { Button, Notice, ToggleControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { Choice } from '../types';

interface MethodsListProps {
	/** Every method the plugin supports, in its default order. */
	available: Choice[];
	/** The enabled ids in the shopper's order; [] = every method. */
	enabled: string[];
	/** The ids the shop has (from the connection test or the store's last reading); null when not known. */
	shopMethods: string[] | null;
	/** The shop's name, for the sentences. */
	shopName: string;
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

/** Why a method is unavailable. */
function unavailableReason( shopName: string ): string {
	return shopName
		? sprintf(
				/* translators: %s: the name of the store's Korea Checkout shop */
				__(
					'Unavailable: your shop “%s” does not offer this method, so shoppers do not see it. Add it in the Korea Checkout dashboard, then test the connection again.',
					'korea-checkout'
				),
				shopName
			)
		: __(
				'Unavailable: your shop does not offer this method, so shoppers do not see it. Add it in the Korea Checkout dashboard, then test the connection again.',
				'korea-checkout'
			);
}

export function MethodsList( {
	available,
	enabled,
	shopMethods,
	shopName,
	onChange,
}: MethodsListProps ) {
	const labels = new Map(
		available.map( ( method ) => [ method.id, method.label ] )
	);
	const order = orderedIds( available, enabled );
	const on = new Set( enabled.length > 0 ? enabled : order );
	const shopHas = ( id: string ) =>
		shopMethods === null || shopMethods.includes( id );
	const nothingOffered =
		shopMethods !== null && ! [ ...on ].some( ( id ) => shopHas( id ) );

	// An empty list means "every method": switching the last one off would switch them all on.
	const isLastOn = ( id: string ) => on.size === 1 && on.has( id );
	const helpFor = ( id: string, offered: boolean ) => {
		if ( ! offered ) {
			return unavailableReason( shopName );
		}
		return isLastOn( id )
			? __(
					'At least one method stays on. To stop offering Korea Checkout, switch off “Offer Korea Checkout at checkout” above.',
					'korea-checkout'
				)
			: undefined;
	};
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
			{ shopMethods === null && (
				<p className="kc-muted">
					{ __(
						'Test the connection to see which methods your shop offers; until then every method Korea Checkout supports is listed.',
						'korea-checkout'
					) }
				</p>
			) }
			{ nothingOffered && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'None of the methods switched on is offered by your shop, so Korea Checkout is not shown at checkout. Switch on a method your shop offers.',
						'korea-checkout'
					) }
				</Notice>
			) }
			<ol className="kc-methods__list">
				{ order.map( ( id, index ) => {
					const label = labels.get( id ) ?? id;
					const offered = shopHas( id );
					return (
						<li
							key={ id }
							className={
								offered
									? 'kc-methods__item'
									: 'kc-methods__item is-unavailable'
							}
							data-method={ id }
						>
							<div className="kc-methods__switch">
								<ToggleControl
									__nextHasNoMarginBottom
									label={
										offered ? (
											label
										) : (
											<>
												{ label }{ ' ' }
												<span className="kc-methods__badge">
													{ __(
														'Unavailable',
														'korea-checkout'
													) }
												</span>
											</>
										)
									}
									checked={ on.has( id ) }
									disabled={ isLastOn( id ) }
									onChange={ ( checked: boolean ) =>
										toggle( id, checked )
									}
									help={ helpFor( id, offered ) }
								/>
							</div>
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
