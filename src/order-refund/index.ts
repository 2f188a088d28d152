/**
 * The order screen's refund form, for orders paid through Korea Checkout: a choice whether Korea Checkout
 * tells the shopper about the refund (`notify_customer`).
 *
 * WooCommerce has no hook inside its refund form, so the row is added to the form's table whenever the form is
 * opened (WooCommerce redraws the whole items box after changes). The choice travels with WooCommerce's own
 * refund request through the data filter its order screen documents for extensions
 * (`woocommerce_order_meta_box_do_refund_ajax_data`), and the gateway reads it on the server.
 */
import domReady from '@wordpress/dom-ready';
import { __ } from '@wordpress/i18n';
import '../classic-checkout/jquery';

export const FIELD = 'korea_checkout_notify_customer';
const ROW_ID = 'korea-checkout-notify-row';

/** Adds the row to the open refund form, once. */
export function addNotifyRow( root: ParentNode = document ): void {
	const table = root.querySelector(
		'.wc-order-refund-items table.wc-order-totals'
	);
	if ( ! table || table.querySelector( `#${ ROW_ID }` ) ) {
		return;
	}
	const row = document.createElement( 'tr' );
	row.id = ROW_ID;
	const label = document.createElement( 'td' );
	label.className = 'label';
	const labelFor = document.createElement( 'label' );
	labelFor.htmlFor = FIELD;
	labelFor.textContent = __(
		'Korea Checkout tells the shopper:',
		'korea-checkout'
	);
	label.append( labelFor );
	const cell = document.createElement( 'td' );
	cell.className = 'total';
	const input = document.createElement( 'input' );
	input.type = 'checkbox';
	input.id = FIELD;
	input.checked = true;
	cell.append( input );
	row.append( label, cell );
	( table.querySelector( 'tbody' ) ?? table ).append( row );
}

/** The value sent with the refund request: '1' unless the box was unticked. */
export function notifyValue( root: ParentNode = document ): '0' | '1' {
	const input = root.querySelector< HTMLInputElement >( `#${ FIELD }` );
	return input && ! input.checked ? '0' : '1';
}

domReady( () => {
	addNotifyRow();
	document.addEventListener( 'click', ( event ) => {
		const target = event.target as Element | null;
		if ( target?.closest?.( 'button.refund-items' ) ) {
			addNotifyRow();
		}
	} );
	window
		.jQuery?.( '#woocommerce-order-items' )
		.on(
			'woocommerce_order_meta_box_do_refund_ajax_data',
			( ...args: unknown[] ) => ( {
				...( args[ 1 ] as Record< string, unknown > ),
				[ FIELD ]: notifyValue(),
			} )
		);
} );
