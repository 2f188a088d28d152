import { randomBytes } from 'node:crypto';
import type { WebhookShape } from './config.ts';
import type { Faults } from './faults.ts';
import { newId } from './ids.ts';
import { signatureHeader } from './signature.ts';
import type { Store } from './store.ts';
import type { Delivery, DeliveryAttempt, WebhookEvent } from './types.ts';

export const DELIVERY_TIMEOUT_MS = 10_000;

/** The body as this project's contract decided it. */
export interface WebhookEnvelope {
	id: string;
	event: WebhookEvent;
	createdAt: string;
	data: Record< string, unknown >;
}

/** The body as the service's own documentation shows it: no id, no time. */
export interface DocumentedWebhookBody {
	event: WebhookEvent;
	data: Record< string, unknown >;
}

/** Faults that change how an event is delivered; `documented-shape` changes its body and combines with them. */
const DELIVERY_FAULT_MODES = [
	'duplicate',
	'delay',
	'reorder',
	'bad-signature',
] as const;

interface WebhookOptions {
	store: Store;
	faults: Faults;
	secret: string;
	/** The body of every event unless a `documented-shape` fault says otherwise (SANDBOX_WEBHOOK_SHAPE). */
	shape: WebhookShape;
	/** Seconds to wait before each retry; the first attempt goes out at once. */
	retrySchedule: number[];
	now: () => number;
	onError: ( message: string ) => void;
}

/**
 * Delivers webhook events: records every delivery before sending, signs every attempt, retries on the
 * schedule with the same event id, and picks up pending deliveries again after a restart.
 */
export class Webhooks {
	private readonly options: WebhookOptions;
	private readonly timers = new Map< string, NodeJS.Timeout >();
	private readonly inFlight = new Map< string, Promise< void > >();
	private readonly controllers = new Set< AbortController >();
	/** Bumped by reset() and close(): answers of attempts started before are dropped. */
	private generation = 0;
	private closed = false;

	constructor( options: WebhookOptions ) {
		this.options = options;
	}

	private get deliveries(): Record< string, Delivery > {
		return this.options.store.state.deliveries;
	}

	/**
	 * Record an event for a session and start delivering it. Resolves with the delivery once it is recorded and,
	 * unless a fault holds it back, its first attempt has finished (the receiver answered or timed out).
	 */
	async emit(
		sessionId: string,
		url: string | null,
		event: WebhookEvent,
		data: Record< string, unknown >
	): Promise< Delivery | null > {
		if ( url === null ) {
			return null;
		}
		const now = new Date( this.options.now() );
		const eventId = newId( 'evt' );
		const shapeFault = this.options.faults.take( 'webhook', [
			'documented-shape',
		] );
		const shape: WebhookShape =
			shapeFault === null ? this.options.shape : 'documented';
		const body: WebhookEnvelope | DocumentedWebhookBody =
			shape === 'documented'
				? { event, data }
				: { id: eventId, event, createdAt: now.toISOString(), data };
		// The body is serialised once: every attempt, duplicate and redelivery sends these very bytes.
		const delivery = this.newDelivery(
			sessionId,
			url,
			eventId,
			event,
			JSON.stringify( body ),
			shape,
			null,
			now
		);
		const created = [ delivery ];
		const fault = this.options.faults.take(
			'webhook',
			DELIVERY_FAULT_MODES
		);
		if ( fault?.mode === 'delay' ) {
			delivery.nextAttemptAt = new Date(
				now.getTime() + fault.delayMs
			).toISOString();
		} else if ( fault?.mode === 'reorder' ) {
			delivery.held = true;
			delivery.nextAttemptAt = null;
		} else if ( fault?.mode === 'bad-signature' ) {
			delivery.badSignatureAttempts = 1;
		} else if ( fault?.mode === 'duplicate' ) {
			created.push(
				this.newDelivery(
					sessionId,
					url,
					eventId,
					event,
					delivery.payload,
					shape,
					delivery.id,
					now
				)
			);
		}
		this.options.store.mutate( ( state ) => {
			for ( const item of created ) {
				state.deliveries[ item.id ] = item;
			}
		} );
		await Promise.all(
			created.map( ( item ) => this.startOrSchedule( item.id ) )
		);
		return this.deliveries[ delivery.id ] ?? delivery;
	}

	/** Send a recorded event again as a new delivery with the same event id and the very same body bytes. */
	async redeliver( deliveryId: string ): Promise< Delivery | null > {
		const original = this.deliveries[ deliveryId ];
		if ( original === undefined ) {
			return null;
		}
		const copy = this.newDelivery(
			original.sessionId,
			original.url,
			original.eventId,
			original.event,
			original.payload,
			original.shape ?? 'full',
			original.id,
			new Date( this.options.now() )
		);
		this.options.store.mutate( ( state ) => {
			state.deliveries[ copy.id ] = copy;
		} );
		await this.startOrSchedule( copy.id );
		return this.deliveries[ copy.id ] ?? copy;
	}

	/** After a restart: schedule every delivery that is still pending. */
	resume(): void {
		for ( const delivery of Object.values( this.deliveries ) ) {
			if ( delivery.state === 'pending' && ! delivery.held ) {
				this.schedule( delivery );
			}
		}
	}

	/** Forget timers and in-flight attempts (the store is being reset). */
	reset(): void {
		this.generation += 1;
		for ( const timer of this.timers.values() ) {
			clearTimeout( timer );
		}
		this.timers.clear();
		for ( const controller of this.controllers ) {
			controller.abort();
		}
		this.controllers.clear();
		this.inFlight.clear();
	}

	close(): void {
		this.closed = true;
		this.reset();
	}

	private newDelivery(
		sessionId: string,
		url: string,
		eventId: string,
		event: WebhookEvent,
		payload: string,
		shape: WebhookShape,
		copyOf: string | null,
		now: Date
	): Delivery {
		return {
			id: newId( 'whd' ),
			eventId,
			event,
			sessionId,
			url,
			createdAt: now.toISOString(),
			payload,
			shape,
			attempts: [],
			state: 'pending',
			nextAttemptAt: now.toISOString(),
			held: false,
			badSignatureAttempts: 0,
			copyOf,
		};
	}

	private async startOrSchedule( id: string ): Promise< void > {
		const delivery = this.deliveries[ id ];
		if (
			delivery === undefined ||
			delivery.held ||
			delivery.nextAttemptAt === null
		) {
			return;
		}
		if ( Date.parse( delivery.nextAttemptAt ) <= this.options.now() ) {
			await this.attempt( id );
		} else {
			this.schedule( delivery );
		}
	}

	private schedule( delivery: Delivery ): void {
		if ( this.closed || delivery.nextAttemptAt === null ) {
			return;
		}
		const existing = this.timers.get( delivery.id );
		if ( existing !== undefined ) {
			clearTimeout( existing );
		}
		const wait = Math.max(
			0,
			Date.parse( delivery.nextAttemptAt ) - this.options.now()
		);
		const timer = setTimeout(
			() => {
				this.timers.delete( delivery.id );
				this.attempt( delivery.id ).catch( ( error: unknown ) =>
					this.options.onError(
						`Webhook delivery ${ delivery.id } failed: ${ String( error ) }`
					)
				);
			},
			Math.min( wait, 2_147_483_000 )
		);
		this.timers.set( delivery.id, timer );
	}

	private attempt( id: string ): Promise< void > {
		const running = this.inFlight.get( id );
		if ( running !== undefined ) {
			return running;
		}
		const promise = this.send( id ).finally( () =>
			this.inFlight.delete( id )
		);
		this.inFlight.set( id, promise );
		return promise;
	}

	private async send( id: string ): Promise< void > {
		const delivery = this.deliveries[ id ];
		if (
			delivery === undefined ||
			delivery.state !== 'pending' ||
			this.closed
		) {
			return;
		}
		const generation = this.generation;
		const badSignature = delivery.badSignatureAttempts > 0;
		const secret = badSignature
			? `whsec_wrong_${ randomBytes( 12 ).toString( 'hex' ) }`
			: this.options.secret;
		const startedAt = this.options.now();
		const header = signatureHeader(
			delivery.payload,
			secret,
			Math.floor( startedAt / 1000 )
		);
		const controller = new AbortController();
		this.controllers.add( controller );
		const timeout = setTimeout(
			() => controller.abort(),
			DELIVERY_TIMEOUT_MS
		);
		let status: number | null = null;
		let error: string | undefined;
		try {
			const response = await fetch( delivery.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'user-agent': 'KoreaCheckout-Sandbox/1.0 (+webhooks)',
					'x-korea-checkout-signature': header,
					'x-korea-checkout-event': delivery.event,
					'x-korea-checkout-delivery': delivery.id,
				},
				body: delivery.payload,
				redirect: 'manual',
				signal: controller.signal,
			} );
			status = response.status;
			await response.arrayBuffer();
		} catch ( caught ) {
			status = null;
			error = controller.signal.aborted
				? `no answer within ${ DELIVERY_TIMEOUT_MS / 1000 } s`
				: describeFetchError( caught );
		} finally {
			clearTimeout( timeout );
			this.controllers.delete( controller );
		}
		if (
			generation !== this.generation ||
			this.deliveries[ id ] !== delivery
		) {
			return;
		}
		const attempt: DeliveryAttempt = {
			time: new Date( startedAt ).toISOString(),
			status,
			ms: Math.max( 0, this.options.now() - startedAt ),
			signature: badSignature ? 'bad' : 'valid',
		};
		if ( error !== undefined ) {
			attempt.error = error;
		}
		this.record( delivery, attempt );
	}

	private record( delivery: Delivery, attempt: DeliveryAttempt ): void {
		const released: Delivery[] = [];
		this.options.store.mutate( ( state ) => {
			delivery.attempts.push( attempt );
			if ( attempt.signature === 'bad' ) {
				delivery.badSignatureAttempts -= 1;
			}
			const ok =
				attempt.status !== null &&
				attempt.status >= 200 &&
				attempt.status < 300;
			const retryDelay =
				this.options.retrySchedule[ delivery.attempts.length - 1 ];
			if ( ok ) {
				delivery.state = 'delivered';
				delivery.nextAttemptAt = null;
			} else if ( retryDelay === undefined ) {
				delivery.state = 'failed';
				delivery.nextAttemptAt = null;
			} else {
				delivery.nextAttemptAt = new Date(
					this.options.now() + retryDelay * 1000
				).toISOString();
			}
			if ( delivery.state !== 'pending' ) {
				// A `reorder` fault holds earlier events of the session until a later one is through.
				for ( const other of Object.values( state.deliveries ) ) {
					if (
						other.held &&
						other.sessionId === delivery.sessionId &&
						other.id !== delivery.id &&
						other.createdAt <= delivery.createdAt
					) {
						other.held = false;
						other.nextAttemptAt = new Date(
							this.options.now()
						).toISOString();
						released.push( other );
					}
				}
			}
		} );
		if ( delivery.state === 'pending' ) {
			this.schedule( delivery );
		}
		for ( const other of released ) {
			this.schedule( other );
		}
	}
}

function describeFetchError( error: unknown ): string {
	if ( error instanceof Error ) {
		const cause = (
			error as Error & { cause?: { code?: string; message?: string } }
		 ).cause;
		return cause?.code ?? cause?.message ?? error.message;
	}
	return String( error );
}
