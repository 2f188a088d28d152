/**
 * Every test starts with a clean page and React's act() environment switched on.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

(
	globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
 ).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no CSS.escape(), which user-event uses to walk radio groups with the arrow keys. This follows
// the CSSOM definition for the identifiers our tests meet (names made of letters, digits, - and _).
// Files that run in Node (`// @vitest-environment node`) have no page to prepare.
const hasPage = typeof window !== 'undefined';

if ( hasPage && typeof window.CSS?.escape !== 'function' ) {
	Object.defineProperty( window, 'CSS', {
		configurable: true,
		value: {
			...( window.CSS ?? {} ),
			escape: ( value: string ) =>
				String( value ).replace(
					/^-?\d|[^\w-]/g,
					( char ) => `\\${ char.codePointAt( 0 )!.toString( 16 ) } `
				),
		},
	} );
}

afterEach( () => {
	if ( ! hasPage ) {
		return;
	}
	cleanup();
	document.body.innerHTML = '';
	document.head
		.querySelectorAll( 'script' )
		.forEach( ( script ) => script.remove() );
	delete window.daum;
	delete window.koreaCheckoutAddressSearch;
	document.documentElement.removeAttribute( 'lang' );
} );
