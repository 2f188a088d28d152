import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	headers: http.IncomingHttpHeaders;
	raw: string;
	body: {
		id: string;
		event: string;
		createdAt: string;
		data: Record< string, any >;
	};
	at: number;
	/** Whether x-korea-checkout-signature verified against the secret, checked here independently of the sandbox. */
	signatureValid: boolean;
	answeredWith: number;
}

/**
 * Verify `t=<unix>,v1=<hex>` as the contract says: HMAC-SHA256 over "<t>." + raw body keyed by the secret's
 * UTF-8 bytes, any v1 entry may match, constant-time comparison, t within 300 s.
 */
export function verifySignature(
	header: string | undefined,
	raw: string,
	secret: string,
	nowSeconds = Math.floor( Date.now() / 1000 )
): boolean {
	if ( header === undefined ) {
		return false;
	}
	const parts = header
		.split( ',' )
		.map( ( part ) => part.trim().split( '=' ) );
	const t = parts.find( ( [ name ] ) => name === 't' )?.[ 1 ];
	if (
		t === undefined ||
		! /^\d+$/.test( t ) ||
		Math.abs( nowSeconds - Number( t ) ) > 300
	) {
		return false;
	}
	const signatures = parts
		.filter( ( [ name ] ) => name === 'v1' )
		.map( ( [ , value ] ) => value ?? '' );
	const expected = Buffer.from(
		createHmac( 'sha256', Buffer.from( secret, 'utf8' ) )
			.update( `${ t }.${ raw }`, 'utf8' )
			.digest( 'hex' )
	);
	return signatures.some( ( signature ) => {
		const given = Buffer.from( signature );
		return (
			given.length === expected.length &&
			timingSafeEqual( given, expected )
		);
	} );
}

/** A store's webhook endpoint: answers 400 to bad signatures, else the next scripted status (default 200). */
export class WebhookReceiver {
	readonly received: Received[] = [];
	private readonly server: http.Server;
	private readonly script: Array< number | 'hang' > = [];
	private secret: string;
	url = '';

	constructor( secret: string ) {
		this.secret = secret;
		this.server = http.createServer( ( request, response ) => {
			let raw = '';
			request.setEncoding( 'utf8' );
			request.on( 'data', ( chunk: string ) => ( raw += chunk ) );
			request.on( 'end', () => {
				const signatureValid = verifySignature(
					request.headers[ 'x-korea-checkout-signature' ] as
						string | undefined,
					raw,
					this.secret
				);
				const scripted = this.script.shift();
				const status = signatureValid ? ( scripted ?? 200 ) : 400;
				this.received.push( {
					headers: request.headers,
					raw,
					body: JSON.parse( raw ),
					at: Date.now(),
					signatureValid,
					answeredWith: status === 'hang' ? 0 : status,
				} );
				if ( status === 'hang' ) {
					return;
				}
				response.statusCode = status;
				response.end( status < 300 ? 'OK' : 'NO' );
			} );
		} );
	}

	async start(): Promise< this > {
		await new Promise< void >( ( resolve ) =>
			this.server.listen( 0, '127.0.0.1', resolve )
		);
		this.url = `http://127.0.0.1:${ ( this.server.address() as AddressInfo ).port }/wp-json/korea-checkout/v1/webhook`;
		return this;
	}

	/** Answer the next requests with these statuses (or leave them hanging), then 200 again. */
	answerNext( ...statuses: Array< number | 'hang' > ): void {
		this.script.push( ...statuses );
	}

	forSession( sessionId: string ): Received[] {
		return this.received.filter(
			( item ) => item.body.data.sessionId === sessionId
		);
	}

	clear(): void {
		this.received.length = 0;
		this.script.length = 0;
	}

	async stop(): Promise< void > {
		this.server.closeAllConnections();
		await new Promise< void >( ( resolve ) =>
			this.server.close( () => resolve() )
		);
	}
}
