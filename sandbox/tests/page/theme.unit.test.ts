import { describe, expect, it } from 'vitest';
import {
	isSafeThemeName,
	isSafeThemeValue,
	parseTheme,
} from '../../page/src/lib/theme.ts';

describe( 'theme whitelist: names', () => {
	it.each( [
		'--primary-color',
		'--button-radius',
		'--a',
		`--${ 'x'.repeat( 40 ) }`,
	] )( 'accepts %s', ( name ) => {
		expect( isSafeThemeName( name ) ).toBe( true );
	} );

	it.each( [
		'color',
		'-primary',
		'--Primary',
		'--primary_color',
		'--',
		`--${ 'x'.repeat( 41 ) }`,
		'--a;b',
		'--a b',
	] )( 'rejects %s', ( name ) => {
		expect( isSafeThemeName( name ) ).toBe( false );
	} );
} );

describe( 'theme whitelist: values', () => {
	it.each( [
		'#0064ff',
		'#fff',
		'rebeccapurple',
		'rgb(0 100 255 / 50%)',
		'rgba(0, 100, 255, 0.5)',
		'hsl(210 100% 50%)',
		'oklch(60% 0.2 250)',
		'color-mix(in srgb, #0064ff 80%, white)',
		'8px',
		'0.5rem',
		'1.25',
		'-2px',
		'calc(1rem + 2px)',
		'clamp(8px, 2vw, 16px)',
		'var(--primary-color)',
		'Noto Sans KR, sans-serif',
		'나눔고딕, sans-serif',
	] )( 'accepts %s', ( value ) => {
		expect( isSafeThemeValue( value ) ).toBe( true );
	} );

	it.each( [
		[ 'semicolon', 'red; background: red' ],
		[ 'braces', 'red} body{color:red' ],
		[ 'angle brackets', '</style><script>' ],
		[ 'backslash escape', '\\75rl(x)' ],
		[ 'double quote', '"Noto Sans"' ],
		[ 'single quote', "'Noto Sans'" ],
		[ 'url()', 'url(https://evil.example/x.png)' ],
		[ 'URL() upper case', 'URL(//evil.example/x.png)' ],
		[ 'image-set()', 'image-set(x.png 1x)' ],
		[ '-webkit-image-set()', '-webkit-image-set(x.png 1x)' ],
		[ 'expression()', 'expression(alert(1))' ],
		[ '@import', '@import x' ],
		[ 'unknown function', 'element(#x)' ],
		[ 'space before paren', 'url (x)' ],
		[ 'colon (javascript:)', 'javascript:alert(1)' ],
		[ 'unbalanced parenthesis', 'calc(1px' ],
		[ 'closing first', ')red(' ],
		[ 'newline', 'red\nblue' ],
		[ '!important', 'red !important' ],
		[ 'empty', '   ' ],
		[ 'over 100 characters', `${ '1'.repeat( 99 ) }px` ],
	] )( 'rejects %s', ( _label, value ) => {
		expect( isSafeThemeValue( value ) ).toBe( false );
	} );
} );

describe( 'parseTheme', () => {
	it( 'keeps safe declarations in order and drops the rest by name', () => {
		const result = parseTheme(
			JSON.stringify( {
				'--primary-color': '#0064ff',
				'--button-radius': '8px',
				'--evil': 'url(https://evil.example/x)',
				'font-size': '20px',
				'--scale': 2,
				'--flag': true,
			} )
		);
		expect( result.accepted ).toEqual( [
			[ '--primary-color', '#0064ff' ],
			[ '--button-radius', '8px' ],
			[ '--scale', '2' ],
		] );
		expect( result.rejected ).toEqual( [
			'--evil',
			'font-size',
			'--flag',
		] );
	} );

	it( 'yields nothing for a missing, empty, broken or non-object value', () => {
		for ( const raw of [ undefined, null, '', '   ' ] ) {
			expect( parseTheme( raw ) ).toEqual( {
				accepted: [],
				rejected: [],
			} );
		}
		for ( const raw of [ '{not json', '[]', '"red"', 'null', '42' ] ) {
			const result = parseTheme( raw );
			expect( result.accepted ).toEqual( [] );
			expect( result.rejected ).toHaveLength( 1 );
		}
	} );

	it( 'accepts at most 50 declarations', () => {
		const many = Object.fromEntries(
			Array.from( { length: 60 }, ( _, i ) => [
				`--v${ i }`,
				`${ i }px`,
			] )
		);
		const result = parseTheme( JSON.stringify( many ) );
		expect( result.accepted ).toHaveLength( 50 );
		expect( result.rejected ).toHaveLength( 10 );
	} );
} );
