/**
 * The store owner's unsaved changes and the server's sentences for the settings it refused. Leaving the page
 * with unsaved changes asks first.
 */
import { useCallback, useEffect, useState } from '@wordpress/element';
import type { FieldErrors, SettingKey, SettingsDraft } from './types';

export function useDraft() {
	const [ draft, setDraft ] = useState< SettingsDraft >( {} );
	const [ errors, setErrors ] = useState< FieldErrors >( {} );

	const change = useCallback(
		< K extends SettingKey >(
			key: K,
			next: SettingsDraft[ K ] | undefined
		) => {
			setDraft( ( current ) => {
				const updated = { ...current };
				if ( next === undefined ) {
					delete updated[ key ];
				} else {
					updated[ key ] = next;
				}
				return updated;
			} );
			setErrors( ( current ) => {
				const { [ key ]: _removed, ...rest } = current;
				return rest;
			} );
		},
		[]
	);

	/** After a save: nothing is unsaved or refused any more. */
	const saved = useCallback( () => {
		setDraft( {} );
		setErrors( {} );
	}, [] );

	const dirty = Object.keys( draft ).length > 0;
	useEffect( () => {
		if ( ! dirty ) {
			return undefined;
		}
		const warn = ( event: BeforeUnloadEvent ) => event.preventDefault();
		window.addEventListener( 'beforeunload', warn );
		return () => window.removeEventListener( 'beforeunload', warn );
	}, [ dirty ] );

	return { draft, errors, dirty, change, saved, refused: setErrors };
}
