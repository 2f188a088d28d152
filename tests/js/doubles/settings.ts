/**
 * Double of `@woocommerce/settings`: tests put values in `settings` before importing the code under test.
 */
export const settings: Record< string, unknown > = {};

export function getSetting< T = unknown >( name: string, fallback?: T ): T {
	return ( name in settings ? settings[ name ] : fallback ) as T;
}
