/** The pending session: method choice, installments, pay / cancel, and the sandbox's test outcomes. */
import type { MessageKey } from '../i18n/index.ts';
import { api, ApiError, type ActionAnswer } from '../lib/api.ts';
import { h } from '../lib/dom.ts';
import { FAILURE_CODES } from '../lib/failures.ts';
import {
	INSTALLMENT_MONTHS,
	initialMethod,
	installmentsAllowed,
	offeredMethods,
	type MethodId,
} from '../lib/methods.ts';
import { formatMoney } from '../lib/money.ts';
import { methodBadge } from './badges.ts';
import type { CheckoutContext } from './context.ts';
import { orderSummary } from './summary.ts';

/**
 * Leaves the page for the store; only http(s) targets are followed.
 * @param url Where the contract says the browser goes next.
 */
export function goTo( url: string | undefined ): boolean {
	if ( ! url ) {
		return false;
	}
	try {
		const target = new URL( url, window.location.href );
		if ( target.protocol !== 'http:' && target.protocol !== 'https:' ) {
			return false;
		}
		window.location.assign( target.toString() );
		return true;
	} catch {
		return false;
	}
}

export function checkoutView( ctx: CheckoutContext ): HTMLElement {
	const { session, locale, t } = ctx;
	const metadata = session.metadata ?? {};
	const methods = offeredMethods(
		session.shop?.paymentMethods,
		metadata.paymentMethods
	);
	let selected: MethodId | undefined = initialMethod(
		methods,
		metadata.paymentMethod
	);
	const withInstallments = installmentsAllowed(
		session.totalAmount,
		session.currency
	);
	const amount = formatMoney( session.totalAmount, session.currency, locale );

	const progress = h( 'p', {
		class: 'progress',
		role: 'status',
		'aria-live': 'polite',
		id: 'progress',
	} );
	const alert = h( 'p', { class: 'error', role: 'alert', id: 'error' } );
	const payButton = h( 'button', {
		type: 'submit',
		class: 'button button--primary',
		id: 'pay',
		disabled: ! selected,
	} );
	const cancelButton = h(
		'button',
		{ type: 'button', class: 'button button--secondary', id: 'cancel' },
		t( 'checkout.cancel' )
	);

	const installments = h(
		'select',
		{
			id: 'installments',
			name: 'installments',
			'aria-describedby': 'installments-hint',
		},
		h( 'option', { value: '0' }, t( 'checkout.lumpSum' ) ),
		INSTALLMENT_MONTHS.map( ( months ) =>
			h(
				'option',
				{ value: String( months ) },
				t( 'checkout.months', { months } )
			)
		)
	);
	const installmentsBox = h(
		'div',
		{ class: 'field installments', id: 'installments-box' },
		h( 'label', { for: 'installments' }, t( 'checkout.installments' ) ),
		installments,
		h(
			'p',
			{ class: 'muted hint', id: 'installments-hint' },
			t( 'checkout.installmentsHint' )
		)
	);

	const update = () => {
		payButton.textContent =
			selected === 'virtual_account'
				? t( 'checkout.issueAccount' )
				: t( 'checkout.pay', { amount } );
		payButton.disabled = ! selected;
		installmentsBox.hidden = ! ( withInstallments && selected === 'card' );
	};

	const radios = methods.map( ( id ) => {
		const input = h( 'input', {
			type: 'radio',
			name: 'method',
			id: `method-${ id }`,
			value: id,
			class: 'method__input',
			checked: id === selected,
		} );
		input.addEventListener( 'change', () => {
			selected = id;
			update();
		} );
		return h(
			'div',
			{ class: 'method' },
			input,
			h(
				'label',
				{ for: `method-${ id }`, class: 'method__label' },
				methodBadge( id ),
				h( 'span', {}, t( `method.${ id }` as MessageKey ) )
			)
		);
	} );

	const failCode = h(
		'select',
		{ id: 'fail-code', name: 'code' },
		FAILURE_CODES.map( ( code ) =>
			h(
				'option',
				{ value: code },
				`${ code } — ${ t( `failure.${ code }` as MessageKey ) }`
			)
		)
	);
	const failButton = h(
		'button',
		{ type: 'button', class: 'button button--warning', id: 'fail' },
		t( 'checkout.fail' )
	);
	const buttons = [ payButton, cancelButton, failButton ];

	/**
	 * Runs one action: buttons off, progress announced, then the store (or the next state) or an error.
	 * @param call   The control-surface request to make.
	 * @param method The method paid with, when paying.
	 */
	const act = async (
		call: () => Promise< ActionAnswer >,
		method?: MethodId
	) => {
		buttons.forEach( ( button ) => ( button.disabled = true ) );
		alert.textContent = '';
		progress.textContent = t( 'checkout.processing' );
		try {
			const answer = await call();
			if (
				method === 'virtual_account' &&
				answer.status === 'processing'
			) {
				ctx.show(
					await api.session( session.sessionId ),
					answer.redirectUrl
				);
				return;
			}
			progress.textContent = t( 'checkout.redirecting' );
			if ( ! goTo( answer.redirectUrl ) ) {
				ctx.show(
					await api.session( session.sessionId ),
					answer.redirectUrl
				);
			}
		} catch ( error ) {
			progress.textContent = '';
			const message =
				error instanceof ApiError && error.status !== 0
					? error.message
					: t( 'common.networkError' );
			alert.textContent = t( 'common.requestFailed', { message } );
			buttons.forEach( ( button ) => ( button.disabled = false ) );
			update();
			// The session may have moved on (expired, paid elsewhere): show what it is now.
			const fresh = await api
				.session( session.sessionId )
				.catch( () => null );
			if ( fresh && fresh.status !== session.status ) {
				ctx.show( fresh );
			}
		}
	};

	const form = h(
		'form',
		{
			class: 'card pay-form',
			novalidate: true,
			'aria-labelledby': 'pay-title',
		},
		h( 'h1', { id: 'pay-title', tabindex: -1 }, t( 'checkout.heading' ) ),
		methods.length > 0
			? h(
					'fieldset',
					{ class: 'methods' },
					h( 'legend', {}, t( 'checkout.paymentMethod' ) ),
					h( 'div', { class: 'methods__grid' }, radios )
				)
			: h(
					'p',
					{ class: 'error', role: 'alert' },
					t( 'checkout.noMethods' )
				),
		installmentsBox,
		progress,
		alert,
		h( 'div', { class: 'actions' }, payButton, cancelButton )
	);
	form.addEventListener( 'submit', ( event ) => {
		event.preventDefault();
		const method = selected;
		if ( ! method ) {
			return;
		}
		const months =
			method === 'card' && withInstallments
				? Number( installments.value )
				: 0;
		void act(
			() =>
				api.pay(
					session.sessionId,
					method,
					months >= 2 ? months : undefined
				),
			method
		);
	} );
	cancelButton.addEventListener(
		'click',
		() => void act( () => api.cancel( session.sessionId ) )
	);
	failButton.addEventListener( 'click', () => {
		const code = failCode.value;
		void act( () =>
			api.fail(
				session.sessionId,
				code,
				t( `failure.${ code }` as MessageKey )
			)
		);
	} );

	const tester = h(
		'section',
		{ class: 'card tester', 'aria-labelledby': 'tester-title' },
		h( 'h2', { id: 'tester-title' }, t( 'checkout.testerTitle' ) ),
		h( 'p', { class: 'muted' }, t( 'checkout.testerHint' ) ),
		h(
			'div',
			{ class: 'field' },
			h( 'label', { for: 'fail-code' }, t( 'checkout.failReason' ) ),
			failCode
		),
		h( 'div', { class: 'actions' }, failButton )
	);

	update();
	return h(
		'div',
		{ class: 'layout layout--checkout' },
		orderSummary( ctx, true ),
		h( 'div', { class: 'layout__main' }, form, tester )
	);
}
