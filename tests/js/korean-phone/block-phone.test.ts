/**
 * The block checkout's phone message, against doubles of WooCommerce's cart and validation stores: set while
 * a Korean address has a number that cannot be Korean, shown once the shopper leaves the field, gone when the
 * number or the country changes, and never touching another field's error.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	checkPhone,
	phoneErrorId,
	watchBlockPhones,
} from '../../../src/korean-phone/block-phone';
import {
	cart,
	registerWooCommerceStores,
	validation,
} from '../doubles/wc-stores';

const MESSAGE =
	'Please enter a Korean phone number, such as 010-1234-5678 or 02-123-4567.';

let stop: () => void = () => undefined;

beforeAll( () => registerWooCommerceStores() );

beforeEach( () => {
	cart.reset( 'KR' );
	for ( const id of Object.keys( validation.errors() ) ) {
		validation.clear( id );
	}
} );

afterEach( () => stop() );

describe( 'watchBlockPhones', () => {
	it( 'keeps a hidden error while the number is wrong, and takes it away once it is right', () => {
		stop = watchBlockPhones();
		cart.setShipping( { phone: '010-123' } );
		expect( validation.errors().shipping_phone ).toEqual( {
			message: MESSAGE,
			hidden: true,
		} );
		cart.setShipping( { phone: '+82 10 1234 5678' } );
		expect( validation.errors().shipping_phone ).toBeUndefined();
	} );

	it( 'shows the message when the shopper leaves the phone field', () => {
		document.body.innerHTML = '<input id="billing-phone" />';
		stop = watchBlockPhones();
		cart.setBilling( { phone: '12345' } );
		const input = document.getElementById( 'billing-phone' )!;
		input.focus();
		input.blur();
		expect( validation.errors()[ phoneErrorId( 'billing' ) ] ).toEqual( {
			message: MESSAGE,
			hidden: false,
		} );
	} );

	it( 'puts the message back when WooCommerce clears it with its own looser check', () => {
		stop = watchBlockPhones();
		cart.setShipping( { phone: '010-123' } );
		validation.clear( 'shipping_phone' );
		expect( validation.errors().shipping_phone?.message ).toBe( MESSAGE );
	} );

	it( 'drops the message when the address moves to another country', () => {
		stop = watchBlockPhones();
		cart.setShipping( { phone: '090-1234-5678' } );
		expect( validation.errors().shipping_phone ).toBeDefined();
		cart.setShipping( { country: 'JP' } );
		expect( validation.errors().shipping_phone ).toBeUndefined();
	} );

	it( 'leaves an empty number and WooCommerce’s own messages alone', () => {
		validation.set( {
			shipping_phone: {
				message: 'Please enter a valid phone',
				hidden: false,
			},
		} );
		checkPhone( 'shipping' );
		expect( validation.errors().shipping_phone?.message ).toBe(
			'Please enter a valid phone'
		);
	} );
} );
