/**
 * WooCommerce > Korea Checkout: reads the settings, lets the store owner change them, saves them all at once.
 * A refused save keeps every typed value and shows the server's sentence beside each refused field.
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { asSaveError, loadSettings, saveSettings } from './api';
import { SettingsFormContext } from './form';
import { AccountSection } from './sections/AccountSection';
import { CheckoutSection } from './sections/CheckoutSection';
import { ConnectionSection } from './sections/ConnectionSection';
import { MethodsSection } from './sections/MethodsSection';
import { StatusesSection } from './sections/StatusesSection';
import { TroubleshootingSection } from './sections/TroubleshootingSection';
import type { SettingKey, SettingsResponse } from './types';
import { useConnectionTest } from './useConnectionTest';
import { useDraft } from './useDraft';

/** The settings the connection test depends on: changing one makes its last result stale. */
const CONNECTION_SETTINGS: SettingKey[] = [
	'mode',
	'api_key',
	'api_url',
	'shop_id',
];

interface PageNotice {
	status: 'success' | 'error';
	text: string;
}

export function SettingsApp() {
	const [ data, setData ] = useState< SettingsResponse | null >( null );
	const [ loadError, setLoadError ] = useState< string | null >( null );
	const [ notice, setNotice ] = useState< PageNotice | null >( null );
	const [ saving, setSaving ] = useState( false );
	const { draft, errors, dirty, change, saved, refused } = useDraft();
	const showError = useCallback(
		( text: string ) => setNotice( { status: 'error', text } ),
		[]
	);
	const connection = useConnectionTest( showError );
	const runTest = connection.run;

	useEffect( () => {
		loadSettings()
			.then( ( response ) => {
				setData( response );
				if ( response.settings.has_key ) {
					runTest( false );
				}
			} )
			.catch( ( error: unknown ) =>
				setLoadError( asSaveError( error ).message )
			);
	}, [ runTest ] );

	if ( loadError ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ loadError }
			</Notice>
		);
	}
	if ( ! data ) {
		return <Spinner />;
	}

	const unsavedConnection = CONNECTION_SETTINGS.some(
		( key ) => key in draft
	);

	const save = () => {
		setSaving( true );
		setNotice( null );
		saveSettings( draft )
			.then( ( response ) => {
				setData( response );
				saved();
				setNotice( {
					status: 'success',
					text: __( 'Settings saved.', 'korea-checkout' ),
				} );
				if ( unsavedConnection ) {
					connection.forget();
					if ( response.settings.has_key ) {
						runTest( true );
					}
				}
			} )
			.catch( ( error: unknown ) => {
				const refusal = asSaveError( error );
				refused( refusal.data?.errors ?? {} );
				showError( refusal.message );
			} )
			.finally( () => {
				setSaving( false );
				window.scrollTo( 0, 0 );
			} );
	};

	let blockedReason: string | null = null;
	if ( unsavedConnection ) {
		blockedReason = __(
			'Save your changes first: the test uses the saved settings.',
			'korea-checkout'
		);
	} else if ( ! data.settings.has_key ) {
		blockedReason = __( 'Save an API key first.', 'korea-checkout' );
	}

	const { choices } = data;
	const form = {
		saved: data.settings,
		draft,
		errors,
		locked: data.locked,
		lockedBy: data.locked_by,
		change,
	};

	return (
		<SettingsFormContext.Provider value={ form }>
			<div className="kc-settings">
				{ notice && (
					<Notice
						status={ notice.status }
						onRemove={ () => setNotice( null ) }
						className="kc-page-notice"
					>
						{ notice.text }
					</Notice>
				) }

				<AccountSection webhookUrl={ data.webhook_url } />
				<ConnectionSection
					result={ connection.result }
					testing={ connection.testing }
					blockedReason={ blockedReason }
					onTest={ runTest }
				/>
				<MethodsSection
					allMethods={ choices.methods }
					connection={ connection.result }
					kept={ data.shop_methods }
				/>
				<StatusesSection
					sessionStatuses={ choices.session_statuses }
					orderStatuses={ choices.order_statuses }
				/>
				<CheckoutSection lifetime={ choices.lifetime } />
				<TroubleshootingSection />

				<div className="kc-save-bar">
					<Button
						__next40pxDefaultSize
						variant="primary"
						onClick={ save }
						isBusy={ saving }
						disabled={ saving || ! dirty }
					>
						{ __( 'Save changes', 'korea-checkout' ) }
					</Button>
					{ dirty && (
						<span className="kc-muted">
							{ __(
								'You have unsaved changes.',
								'korea-checkout'
							) }
						</span>
					) }
				</div>
			</div>
		</SettingsFormContext.Provider>
	);
}
