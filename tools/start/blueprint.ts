/**
 * The Playground blueprint of the `npm start` store: PHP 8.3, WooCommerce and this plugin active, outside
 * HTTP blocked (the store needs only the local sandbox), then tools/start/store-setup.php makes the store
 * ready to sell.
 */
export interface StoreConfig {
	sandboxUrl: string;
	apiKey: string;
	webhookSecret: string;
	/** True when WooCommerce is not mounted and Playground installs it from WordPress.org. */
	downloadWooCommerce: boolean;
}

export const PHP_VERSION = '8.3';
export const PLUGIN_MOUNT = '/wordpress/wp-content/plugins/korea-checkout';

export function storeBlueprint(
	config: StoreConfig
): Record< string, unknown > {
	const setup = {
		sandbox_url: config.sandboxUrl,
		api_key: config.apiKey,
		webhook_secret: config.webhookSecret,
	};
	const woocommerceStep = config.downloadWooCommerce
		? {
				step: 'installPlugin',
				pluginData: {
					resource: 'wordpress.org/plugins',
					slug: 'woocommerce',
				},
				options: { activate: true },
			}
		: { step: 'activatePlugin', pluginPath: 'woocommerce/woocommerce.php' };
	return {
		$schema: 'https://playground.wordpress.net/blueprint-schema.json',
		preferredVersions: { php: PHP_VERSION, wp: 'latest' },
		landingPage: '/shop/',
		steps: [
			{
				step: 'defineWpConfigConsts',
				consts: {
					// The store talks to the local sandbox only; update checks and feeds fail at once.
					WP_HTTP_BLOCK_EXTERNAL: true,
					WP_ACCESSIBLE_HOSTS: '127.0.0.1,localhost',
					AUTOMATIC_UPDATER_DISABLED: true,
					WP_DEBUG: true,
					WP_DEBUG_LOG: true,
					WP_DEBUG_DISPLAY: false,
				},
			},
			woocommerceStep,
			{
				step: 'activatePlugin',
				pluginPath: 'korea-checkout/korea-checkout.php',
			},
			{
				step: 'runPHP',
				code: [
					'<?php',
					"require_once '/wordpress/wp-load.php';",
					`require_once '${ PLUGIN_MOUNT }/tools/start/store-setup.php';`,
					`korea_checkout_playground_setup( json_decode( '${ JSON.stringify(
						setup
					).replace( /[\\']/g, ( c ) => `\\${ c }` ) }', true ) );`,
				].join( '\n' ),
			},
		],
	};
}
