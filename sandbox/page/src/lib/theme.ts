/**
 * The whitelist for the `theme` metadata value: a JSON object of CSS custom properties that the hosted page
 * applies to its root element. A store controls this value, so nothing in it may leave its declaration,
 * load a resource or run code; anything doubtful is dropped, never repaired.
 */

const NAME = /^--[a-z0-9-]{1,40}$/;
const MAX_VALUE_LENGTH = 100;
const MAX_PROPERTIES = 50;

/** Letters (any script, for font names), digits, spaces and the punctuation colors, lengths and calc() need. */
const VALUE_CHARACTERS = /^[\p{L}\p{N} #%.,()+\-*/_]+$/u;

/** The only CSS functions a value may call: colors and arithmetic. url(), image-set(), expression() … are not here. */
const ALLOWED_FUNCTIONS = new Set( [
	'rgb',
	'rgba',
	'hsl',
	'hsla',
	'hwb',
	'lab',
	'lch',
	'oklab',
	'oklch',
	'color',
	'color-mix',
	'calc',
	'min',
	'max',
	'clamp',
	'var',
] );

export function isSafeThemeName( name: string ): boolean {
	return NAME.test( name );
}

export function isSafeThemeValue( value: string ): boolean {
	const trimmed = value.trim();
	if (
		trimmed === '' ||
		trimmed.length > MAX_VALUE_LENGTH ||
		! VALUE_CHARACTERS.test( trimmed )
	) {
		return false;
	}
	if ( ! parenthesesBalance( trimmed ) ) {
		return false;
	}
	// Every "name(" must be a known, harmless function; the character set already excludes quotes, ; { } < > \ : @.
	for ( const match of trimmed.matchAll( /([\p{L}\p{N}_-]*)\s*\(/gu ) ) {
		const fn = ( match[ 1 ] ?? '' ).toLowerCase();
		if ( ! ALLOWED_FUNCTIONS.has( fn ) ) {
			return false;
		}
	}
	return true;
}

function parenthesesBalance( value: string ): boolean {
	let depth = 0;
	for ( const ch of value ) {
		if ( ch === '(' ) {
			depth++;
		}
		if ( ch === ')' ) {
			depth--;
		}
		if ( depth < 0 ) {
			return false;
		}
	}
	return depth === 0;
}

export interface ThemeResult {
	/** The declarations that passed, in the order they came. */
	accepted: Array< [ name: string, value: string ] >;
	/** The names (or a description) of what was dropped, for a console hint to the store's developer. */
	rejected: string[];
}

/**
 * Parses the metadata value; a value that is not a JSON object yields nothing at all.
 * @param raw The metadata `theme` value, as the store sent it.
 */
export function parseTheme( raw: string | undefined | null ): ThemeResult {
	const result: ThemeResult = { accepted: [], rejected: [] };
	if ( raw === undefined || raw === null || raw.trim() === '' ) {
		return result;
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse( raw );
	} catch {
		result.rejected.push( '(theme is not valid JSON)' );
		return result;
	}
	if (
		parsed === null ||
		typeof parsed !== 'object' ||
		Array.isArray( parsed )
	) {
		result.rejected.push( '(theme is not a JSON object)' );
		return result;
	}
	for ( const [ name, value ] of Object.entries(
		parsed as Record< string, unknown >
	) ) {
		const text =
			typeof value === 'number' && Number.isFinite( value )
				? String( value )
				: value;
		if (
			result.accepted.length < MAX_PROPERTIES &&
			isSafeThemeName( name ) &&
			typeof text === 'string' &&
			isSafeThemeValue( text )
		) {
			result.accepted.push( [ name, text.trim() ] );
		} else {
			result.rejected.push( name );
		}
	}
	return result;
}

/**
 * Applies accepted declarations through CSSOM (allowed by the page's Content-Security-Policy).
 * @param target The element whose custom properties are set (the root).
 * @param theme  What parseTheme() accepted.
 */
export function applyTheme( target: HTMLElement, theme: ThemeResult ): void {
	for ( const [ name, value ] of theme.accepted ) {
		target.style.setProperty( name, value );
	}
}
