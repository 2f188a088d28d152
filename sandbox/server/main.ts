/**
 * `npm run sandbox [-- --host H --port P --data DIR]`: the local Korea Checkout service.
 * Options win over the SANDBOX_* environment variables (see sandbox/README.md).
 */
import { parseArgs } from 'node:util';
import { ConfigError, isLoopbackHost } from './config.ts';
import { startSandbox } from './index.ts';

function banner( lines: Array< [ string, string ] > ): string {
	const width = Math.max( ...lines.map( ( [ label ] ) => label.length ) );
	const body = lines.map(
		( [ label, value ] ) => `  ${ label.padEnd( width ) }  ${ value }`
	);
	return [ '', '  Korea Checkout sandbox is ready', ...body, '' ].join(
		'\n'
	);
}

async function main(): Promise< void > {
	const { values } = parseArgs( {
		options: {
			host: { type: 'string' },
			port: { type: 'string' },
			data: { type: 'string' },
			help: { type: 'boolean', short: 'h' },
		},
		strict: true,
	} );
	if ( values.help === true ) {
		process.stdout.write(
			'Usage: npm run sandbox -- [--host 127.0.0.1] [--port 4010] [--data .sandbox]\nSee sandbox/README.md for the SANDBOX_* variables.\n'
		);
		return;
	}
	const port = values.port === undefined ? undefined : Number( values.port );
	if (
		port !== undefined &&
		( ! Number.isInteger( port ) || port < 0 || port > 65535 )
	) {
		throw new ConfigError(
			`--port must be a port number, got "${ values.port }".`
		);
	}
	const sandbox = await startSandbox( {
		host: values.host,
		port,
		dataDir: values.data,
	} );
	process.stdout.write(
		`${ banner( [
			[ 'URL', sandbox.url ],
			[ 'Checkout pages', `${ sandbox.publicUrl }/checkout/<sessionId>` ],
			[ 'Dashboard', `${ sandbox.url }/sandbox/` ],
			[ 'API key', sandbox.apiKey ],
			[ 'Webhook secret', sandbox.webhookSecret ],
			...( sandbox.config.webhookShape === 'documented'
				? [
						[
							'Webhook bodies',
							'{"event", "data"} only (SANDBOX_WEBHOOK_SHAPE=documented)',
						] as [ string, string ],
					]
				: [] ),
			[ 'Data folder', sandbox.dataDir ],
		] ) }\n`
	);
	if ( ! isLoopbackHost( sandbox.config.host ) ) {
		process.stderr.write(
			`WARNING: the sandbox listens on ${ sandbox.config.host }, not only on this machine. Anyone who can reach it can use its API key ` +
				'from this banner and drive its control surface (/sandbox/...), which is then open to the network too.\n'
		);
	}
	let stopping = false;
	const stop = () => {
		if ( stopping ) {
			return;
		}
		stopping = true;
		sandbox.close().then(
			() => process.exit( 0 ),
			() => process.exit( 1 )
		);
	};
	process.on( 'SIGINT', stop );
	process.on( 'SIGTERM', stop );
}

main().catch( ( error: unknown ) => {
	if (
		error instanceof ConfigError ||
		( error as NodeJS.ErrnoException ).code === 'EADDRINUSE'
	) {
		process.stderr.write(
			`Korea Checkout sandbox: ${ ( error as Error ).message }\n`
		);
	} else {
		process.stderr.write(
			`Korea Checkout sandbox failed to start: ${ String( ( error as Error ).stack ?? error ) }\n`
		);
	}
	process.exit( 1 );
} );
