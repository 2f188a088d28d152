import type { MessageKey } from './ko.ts';

export const en: Record< MessageKey, string > = {
	'common.sandboxBanner': 'SANDBOX — test payments only, no real money moves',
	'common.language': 'Language',
	'common.loading': 'Loading…',
	'common.retry': 'Try again',
	'common.networkError':
		'The sandbox server cannot be reached. Please try again in a moment.',
	'common.requestFailed': 'The request could not be completed: {message}',

	'checkout.pageTitle': 'Pay {shop}',
	'checkout.orderSummary': 'Order summary',
	'checkout.orderNumber': 'Order {id}',
	'checkout.quantity': 'Qty {count}',
	'checkout.total': 'Total',
	'checkout.expiresAt': 'Pay by {time}',
	'checkout.paymentMethod': 'Payment method',
	'checkout.noMethods':
		'No payment method is available for this order. Please contact the store.',
	'checkout.installments': 'Installments',
	'checkout.lumpSum': 'Pay in full',
	'checkout.months': '{months} months',
	'checkout.installmentsHint':
		'Card payments of 50,000 won or more can be split into installments.',
	'checkout.pay': 'Pay {amount}',
	'checkout.issueAccount': 'Issue a virtual account',
	'checkout.cancel': 'Cancel payment',
	'checkout.testerTitle': 'Choose a test outcome',
	'checkout.testerHint':
		'In the sandbox you pick the outcome instead of paying, to see how the store handles it.',
	'checkout.failReason': 'Failure reason',
	'checkout.fail': 'Make the payment fail',
	'checkout.processing': 'Processing the payment…',
	'checkout.redirecting': 'Taking you back to the store…',
	'checkout.backToStore': 'Back to the store',

	'method.card': 'Credit or debit card',
	'method.virtual_account': 'Virtual account',
	'method.bank_transfer': 'Real-time bank transfer',
	'method.kakao_pay': 'KakaoPay',
	'method.naver_pay': 'NaverPay',
	'method.toss_pay': 'Toss Pay',
	'method.samsung_pay': 'Samsung Pay',

	'failure.REJECT_CARD_COMPANY': 'The card company declined the payment.',
	'failure.PAY_PROCESS_ABORTED':
		'The payment was aborted because of an error while processing it.',
	'failure.PAY_PROCESS_CANCELED': 'The shopper stopped the payment.',
	'failure.INVALID_CARD_EXPIRATION': 'The card expiry date is not valid.',
	'failure.INVALID_CARD_NUMBER': 'The card number is not valid.',
	'failure.INVALID_STOPPED_CARD': 'The card has been suspended.',
	'failure.EXCEED_MAX_DAILY_PAYMENT_COUNT':
		'The daily number of payments has been exceeded.',
	'failure.EXCEED_MAX_AMOUNT': 'The amount exceeds the transaction limit.',
	'failure.NOT_ENOUGH_BALANCE': 'The balance is not sufficient.',

	'state.completed.title': 'Payment complete',
	'state.completed.body':
		'Your payment of {amount} is complete. Check your order at the store.',
	'state.failed.title': 'Payment failed',
	'state.failed.body': 'No payment was made. Please try again at the store.',
	'state.cancelled.title': 'Payment cancelled',
	'state.cancelled.body': 'You cancelled the payment. Nothing was charged.',
	'state.expired.title': 'This payment has expired',
	'state.expired.body':
		'This checkout page can no longer be used. Please place the order again at the store.',
	'state.refunded.title': 'Payment refunded',
	'state.refunded.body': 'The full {amount} has been refunded.',
	'state.partially_refunded.title': 'Payment partly refunded',
	'state.partially_refunded.body':
		'{refunded} of {amount} has been refunded.',
	'state.processing.title': 'Payment in progress',
	'state.processing.body':
		'This page updates by itself when the result is in.',
	'state.notFound.title': 'Payment not found',
	'state.notFound.body':
		'Check the address, or start the payment again from the store.',

	'va.title': 'Your virtual account is ready',
	'va.intro':
		'Transfer the exact amount to this account before the due date to complete the payment.',
	'va.bank': 'Bank',
	'va.accountNumber': 'Account number',
	'va.holder': 'Account holder',
	'va.amount': 'Amount',
	'va.dueDate': 'Due date',
	'va.sandboxHint':
		'In the sandbox, simulate the deposit with the dashboard’s “Deposit” button or the control API.',

	'status.pending': 'Pending',
	'status.processing': 'Processing',
	'status.completed': 'Completed',
	'status.failed': 'Failed',
	'status.cancelled': 'Cancelled',
	'status.expired': 'Expired',
	'status.refunded': 'Refunded',
	'status.partially_refunded': 'Partly refunded',

	'dash.pageTitle': 'Sandbox dashboard',
	'dash.secretNote':
		'The API key and webhook secret are never shown on this page. Find them in the banner of the terminal that started the sandbox.',
	'dash.refresh': 'Refresh',
	'dash.reset': 'Reset everything',
	'dash.resetConfirm':
		'Forget every session, webhook delivery and fault? The keys stay the same.',
	'dash.sessions': 'Checkout sessions',
	'dash.deliveries': 'Webhook deliveries',
	'dash.noSessions':
		'No sessions yet. They appear here when a store creates one.',
	'dash.noDeliveries': 'No webhook deliveries yet.',
	'dash.session': 'Session',
	'dash.order': 'Order',
	'dash.amount': 'Amount',
	'dash.status': 'Status',
	'dash.method': 'Method',
	'dash.created': 'Created',
	'dash.actions': 'Actions',
	'dash.event': 'Event',
	'dash.url': 'Receiver',
	'dash.state': 'Delivery',
	'dash.attempts': 'Attempts',
	'dash.attemptCount': '{count}×',
	'dash.lastResult': 'Last answer',
	'dash.openCheckout': 'Checkout page',
	'dash.pay': 'Pay',
	'dash.fail': 'Fail',
	'dash.cancel': 'Cancel',
	'dash.deposit': 'Deposit',
	'dash.expire': 'Expire',
	'dash.refund': 'Refund',
	'dash.refundAmount': 'Refund amount (empty: all that is left)',
	'dash.redeliver': 'Redeliver',
	'dash.done': 'Done: {action} ({id})',
	'dash.resetDone': 'Everything was reset.',
	'dash.delivery.pending': 'Pending',
	'dash.delivery.delivered': 'Delivered',
	'dash.delivery.failed': 'Failed',
};
