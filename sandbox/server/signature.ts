import { createHmac } from 'node:crypto';

/** The x-korea-checkout-signature header: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>." + raw body>. */
export function signatureHeader(
	rawBody: string,
	secret: string,
	timestamp: number
): string {
	const digest = createHmac( 'sha256', Buffer.from( secret, 'utf8' ) )
		.update( `${ timestamp }.` )
		.update( Buffer.from( rawBody, 'utf8' ) )
		.digest( 'hex' );
	return `t=${ timestamp },v1=${ digest }`;
}
