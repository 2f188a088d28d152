/**
 * The address-search settings PHP prints before our scripts (`window.koreaCheckoutAddressSearch`).
 */
export interface AddressSearchConfig {
	enabled: boolean;
	scriptUrl: string;
}

declare global {
	interface Window {
		koreaCheckoutAddressSearch?: Partial< AddressSearchConfig >;
	}
}

export const DEFAULT_SCRIPT_URL =
	'https://t1.daumcdn.net/mapjsapi/bundle/postcode/prod/postcode.v2.js';

export function readConfig(): AddressSearchConfig {
	const raw = window.koreaCheckoutAddressSearch ?? {};
	return {
		enabled: raw.enabled !== false,
		scriptUrl:
			typeof raw.scriptUrl === 'string' && raw.scriptUrl !== ''
				? raw.scriptUrl
				: DEFAULT_SCRIPT_URL,
	};
}
