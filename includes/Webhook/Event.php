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
 */
final class Event {

	/**
	 * The events the service sends (api-contract.md); others are acknowledged and ignored.
	 */
	public const KNOWN = array( 'payment.completed', 'payment.failed', 'payment.refunded', 'session.expired' );

	/**
	 * Event id, `evt_...`.
	 *
	 * @var string
	 */
	public string $id;

	/**
	 * Event type, e.g. `payment.completed`.
	 *
	 * @var string
	 */
	public string $type;

	/**
	 * When the service created the event (unix seconds).
	 *
	 * @var int
	 */
	public int $created_at;

	/**
	 * The session id, `cs_...`.
	 *
	 * @var string
	 */
	public string $session_id;

	/**
	 * The session's string metadata as the signed body carries it (`orderId`, `orderKeyHash`, ...); may be empty.
	 *
	 * @var array<string, string>
	 */
	public array $metadata;

	/**
	 * Sets the fields.
	 *
	 * @param string                $id         Event id.
	 * @param string                $type       Event type.
	 * @param int                   $created_at Unix seconds.
	 * @param string                $session_id Session id.
	 * @param array<string, string> $metadata   Session metadata from the body.
	 */
	public function __construct( string $id, string $type, int $created_at, string $session_id, array $metadata = array() ) {
		$this->id         = $id;
		$this->type       = $type;
		$this->created_at = $created_at;
		$this->session_id = $session_id;
		$this->metadata   = $metadata;
	}

	/**
	 * Validates a raw body.
	 *
	 * @param string $body Raw JSON.
	 * @throws InvalidPayload When the JSON or one of the required fields is wrong.
	 */
	public static function from_json( string $body ): self {
		try {
			$data = json_decode( $body, true, 32, JSON_THROW_ON_ERROR );
		} catch ( \JsonException $e ) {
			throw new InvalidPayload( 'The body is not valid JSON.' );
		}
		if ( ! is_array( $data ) || array_is_list( $data ) ) {
			throw new InvalidPayload( 'The body must be a JSON object.' );
		}

		$id = $data['id'] ?? null;
		if ( ! is_string( $id ) || 1 !== preg_match( '/^evt_[A-Za-z0-9_-]{1,100}$/', $id ) ) {
			throw new InvalidPayload( 'id must be an event id starting with evt_.' );
		}
		$type = $data['event'] ?? null;
		if ( ! is_string( $type ) || 1 !== preg_match( '/^[a-z_]{1,50}(\.[a-z_]{1,50}){0,3}$/', $type ) ) {
			throw new InvalidPayload( 'event must be an event name such as payment.completed.' );
		}
		$created = $data['createdAt'] ?? null;
		$time    = is_string( $created ) ? strtotime( $created ) : false;
		if ( false === $time ) {
			throw new InvalidPayload( 'createdAt must be an ISO 8601 time.' );
		}
		$session_id = is_array( $data['data'] ?? null ) ? ( $data['data']['sessionId'] ?? null ) : null;
		if ( ! is_string( $session_id ) || 1 !== preg_match( '/^cs_[A-Za-z0-9_-]{1,100}$/', $session_id ) ) {
			throw new InvalidPayload( 'data.sessionId must be a session id starting with cs_.' );
		}
		$metadata = array();
		foreach ( (array) ( $data['data']['metadata'] ?? array() ) as $key => $value ) {
			if ( is_string( $key ) && is_string( $value ) ) {
				$metadata[ $key ] = $value;
			}
		}
		return new self( $id, $type, $time, $session_id, $metadata );
	}

	/**
	 * Whether this is one of the events the store acts on.
	 */
	public function is_known(): bool {
		return in_array( $this->type, self::KNOWN, true );
	}
}
