<?php
/**
 * Ours, because wp-cli/i18n-command is not in the Packagist copy reached here.
 *
 * Prints, as JSON, every translatable string of the text domain given as the first argument, found in the
 * PHP files named by the remaining arguments. Used by tools/i18n/make-pot.ts; runs with the PHP CLI only.
 *
 * @package KoreaCheckout
 */

// phpcs:disable WordPress -- a command-line tool outside WordPress.

/**
 * Argument positions (0-based) of single, plural, context and domain, per gettext function.
 */
const KC_I18N_FUNCTIONS = array(
	'__'         => array( 0, null, null, 1 ),
	'_e'         => array( 0, null, null, 1 ),
	'esc_html__' => array( 0, null, null, 1 ),
	'esc_html_e' => array( 0, null, null, 1 ),
	'esc_attr__' => array( 0, null, null, 1 ),
	'esc_attr_e' => array( 0, null, null, 1 ),
	'_x'         => array( 0, null, 1, 2 ),
	'_ex'        => array( 0, null, 1, 2 ),
	'esc_html_x' => array( 0, null, 1, 2 ),
	'esc_attr_x' => array( 0, null, 1, 2 ),
	'_n'         => array( 0, 1, null, 3 ),
	'_n_noop'    => array( 0, 1, null, 2 ),
	'_nx'        => array( 0, 1, 3, 4 ),
	'_nx_noop'   => array( 0, 1, 2, 3 ),
);

$domain  = $argv[1] ?? '';
$root    = getcwd() . '/';
$strings = array();

foreach ( array_slice( $argv, 2 ) as $file ) {
	$tokens  = token_get_all( (string) file_get_contents( $file ) );
	$comment   = null;
	$tentative = null;
	$count     = count( $tokens );
	for ( $i = 0; $i < $count; $i++ ) {
		$token = $tokens[ $i ];
		if ( is_array( $token ) && in_array( $token[0], array( T_COMMENT, T_DOC_COMMENT ), true ) ) {
			if ( preg_match( '/translators:\s*(.+?)\s*(\*\/)?$/s', $token[1], $match ) ) {
				$comment = array( trim( preg_replace( '/\s+/', ' ', $match[1] ) ), $token[2] );
			}
			continue;
		}
		if ( ! is_array( $token ) || T_STRING !== $token[0] || ! isset( KC_I18N_FUNCTIONS[ $token[1] ] ) ) {
			continue;
		}
		// The next meaningful token must be "(".
		$j = $i + 1;
		while ( $j < $count && is_array( $tokens[ $j ] ) && T_WHITESPACE === $tokens[ $j ][0] ) {
			++$j;
		}
		if ( '(' !== ( $tokens[ $j ] ?? null ) ) {
			continue;
		}
		// Collect top-level arguments: a literal string, or null when the argument is anything else.
		$args  = array();
		$depth = 0;
		$parts = array();
		for ( ++$j; $j < $count; $j++ ) {
			$t = $tokens[ $j ];
			if ( in_array( $t, array( '(', '[', '{' ), true ) ) {
				++$depth;
			} elseif ( in_array( $t, array( ')', ']', '}' ), true ) ) {
				if ( 0 === $depth ) {
					break;
				}
				--$depth;
			} elseif ( ',' === $t && 0 === $depth ) {
				$args[] = $parts;
				$parts  = array();
				continue;
			}
			if ( ! is_array( $t ) || ! in_array( $t[0], array( T_WHITESPACE, T_COMMENT ), true ) ) {
				$parts[] = $t;
			}
		}
		$args[] = $parts;
		$value  = static function ( ?int $index ) use ( $args ): ?string {
			if ( null === $index || ! isset( $args[ $index ] ) || 1 !== count( $args[ $index ] ) ) {
				return null;
			}
			$t = $args[ $index ][0];
			if ( ! is_array( $t ) || T_CONSTANT_ENCAPSED_STRING !== $t[0] ) {
				return null;
			}
			$inner = substr( $t[1], 1, -1 );
			return "'" === $t[1][0] ? str_replace( array( "\\'", '\\\\' ), array( "'", '\\' ), $inner ) : stripcslashes( $inner );
		};
		list( $single, $plural, $context, $domain_index ) = KC_I18N_FUNCTIONS[ $token[1] ];
		if ( $value( $domain_index ) !== $domain || null === $value( $single ) ) {
			continue;
		}
		// A comment about placeholders belongs to the string that has them: in `result( __( 'Title' ),
		// sprintf( __( 'Text with %s' ), ... ) )` it goes to the text, not the title before it.
		$near            = null !== $comment && $token[2] - $comment[1] <= 3;
		$has_placeholder = 1 === preg_match( '/%(\d+\$)?[sdf]/', (string) $value( $single ) . (string) $value( $plural ) );
		$attach          = $near && ( $has_placeholder || null === $tentative );
		$strings[]       = array(
			'msgid'   => $value( $single ),
			'plural'  => $value( $plural ),
			'context' => $value( $context ),
			'comment' => $attach ? $comment[0] : null,
			'ref'     => str_replace( $root, '', realpath( $file ) ) . ':' . $token[2],
		);
		if ( $near && $has_placeholder && null !== $tentative ) {
			$strings[ $tentative ]['comment'] = null;
		}
		if ( $near && ! $has_placeholder && null === $tentative ) {
			$tentative = array_key_last( $strings );
			continue;
		}
		$comment   = null;
		$tentative = null;
	}
}

echo json_encode( $strings, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
