<?php
/**
 * Router for PHP's built-in web server: real files (static or PHP) are served as they are, a folder with an
 * index.php runs that file, and everything else goes to WordPress's index.php so pretty permalinks and
 * /wp-json/ work as they do behind Apache or nginx.
 *
 * Usage: php -S 127.0.0.1:8080 -t <site> tools/stack/php/router.php
 *
 * @package KoreaCheckout
 */

$kc_root = rtrim( (string) $_SERVER['DOCUMENT_ROOT'], '/' );
$kc_path = rawurldecode( (string) parse_url( (string) $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

if ( str_contains( $kc_path, '..' ) ) {
	http_response_code( 400 );
	return true;
}

$kc_file = $kc_root . $kc_path;
if ( '/' !== $kc_path && is_file( $kc_file ) ) {
	return false;
}
if ( '/' !== $kc_path && is_dir( $kc_file ) && is_file( rtrim( $kc_file, '/' ) . '/index.php' ) ) {
	if ( ! str_ends_with( $kc_path, '/' ) ) {
		$kc_query = (string) parse_url( (string) $_SERVER['REQUEST_URI'], PHP_URL_QUERY );
		header( 'Location: ' . $kc_path . '/' . ( '' !== $kc_query ? '?' . $kc_query : '' ), true, 301 );
		return true;
	}
	return false;
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $kc_root . '/index.php';
chdir( $kc_root );
require $kc_root . '/index.php';
