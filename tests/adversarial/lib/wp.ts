/**
 * PHP inside the store's WordPress, from a case: read what the database holds, arm a fault, change a setting.
 * Each call is a PHP process of its own on the store's database (and object cache, when the stack has one), in
 * the namespace of the layer's must-use plugins (`table()`, `arm_fault()`… need no prefix).
 */
import { wpEval } from '../../support/wp.ts';
import { advStack } from './stack.ts';

/** A value for PHP code: `${ phpValue( value ) }` is an expression that evaluates to it (objects as arrays). */
export function phpValue( value: unknown ): string {
	const encoded = Buffer.from( JSON.stringify( value ), 'utf8' ).toString(
		'base64'
	);
	return `json_decode( base64_decode( '${ encoded }' ), true )`;
}

/** Runs `code` (a function body: `return wc_get_order( 5 )->get_status();`) and resolves with what it returns. */
export function wp< T = unknown >( code: string ): Promise< T > {
	return wpEval< T >(
		advStack(),
		`namespace KoreaCheckout\\Tests\\Adversarial;\n${ code }`
	);
}
