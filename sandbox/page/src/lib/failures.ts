/** Failure codes a tester can choose on the hosted page and the dashboard (the gateways' own codes). */
export const FAILURE_CODES = [
	'REJECT_CARD_COMPANY',
	'PAY_PROCESS_ABORTED',
	'PAY_PROCESS_CANCELED',
	'INVALID_CARD_EXPIRATION',
	'INVALID_CARD_NUMBER',
	'INVALID_STOPPED_CARD',
	'EXCEED_MAX_DAILY_PAYMENT_COUNT',
	'EXCEED_MAX_AMOUNT',
	'NOT_ENOUGH_BALANCE',
] as const;
export type FailureCode = ( typeof FAILURE_CODES )[ number ];

export function isFailureCode( code: string ): code is FailureCode {
	return ( FAILURE_CODES as readonly string[] ).includes( code );
}
