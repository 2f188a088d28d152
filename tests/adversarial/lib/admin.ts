/**
 * The shop manager at the order screen, over plain HTTP: logs in with the stack's admin account, opens the order's
 * edit page for the `order-item` nonce WooCommerce prints there, and refunds through admin-ajax
 * (`woocommerce_refund_line_items`, i.e. WC_AJAX::refund_line_items) with "Refund via Korea Checkout", as the
 * button on that page does.
 */
import { advStack } from './stack.ts';
import { wp } from './wp.ts';

export interface AjaxAnswer {
	status: number;
	success: boolean | null;
	/** What the order screen shows: the error text, or '' on success. */
	message: string;
	raw: string;
	ms: number;
}

export class AdminSession {
	private readonly cookies = new Map< string, string >();

	private cookieHeader(): string {
		return [ ...this.cookies ]
			.map( ( [ name, value ] ) => `${ name }=${ value }` )
			.join( '; ' );
	}

	private keep( response: Response ): void {
		for ( const line of response.headers.getSetCookie() ) {
			const [ pair ] = line.split( ';' );
			const at = pair?.indexOf( '=' ) ?? -1;
			if ( pair === undefined || at < 0 ) {
				continue;
			}
			const name = pair.slice( 0, at ).trim();
			const value = pair.slice( at + 1 ).trim();
			if ( value === '' || value === 'deleted' ) {
				this.cookies.delete( name );
			} else {
				this.cookies.set( name, value );
			}
		}
	}

	async login(): Promise< void > {
		const stack = advStack();
		this.cookies.set( 'wordpress_test_cookie', 'WP%20Cookie%20check' );
		const response = await fetch( `${ stack.storeUrl }/wp-login.php`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				cookie: this.cookieHeader(),
			},
			body: new URLSearchParams( {
				log: stack.adminUser,
				pwd: stack.adminPassword,
				'wp-submit': 'Log In',
				redirect_to: `${ stack.adminUrl }`,
				testcookie: '1',
			} ),
			redirect: 'manual',
			signal: AbortSignal.timeout( 60_000 ),
		} );
		this.keep( response );
		await response.arrayBuffer();
		if (
			! [ ...this.cookies.keys() ].some( ( name ) =>
				name.startsWith( 'wordpress_logged_in_' )
			)
		) {
			throw new Error(
				`admin login failed (HTTP ${ response.status }): no logged-in cookie`
			);
		}
	}

	async get( url: string ): Promise< string > {
		const response = await fetch( url, {
			headers: { cookie: this.cookieHeader() },
			redirect: 'manual',
			signal: AbortSignal.timeout( 120_000 ),
		} );
		this.keep( response );
		const text = await response.text();
		if ( response.status !== 200 ) {
			throw new Error(
				`GET ${ url } answered ${ response.status }: ${ text.slice( 0, 300 ) }`
			);
		}
		return text;
	}

	/** The order's edit page, and what its refund form needs from it. */
	async orderScreen(
		orderId: number
	): Promise< { nonce: string; refunded: string } > {
		const url = await wp< string >(
			`return wc_get_order( ${ orderId } )->get_edit_order_url();`
		);
		const html = await this.get( url );
		const nonce = /"order_item_nonce":"([0-9a-f]+)"/.exec( html )?.[ 1 ];
		if ( nonce === undefined ) {
			throw new Error(
				`no order_item_nonce on the edit page of order ${ orderId }`
			);
		}
		const refunded =
			/name="refunded_amount"[^>]*value="([^"]*)"/.exec( html )?.[ 1 ] ??
			/value="([^"]*)"[^>]*name="refunded_amount"/.exec( html )?.[ 1 ] ??
			'0';
		return { nonce, refunded };
	}

	/**
	 * Refund `amount` through the payment service from the order screen (no line items, no restock), as the admin
	 * does by typing the amount and pressing "Refund … via Korea Checkout".
	 */
	async refund(
		orderId: number,
		amount: number,
		reason: string
	): Promise< AjaxAnswer > {
		const stack = advStack();
		const screen = await this.orderScreen( orderId );
		const started = performance.now();
		const response = await fetch(
			`${ stack.storeUrl }/wp-admin/admin-ajax.php`,
			{
				method: 'POST',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					cookie: this.cookieHeader(),
				},
				body: new URLSearchParams( {
					action: 'woocommerce_refund_line_items',
					order_id: String( orderId ),
					refund_amount: String( amount ),
					refunded_amount: screen.refunded,
					refund_reason: reason,
					line_item_qtys: '{}',
					line_item_totals: '{}',
					line_item_tax_totals: '{}',
					api_refund: 'true',
					restock_refunded_items: 'false',
					security: screen.nonce,
				} ),
				signal: AbortSignal.timeout( 180_000 ),
			}
		);
		const raw = await response.text();
		let success: boolean | null = null;
		let message = '';
		try {
			const parsed = JSON.parse( raw ) as {
				success?: boolean;
				data?: { error?: string };
			};
			success = parsed.success ?? null;
			message = parsed.data?.error ?? '';
		} catch {
			message = raw.slice( 0, 500 );
		}
		return {
			status: response.status,
			success,
			message,
			raw,
			ms: performance.now() - started,
		};
	}
}
