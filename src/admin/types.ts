/**
 * The shapes the settings REST endpoints answer with (includes/Admin/SettingsView.php and ConnectionTest.php).
 */

export type Mode = 'sandbox' | 'live';

export interface Settings {
	enabled: boolean;
	title: string;
	description: string;
	mode: Mode;
	/** Only ever a mask such as `sk_test_••••abcd` (or ''): the key never reaches the browser. */
	api_key: string;
	/** Only ever a mask such as `whsec_••••abcd` (or ''). */
	webhook_secret: string;
	api_url: string;
	shop_id: string;
	enabled_methods: string[];
	status_map: Record< string, string >;
	address_search: boolean;
	session_lifetime: number;
	customs_code: boolean;
	debug: boolean;
	has_key: boolean;
	has_webhook_secret: boolean;
}

export type LockableKey = 'api_key' | 'webhook_secret' | 'api_url';

export interface Choice {
	id: string;
	label: string;
}

export interface SessionStatusChoice extends Choice {
	/** The order status used when no override is set ('' = WooCommerce decides). */
	automatic: string;
}

export interface SettingsResponse {
	settings: Settings;
	locked: Record< LockableKey, boolean >;
	locked_by: Record< LockableKey, string >;
	webhook_url: string;
	effective_api_url: string;
	choices: {
		methods: Choice[];
		order_statuses: Choice[];
		session_statuses: SessionStatusChoice[];
		lifetime: { min: number; max: number };
	};
	/** The methods the shop had at the last connection test or reconciliation; null when not known. */
	shop_methods?: KeptShopMethods | null;
}

export interface KeptShopMethods {
	shop_id: string;
	shop_name: string;
	methods: string[];
	checked_at: number;
}

/** The settings the page can change (the rest only describe what is saved). */
export type EditableSettings = Omit<
	Settings,
	'has_key' | 'has_webhook_secret'
>;

export type SettingKey = keyof EditableSettings;

/**
 * What a save sends: any subset of the editable settings. A number goes as the store owner typed it; the
 * server reads whole numbers from text and refuses anything else with a sentence.
 */
export type SettingsDraft = {
	[ K in SettingKey ]?: EditableSettings[ K ] extends number
		? number | string
		: EditableSettings[ K ];
};

/** The server's sentence for each refused setting. */
export type FieldErrors = Partial< Record< SettingKey, string > >;

export interface ShopSummary {
	id: string;
	name: string;
}

export interface ShopMethod {
	id: string;
	label: string;
	known: boolean;
}

export interface ShopDetails {
	id: string;
	name: string;
	status: string;
	automatic: boolean;
	business_verified: boolean;
	business_name: string;
	business_number: string;
	payment_methods: ShopMethod[];
	custom_domain: string;
	domain_verification_status: string;
	domain_configuration_status: string;
}

export interface ConnectionProblem {
	code: string;
	message: string;
	retry_after: number | null;
}

export interface ConnectionResult {
	ok: boolean;
	cached: boolean;
	mode: Mode;
	api_url: string;
	checked_at: number;
	shops?: ShopSummary[];
	shop?: ShopDetails;
	rate_limit?: { limit: number; remaining: number; reset: number } | null;
	problem?: ConnectionProblem;
}

/** The error body of a refused save (WP_Error as the REST API sends it). */
export interface SaveError {
	code: string;
	message: string;
	data?: {
		status?: number;
		errors?: Record< string, string >;
		codes?: Record< string, string >;
	};
}
