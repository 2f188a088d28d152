/**
 * A stand-in for the plugin's settings REST endpoints (includes/Admin/SettingsController.php) behind
 * apiFetch's fetch handler: it answers with the same shapes, keeps what a save accepts, records every
 * request, and refuses the fields a test names with the controller's all-or-nothing 400. The real
 * endpoint is exercised through Chromium in tests/e2e/admin-settings.e2e.test.ts.
 */
import apiFetch, { type APIFetchOptions } from '@wordpress/api-fetch';
import type {
	SaveError,
	Settings,
	SettingsDraft,
	SettingsResponse,
} from '../../../src/admin/types';

export interface Request {
	method: string;
	path: string;
	data: SettingsDraft | undefined;
}

export interface SettingsEndpoint {
	/** What the endpoint has stored now. */
	readonly stored: Settings;
	/** Every request the page made, in order. */
	readonly requests: Request[];
	/** The saves (POST bodies) the page sent, in order. */
	saves: () => SettingsDraft[];
	/** Refuse the next saves that include these fields, with these sentences. */
	refuse: ( errors: Partial< Record< keyof Settings, string > > ) => void;
}

const SAVED: Settings = {
	enabled: true,
	title: '',
	description: '',
	mode: 'sandbox',
	api_key: '',
	webhook_secret: '',
	api_url: '',
	shop_id: '',
	enabled_methods: [],
	status_map: {},
	address_search: true,
	session_lifetime: 72,
	customs_code: false,
	debug: false,
	has_key: false,
	has_webhook_secret: false,
};

function response( stored: Settings ): SettingsResponse {
	return {
		settings: { ...stored },
		locked: { api_key: false, webhook_secret: false, api_url: false },
		locked_by: {
			api_key: 'KOREA_CHECKOUT_API_KEY',
			webhook_secret: 'KOREA_CHECKOUT_WEBHOOK_SECRET',
			api_url: 'KOREA_CHECKOUT_API_URL',
		},
		webhook_url: 'https://store.test/wp-json/korea-checkout/v1/webhook',
		effective_api_url: 'https://sandbox-api.koreacheckout.com',
		choices: {
			methods: [
				{ id: 'card', label: 'Credit or debit card' },
				{ id: 'kakao_pay', label: 'KakaoPay' },
			],
			order_statuses: [
				{ id: 'processing', label: 'Processing' },
				{ id: 'completed', label: 'Completed' },
			],
			session_statuses: [
				{ id: 'paid', label: 'Paid', automatic: 'processing' },
			],
			lifetime: { min: 1, max: 720 },
		},
	};
}

/** Installs the endpoint as apiFetch's fetch handler, starting from `initial` over defaults. */
export function settingsEndpoint(
	initial: Partial< Settings > = {}
): SettingsEndpoint {
	let stored: Settings = { ...SAVED, ...initial };
	let refusals: Partial< Record< keyof Settings, string > > = {};
	const requests: Request[] = [];

	apiFetch.setFetchHandler( async ( options: APIFetchOptions ) => {
		const method = options.method ?? 'GET';
		const path = options.path ?? '';
		const data = options.data as SettingsDraft | undefined;
		requests.push( { method, path, data } );
		// apiFetch's middlewares add query arguments such as `_locale=user`.
		if ( path.split( '?' )[ 0 ] !== '/korea-checkout/v1/settings' ) {
			throw {
				code: 'rest_no_route',
				message: `No route for ${ path } in this test.`,
			} satisfies SaveError;
		}
		if ( method === 'GET' ) {
			return response( stored );
		}
		const refused = Object.fromEntries(
			Object.entries( refusals ).filter(
				( [ field ] ) => data !== undefined && field in data
			)
		);
		if ( Object.keys( refused ).length > 0 ) {
			throw {
				code: 'korea_checkout_invalid_settings',
				message:
					'Some settings were not accepted, so nothing was saved. Correct them and save again.',
				data: { status: 400, errors: refused },
			} satisfies SaveError;
		}
		stored = { ...stored, ...data } as Settings;
		return response( stored );
	} );

	return {
		get stored() {
			return stored;
		},
		requests,
		saves: () =>
			requests
				.filter( ( request ) => request.method === 'POST' )
				.map( ( request ) => request.data ?? {} ),
		refuse: ( errors ) => {
			refusals = errors;
		},
	};
}
