/**
 * The order screen's refund form gains one "tell the shopper" choice, ticked by default, and its value is what
 * the refund request carries.
 */
import { describe, expect, it } from 'vitest';
import {
	addNotifyRow,
	FIELD,
	notifyValue,
} from '../../../src/order-refund/index';

function refundForm(): HTMLElement {
	const box = document.createElement( 'div' );
	box.innerHTML = `<div class="wc-order-refund-items"><table class="wc-order-totals"><tbody>
		<tr><td class="label"><label for="refund_amount">Refund amount:</label></td><td class="total"><input id="refund_amount"></td></tr>
	</tbody></table></div>`;
	return box;
}

describe( 'refund form: tell the shopper', () => {
	it( "adds one labelled checkbox, ticked, inside WooCommerce's own table", () => {
		const form = refundForm();
		addNotifyRow( form );
		addNotifyRow( form );
		const boxes = form.querySelectorAll< HTMLInputElement >(
			`#${ FIELD }`
		);
		expect( boxes ).toHaveLength( 1 );
		expect( boxes[ 0 ]?.checked ).toBe( true );
		const label = form.querySelector( `label[for="${ FIELD }"]` );
		expect( label?.textContent ).toMatch( /tells the shopper/ );
		expect( form.querySelectorAll( 'tbody tr' ) ).toHaveLength( 2 );
	} );

	it( 'sends 1 when ticked or missing and 0 when unticked', () => {
		const form = refundForm();
		expect( notifyValue( form ) ).toBe( '1' );
		addNotifyRow( form );
		expect( notifyValue( form ) ).toBe( '1' );
		form.querySelector< HTMLInputElement >( `#${ FIELD }` )!.checked =
			false;
		expect( notifyValue( form ) ).toBe( '0' );
	} );

	it( 'does nothing where there is no refund form', () => {
		const page = document.createElement( 'div' );
		addNotifyRow( page );
		expect( page.innerHTML ).toBe( '' );
	} );
} );
