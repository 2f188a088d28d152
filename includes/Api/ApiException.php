<?php
/**
 * A failed call to the Korea Checkout API.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Api;

defined( 'ABSPATH' ) || exit;

/**
 * Carries the API's error code (or one of ours: `http_unreachable`, `timeout`, `rate_limited`,
 * `invalid_response`), the HTTP status (0 when no answer came) and, for a 429, the seconds to wait.
 * getMessage() is a translated sentence a store owner or shopper can read; the API's own English message
 * is kept apart in get_api_message() for the log.
 */
class ApiException extends \Exception {

	/**
	 * The API's error code or one of ours.
	 *
	 * @var string
	 */
	private string $error_code;

	/**
	 * HTTP status, 0 when there was no answer.
	 *
	 * @var int
	 */
	private int $status;

	/**
	 * Seconds the API asked us to wait (429), else null.
	 *
	 * @var int|null
	 */
	private ?int $retry_after;

	/**
	 * The API's own message, untranslated, for the log.
	 *
	 * @var string
	 */
	private string $api_message;

	/**
	 * The API's `details` object.
	 *
	 * @var array<string, mixed>
	 */
	private array $details;

	/**
	 * Creates the exception.
	 *
	 * @param string               $error_code  The API's error code or one of ours.
	 * @param string               $message     Translated sentence for people.
	 * @param int                  $status      HTTP status, 0 when there was no answer.
	 * @param int|null             $retry_after Seconds to wait (429).
	 * @param string               $api_message The API's own message.
	 * @param array<string, mixed> $details     The API's `details`.
	 */
	public function __construct( string $error_code, string $message, int $status = 0, ?int $retry_after = null, string $api_message = '', array $details = array() ) {
		parent::__construct( $message );
		$this->error_code  = $error_code;
		$this->status      = $status;
		$this->retry_after = $retry_after;
		$this->api_message = $api_message;
		$this->details     = $details;
	}

	/**
	 * The API's error code, or `http_unreachable`, `timeout`, `rate_limited`, `invalid_response`.
	 */
	public function get_error_code(): string {
		return $this->error_code;
	}

	/**
	 * HTTP status of the answer, 0 when none came.
	 */
	public function get_status(): int {
		return $this->status;
	}

	/**
	 * Seconds the API asked us to wait before trying again, or null.
	 */
	public function get_retry_after(): ?int {
		return $this->retry_after;
	}

	/**
	 * The API's own (English) message, for logs.
	 */
	public function get_api_message(): string {
		return $this->api_message;
	}

	/**
	 * The API's `details` object.
	 *
	 * @return array<string, mixed>
	 */
	public function get_details(): array {
		return $this->details;
	}

	/**
	 * Whether trying the same call later may work (the service was down, slow or busy).
	 */
	public function is_temporary(): bool {
		return in_array( $this->error_code, array( 'http_unreachable', 'timeout', 'rate_limited' ), true ) || $this->status >= 500;
	}
}
