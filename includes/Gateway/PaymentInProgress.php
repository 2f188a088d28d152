<?php
/**
 * The shopper has begun paying one of the order's sessions and has not finished.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Gateway;

defined( 'ABSPATH' ) || exit;

/**
 * Thrown by SessionStarter when an order's session is `processing` without a virtual account: the shopper is
 * paying it (a wallet app's approval, the card company's check). Such a session can neither be retired nor
 * replaced without risking a second charge, so the order is not paid again until that payment ends.
 */
final class PaymentInProgress extends \RuntimeException {

	/**
	 * The session being paid.
	 *
	 * @var string
	 */
	private string $session_id;

	/**
	 * Creates the exception.
	 *
	 * @param string $session_id The session being paid.
	 */
	public function __construct( string $session_id ) {
		parent::__construct( 'A payment of the order is in progress.' );
		$this->session_id = $session_id;
	}

	/**
	 * The session being paid.
	 */
	public function session_id(): string {
		return $this->session_id;
	}
}
