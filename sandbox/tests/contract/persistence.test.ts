import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { startSandbox } from '../../server/index.ts';
import { Client, createSession, sessionBody, waitFor } from './helpers/http.ts';
import { WebhookReceiver } from './helpers/receiver.ts';
import {
	type SandboxProcess,
	startSandboxProcess,
	tempDataDir,
} from './helpers/sandboxProcess.ts';

// Every test here starts one or two sandbox processes; allow for a busy machine.
vi.setConfig( { testTimeout: 400_000 } );

const running: SandboxProcess[] = [];
let receiver: WebhookReceiver | undefined;

async function start(
	options: Parameters< typeof startSandboxProcess >[ 0 ] = {}
) {
	const sandbox = await startSandboxProcess( options );
	running.push( sandbox );
	return sandbox;
}

afterEach( async () => {
	await Promise.all(
		running.splice( 0 ).map( ( sandbox ) => sandbox.kill() )
	);
	await receiver?.stop();
	receiver = undefined;
} );
afterAll( async () => undefined );

describe( 'state across restarts', () => {
	it( 'keeps sessions, refunds, deliveries, key and secret after a clean stop', async () => {
		const first = await start();
		const api = new Client( first.url, first.apiKey );
		const id = await createSession( api );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		await api.post( `/api/checkout/session/${ id }/refund`, {
			amount: 1000,
			reason: 'x',
		} );
		const before = ( await api.get( `/sandbox/sessions/${ id }` ) ).body;
		await first.stop();
		expect( first.child.exitCode ).toBe( 0 );

		const second = await start( { dataDir: first.dataDir } );
		expect( second.apiKey ).toBe( first.apiKey );
		expect( second.webhookSecret ).toBe( first.webhookSecret );
		const again = new Client( second.url, second.apiKey );
		const after = ( await again.get( `/sandbox/sessions/${ id }` ) ).body;
		expect( after.status ).toBe( 'partially_refunded' );
		expect( after.refunds ).toEqual( before.refunds );
		expect( after.gatewayTransactionId ).toBe(
			before.gatewayTransactionId
		);
		expect(
			( await again.get( `/api/checkout/session/${ id }` ) ).status
		).toBe( 200 );
		// The old key file is readable JSON with the same key.
		const keys = JSON.parse(
			fs.readFileSync( path.join( first.dataDir, 'keys.json' ), 'utf8' )
		);
		expect( keys.apiKey ).toBe( first.apiKey );
	} );

	it( 'keeps every acknowledged write after SIGKILL in the middle of a stream of writes', async () => {
		const first = await start();
		const api = new Client( first.url, first.apiKey );
		const acknowledged: string[] = [];
		let stop = false;
		const writers = Array.from( { length: 4 }, async () => {
			while ( ! stop ) {
				try {
					const answer = await api.post(
						'/api/checkout/create-session',
						sessionBody( {
							metadata: { filler: 'x'.repeat( 1500 ) },
						} )
					);
					if ( answer.status === 200 ) {
						acknowledged.push( answer.body.sessionId );
					}
				} catch {
					return;
				}
			}
		} );
		await waitFor(
			() => ( acknowledged.length >= 30 ? true : undefined ),
			60_000,
			'30 sessions'
		);
		await first.kill();
		stop = true;
		await Promise.all( writers );
		expect( first.child.signalCode ).toBe( 'SIGKILL' );

		const state = JSON.parse(
			fs.readFileSync( path.join( first.dataDir, 'state.json' ), 'utf8' )
		);
		expect( Object.keys( state.sessions ).length ).toBeGreaterThanOrEqual(
			acknowledged.length
		);
		const second = await start( { dataDir: first.dataDir } );
		expect( second.output() ).not.toMatch( /could not be read/ );
		const again = new Client( second.url, second.apiKey );
		for ( const id of acknowledged ) {
			expect(
				( await again.get( `/api/checkout/session/${ id }` ) ).status,
				id
			).toBe( 200 );
		}
		expect(
			fs
				.readdirSync( first.dataDir )
				.filter( ( name ) => name.endsWith( '.tmp' ) )
		).toEqual( [] );
	} );

	it( 'resumes a pending webhook retry after a crash, with the same event id', async () => {
		const first = await start( { env: { SANDBOX_RETRY_SCHEDULE: '2' } } );
		receiver = await new WebhookReceiver( first.webhookSecret ).start();
		receiver.answerNext( 500 );
		const api = new Client( first.url, first.apiKey );
		const id = await createSession( api, { webhookUrl: receiver.url } );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		expect( receiver.forSession( id ) ).toHaveLength( 1 );
		await first.kill();

		const second = await start( {
			dataDir: first.dataDir,
			env: { SANDBOX_RETRY_SCHEDULE: '2' },
		} );
		await waitFor(
			() =>
				receiver!.forSession( id ).length === 2 ? true : undefined,
			30_000,
			'the retry after restart'
		);
		const [ failed, retried ] = receiver.forSession( id );
		expect( retried!.body.id ).toBe( failed!.body.id );
		expect( retried!.signatureValid ).toBe( true );
		const again = new Client( second.url, second.apiKey );
		const delivery = await waitFor( async () => {
			const [ item ] = (
				await again.get( `/sandbox/deliveries?sessionId=${ id }` )
			).body.deliveries;
			return item?.state === 'delivered' ? item : undefined;
		} );
		expect(
			delivery.attempts.map(
				( attempt: { status: number } ) => attempt.status
			)
		).toEqual( [ 500, 200 ] );
	} );

	it( 'moves an unreadable state file aside and starts clean', async () => {
		const dataDir = tempDataDir();
		fs.writeFileSync(
			path.join( dataDir, 'state.json' ),
			'{"version": 1, "sessions": {"cs_'
		);
		const sandbox = await start( { dataDir } );
		expect( sandbox.output() ).toMatch( /could not be read/ );
		expect(
			fs
				.readdirSync( dataDir )
				.some( ( name ) => name.startsWith( 'state.json.unreadable-' ) )
		).toBe( true );
		expect(
			(
				await new Client( sandbox.url, sandbox.apiKey ).get(
					'/sandbox/sessions'
				)
			).body.sessions
		).toEqual( [] );
	} );
} );

describe( 'configuration', () => {
	const apiKey = `sk_test_${ 'ab'.repeat( 32 ) }`;
	const webhookSecret = 'whsec_pinned secret with spaces!';

	it( 'uses SANDBOX_API_KEY and SANDBOX_WEBHOOK_SECRET when pinned, and signs with that secret', async () => {
		const sandbox = await start( {
			env: {
				SANDBOX_API_KEY: apiKey,
				SANDBOX_WEBHOOK_SECRET: webhookSecret,
				SANDBOX_SHOP_NAME: '한국 상점',
			},
		} );
		expect( sandbox.apiKey ).toBe( apiKey );
		expect( sandbox.output() ).toContain( webhookSecret );
		receiver = await new WebhookReceiver( webhookSecret ).start();
		const api = new Client( sandbox.url, apiKey );
		const id = await createSession( api, { webhookUrl: receiver.url } );
		await api.post( `/sandbox/sessions/${ id }/pay`, { method: 'card' } );
		expect( receiver.forSession( id )[ 0 ]?.signatureValid ).toBe( true );
		expect( ( await api.get( '/api/shops' ) ).body.shops[ 0 ].name ).toBe(
			'한국 상점'
		);
	} );

	it( 'prints one banner with the URL, key, secret and data folder', async () => {
		const sandbox = await start();
		const out = sandbox.output();
		expect( out.match( /Korea Checkout sandbox is ready/g ) ).toHaveLength(
			1
		);
		expect( out ).toContain( sandbox.url );
		expect( out ).toContain( sandbox.dataDir );
		expect( sandbox.apiKey ).toMatch( /^sk_test_[0-9a-f]{64}$/ );
		expect( sandbox.webhookSecret ).toMatch( /^whsec_/ );
	} );

	it( 'puts SANDBOX_PUBLIC_URL into checkoutUrl', async () => {
		const sandbox = await start( {
			env: { SANDBOX_PUBLIC_URL: 'https://sandbox.example.test/' },
		} );
		const api = new Client( sandbox.url, sandbox.apiKey );
		const answer = await api.post(
			'/api/checkout/create-session',
			sessionBody()
		);
		expect( answer.body.checkoutUrl ).toBe(
			`https://sandbox.example.test/checkout/${ answer.body.sessionId }`
		);
	} );

	it.each( [
		[ 'SANDBOX_API_KEY', 'sk_live_' + 'a'.repeat( 64 ), /SANDBOX_API_KEY/ ],
		[ 'SANDBOX_WEBHOOK_SECRET', 'secret', /SANDBOX_WEBHOOK_SECRET/ ],
		[ 'SANDBOX_RATE_LIMIT', 'many', /SANDBOX_RATE_LIMIT/ ],
		[ 'SANDBOX_RETRY_SCHEDULE', '5,soon', /SANDBOX_RETRY_SCHEDULE/ ],
	] )(
		'refuses a bad %s with a clear message',
		async ( name, value, message ) => {
			await expect(
				startSandboxProcess( { env: { [ name ]: value } } )
			).rejects.toThrow( message );
		}
	);

	it( 'warns when it listens beyond this machine', async () => {
		const sandbox = await start( { args: [ '--host', '0.0.0.0' ] } );
		const warning = await waitFor(
			() =>
				/WARNING: the sandbox listens on 0\.0\.0\.0/.exec(
					sandbox.output()
				) ?? undefined,
			15_000,
			'the warning'
		);
		expect( warning[ 0 ] ).toContain( '0.0.0.0' );
	} );

	it( 'can be started in-process with startSandbox()', async () => {
		const dataDir = tempDataDir();
		const sandbox = await startSandbox( {
			port: 0,
			dataDir,
			quiet: true,
			retrySchedule: '1',
			rateLimit: 1000,
		} );
		try {
			expect( sandbox.url ).toMatch( /^http:\/\/127\.0\.0\.1:\d+$/ );
			const api = new Client( sandbox.url, sandbox.apiKey );
			const id = await createSession( api );
			expect(
				( await api.get( `/api/checkout/session/${ id }` ) ).body.data
					.status
			).toBe( 'pending' );
		} finally {
			await sandbox.close();
		}
	} );
} );
