<?php
/**
 * Base class of the integration tests: each test runs inside real WordPress + WooCommerce + Korea Checkout, in a
 * database transaction that is rolled back afterwards, with hooks, globals and caches put back as they were.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Tests\Integration;

use Automattic\WooCommerce\StoreApi\Payments\PaymentContext;
use WC_Order;
use WC_Product_Simple;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Helpers for products, orders, in-process REST requests, captured e-mails, hook counts and the sandbox.
 */
abstract class TestCase extends \PHPUnit\Framework\TestCase {

	/**
	 * Whether the test runs inside a transaction that is rolled back. A test whose data other processes must see
	 * (the store served over HTTP, the sandbox's webhooks) turns this off and cleans up itself.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = true;

	/**
	 * E-mails WordPress tried to send during the test (the arguments of wp_mail()).
	 *
	 * @var array<int, array{to: mixed, subject: string, message: string, headers: mixed, attachments: mixed}>
	 */
	protected array $sent_emails = array();

	/**
	 * Calls of _doing_it_wrong() and the deprecation helpers during the test.
	 *
	 * @var array<int, string>
	 */
	protected array $wordpress_warnings = array();

	/**
	 * Saved hook state.
	 *
	 * @var array<string, mixed>
	 */
	private array $saved_hooks = array();

	/**
	 * Saved superglobals.
	 *
	 * @var array<string, array<mixed>>
	 */
	private array $saved_globals = array();

	/**
	 * Saves state, opens the transaction, starts capturing e-mails and WordPress warnings.
	 */
	protected function setUp(): void {
		parent::setUp();
		global $wpdb, $wp_filter, $wp_actions, $wp_filters, $wp_current_filter;

		$this->saved_hooks   = array(
			'wp_filter'         => array_map( static fn( $hook ) => clone $hook, $wp_filter ),
			'wp_actions'        => $wp_actions,
			'wp_filters'        => $wp_filters ?? array(),
			'wp_current_filter' => $wp_current_filter,
		);
		$this->saved_globals = array(
			'_GET'     => $_GET, // phpcs:ignore WordPress.Security.NonceVerification.Recommended
			'_POST'    => $_POST, // phpcs:ignore WordPress.Security.NonceVerification.Missing
			'_REQUEST' => $_REQUEST, // phpcs:ignore WordPress.Security.NonceVerification.Recommended
			'_SERVER'  => $_SERVER,
			'_COOKIE'  => $_COOKIE,
		);

		$this->sent_emails        = array();
		$this->wordpress_warnings = array();
		if ( $this->use_transaction ) {
			$wpdb->query( 'SET autocommit = 0' );
			$wpdb->query( 'START TRANSACTION' );
		}
		wp_cache_flush();

		add_filter( 'pre_wp_mail', array( $this, 'capture_email' ), 10, 2 );
		add_filter( 'doing_it_wrong_trigger_error', array( $this, 'capture_doing_it_wrong' ), 10, 4 );
		add_filter( 'wp_die_handler', array( $this, 'die_handler' ) );
		add_filter( 'wp_die_ajax_handler', array( $this, 'die_handler' ) );
		add_filter( 'wp_die_json_handler', array( $this, 'die_handler' ) );
		wp_set_current_user( 0 );
	}

	/**
	 * Rolls back, puts hooks, globals, caches and the current user back.
	 */
	protected function tearDown(): void {
		global $wpdb, $wp_filter, $wp_actions, $wp_filters, $wp_current_filter;

		if ( $this->use_transaction ) {
			$wpdb->query( 'ROLLBACK' );
			$wpdb->query( 'SET autocommit = 1' );
		}
		$wp_filter         = $this->saved_hooks['wp_filter']; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
		$wp_actions        = $this->saved_hooks['wp_actions']; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
		$wp_filters        = $this->saved_hooks['wp_filters']; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
		$wp_current_filter = $this->saved_hooks['wp_current_filter']; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
		foreach ( $this->saved_globals as $name => $value ) {
			$GLOBALS[ $name ] = $value;
		}
		wp_cache_flush();
		wp_set_current_user( 0 );
		if ( function_exists( 'WC' ) && null !== WC()->cart ) {
			WC()->cart->empty_cart( false );
		}

		$ours = array_filter( $this->wordpress_warnings, static fn( string $warning ) => (bool) preg_match( '/korea[-_]checkout/i', $warning ) );
		parent::tearDown();
		$this->assertSame( array(), array_values( $ours ), 'Korea Checkout called WordPress incorrectly' );
	}

	/**
	 * The pre_wp_mail filter: records the message and stops WordPress from sending it.
	 *
	 * @param null|bool            $short_circuit Earlier filters' answer.
	 * @param array<string, mixed> $atts          The arguments of wp_mail().
	 * @return bool
	 */
	public function capture_email( $short_circuit, array $atts ): bool {
		$this->sent_emails[] = array(
			'to'          => $atts['to'] ?? '',
			'subject'     => (string) ( $atts['subject'] ?? '' ),
			'message'     => (string) ( $atts['message'] ?? '' ),
			'headers'     => $atts['headers'] ?? '',
			'attachments' => $atts['attachments'] ?? array(),
		);
		return true;
	}

	/**
	 * The doing_it_wrong_trigger_error filter: records the warning instead of raising a PHP notice.
	 *
	 * @param bool   $trigger  Whether WordPress would trigger an error.
	 * @param string $function The function used wrongly.
	 * @param string $message  Why.
	 * @param string $version  Since which version.
	 */
	public function capture_doing_it_wrong( $trigger, $function, $message, $version ): bool {
		$this->wordpress_warnings[] = "{$function}: {$message} ({$version})";
		return false;
	}

	/**
	 * The wp_die handlers: turn wp_die() into an exception the test can catch.
	 *
	 * @return callable
	 */
	public function die_handler(): callable {
		return static function ( $message, $title = '', $args = array() ): void {
			if ( $message instanceof \WP_Error ) {
				$message = $message->get_error_message();
			}
			$status = is_array( $args ) && isset( $args['response'] ) ? (int) $args['response'] : 500;
			throw new WpDieException( is_string( $message ) ? $message : (string) wp_json_encode( $message ), $status );
		};
	}

	/**
	 * A published simple product with stock management.
	 *
	 * @param int                  $price In KRW.
	 * @param int|null             $stock Stock quantity, or null for no stock management.
	 * @param array<string, mixed> $props More WC_Product properties (name, sku, ...).
	 */
	protected function create_product( int $price = 29000, ?int $stock = 10, array $props = array() ): WC_Product_Simple {
		$product = new WC_Product_Simple();
		$product->set_props(
			array_merge(
				array(
					'name'           => 'Test product ' . wp_generate_password( 6, false ),
					'regular_price'  => (string) $price,
					'status'         => 'publish',
					'manage_stock'   => null !== $stock,
					'stock_quantity' => $stock,
				),
				$props
			)
		);
		$product->save();
		return $product;
	}

	/**
	 * A pending order of a Seoul shopper for the given products, paid with Korea Checkout unless told otherwise.
	 *
	 * @param array<string, mixed> $args {
	 *     Optional.
	 *     @type array<int, array{0: \WC_Product, 1?: int}> $items          Products and quantities (default: one new 29,000 KRW product).
	 *     @type string                                     $payment_method Gateway id (default korea_checkout).
	 *     @type string                                     $status         Order status (default pending).
	 *     @type string                                     $currency       Currency (default KRW).
	 *     @type int                                        $shipping       Shipping cost in KRW (default 3000; 0 for none).
	 *     @type array<string, mixed>                       $meta           Order meta to set.
	 *     @type int                                        $customer_id    Customer (default 0, a guest).
	 * }
	 */
	protected function create_order( array $args = array() ): WC_Order {
		$args  = array_merge(
			array(
				'items'          => null,
				'payment_method' => 'korea_checkout',
				'status'         => 'pending',
				'currency'       => 'KRW',
				'shipping'       => 3000,
				'meta'           => array(),
				'customer_id'    => 0,
			),
			$args
		);
		$items = $args['items'] ?? array( array( $this->create_product() ) );

		$order = wc_create_order( array( 'customer_id' => (int) $args['customer_id'] ) );
		foreach ( $items as $item ) {
			$order->add_product( $item[0], $item[1] ?? 1 );
		}
		$address = array(
			'first_name' => 'Jiwoo',
			'last_name'  => 'Kim',
			'address_1'  => '110 Sejong-daero',
			'address_2'  => 'Jung-gu',
			'city'       => 'Seoul',
			'postcode'   => '04524',
			'country'    => 'KR',
			'email'      => 'jiwoo.kim@example.com',
			'phone'      => '010-1234-5678',
		);
		$order->set_address( $address, 'billing' );
		unset( $address['email'] );
		$order->set_address( $address, 'shipping' );
		if ( $args['shipping'] > 0 ) {
			$shipping = new \WC_Order_Item_Shipping();
			$shipping->set_method_title( 'Parcel delivery' );
			$shipping->set_method_id( 'flat_rate' );
			$shipping->set_total( (string) $args['shipping'] );
			$order->add_item( $shipping );
		}
		$order->set_currency( (string) $args['currency'] );
		$order->set_payment_method( (string) $args['payment_method'] );
		$gateways = WC()->payment_gateways()->payment_gateways();
		$gateway  = $gateways[ $args['payment_method'] ] ?? null;
		$order->set_payment_method_title( $gateway ? $gateway->get_title() : (string) $args['payment_method'] );
		foreach ( $args['meta'] as $key => $value ) {
			$order->update_meta_data( $key, $value );
		}
		$order->calculate_totals( false );
		$order->set_status( (string) $args['status'] );
		$order->save();
		return wc_get_order( $order->get_id() );
	}

	/**
	 * Dispatches a REST request in this process, as the REST server would for an HTTP request.
	 *
	 * @param string                    $method  HTTP method.
	 * @param string                    $route   Route with leading slash, e.g. /korea-checkout/v1/webhook.
	 * @param string|array<mixed>|null  $body    Raw body (sent as is) or data (sent as JSON).
	 * @param array<string, string>     $headers Request headers.
	 * @param array<string, mixed>      $query   Query parameters.
	 */
	protected function rest_request( string $method, string $route, $body = null, array $headers = array(), array $query = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, $route );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		if ( array() !== $query ) {
			$request->set_query_params( $query );
		}
		if ( is_array( $body ) ) {
			$request->set_header( 'content-type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		} elseif ( is_string( $body ) ) {
			$request->set_body( $body );
		}
		return rest_do_request( $request );
	}

	/**
	 * A REST response's data as the client would decode it (objects become arrays).
	 *
	 * @param WP_REST_Response $response Response.
	 * @return mixed
	 */
	protected function rest_data( WP_REST_Response $response ) {
		return json_decode( (string) wp_json_encode( rest_get_server()->response_to_data( $response, false ) ), true );
	}

	/**
	 * Replaces the plugin's stored settings for this test (merged over what the stack configured).
	 *
	 * @param array<string, mixed> $values Keys of Settings::defaults().
	 */
	protected function set_plugin_settings( array $values ): void {
		$current = (array) get_option( 'korea_checkout_settings', array() );
		update_option( 'korea_checkout_settings', array_merge( $current, $values ), true );
	}

	/**
	 * How often an action fired since this test began.
	 *
	 * @param string $hook Action name.
	 */
	protected function actions_fired( string $hook ): int {
		$before = (int) ( $this->saved_hooks['wp_actions'][ $hook ] ?? 0 );
		return did_action( $hook ) - $before;
	}

	/**
	 * Records every call of an action from now on (its arguments), for assertions on what was passed.
	 *
	 * @param string $hook Action name.
	 * @return \ArrayObject<int, array<int, mixed>> Grows as the action fires.
	 */
	protected function record_action( string $hook ): \ArrayObject {
		$calls = new \ArrayObject();
		add_action(
			$hook,
			static function ( ...$args ) use ( $calls ): void {
				$calls[] = $args;
			},
			10,
			10
		);
		return $calls;
	}

	/**
	 * The sandbox the stack started for the tests, or a skip with the reason.
	 *
	 * @return array{url: string, api_key: string, webhook_secret: string}
	 */
	protected function sandbox(): array {
		$url = (string) getenv( 'KC_SANDBOX_URL' );
		if ( '' === $url ) {
			$this->markTestSkipped( 'skipped: no sandbox (KC_SANDBOX_URL is not set; npm run test:php-integration starts one when sandbox/ has its server)' );
		}
		return array(
			'url'            => $url,
			'api_key'        => (string) getenv( 'KC_SANDBOX_API_KEY' ),
			'webhook_secret' => (string) getenv( 'KC_SANDBOX_WEBHOOK_SECRET' ),
		);
	}

	/**
	 * Calls the sandbox's control surface (/sandbox/...) and returns the decoded answer.
	 *
	 * @param string                    $method HTTP method.
	 * @param string                    $path   Path after the sandbox URL, e.g. /sandbox/sessions/ID/pay.
	 * @param array<string, mixed>|null $body   JSON body.
	 * @return array<string, mixed>
	 */
	protected function sandbox_call( string $method, string $path, ?array $body = null ): array {
		$sandbox  = $this->sandbox();
		$response = wp_remote_request(
			$sandbox['url'] . $path,
			array(
				'method'  => $method,
				'timeout' => 30,
				'headers' => array( 'Content-Type' => 'application/json' ),
				'body'    => null === $body ? '' : (string) wp_json_encode( $body ),
			)
		);
		$this->assertNotWPError( $response, "sandbox {$method} {$path}" );
		$code = (int) wp_remote_retrieve_response_code( $response );
		$data = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		$this->assertTrue( $code >= 200 && $code < 300, "sandbox {$method} {$path} answered {$code}: " . wp_remote_retrieve_body( $response ) );
		return is_array( $data ) ? $data : array();
	}

	/**
	 * A Store API payment context, as WooCommerce hands it to `woocommerce_rest_checkout_process_payment_with_context`.
	 *
	 * @param \WC_Order             $order  The order.
	 * @param array<string, string> $data   Payment data.
	 * @param string                $method Payment method id.
	 */
	protected function payment_context( \WC_Order $order, array $data, string $method = 'korea_checkout' ): PaymentContext {
		$context = new PaymentContext();
		$context->set_payment_method( $method );
		$context->set_payment_data( $data );
		$context->set_order( $order );
		return $context;
	}

	/**
	 * Arms one of the sandbox's faults (sandbox.md, POST /sandbox/faults).
	 *
	 * @param string               $target What the fault hits: `create-session`, `get-session`, `refund`, `webhook`, ….
	 * @param string               $mode   `500`, `429`, `hang`, `bad-signature`, ….
	 * @param int                  $count  How many requests it spoils.
	 * @param array<string, mixed> $more   Further fields, such as `delayMs`.
	 */
	protected function sandbox_fault( string $target, string $mode, int $count = 1, array $more = array() ): void {
		$this->sandbox_call(
			'POST',
			'/sandbox/faults',
			array_merge(
				array(
					'target' => $target,
					'mode'   => $mode,
					'count'  => $count,
				),
				$more
			)
		);
	}

	/**
	 * Asserts that a value is not a WP_Error, showing its message when it is.
	 *
	 * @param mixed  $actual  Value.
	 * @param string $message Context.
	 */
	protected function assertNotWPError( $actual, string $message = '' ): void {
		$detail = $actual instanceof \WP_Error ? $actual->get_error_code() . ': ' . $actual->get_error_message() : '';
		$this->assertNotInstanceOf( \WP_Error::class, $actual, trim( "{$message} {$detail}" ) );
	}

	/**
	 * Runs PHP code in a separate PHP process of the same test WordPress (e.g. to boot it with a plugin left
	 * out) and returns what the code returns. The other process sees only committed data.
	 *
	 * @param string   $code    Function body, e.g. `return get_option( 'blogname' );`.
	 * @param string[] $without Plugin basenames the process loads without.
	 * @param int      $user    User id to act as.
	 * @return mixed
	 */
	protected function run_in_separate_wordpress( string $code, array $without = array(), int $user = 0 ) {
		return $this->result_of_separate_wordpress( $this->start_separate_wordpress( $code, $without, $user ) );
	}

	/**
	 * Starts PHP code in a separate PHP process of the same test WordPress without waiting for it, so that several
	 * can run at once; result_of_separate_wordpress() waits for one and returns what its code returned.
	 *
	 * @param string   $code    Function body.
	 * @param string[] $without Plugin basenames the process loads without.
	 * @param int      $user    User id to act as.
	 * @return array{0: resource, 1: array<int, resource>} The process and its pipes.
	 */
	protected function start_separate_wordpress( string $code, array $without = array(), int $user = 0 ): array {
		$command = escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( dirname( __DIR__, 3 ) . '/tools/stack/php/eval.php' );
		foreach ( $without as $plugin ) {
			$command .= ' ' . escapeshellarg( '--without=' . $plugin );
		}
		if ( $user > 0 ) {
			$command .= ' --user=' . $user;
		}
		$process = proc_open(
			$command,
			array(
				0 => array( 'pipe', 'r' ),
				1 => array( 'pipe', 'w' ),
				2 => array(
					'pipe',
					'w',
				),
			),
			$pipes
		);
		$this->assertIsResource( $process, 'could not start PHP' );
		fwrite( $pipes[0], $code );
		fclose( $pipes[0] );
		return array( $process, $pipes );
	}

	/**
	 * Waits for a process of start_separate_wordpress() and returns what its code returned.
	 *
	 * @param array{0: resource, 1: array<int, resource>} $started The process and its pipes.
	 * @return mixed
	 */
	protected function result_of_separate_wordpress( array $started ) {
		list( $process, $pipes ) = $started;
		$stdout                  = (string) stream_get_contents( $pipes[1] );
		$stderr                  = (string) stream_get_contents( $pipes[2] );
		fclose( $pipes[1] );
		fclose( $pipes[2] );
		$status = proc_close( $process );
		$marker = strrpos( $stdout, '__KC_EVAL__' );
		$this->assertNotFalse( $marker, "the separate WordPress printed no result (exit {$status}):\n{$stdout}\n{$stderr}" );
		$result = json_decode( substr( $stdout, $marker + strlen( '__KC_EVAL__' ) ), true );
		$this->assertIsArray( $result, "unreadable result:\n{$stdout}" );
		$this->assertTrue( $result['ok'], 'the separate WordPress failed: ' . ( $result['error'] ?? '' ) . "\n" . ( $result['output'] ?? '' ) . $stderr );
		return $result['value'] ?? null;
	}
}
