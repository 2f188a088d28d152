/**
 * The secrets of one local stack, made once and kept in its folder: the admin password, and the sandbox key and
 * webhook secret that the sandbox is started with and the plugin is configured with.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface StackCredentials {
	adminUser: string;
	adminPassword: string;
	adminEmail: string;
	apiKey: string;
	webhookSecret: string;
}

function isCredentials( value: unknown ): value is StackCredentials {
	if ( typeof value !== 'object' || value === null ) {
		return false;
	}
	const record = value as Record< string, unknown >;
	return [
		'adminUser',
		'adminPassword',
		'adminEmail',
		'apiKey',
		'webhookSecret',
	].every( ( key ) => typeof record[ key ] === 'string' );
}

/** Reads the stack's credentials, creating them on first use; `created` says whether they are new. */
export function loadCredentials( file: string ): {
	credentials: StackCredentials;
	created: boolean;
} {
	if ( existsSync( file ) ) {
		const parsed: unknown = JSON.parse( readFileSync( file, 'utf8' ) );
		if ( isCredentials( parsed ) ) {
			return { credentials: parsed, created: false };
		}
	}
	const credentials: StackCredentials = {
		adminUser: 'admin',
		adminPassword: randomBytes( 9 ).toString( 'base64url' ),
		adminEmail: 'admin@example.com',
		apiKey: `sk_test_${ randomBytes( 32 ).toString( 'hex' ) }`,
		webhookSecret: `whsec_${ randomBytes( 24 ).toString( 'hex' ) }`,
	};
	mkdirSync( dirname( file ), { recursive: true } );
	writeFileSync( file, `${ JSON.stringify( credentials, null, '\t' ) }\n`, {
		mode: 0o600,
	} );
	return { credentials, created: true };
}
