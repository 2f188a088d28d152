import { randomBytes } from 'node:crypto';

/** Random ids with the service's prefixes: cs_, ref_, evt_, shop_, whd_ … */
export function newId( prefix: string, bytes = 12 ): string {
	return `${ prefix }_${ randomBytes( bytes ).toString( 'hex' ) }`;
}

export function newApiKey(): string {
	return `sk_test_${ randomBytes( 32 ).toString( 'hex' ) }`;
}

export function newWebhookSecret(): string {
	return `whsec_${ randomBytes( 24 ).toString( 'base64url' ) }`;
}

export function digits( count: number ): string {
	let out = '';
	for ( const byte of randomBytes( count ) ) {
		out += String( byte % 10 );
	}
	return out;
}
