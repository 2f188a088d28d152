/**
 * A setting typed as text (or as a number, which is sent as typed): WordPress's text control and the
 * server's sentence below it when a save refused it. Every other prop goes to the control.
 */
import { TextControl } from '@wordpress/components';
import type { ComponentProps } from 'react';
import { useSetting } from '../form';
import type { EditableSettings, SettingKey } from '../types';
import { describedBy, FieldError } from './FieldError';

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
	const id = `kc-setting-${ setting }`;
	return (
		<>
			<TextControl
				__next40pxDefaultSize
				{ ...control }
				id={ id }
				value={ String( value ) }
				onChange={ set }
				aria-invalid={ error ? true : undefined }
				aria-describedby={ describedBy(
					id,
					Boolean( control.help ),
					setting,
					error
				) }
			/>
			<FieldError field={ setting } message={ error } />
		</>
	);
}
