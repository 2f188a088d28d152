<?php
/**
 * Runs inside WordPress Playground after the blueprint installed Korea Checkout from the zip that `npm run zip`
 * writes (not from the repository), and writes what it finds about that installed copy as JSON to
 * /kc-results/zip.json. tests/playground/playground.test.ts asserts on it.
 *
 * @package KoreaCheckout
 */

defined( 'ABSPATH' ) || exit;

/**
 * The facts about the installed plugin.
 *
 * @return array<string, mixed>
 */
function kc_playground_zip_checks(): array {
	require_once ABSPATH . 'wp-admin/includes/plugin.php';
	$folder  = WP_PLUGIN_DIR . '/korea-checkout';
	$entries = is_dir( $folder ) ? array_values( array_diff( (array) scandir( $folder ), array( '.', '..' ) ) ) : array();
	sort( $entries );

	// Anything a store should not be sent: sources, maps, tests, tooling, dependencies of the build.
	$dev_files = array();
	if ( is_dir( $folder ) ) {
		$files = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $folder, FilesystemIterator::SKIP_DOTS ) );
		foreach ( $files as $file ) {
			$relative = substr( (string) $file->getPathname(), strlen( $folder ) + 1 );
			if ( preg_match( '#(^|/)(node_modules|tests?|src|tools|sandbox|vendor-bin)/|\.(ts|tsx|map)$|(^|/)\.#', $relative ) ) {
				$dev_files[] = $relative;
			}
		}
	}

	$data     = get_plugin_data( $folder . '/korea-checkout.php', false, false );
	$gateways = function_exists( 'WC' ) ? WC()->payment_gateways()->payment_gateways() : array();
	$routes   = rest_get_server()->get_routes();

	return array(
		'folder_exists'  => is_dir( $folder ),
		'is_symlink'     => is_link( $folder ),
		'entries'        => $entries,
		'dev_files'      => array_slice( $dev_files, 0, 20 ),
		'active'         => is_plugin_active( 'korea-checkout/korea-checkout.php' ),
		'version'        => $data['Version'],
		'text_domain'    => $data['TextDomain'],
		'loaded_from'    => defined( 'KOREA_CHECKOUT_FILE' ) ? KOREA_CHECKOUT_FILE : '',
		'gateway'        => isset( $gateways['korea_checkout'] ) ? get_class( $gateways['korea_checkout'] ) : null,
		'webhook_route'  => isset( $routes['/korea-checkout/v1/webhook'] ),
		'built_scripts'  => array_map( 'basename', (array) glob( $folder . '/build/*.js' ) ),
		'without_asset'  => array_values(
			array_map(
				'basename',
				array_filter(
					(array) glob( $folder . '/build/*.js' ),
					static fn( $script ) => ! file_exists( substr( (string) $script, 0, -3 ) . '.asset.php' )
				)
			)
		),
		'korean_strings' => file_exists( $folder . '/languages/korea-checkout-ko_KR.mo' ),
	);
}

try {
	$kc_zip_facts = kc_playground_zip_checks();
} catch ( Throwable $error ) {
	$kc_zip_facts = array( 'error' => get_class( $error ) . ': ' . $error->getMessage() . ' at ' . $error->getFile() . ':' . $error->getLine() );
}
file_put_contents( '/kc-results/zip.json', wp_json_encode( $kc_zip_facts, JSON_PRETTY_PRINT ) );
