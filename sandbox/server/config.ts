import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything the sandbox needs to know to start, after options and environment are merged. */
export interface SandboxConfig {
	host: string;
	port: number;
	dataDir: string;
	apiKey: string | undefined;
	webhookSecret: string | undefined;
	publicUrl: string | undefined;
	retrySchedule: number[];
	shopName: string;
	rateLimit: number;
	/** The body every webhook is sent with: `full` ({id, event, createdAt, data}) or `documented` ({event, data}). */
	webhookShape: WebhookShape;
	/** Build the hosted page with Vite when sandbox/dist is missing. */
	buildPages: boolean;
	/** Print the start-up banner and warnings. */
	quiet: boolean;
}

/** Options accepted by startSandbox() and by the command line; anything unset comes from the environment. */
export interface SandboxOptions {
	host?: string;
	port?: number;
	dataDir?: string;
	apiKey?: string;
	webhookSecret?: string;
	publicUrl?: string;
	retrySchedule?: number[] | string;
	shopName?: string;
	rateLimit?: number;
	webhookShape?: string;
	buildPages?: boolean;
	quiet?: boolean;
	env?: NodeJS.ProcessEnv;
}

export const REPO_ROOT = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..',
	'..'
);
export const SANDBOX_ROOT = path.join( REPO_ROOT, 'sandbox' );

export const API_KEY_PATTERN = /^sk_test_[0-9a-f]{64}$/;
export const WEBHOOK_SECRET_PATTERN = /^whsec_[\x20-\x7e]+$/;

export class ConfigError extends Error {}

/**
 * `full`: the body this project's contract decided, with `id` and `createdAt`. `documented`: the shape the
 * service's own documentation shows, `{"event", "data"}` only, which a receiver must accept too.
 */
export const WEBHOOK_SHAPES = [ 'full', 'documented' ] as const;
export type WebhookShape = ( typeof WEBHOOK_SHAPES )[ number ];

export function parseWebhookShape( value: string ): WebhookShape {
	const shape = WEBHOOK_SHAPES.find( ( known ) => known === value );
	if ( shape === undefined ) {
		throw new ConfigError(
			`SANDBOX_WEBHOOK_SHAPE must be "full" (bodies with id and createdAt) or "documented" (the service documentation's {"event", "data"}), got "${ value }".`
		);
	}
	return shape;
}

function parsePort( value: string | number, name: string ): number {
	const port = typeof value === 'number' ? value : Number( value );
	if ( ! Number.isInteger( port ) || port < 0 || port > 65535 ) {
		throw new ConfigError(
			`${ name } must be a port number between 0 and 65535, got "${ value }".`
		);
	}
	return port;
}

export function parseRetrySchedule( value: string | number[] ): number[] {
	const parts = Array.isArray( value )
		? value
		: value
				.split( ',' )
				.map( ( part ) => part.trim() )
				.filter( ( part ) => part !== '' )
				.map( Number );
	for ( const seconds of parts ) {
		if ( ! Number.isFinite( seconds ) || seconds < 0 ) {
			throw new ConfigError(
				`SANDBOX_RETRY_SCHEDULE must be a comma-separated list of seconds, got "${ String( value ) }".`
			);
		}
	}
	return parts;
}

function parseRateLimit( value: string | number ): number {
	const limit = Number( value );
	if ( ! Number.isInteger( limit ) || limit < 1 ) {
		throw new ConfigError(
			`SANDBOX_RATE_LIMIT must be a whole number of at least 1, got "${ value }".`
		);
	}
	return limit;
}

function nonEmpty( value: string | undefined ): string | undefined {
	return value === undefined || value === '' ? undefined : value;
}

export function resolveConfig( options: SandboxOptions = {} ): SandboxConfig {
	const env = options.env ?? process.env;
	const apiKey = options.apiKey ?? nonEmpty( env.SANDBOX_API_KEY );
	if ( apiKey !== undefined && ! API_KEY_PATTERN.test( apiKey ) ) {
		throw new ConfigError(
			'SANDBOX_API_KEY must be "sk_test_" followed by 64 lower-case hex characters.'
		);
	}
	const webhookSecret =
		options.webhookSecret ?? nonEmpty( env.SANDBOX_WEBHOOK_SECRET );
	if (
		webhookSecret !== undefined &&
		! WEBHOOK_SECRET_PATTERN.test( webhookSecret )
	) {
		throw new ConfigError(
			'SANDBOX_WEBHOOK_SECRET must be "whsec_" followed by printable characters.'
		);
	}
	const publicUrl = options.publicUrl ?? nonEmpty( env.SANDBOX_PUBLIC_URL );
	if ( publicUrl !== undefined && ! /^https?:\/\/[^/]+/.test( publicUrl ) ) {
		throw new ConfigError(
			'SANDBOX_PUBLIC_URL must be an http(s) origin such as http://127.0.0.1:4010.'
		);
	}
	return {
		host: options.host ?? nonEmpty( env.SANDBOX_HOST ) ?? '127.0.0.1',
		port: parsePort(
			options.port ?? nonEmpty( env.SANDBOX_PORT ) ?? 4010,
			'SANDBOX_PORT'
		),
		dataDir: path.resolve(
			options.dataDir ??
				nonEmpty( env.SANDBOX_DATA_DIR ) ??
				path.join( REPO_ROOT, '.sandbox' )
		),
		apiKey,
		webhookSecret,
		publicUrl: publicUrl?.replace( /\/+$/, '' ),
		retrySchedule: parseRetrySchedule(
			options.retrySchedule ??
				nonEmpty( env.SANDBOX_RETRY_SCHEDULE ) ??
				'5,30,120,600,3600'
		),
		shopName:
			options.shopName ??
			nonEmpty( env.SANDBOX_SHOP_NAME ) ??
			'Sandbox Shop',
		rateLimit: parseRateLimit(
			options.rateLimit ?? nonEmpty( env.SANDBOX_RATE_LIMIT ) ?? 100
		),
		webhookShape: parseWebhookShape(
			options.webhookShape ??
				nonEmpty( env.SANDBOX_WEBHOOK_SHAPE ) ??
				'full'
		),
		buildPages: options.buildPages ?? true,
		quiet: options.quiet ?? false,
	};
}

export function isLoopbackHost( host: string ): boolean {
	return (
		host === 'localhost' ||
		host === '::1' ||
		/^127\.\d+\.\d+\.\d+$/.test( host ) ||
		host === '::ffff:127.0.0.1'
	);
}

export function isLoopbackAddress( address: string | undefined ): boolean {
	if ( address === undefined ) {
		return false;
	}
	return (
		address === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test( address )
	);
}
