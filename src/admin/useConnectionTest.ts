/**
 * The connection test's state: its last result (null before one or after the connection settings changed)
 * and whether one is running. A request that fails outright is reported through `onError`.
 */
import { useCallback, useState } from '@wordpress/element';
import { asSaveError, testConnection } from './api';
import type { ConnectionResult } from './types';

export function useConnectionTest( onError: ( message: string ) => void ) {
	const [ result, setResult ] = useState< ConnectionResult | null >( null );
	const [ testing, setTesting ] = useState( false );

	const run = useCallback(
		( refresh: boolean ) => {
			setTesting( true );
			testConnection( refresh )
				.then( setResult )
				.catch( ( error: unknown ) => {
					setResult( null );
					onError( asSaveError( error ).message );
				} )
				.finally( () => setTesting( false ) );
		},
		[ onError ]
	);

	const forget = useCallback( () => setResult( null ), [] );

	return { result, testing, run, forget };
}
