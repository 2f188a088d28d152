/**
 * Calls to the plugin's REST endpoints. apiFetch adds the REST nonce WordPress prints for wp-api-fetch.
 */
import apiFetch from '@wordpress/api-fetch';
import type {
	ConnectionResult,
	SaveError,
	SettingsDraft,
	SettingsResponse,
} from './types';

const BASE = '/korea-checkout/v1';

export function loadSettings(): Promise< SettingsResponse > {
	return apiFetch< SettingsResponse >( { path: `${ BASE }/settings` } );
}

export function saveSettings(
	draft: SettingsDraft
): Promise< SettingsResponse > {
	return apiFetch< SettingsResponse >( {
		path: `${ BASE }/settings`,
		method: 'POST',
		data: draft,
	} );
}

export function testConnection(
	refresh: boolean
): Promise< ConnectionResult > {
	return apiFetch< ConnectionResult >( {
		path: `${ BASE }/connection${ refresh ? '?refresh=1' : '' }`,
	} );
}

/** Reads a rejected apiFetch call as the REST API's error body. */
export function asSaveError( error: unknown ): SaveError {
	if ( typeof error === 'object' && error !== null && 'message' in error ) {
		return error as SaveError;
	}
	return { code: 'unknown', message: String( error ) };
}
