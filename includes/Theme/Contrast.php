<?php
/**
 * Text colour for a background colour, by WCAG contrast.
 *
 * @package KoreaCheckout
 */

namespace KoreaCheckout\Theme;

defined( 'ABSPATH' ) || exit;

/**
 * Reads a CSS colour (`#rgb`, `#rrggbb`, with or without alpha, `rgb()`/`rgba()`, `hsl()`/`hsla()` in either
 * syntax, and the named colours) and picks the text colour that reads best on it: white or black, whichever
 * contrasts more. One of the two always reaches at least 4.58:1 (WCAG 2.2 AA asks 4.5:1 for text).
 *
 * A colour with transparency is judged as drawn over white. Pure logic, no WordPress.
 */
final class Contrast {

	public const WHITE = '#ffffff';
	public const BLACK = '#000000';

	/**
	 * The text colour for a background, or null when the value is not a colour this class reads (the
	 * stylesheet then decides, see src/address-search/address-search.css).
	 *
	 * @param string $background A CSS colour.
	 */
	public static function text_on( string $background ): ?string {
		$rgb = self::parse( $background );
		if ( null === $rgb ) {
			return null;
		}
		$white = self::ratio( $rgb, array( 255, 255, 255 ) );
		$black = self::ratio( $rgb, array( 0, 0, 0 ) );
		return $white >= $black ? self::WHITE : self::BLACK;
	}

	/**
	 * The contrast ratio of two colours (1 to 21), as WCAG 2.2 defines it.
	 *
	 * @param array{0: float|int, 1: float|int, 2: float|int} $a Red, green, blue, 0-255.
	 * @param array{0: float|int, 1: float|int, 2: float|int} $b Red, green, blue, 0-255.
	 */
	public static function ratio( array $a, array $b ): float {
		$la = self::luminance( $a );
		$lb = self::luminance( $b );
		return ( max( $la, $lb ) + 0.05 ) / ( min( $la, $lb ) + 0.05 );
	}

	/**
	 * The relative luminance of an sRGB colour (0 black to 1 white).
	 *
	 * @param array{0: float|int, 1: float|int, 2: float|int} $rgb Red, green, blue, 0-255.
	 */
	public static function luminance( array $rgb ): float {
		$linear = array_map(
			static function ( $channel ): float {
				$c = max( 0.0, min( 1.0, (float) $channel / 255 ) );
				return $c <= 0.04045 ? $c / 12.92 : ( ( $c + 0.055 ) / 1.055 ) ** 2.4;
			},
			array_slice( $rgb, 0, 3 )
		);
		return 0.2126 * $linear[0] + 0.7152 * $linear[1] + 0.0722 * $linear[2];
	}

	/**
	 * The colour as red, green, blue (0-255, drawn over white when translucent), or null.
	 *
	 * @param string $colour A CSS colour.
	 * @return array{0: float, 1: float, 2: float}|null
	 */
	public static function parse( string $colour ): ?array {
		$colour = strtolower( trim( $colour ) );
		$named  = NamedColours::hex( $colour );
		if ( null !== $named ) {
			$colour = $named;
		}
		if ( str_starts_with( $colour, '#' ) ) {
			return self::hex( substr( $colour, 1 ) );
		}
		if ( 1 !== preg_match( '/^(rgba?|hsla?)\(\s*([^()]*)\)$/', $colour, $m ) ) {
			return null;
		}
		$parts = self::arguments( $m[2] );
		if ( null === $parts ) {
			return null;
		}
		return str_starts_with( $m[1], 'rgb' ) ? self::rgb( $parts ) : self::hsl( $parts );
	}

	/**
	 * `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` without the hash.
	 *
	 * @param string $hex Hex digits.
	 * @return array{0: float, 1: float, 2: float}|null
	 */
	private static function hex( string $hex ): ?array {
		if ( 1 !== preg_match( '/^(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/', $hex ) ) {
			return null;
		}
		if ( strlen( $hex ) <= 4 ) {
			$hex = implode( '', array_map( static fn( string $digit ): string => $digit . $digit, str_split( $hex ) ) );
		}
		$channels = array_map( 'hexdec', str_split( $hex, 2 ) );
		$alpha    = isset( $channels[3] ) ? $channels[3] / 255 : 1.0;
		return self::over_white( array( (float) $channels[0], (float) $channels[1], (float) $channels[2] ), $alpha );
	}

	/**
	 * The arguments of a colour function: three values and an optional alpha, comma- or space-separated.
	 *
	 * @param string $inside What is between the brackets.
	 * @return array{0: string, 1: string, 2: string, 3?: string}|null
	 */
	private static function arguments( string $inside ): ?array {
		$inside = trim( $inside );
		if ( str_contains( $inside, ',' ) ) {
			$parts = array_map( 'trim', explode( ',', $inside ) );
		} else {
			$alpha = null;
			if ( str_contains( $inside, '/' ) ) {
				list( $inside, $alpha ) = array_map( 'trim', explode( '/', $inside, 2 ) );
			}
			$parts = preg_split( '/\s+/', $inside );
			$parts = false === $parts ? array() : $parts;
			if ( null !== $alpha ) {
				$parts[] = $alpha;
			}
		}
		if ( count( $parts ) < 3 || count( $parts ) > 4 ) {
			return null;
		}
		foreach ( $parts as $part ) {
			if ( 1 !== preg_match( '/^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:%|deg|grad|rad|turn)?$/', $part ) ) {
				return null;
			}
		}
		return $parts;
	}

	/**
	 * `rgb()` arguments.
	 *
	 * @param array<int, string> $parts Red, green, blue (numbers or percentages), optional alpha.
	 * @return array{0: float, 1: float, 2: float}|null
	 */
	private static function rgb( array $parts ): ?array {
		$channels = array();
		foreach ( array_slice( $parts, 0, 3 ) as $part ) {
			if ( 1 === preg_match( '/(deg|grad|rad|turn)$/', $part ) ) {
				return null;
			}
			$channels[] = str_ends_with( $part, '%' ) ? (float) $part * 2.55 : (float) $part;
		}
		return self::over_white( $channels, self::alpha( $parts[3] ?? null ) );
	}

	/**
	 * `hsl()` arguments.
	 *
	 * @param array<int, string> $parts Hue (number or angle), saturation and lightness (percentages), optional alpha.
	 * @return array{0: float, 1: float, 2: float}|null
	 */
	private static function hsl( array $parts ): ?array {
		$hue = self::degrees( $parts[0] );
		if ( null === $hue ) {
			return null;
		}
		$s = max( 0.0, min( 1.0, (float) $parts[1] / 100 ) );
		$l = max( 0.0, min( 1.0, (float) $parts[2] / 100 ) );
		// CSS Color 4, "Converting HSL colors to sRGB colors".
		$channel = static function ( int $n ) use ( $hue, $s, $l ): float {
			$k = fmod( $n + $hue / 30, 12 );
			$a = $s * min( $l, 1 - $l );
			return 255 * ( $l - $a * max( -1, min( $k - 3, 9 - $k, 1 ) ) );
		};
		return self::over_white( array( $channel( 0 ), $channel( 8 ), $channel( 4 ) ), self::alpha( $parts[3] ?? null ) );
	}

	/**
	 * A hue in degrees, 0 to 360.
	 *
	 * @param string $hue A number (degrees) or an angle.
	 */
	private static function degrees( string $hue ): ?float {
		if ( str_ends_with( $hue, '%' ) ) {
			return null;
		}
		$value = (float) $hue;
		if ( str_ends_with( $hue, 'grad' ) ) {
			$value *= 0.9;
		} elseif ( str_ends_with( $hue, 'rad' ) ) {
			$value = rad2deg( $value );
		} elseif ( str_ends_with( $hue, 'turn' ) ) {
			$value *= 360;
		}
		$value = fmod( $value, 360 );
		return $value < 0 ? $value + 360 : $value;
	}

	/**
	 * An alpha value (number or percentage), 0 to 1; 1 when absent.
	 *
	 * @param string|null $alpha The alpha argument.
	 */
	private static function alpha( ?string $alpha ): float {
		if ( null === $alpha ) {
			return 1.0;
		}
		$value = str_ends_with( $alpha, '%' ) ? (float) $alpha / 100 : (float) $alpha;
		return max( 0.0, min( 1.0, $value ) );
	}

	/**
	 * The colour drawn with this opacity over white, channels clamped to 0-255.
	 *
	 * @param array<int, float> $rgb   Red, green, blue.
	 * @param float             $alpha Opacity.
	 * @return array{0: float, 1: float, 2: float}
	 */
	private static function over_white( array $rgb, float $alpha ): array {
		$result = array();
		foreach ( array_slice( $rgb, 0, 3 ) as $channel ) {
			$channel  = max( 0.0, min( 255.0, $channel ) );
			$result[] = $channel * $alpha + 255 * ( 1 - $alpha );
		}
		return array( $result[0], $result[1], $result[2] );
	}
}
