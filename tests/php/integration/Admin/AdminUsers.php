<?php
/**
 * Users with roles, and their browser credentials for requests to the served test store.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration\Admin;

/**
 * Creates users and, for HTTP requests to the store the harness serves (KC_TEST_STORE_URL), the logged-in
 * cookie and REST nonce a browser would hold: a real session token, a real auth cookie, a real nonce.
 */
trait AdminUsers {

	/**
	 * A new user with a role.
	 *
	 * @param string $role Role.
	 */
	private static function user_with_role( string $role ): int {
		$id = wp_insert_user(
			array(
				'user_login' => $role . '_' . wp_generate_password( 8, false ),
				'user_pass'  => wp_generate_password( 16 ),
				'user_email' => $role . wp_generate_password( 8, false ) . '@example.com',
				'role'       => $role,
			)
		);
		if ( is_wp_error( $id ) ) {
			throw new \RuntimeException( $id->get_error_message() );
		}
		return (int) $id;
	}

	/**
	 * The served store's address, or a skip.
	 */
	private function store_url(): string {
		$url = (string) getenv( 'KC_TEST_STORE_URL' );
		if ( '' === $url ) {
			$this->markTestSkipped( 'skipped: the test store is not served (KC_TEST_STORE_URL is not set; npm run test:php-integration serves it)' );
		}
		return rtrim( $url, '/' );
	}

	/**
	 * The cookie header and REST nonce of a logged-in browser session of a user. The session is stored in the
	 * database, so the test must commit (use_transaction = false) for the served store to see it.
	 *
	 * @param int $user_id User.
	 * @return array{cookie: string, nonce: string}
	 */
	private static function browser_session( int $user_id ): array {
		$expires = time() + HOUR_IN_SECONDS;
		$token   = \WP_Session_Tokens::get_instance( $user_id )->create( $expires );
		$cookie  = wp_generate_auth_cookie( $user_id, $expires, 'logged_in', $token );
		$secure  = wp_generate_auth_cookie( $user_id, $expires, 'auth', $token );

		// wp_create_nonce() reads the session token from the logged-in cookie of the current request.
		$saved_cookie                = $_COOKIE[ LOGGED_IN_COOKIE ] ?? null; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- saved as is, put back as is.
		$_COOKIE[ LOGGED_IN_COOKIE ] = $cookie;
		wp_set_current_user( $user_id );
		$nonce = wp_create_nonce( 'wp_rest' );
		if ( null === $saved_cookie ) {
			unset( $_COOKIE[ LOGGED_IN_COOKIE ] );
		} else {
			$_COOKIE[ LOGGED_IN_COOKIE ] = $saved_cookie;
		}
		wp_set_current_user( 0 );

		return array(
			'cookie' => LOGGED_IN_COOKIE . '=' . rawurlencode( $cookie ) . '; ' . AUTH_COOKIE . '=' . rawurlencode( $secure ),
			'nonce'  => $nonce,
		);
	}

	/**
	 * An HTTP request to the served store.
	 *
	 * @param string                $method  Method.
	 * @param string                $path    Path from the site root, e.g. /wp-json/korea-checkout/v1/settings.
	 * @param array<string, string> $headers Headers.
	 * @param string|null           $body    Body.
	 * @return array{status: int, body: string, headers: array<string, string>, json: mixed}
	 */
	private function http( string $method, string $path, array $headers = array(), ?string $body = null ): array {
		$response = wp_remote_request(
			$this->store_url() . $path,
			array(
				'method'      => $method,
				'headers'     => $headers,
				'body'        => $body,
				'timeout'     => 30,
				'redirection' => 0,
			)
		);
		$this->assertNotWPError( $response, "{$method} {$path}" );
		$raw = (string) wp_remote_retrieve_body( $response );
		return array(
			'status'  => (int) wp_remote_retrieve_response_code( $response ),
			'body'    => $raw,
			'headers' => array_map( static fn( $v ) => is_array( $v ) ? (string) reset( $v ) : (string) $v, (array) wp_remote_retrieve_headers( $response )->getAll() ),
			'json'    => json_decode( $raw, true ),
		);
	}
}
