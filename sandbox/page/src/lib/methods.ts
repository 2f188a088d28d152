/** Payment methods the hosted page can offer, and which of them a session offers. */
export const METHOD_IDS = [
	'card',
	'virtual_account',
	'bank_transfer',
	'kakao_pay',
	'naver_pay',
	'toss_pay',
	'samsung_pay',
] as const;
export type MethodId = ( typeof METHOD_IDS )[ number ];

export function isMethodId( value: unknown ): value is MethodId {
	return (
		typeof value === 'string' &&
		( METHOD_IDS as readonly string[] ).includes( value )
	);
}

function parseList( raw: string | undefined ): MethodId[] {
	if ( ! raw ) {
		return [];
	}
	return raw
		.split( ',' )
		.map( ( part ) => part.trim() )
		.filter( isMethodId );
}

/**
 * The shop's methods, narrowed to metadata `paymentMethods` when the store sent it, in the store's order
 * (the store lists them as its shoppers should see them); the shop's own order otherwise.
 * @param shopMethods  The shop's payment_methods.
 * @param metadataList Metadata `paymentMethods`, comma-separated ids, if sent.
 */
export function offeredMethods(
	shopMethods: readonly string[] | undefined,
	metadataList: string | undefined
): MethodId[] {
	const shop = ( shopMethods ?? METHOD_IDS ).filter( isMethodId );
	if ( ! metadataList?.trim() ) {
		return [ ...new Set( shop ) ];
	}
	return [
		...new Set(
			parseList( metadataList ).filter( ( id ) => shop.includes( id ) )
		),
	];
}

/**
 * The method to open on: metadata `paymentMethod` when offered, else the first offered.
 * @param offered   The methods on offer.
 * @param preferred Metadata `paymentMethod`, if sent.
 */
export function initialMethod(
	offered: readonly MethodId[],
	preferred: string | undefined
): MethodId | undefined {
	const wanted = preferred?.trim();
	return offered.find( ( id ) => id === wanted ) ?? offered[ 0 ];
}

/** Korean card installments: only in won, from 50,000 won. */
export const INSTALLMENT_MINIMUM_KRW = 50_000;
export const INSTALLMENT_MONTHS = [
	2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
] as const;

export function installmentsAllowed(
	totalAmount: number,
	currency: string
): boolean {
	return (
		currency.toUpperCase() === 'KRW' &&
		totalAmount >= INSTALLMENT_MINIMUM_KRW
	);
}
