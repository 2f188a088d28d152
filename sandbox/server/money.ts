/** Amounts travel as major units (29000 KRW, 29.99 USD) and are compared as integers of the minor unit. */
export const CURRENCY_DECIMALS = { KRW: 0, USD: 2 } as const;

export type Currency = keyof typeof CURRENCY_DECIMALS;

export const CURRENCIES = Object.keys( CURRENCY_DECIMALS ) as Currency[];

/**
 * The amount in minor units, or null when it carries more decimals than the currency has
 * (tolerating only the binary noise of a float such as 0.1 + 0.2).
 */
export function toMinor( amount: number, currency: Currency ): number | null {
	const factor = 10 ** CURRENCY_DECIMALS[ currency ];
	const scaled = amount * factor;
	const rounded = Math.round( scaled );
	if (
		Math.abs( scaled - rounded ) > 1e-6 ||
		! Number.isSafeInteger( rounded )
	) {
		return null;
	}
	return rounded;
}

/** Back to the JSON number of the major unit. */
export function fromMinor( minor: number, currency: Currency ): number {
	const decimals = CURRENCY_DECIMALS[ currency ];
	return decimals === 0
		? minor
		: Number( ( minor / 10 ** decimals ).toFixed( decimals ) );
}
