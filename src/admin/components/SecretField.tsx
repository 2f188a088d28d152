/**
 * A key or secret: the saved value is shown only as its mask; typing replaces it; a locked value cannot be edited.
 */
import { TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import { useLock, useSettingsForm } from '../form';
import { describedBy, FieldError } from './FieldError';

interface SecretFieldProps {
	field: 'api_key' | 'webhook_secret';
	label: string;
	placeholder: string;
	help: string;
}

export function SecretField( {
	field,
	label,
	placeholder,
	help,
}: SecretFieldProps ) {
	const { saved, draft, errors, change } = useSettingsForm();
	// The saved value comes only as its mask ('' when nothing is saved), so what is typed is kept as typed
	// rather than compared with it; undefined means untouched, '' removes the saved value.
	const mask = saved[ field ];
	const value = draft[ field ];
	const error = errors[ field ];
	const id = `kc-setting-${ field }`;
	const lockedBy = useLock( field );
	const locked = lockedBy !== null;
	const onChange = ( next: string | undefined ) => change( field, next );
	let status: string;
	if ( lockedBy !== null ) {
		status = sprintf(
			/* translators: 1: the saved value's mask, 2: a PHP constant name */
			__(
				'%1$s — set by %2$s in wp-config.php or the server environment, so it is locked here.',
				'korea-checkout'
			),
			mask,
			lockedBy
		);
	} else if ( mask ) {
		status = sprintf(
			/* translators: %s: the saved value's mask */
			__(
				'Saved: %s. Paste a new value to replace it.',
				'korea-checkout'
			),
			mask
		);
	} else {
		status = __( 'Nothing saved yet.', 'korea-checkout' );
	}
	return (
		<div className={ `kc-secret kc-field-${ field }` }>
			<TextControl
				__next40pxDefaultSize
				label={ label }
				type="password"
				autoComplete="off"
				spellCheck={ false }
				value={ value ?? '' }
				placeholder={ mask || placeholder }
				disabled={ locked }
				help={ `${ status } ${ help }` }
				onChange={ ( next: string ) =>
					onChange( next === '' ? undefined : next )
				}
				className={ error ? 'has-error' : undefined }
				id={ id }
				aria-invalid={ error ? true : undefined }
				aria-describedby={ describedBy( id, true, field, error ) }
			/>
			{ mask && ! locked && (
				<button
					type="button"
					className="button-link kc-secret__remove"
					onClick={ () => onChange( '' ) }
				>
					{ __( 'Remove the saved value', 'korea-checkout' ) }
				</button>
			) }
			{ value === '' && (
				<p className="kc-secret__pending">
					{ __(
						'The saved value will be removed when you save.',
						'korea-checkout'
					) }
				</p>
			) }
			<FieldError field={ field } message={ error } />
		</div>
	);
}
