import type { WebhookShape } from './config.ts';
import type { Currency } from './money.ts';

export const PAYMENT_METHODS = [
	'card',
	'virtual_account',
	'bank_transfer',
	'kakao_pay',
	'naver_pay',
	'toss_pay',
	'samsung_pay',
] as const;
export type PaymentMethod = ( typeof PAYMENT_METHODS )[ number ];

export const SESSION_STATUSES = [
	'pending',
	'processing',
	'completed',
	'failed',
	'cancelled',
	'expired',
	'refunded',
	'partially_refunded',
] as const;
export type SessionStatus = ( typeof SESSION_STATUSES )[ number ];

export type WebhookEvent =
	| 'payment.completed'
	| 'payment.failed'
	| 'payment.refunded'
	| 'session.expired';

export interface Item {
	name: string;
	price: number;
	quantity: number;
	productId?: string;
	description?: string;
}

export interface Customer {
	name: string;
	email: string;
	phone?: string;
}

export interface Refund {
	refundId: string;
	amount: number;
	reason: string;
	status: 'completed';
	processedAt: string;
	/** `api` (the store asked) or `dashboard` (the control surface, as if from the service's own dashboard). */
	source: 'api' | 'dashboard';
	/**
	 * What the store's request said about telling the shopper: true or false as sent, null when it did not say
	 * (and for dashboard refunds). Shown on the control surface only; the API's refunds[] do not carry it.
	 */
	notify_customer?: boolean | null;
}

export interface VirtualAccount {
	bankName: string;
	accountNumber: string;
	accountHolder: string;
	dueDate: string;
}

export interface AppliedCoupon {
	code: string;
	type: CouponType;
	value: number;
	amount: number;
	originalAmount: number;
}

export interface Session {
	sessionId: string;
	shopId: string;
	status: SessionStatus;
	platform: string;
	platformOrderId: string;
	items: Item[];
	customer: Customer;
	totalAmount: number;
	currency: Currency;
	returnUrl: string;
	cancelUrl: string;
	webhookUrl: string | null;
	metadata: Record< string, string >;
	createdAt: string;
	updatedAt: string;
	expiresAt: string;
	completedAt: string | null;
	paymentMethod: PaymentMethod | null;
	installments: number | null;
	gateway: string | null;
	gatewayTransactionId: string | null;
	virtualAccount: VirtualAccount | null;
	refunds: Refund[];
	failure: { code: string; message: string } | null;
	coupon: AppliedCoupon | null;
	checkoutUrl: string;
}

export interface DeliveryAttempt {
	time: string;
	/** HTTP status of the receiver's answer, or null when it never answered (refused, timed out). */
	status: number | null;
	ms: number;
	error?: string;
	signature: 'valid' | 'bad';
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface Delivery {
	id: string;
	eventId: string;
	event: WebhookEvent;
	sessionId: string;
	url: string;
	createdAt: string;
	/** The exact JSON body sent on every attempt. */
	payload: string;
	/**
	 * The body's shape: `documented` bodies carry no `id`, so `eventId` is the sandbox's own record of the event.
	 * Absent in state files written before shapes existed, which only ever held `full` bodies.
	 */
	shape?: WebhookShape;
	attempts: DeliveryAttempt[];
	state: DeliveryState;
	/** When the next attempt goes out; null while held by a `reorder` fault or when finished. */
	nextAttemptAt: string | null;
	/** `reorder` fault: held until another delivery of the same session has been delivered. */
	held: boolean;
	/** Attempts still to be signed with a wrong secret (`bad-signature` fault). */
	badSignatureAttempts: number;
	/** Set when this delivery was made by redeliver or by the `duplicate` fault. */
	copyOf: string | null;
}

export type ApiFaultTarget =
	'create-session' | 'get-session' | 'patch-session' | 'refund';
export type FaultTarget = ApiFaultTarget | 'webhook';
export type ApiFaultMode = '500' | '429' | 'hang';
export type WebhookFaultMode =
	'duplicate' | 'delay' | 'reorder' | 'bad-signature' | 'documented-shape';

export interface Fault {
	id: string;
	target: FaultTarget;
	mode: ApiFaultMode | WebhookFaultMode;
	count: number;
	remaining: number;
	delayMs: number;
	createdAt: string;
}

export interface Shop {
	id: string;
	name: string;
	description: string | null;
	website: string | null;
	status: 'active';
	business_info: {
		business_number: string | null;
		business_name: string | null;
		ceo_name: string | null;
		address: string | null;
		verified: boolean;
	};
	contact: { email: string | null; phone: string | null };
	settings: Record< string, string | number | boolean | null >;
	payment_methods: PaymentMethod[];
	custom_domain: string | null;
	domain_verification_status: 'pending' | 'verified' | 'failed' | null;
	domain_configuration_status: 'pending' | 'configured' | 'failed' | null;
	domain_verification_records: Array< {
		type: string;
		name: string;
		value: string;
	} >;
	domain_requested_at: string | null;
	created_at: string;
	updated_at: string;
}

export type CouponType =
	'percentage' | 'fixed_amount' | 'free_shipping' | 'product_specific';

export interface Coupon {
	id: string;
	code: string;
	name_ko: string;
	name_en: string | null;
	type: CouponType;
	discount_value: number;
	valid_from: string | null;
	valid_until: string | null;
	usage_limit: number | null;
	usage_limit_per_customer: number | null;
	minimum_order_amount: number | null;
	applies_to: string;
	product_ids: string[];
	times_used: number;
	uses_by_customer: Record< string, number >;
	created_at: string;
}

export interface IdempotencyRecord {
	bodyHash: string;
	status: number;
	body: string;
	createdAt: string;
}

export interface SandboxState {
	version: 1;
	sessions: Record< string, Session >;
	deliveries: Record< string, Delivery >;
	shops: Record< string, Shop >;
	coupons: Record< string, Coupon >;
	idempotency: Record< string, IdempotencyRecord >;
	faults: Fault[];
}
