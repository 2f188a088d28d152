/**
 * A setting typed as text (or as a number, which is sent as typed): WordPress's text control and the
 * server's sentence below it when a save refused it. Every other prop goes to the control.
 */
import { TextControl } from '@wordpress/components';
import type { ComponentProps } from 'react';
import { useSetting } from '../form';
import type { EditableSettings, SettingKey } from '../types';
import { FieldError } from './FieldError';

type TextKey = {
	[ K in SettingKey ]: string extends EditableSettings[ K ]
		? K
		: number extends EditableSettings[ K ]
			? K
			: never;
}[ SettingKey ];

type TextFieldProps = { setting: TextKey } & Omit<
	ComponentProps< typeof TextControl >,
	'value' | 'onChange' | '__next40pxDefaultSize'
>;

export function TextField( { setting, ...control }: TextFieldProps ) {
	const { value, error, set } = useSetting( setting );
	return (
		<>
			<TextControl
				__next40pxDefaultSize
				{ ...control }
				value={ String( value ) }
				onChange={ set }
			/>
			<FieldError field={ setting } message={ error } />
		</>
	);
}
