<?php
/**
 * A webhook event, validated from its raw JSON body.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Webhook;

defined( 'ABSPATH' ) || exit;

/**
 * Only what the store trusts from a webhook: which event it is and which session it is about. Everything about
 * the payment itself is read back from the API before an order changes.
 *
 * Two shapes are accepted: the contract's `{"id": "evt_…", "event", "createdAt", "data": {…}}` and the service
 * documentation's own `{"event", "data": {…}}`. Without an id, the event is known by the SHA-256 of its raw body,
 * so that a redelivery of the same bytes is recognised as the same event.
 */
final class Event {

	/**
	 * The events the store acts on (api-contract.md); others are acknowledged and recorded.
	 */
	public const HANDLED = array( 'payment.completed', 'payment.failed', 'payment.refunded', 'session.expired' );

	/**
	 * The key the event is stored under: its id, or `sha256:` and the hash of the raw body.
	 *
	 * @var string
	 */
	public string $key;

	/**
	 * Event type, e.g. `payment.completed`.
	 *
	 * @var string
	 */
	public string $type;

	/**
	 * The session id, `cs_…`; '' for an event the store does not handle that names none.
	 *
	 * @var string
	 */
	public string $session_id;

	/**
	 * Sets the fields.
	 *
	 * @param string $key        Storage key.
	 * @param string $type       Event type.
	 * @param string $session_id Session id or ''.
	 */
	public function __construct( string $key, string $type, string $session_id ) {
		$this->key        = $key;
		$this->type       = $type;
		$this->session_id = $session_id;
	}

	/**
	 * Validates a raw body.
	 *
	 * @param string $body Raw JSON.
	 * @throws InvalidPayload When the JSON or one of the fields the store reads is wrong.
	 */
	public static function from_json( string $body ): self {
		try {
			$data = json_decode( $body, true, 32, JSON_THROW_ON_ERROR );
		} catch ( \JsonException $e ) {
			throw new InvalidPayload( 'The body is not valid JSON.' );
		}
		if ( ! is_array( $data ) || array_is_list( $data ) ) {
			throw new InvalidPayload( 'The body must be a JSON object with an event.' );
		}

		$type = $data['event'] ?? null;
		// Any identifier is a name: the service may add event types, and those are acknowledged, not refused.
		if ( ! is_string( $type ) || 1 !== preg_match( '/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/', $type ) ) {
			throw new InvalidPayload( 'event must be an event name such as payment.completed (letters, digits, _ . : -).' );
		}

		$key = 'sha256:' . hash( 'sha256', $body );
		if ( array_key_exists( 'id', $data ) ) {
			if ( ! is_string( $data['id'] ) || 1 !== preg_match( '/^evt_[A-Za-z0-9_-]{1,100}$/', $data['id'] ) ) {
				throw new InvalidPayload( 'id, when present, must be an event id starting with evt_.' );
			}
			$key = $data['id'];
		}
		if ( array_key_exists( 'createdAt', $data ) && ( ! is_string( $data['createdAt'] ) || false === strtotime( $data['createdAt'] ) ) ) {
			throw new InvalidPayload( 'createdAt, when present, must be an ISO 8601 time.' );
		}

		$session_id = is_array( $data['data'] ?? null ) ? ( $data['data']['sessionId'] ?? null ) : null;
		$valid_id   = is_string( $session_id ) && 1 === preg_match( '/^cs_[A-Za-z0-9_-]{1,100}$/', $session_id );
		if ( in_array( $type, self::HANDLED, true ) && ! $valid_id ) {
			throw new InvalidPayload( 'data.sessionId must be a session id starting with cs_.' );
		}
		return new self( $key, $type, $valid_id ? (string) $session_id : '' );
	}

	/**
	 * Whether this is one of the events the store acts on.
	 */
	public function is_handled(): bool {
		return in_array( $this->type, self::HANDLED, true );
	}
}
