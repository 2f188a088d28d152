/**
 * An on/off setting: a labelled switch, its help text read out with it, and the server's sentence below it
 * when a save refused it.
 */
import { ToggleControl } from '@wordpress/components';
import { useSetting } from '../form';
import type { EditableSettings, SettingKey } from '../types';
import { FieldError } from './FieldError';

type ToggleKey = {
	[ K in SettingKey ]: EditableSettings[ K ] extends boolean ? K : never;
}[ SettingKey ];

interface ToggleFieldProps {
	setting: ToggleKey;
	label: string;
	help?: string;
}

export function ToggleField( { setting, label, help }: ToggleFieldProps ) {
	const { value, error, set } = useSetting( setting );
	return (
		<>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ label }
				help={ help }
				checked={ value }
				onChange={ set }
			/>
			<FieldError field={ setting } message={ error } />
		</>
	);
}
