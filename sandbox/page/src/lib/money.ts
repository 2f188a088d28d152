/**
 * Money on the hosted page. Amounts arrive in the currency's major unit (KRW 29000, USD 29.99); sums are
 * done in integer minor units so that 0.1 + 0.2 never shows up on a receipt.
 */
import type { Locale } from '../i18n/index.ts';

const DECIMALS: Record< string, number > = {
	KRW: 0,
	JPY: 0,
	USD: 2,
	EUR: 2,
	CNY: 2,
};

export function currencyDecimals( currency: string ): number {
	return DECIMALS[ currency.toUpperCase() ] ?? 2;
}

export function toMinor( amount: number, currency: string ): number {
	return Math.round( amount * 10 ** currencyDecimals( currency ) );
}

export function lineTotalMinor(
	price: number,
	quantity: number,
	currency: string
): number {
	return toMinor( price, currency ) * quantity;
}

const INTL_LOCALE: Record< Locale, string > = {
	ko: 'ko-KR',
	en: 'en-US',
	ja: 'ja-JP',
	zh: 'zh-CN',
};

/**
 * "29,000원" in Korean, "₩29,000" elsewhere; "$29.99" / "US$29.99" for dollars as each language writes them.
 * @param minor    Amount in the minor unit (won, cents).
 * @param currency ISO 4217 code.
 * @param locale   The page language.
 */
export function formatMoneyMinor(
	minor: number,
	currency: string,
	locale: Locale
): string {
	const code = currency.toUpperCase();
	const decimals = currencyDecimals( code );
	const major = minor / 10 ** decimals;
	if ( code === 'KRW' && locale === 'ko' ) {
		const digits = new Intl.NumberFormat( 'ko-KR', {
			maximumFractionDigits: 0,
		} ).format( major );
		return `${ digits }원`;
	}
	return new Intl.NumberFormat( INTL_LOCALE[ locale ], {
		style: 'currency',
		currency: code,
		minimumFractionDigits: decimals,
		maximumFractionDigits: decimals,
	} ).format( major );
}

export function formatMoney(
	amount: number,
	currency: string,
	locale: Locale
): string {
	return formatMoneyMinor( toMinor( amount, currency ), currency, locale );
}

export function formatDateTime(
	iso: string | null | undefined,
	locale: Locale
): string {
	if ( ! iso ) {
		return '';
	}
	const date = new Date( iso );
	if ( Number.isNaN( date.getTime() ) ) {
		return iso;
	}
	return new Intl.DateTimeFormat( INTL_LOCALE[ locale ], {
		dateStyle: 'medium',
		timeStyle: 'short',
	} ).format( date );
}
