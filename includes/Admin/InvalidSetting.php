<?php
/**
 * One refused setting: which rule it broke, and the facts the message needs.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * Thrown inside SettingsValidator for a value that breaks a rule; turned into a translated sentence by
 * ValidationMessages. The code is stable (tests and the settings page rely on it), the params fill the sentence.
 */
final class InvalidSetting extends \InvalidArgumentException {

	/**
	 * The rule's code, e.g. `key_format`.
	 *
	 * @var string
	 */
	private string $rule;

	/**
	 * Facts for the sentence, e.g. the unknown method id.
	 *
	 * @var array<string, string|int>
	 */
	private array $params;

	/**
	 * Creates the refusal.
	 *
	 * @param string                    $rule   The rule's code.
	 * @param array<string, string|int> $params Facts for the sentence.
	 */
	public function __construct( string $rule, array $params = array() ) {
		parent::__construct( $rule );
		$this->rule   = $rule;
		$this->params = $params;
	}

	/**
	 * The rule's code.
	 */
	public function rule(): string {
		return $this->rule;
	}

	/**
	 * Facts for the sentence.
	 *
	 * @return array<string, string|int>
	 */
	public function params(): array {
		return $this->params;
	}
}
