/**
 * What every field on the settings page reads and writes: the saved settings, the store owner's unsaved
 * changes, the server's sentence for each refused setting and the values wp-config.php locks. SettingsApp
 * provides it; fields take only the key of their setting.
 */
import { createContext, useContext } from '@wordpress/element';
import type {
	FieldErrors,
	LockableKey,
	Settings,
	SettingKey,
	SettingsDraft,
	SettingsResponse,
} from './types';

export interface SettingsForm {
	saved: Settings;
	draft: SettingsDraft;
	errors: FieldErrors;
	locked: SettingsResponse[ 'locked' ];
	lockedBy: SettingsResponse[ 'locked_by' ];
	/** Puts a value in the draft; undefined takes the setting out of it. Clears the setting's error. */
	change: < K extends SettingKey >(
		key: K,
		next: SettingsDraft[ K ] | undefined
	) => void;
}

export const SettingsFormContext = createContext< SettingsForm | null >( null );

export function useSettingsForm(): SettingsForm {
	const form = useContext( SettingsFormContext );
	if ( ! form ) {
		throw new Error(
			'Settings fields must be rendered inside SettingsFormContext.'
		);
	}
	return form;
}

export interface Setting< K extends SettingKey > {
	/** What the field shows: the unsaved value, else the saved one. */
	value: NonNullable< SettingsDraft[ K ] >;
	/** The server's sentence when it refused the last save of this setting. */
	error: string | undefined;
	/** Changes the setting; going back to the saved value leaves nothing unsaved. */
	set: ( next: SettingsDraft[ K ] ) => void;
}

/** Whether a value reads as the saved one (a number field gives its value as text). */
function isSaved( next: unknown, saved: unknown ): boolean {
	return (
		next === saved ||
		( typeof saved === 'number' && next === String( saved ) )
	);
}

/** One setting as a field needs it. */
export function useSetting< K extends SettingKey >( key: K ): Setting< K > {
	const { saved, draft, errors, change } = useSettingsForm();
	return {
		value: ( key in draft ? draft[ key ] : saved[ key ] ) as NonNullable<
			SettingsDraft[ K ]
		>,
		error: errors[ key ],
		set: ( next ) =>
			change( key, isSaved( next, saved[ key ] ) ? undefined : next ),
	};
}

/** The constant in wp-config.php (or the environment) that locks a setting, or null when it is editable. */
export function useLock( key: LockableKey ): string | null {
	const { locked, lockedBy } = useSettingsForm();
	return locked[ key ] ? lockedBy[ key ] : null;
}
