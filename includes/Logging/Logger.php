<?php
/**
 * The plugin's log, written through WooCommerce's logger under the source `korea-checkout`.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Logging;

use KoreaCheckout\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Logs with keys, secrets and personal data redacted (see Redactor). Debug lines are written only while the
 * `debug` setting is on. Read the log under WooCommerce > Status > Logs, source `korea-checkout`.
 */
final class Logger {

	public const SOURCE = 'korea-checkout';

	/**
	 * Something failed and needs attention.
	 *
	 * @param string       $message What happened.
	 * @param array<mixed> $context Details; redacted before writing.
	 */
	public static function error( string $message, array $context = array() ): void {
		self::log( 'error', $message, $context );
	}

	/**
	 * Something went wrong but was handled.
	 *
	 * @param string       $message What happened.
	 * @param array<mixed> $context Details; redacted before writing.
	 */
	public static function warning( string $message, array $context = array() ): void {
		self::log( 'warning', $message, $context );
	}

	/**
	 * A normal event worth keeping.
	 *
	 * @param string       $message What happened.
	 * @param array<mixed> $context Details; redacted before writing.
	 */
	public static function info( string $message, array $context = array() ): void {
		self::log( 'info', $message, $context );
	}

	/**
	 * Detail for troubleshooting; written only with the `debug` setting on.
	 *
	 * @param string       $message What happened.
	 * @param array<mixed> $context Details; redacted before writing.
	 */
	public static function debug( string $message, array $context = array() ): void {
		if ( ! Settings::get( 'debug' ) ) {
			return;
		}
		self::log( 'debug', $message, $context );
	}

	/**
	 * Writes one redacted line.
	 *
	 * @param string       $level   WC_Log_Levels level.
	 * @param string       $message What happened.
	 * @param array<mixed> $context Details.
	 */
	private static function log( string $level, string $message, array $context ): void {
		if ( ! function_exists( 'wc_get_logger' ) ) {
			return;
		}
		$context           = Redactor::context( $context );
		$context['source'] = self::SOURCE;
		wc_get_logger()->log( $level, Redactor::text( $message ), $context );
	}
}
