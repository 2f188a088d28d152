/**
 * The methods the store enabled, as PHP hands them over, and the theme's JS filter over them.
 */
import { applyFilters } from '@wordpress/hooks';

export interface PaymentMethodChoice {
	id: string;
	label: string;
	koreanName: string;
	icon: string;
}

/** The filter themes use to reorder, relabel or hide methods. */
export const METHODS_FILTER = 'koreaCheckout.paymentMethods';

/** Keeps only well-formed entries. */
export function readMethods( raw: unknown ): PaymentMethodChoice[] {
	if ( ! Array.isArray( raw ) ) {
		return [];
	}
	return raw.flatMap( ( entry ): PaymentMethodChoice[] => {
		if ( ! entry || typeof entry !== 'object' ) {
			return [];
		}
		const { id, label, koreanName, icon } = entry as Record<
			string,
			unknown
		>;
		if (
			typeof id !== 'string' ||
			id === '' ||
			typeof label !== 'string'
		) {
			return [];
		}
		return [
			{
				id,
				label,
				koreanName: typeof koreanName === 'string' ? koreanName : '',
				icon:
					typeof icon === 'string' && icon.startsWith( 'data:image/' )
						? icon
						: '',
			},
		];
	} );
}

/**
 * Runs `koreaCheckout.paymentMethods` over the enabled methods. A theme may reorder, relabel or leave out
 * methods, but not add one the store did not enable (the server would refuse it anyway), and a broken
 * filter result falls back to the store's list.
 *
 * Example:
 *     wp.hooks.addFilter( 'koreaCheckout.paymentMethods', 'my-theme', ( methods ) =>
 *         [ ...methods ].sort( ( a ) => ( a.id === 'kakao_pay' ? -1 : 0 ) ) );
 */
export function filterMethods(
	enabled: PaymentMethodChoice[]
): PaymentMethodChoice[] {
	const filtered = readMethods(
		applyFilters(
			METHODS_FILTER,
			enabled.map( ( method ) => ( { ...method } ) )
		)
	);
	const allowed = new Map(
		enabled.map( ( method ) => [ method.id, method ] )
	);
	const seen = new Set< string >();
	const result = filtered.filter( ( method ) => {
		if ( ! allowed.has( method.id ) || seen.has( method.id ) ) {
			return false;
		}
		seen.add( method.id );
		return true;
	} );
	return result.length > 0 ? result : enabled;
}
