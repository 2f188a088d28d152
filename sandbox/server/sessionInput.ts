import type { SandboxContext } from './context.ts';
import { ApiError, invalidParameter } from './errors.ts';
import { type Currency, fromMinor, toMinor } from './money.ts';
import type { Customer, Item } from './types.ts';

export const MAX_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const DEFAULT_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface CreateSessionBody {
	platform: string;
	platformOrderId: string;
	shopId?: string;
	items: Item[];
	customer: Customer;
	totalAmount: number;
	currency: Currency;
	returnUrl: string;
	cancelUrl: string;
	webhookUrl?: string;
	metadata?: Record< string, string >;
	expiresAt?: string;
}

/** An absolute http(s) URL on any host, loopback included. */
export function checkUrl( value: string, field: string ): string {
	let url: URL;
	try {
		url = new URL( value );
	} catch {
		throw invalidParameter(
			field,
			`${ field } must be an absolute http or https URL.`
		);
	}
	if ( url.protocol !== 'http:' && url.protocol !== 'https:' ) {
		throw invalidParameter(
			field,
			`${ field } must be an absolute http or https URL.`
		);
	}
	if ( url.username !== '' || url.password !== '' ) {
		throw invalidParameter(
			field,
			`${ field } must not carry a user name or password.`
		);
	}
	return value;
}

/** Money rules the schema cannot say: the currency's decimals and sum(price × quantity) == totalAmount. */
export function checkAmounts(
	body: Pick< CreateSessionBody, 'items' | 'totalAmount' | 'currency' >
): void {
	const { currency } = body;
	let sum = 0;
	body.items.forEach( ( item, index ) => {
		const price = toMinor( item.price, currency );
		if ( price === null ) {
			throw new ApiError(
				400,
				'invalid_amount',
				`items[${ index }].price has more decimals than ${ currency } allows.`,
				{
					field: `items[${ index }].price`,
					currency,
				}
			);
		}
		sum += price * item.quantity;
	} );
	const total = toMinor( body.totalAmount, currency );
	if ( total === null ) {
		throw new ApiError(
			400,
			'invalid_amount',
			`totalAmount has more decimals than ${ currency } allows.`,
			{ field: 'totalAmount', currency }
		);
	}
	if ( sum !== total ) {
		throw new ApiError(
			400,
			'amount_mismatch',
			'The sum of price × quantity over items does not equal totalAmount.',
			{
				field: 'totalAmount',
				totalAmount: body.totalAmount,
				itemsTotal: fromMinor( sum, currency ),
			}
		);
	}
}

/** expiresAt: in the future and at most 7 days ahead; 24 hours when not given. */
export function resolveExpiry(
	ctx: SandboxContext,
	expiresAt: string | undefined
): string {
	const now = ctx.now();
	if ( expiresAt === undefined ) {
		return new Date( now + DEFAULT_LIFETIME_MS ).toISOString();
	}
	const at = Date.parse( expiresAt );
	if ( Number.isNaN( at ) ) {
		throw invalidParameter(
			'expiresAt',
			'expiresAt must be an ISO 8601 time.'
		);
	}
	if ( at <= now ) {
		throw invalidParameter(
			'expiresAt',
			'expiresAt must be in the future.'
		);
	}
	if ( at - now > MAX_LIFETIME_MS ) {
		throw invalidParameter(
			'expiresAt',
			'expiresAt must be at most 7 days ahead.'
		);
	}
	return new Date( at ).toISOString();
}
