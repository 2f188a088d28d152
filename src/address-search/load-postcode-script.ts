/**
 * Loads the Daum postcode script once, on first use.
 */
import type { DaumGlobal } from './daum';

/** How long to wait for the script before telling the shopper to type the address. */
export const LOAD_TIMEOUT_MS = 10000;

let pending: Promise< DaumGlobal > | null = null;

/** The widget's global, whichever name the script used. */
function loadedGlobal(): DaumGlobal | undefined {
	if ( window.daum?.Postcode ) {
		return window.daum;
	}
	return window.kakao?.Postcode ? window.kakao : undefined;
}

/**
 * Resolves with the widget's global; rejects when the script cannot be loaded in time. A failed attempt
 * is forgotten, so pressing the button again tries again.
 */
export function loadPostcodeScript(
	url: string,
	timeoutMs = LOAD_TIMEOUT_MS
): Promise< DaumGlobal > {
	const ready = loadedGlobal();
	if ( ready ) {
		return Promise.resolve( ready );
	}
	if ( pending ) {
		return pending;
	}
	pending = new Promise< DaumGlobal >( ( resolve, reject ) => {
		const script = document.createElement( 'script' );
		const fail = ( reason: string ) => {
			window.clearTimeout( timer );
			script.remove();
			pending = null;
			reject( new Error( reason ) );
		};
		const timer = window.setTimeout( () => fail( 'timeout' ), timeoutMs );
		script.src = url;
		script.async = true;
		script.onload = () => {
			const loaded = loadedGlobal();
			if ( ! loaded ) {
				fail( 'no-postcode-global' );
				return;
			}
			window.clearTimeout( timer );
			resolve( loaded );
		};
		script.onerror = () => fail( 'network' );
		document.head.appendChild( script );
	} );
	return pending;
}
