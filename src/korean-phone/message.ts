/**
 * The sentence shown next to a phone field that holds no Korean number (PHP: Checkout\PhoneField::message()).
 */
import { __ } from '@wordpress/i18n';

export function phoneMessage(): string {
	// Phone numbers, not ranges: Koreans write them with hyphens.
	// eslint-disable-next-line @wordpress/i18n-hyphenated-range
	return __(
		'Please enter a Korean phone number, such as 010-1234-5678 or 02-123-4567.',
		'korea-checkout'
	);
}
