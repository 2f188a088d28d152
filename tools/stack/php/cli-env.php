<?php
/**
 * Shared start of the stack's PHP command-line scripts: finds the WordPress of a stack and gives the request the
 * server variables WordPress expects on the command line.
 *
 * @package KoreaCheckout
 */

/**
 * The WordPress folder of the stack, from KC_WP_ROOT.
 */
function kc_stack_wp_root(): string {
	$root = getenv( 'KC_WP_ROOT' );
	if ( false === $root || '' === $root || ! is_file( rtrim( $root, '/' ) . '/wp-load.php' ) ) {
		fwrite( STDERR, "KC_WP_ROOT must name the stack's WordPress folder (the one holding wp-load.php and wp-config.php).\n" );
		exit( 2 );
	}
	return rtrim( $root, '/' );
}

/**
 * Sets the server variables of a request to the site's home URL, as read from its wp-config.php.
 *
 * @param string $root The WordPress folder.
 */
function kc_stack_fake_request( string $root ): void {
	$host   = '127.0.0.1';
	$port   = '80';
	$config = (string) file_get_contents( $root . '/wp-config.php' );
	if ( preg_match( "#define\(\s*'WP_HOME',\s*'https?://([^:/']+)(?::(\d+))?#", $config, $match ) ) {
		$host = $match[1];
		$port = $match[2] ?? '80';
	}
	$_SERVER['HTTP_HOST']       = '80' === $port ? $host : $host . ':' . $port;
	$_SERVER['SERVER_NAME']     = $host;
	$_SERVER['SERVER_PORT']     = $port;
	$_SERVER['REQUEST_URI']     = '/';
	$_SERVER['REQUEST_METHOD']  = 'GET';
	$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
	$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
	$_SERVER['HTTP_USER_AGENT'] = 'korea-checkout-stack';
}

/**
 * Makes WordPress load without the given plugins (by basename, e.g. woocommerce/woocommerce.php) for this
 * process only, through a filter registered before WordPress starts.
 *
 * @param string[] $without Plugin basenames to leave out.
 */
function kc_stack_skip_plugins( array $without ): void {
	if ( array() === $without ) {
		return;
	}
	$GLOBALS['wp_filter']['option_active_plugins'][10][] = array(
		'function'      => static function ( $plugins ) use ( $without ) {
			return array_values( array_diff( (array) $plugins, $without ) );
		},
		'accepted_args' => 1,
	);
}
