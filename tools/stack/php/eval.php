<?php
/**
 * Runs PHP code inside the WordPress of a stack and prints what it returns as JSON: the test suites use it to read
 * order state, options and hook counts from the real store.
 *
 * Usage: KC_WP_ROOT=<site> php tools/stack/php/eval.php [--user=<id>] [--without=<plugin basename>]... < code.php
 * The code is the body of a function (no opening tag): `return wc_get_order( 12 )->get_status();`.
 * Output: one line `__KC_EVAL__{"ok":true,"value":...,"output":"..."}` after anything WordPress printed; on an
 * error `{"ok":false,"error":"...","output":"..."}` and exit status 1.
 *
 * @package KoreaCheckout
 */

require __DIR__ . '/cli-env.php';

$kc_user    = 0;
$kc_without = array();
foreach ( array_slice( $argv, 1 ) as $kc_arg ) {
	if ( str_starts_with( $kc_arg, '--user=' ) ) {
		$kc_user = (int) substr( $kc_arg, 7 );
	} elseif ( str_starts_with( $kc_arg, '--without=' ) ) {
		$kc_without[] = substr( $kc_arg, 10 );
	} else {
		fwrite( STDERR, "eval.php: unknown argument {$kc_arg}\n" );
		exit( 2 );
	}
}

$kc_code = (string) stream_get_contents( STDIN );
$kc_root = kc_stack_wp_root();
kc_stack_fake_request( $kc_root );
kc_stack_skip_plugins( $kc_without );

ob_start();
require $kc_root . '/wp-load.php';
if ( $kc_user > 0 ) {
	wp_set_current_user( $kc_user );
}

$kc_result = array( 'ok' => true );
try {
	$kc_result['value'] = ( static function () use ( $kc_code ) {
		return eval( $kc_code ); // phpcs:ignore Squiz.PHP.Eval.Discouraged -- running test code is this script's purpose.
	} )();
} catch ( Throwable $kc_error ) {
	$kc_result = array(
		'ok'    => false,
		'error' => get_class( $kc_error ) . ': ' . $kc_error->getMessage() . ' at ' . $kc_error->getFile() . ':' . $kc_error->getLine(),
	);
}
$kc_result['output'] = (string) ob_get_clean();

echo "\n__KC_EVAL__" . json_encode( $kc_result, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PARTIAL_OUTPUT_ON_ERROR ) . "\n";
exit( $kc_result['ok'] ? 0 : 1 );
