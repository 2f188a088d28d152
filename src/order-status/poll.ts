/**
 * The polling loop of the order-received page, apart from the DOM so that it can be tested with a fake clock
 * and a fake fetch.
 */

/** What `GET /korea-checkout/v1/orders/{id}/status` answers. */
export interface OrderState {
	orderId: number;
	state: 'processing' | 'paid' | 'awaiting_deposit' | 'failed' | 'on_hold';
	final: boolean;
	payUrl: string;
}

export interface PollOptions {
	/** Asks the store once. */
	fetchState: () => Promise< OrderState >;
	/** Called with each answer. */
	onState: ( state: OrderState ) => void;
	/** Called once the outcome is known. */
	onFinal: ( state: OrderState ) => void;
	/** Called when the page gave up waiting. */
	onGiveUp: () => void;
	/** Waits; replaced in tests. */
	sleep?: ( ms: number ) => Promise< void >;
	/** First delay between two questions, in ms; it grows to maxDelayMs. */
	delayMs?: number;
	maxDelayMs?: number;
	/** How long to keep asking before giving up, in ms. */
	budgetMs?: number;
}

const wait = ( ms: number ) =>
	new Promise< void >( ( resolve ) => {
		window.setTimeout( resolve, ms );
	} );

/**
 * Asks until the order's outcome is final or the budget is spent. Errors (the network, a busy store) only
 * delay the next question.
 */
export async function poll(
	options: PollOptions
): Promise< OrderState | null > {
	const sleep = options.sleep ?? wait;
	const maxDelay = options.maxDelayMs ?? 15000;
	const budget = options.budgetMs ?? 10 * 60 * 1000;
	let delay = options.delayMs ?? 3000;
	let spent = 0;

	while ( spent < budget ) {
		try {
			const state = await options.fetchState();
			options.onState( state );
			if ( state.final ) {
				options.onFinal( state );
				return state;
			}
		} catch {
			// Try again after the next pause.
		}
		await sleep( delay );
		spent += delay;
		delay = Math.min( maxDelay, Math.round( delay * 1.5 ) );
	}
	options.onGiveUp();
	return null;
}
