/**
 * WooCommerce > Korea Checkout: reads the settings, lets the store owner change them, saves them all at once.
 * A refused save keeps every typed value and shows the server's sentence beside each refused field.
 */
import {
	Button,
	Notice,
	RadioControl,
	SelectControl,
	Spinner,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { asSaveError, loadSettings, saveSettings, testConnection } from './api';
import { ConnectionPanel } from './components/ConnectionPanel';
import { FieldError } from './components/FieldError';
import { MethodsList } from './components/MethodsList';
import { SecretField } from './components/SecretField';
import { Section } from './components/Section';
import { StatusMap } from './components/StatusMap';
import { WebhookUrl } from './components/WebhookUrl';
import type {
	ConnectionResult,
	Settings,
	SettingsDraft,
	SettingsResponse,
} from './types';

const CONNECTION_FIELDS: Array< keyof SettingsDraft > = [
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
	const [ draft, setDraft ] = useState< SettingsDraft >( {} );
	const [ errors, setErrors ] = useState< Record< string, string > >( {} );
	const [ notice, setNotice ] = useState< PageNotice | null >( null );
	const [ saving, setSaving ] = useState( false );
	const [ connection, setConnection ] = useState< ConnectionResult | null >(
		null
	);
	const [ testing, setTesting ] = useState( false );

	const runTest = useCallback( ( refresh: boolean ) => {
		setTesting( true );
		testConnection( refresh )
			.then( setConnection )
			.catch( ( error: unknown ) => {
				setConnection( null );
				setNotice( {
					status: 'error',
					text: asSaveError( error ).message,
				} );
			} )
			.finally( () => setTesting( false ) );
	}, [] );

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

	const dirty = Object.keys( draft ).length > 0;
	useEffect( () => {
		if ( ! dirty ) {
			return undefined;
		}
		const warn = ( event: BeforeUnloadEvent ) => event.preventDefault();
		window.addEventListener( 'beforeunload', warn );
		return () => window.removeEventListener( 'beforeunload', warn );
	}, [ dirty ] );

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

	const value = < K extends keyof SettingsDraft >( key: K ): Settings[ K ] =>
		( key in draft ? draft[ key ] : data.settings[ key ] ) as Settings[ K ];
	const change = < K extends keyof SettingsDraft >(
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
	};

	const save = () => {
		setSaving( true );
		setNotice( null );
		const touchedConnection = CONNECTION_FIELDS.some(
			( key ) => key in draft
		);
		saveSettings( draft )
			.then( ( response ) => {
				setData( response );
				setDraft( {} );
				setErrors( {} );
				setNotice( {
					status: 'success',
					text: __( 'Settings saved.', 'korea-checkout' ),
				} );
				if ( touchedConnection ) {
					setConnection( null );
					if ( response.settings.has_key ) {
						runTest( true );
					}
				}
			} )
			.catch( ( error: unknown ) => {
				const refusal = asSaveError( error );
				setErrors( refusal.data?.errors ?? {} );
				setNotice( { status: 'error', text: refusal.message } );
			} )
			.finally( () => {
				setSaving( false );
				window.scrollTo( 0, 0 );
			} );
	};

	const { settings, locked, locked_by: lockedBy, choices } = data;
	const live = value( 'mode' ) === 'live';
	const unsavedConnection = CONNECTION_FIELDS.some( ( key ) => key in draft );
	let blockedReason: string | null = null;
	if ( unsavedConnection ) {
		blockedReason = __(
			'Save your changes first: the test uses the saved settings.',
			'korea-checkout'
		);
	} else if ( ! settings.has_key ) {
		blockedReason = __( 'Save an API key first.', 'korea-checkout' );
	}
	const shops = connection?.shops ?? [];
	const shopMethods =
		connection?.ok && connection.shop
			? connection.shop.payment_methods.filter(
					( method ) => method.known
				)
			: null;

	return (
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

			<Section
				id="account"
				title={ __( 'Account', 'korea-checkout' ) }
				description={
					<>
						<p>
							{ __(
								'Connect the store to your Korea Checkout account. Use sandbox mode and a test key (sk_test_) to try payments without moving money.',
								'korea-checkout'
							) }
						</p>
						<p>
							{ __(
								'Keys and secrets are never shown again after saving; only their last four characters.',
								'korea-checkout'
							) }
						</p>
					</>
				}
			>
				<RadioControl
					label={ __( 'Mode', 'korea-checkout' ) }
					selected={ value( 'mode' ) }
					options={ [
						{
							label: __(
								'Sandbox: test payments, no money moves',
								'korea-checkout'
							),
							value: 'sandbox',
						},
						{
							label: __(
								'Live: real payments',
								'korea-checkout'
							),
							value: 'live',
						},
					] }
					onChange={ ( next: string ) =>
						change(
							'mode',
							next === settings.mode
								? undefined
								: ( next as Settings[ 'mode' ] )
						)
					}
				/>
				<FieldError field="mode" message={ errors.mode } />

				<SecretField
					field="api_key"
					label={ __( 'API key', 'korea-checkout' ) }
					mask={ settings.api_key }
					value={ draft.api_key }
					locked={ locked.api_key }
					lockedBy={ lockedBy.api_key }
					placeholder={ live ? 'sk_live_…' : 'sk_test_…' }
					help={
						live
							? __(
									'Your live secret key, from the Korea Checkout dashboard.',
									'korea-checkout'
								)
							: __(
									'Your test secret key, from the Korea Checkout dashboard.',
									'korea-checkout'
								)
					}
					error={ errors.api_key }
					onChange={ ( next ) => change( 'api_key', next ) }
				/>

				<SecretField
					field="webhook_secret"
					label={ __( 'Webhook signing secret', 'korea-checkout' ) }
					mask={ settings.webhook_secret }
					value={ draft.webhook_secret }
					locked={ locked.webhook_secret }
					lockedBy={ lockedBy.webhook_secret }
					placeholder="whsec_…"
					help={ __(
						'Shown in the dashboard’s webhook settings; it proves that webhooks come from Korea Checkout.',
						'korea-checkout'
					) }
					error={ errors.webhook_secret }
					onChange={ ( next ) => change( 'webhook_secret', next ) }
				/>

				<TextControl
					__next40pxDefaultSize
					label={ __( 'API address', 'korea-checkout' ) }
					value={ value( 'api_url' ) }
					disabled={ locked.api_url }
					placeholder={
						live
							? 'https://api.koreacheckout.com'
							: 'https://sandbox-api.koreacheckout.com'
					}
					help={
						locked.api_url
							? sprintf(
									/* translators: %s: a PHP constant name */
									__(
										'Set by %s in wp-config.php or the server environment, so it is locked here.',
										'korea-checkout'
									),
									lockedBy.api_url
								)
							: __(
									'Leave empty to use the address of the chosen mode. Set it only to use a local sandbox or a proxy.',
									'korea-checkout'
								)
					}
					onChange={ ( next: string ) =>
						change(
							'api_url',
							next === settings.api_url ? undefined : next
						)
					}
				/>
				<FieldError field="api_url" message={ errors.api_url } />

				<WebhookUrl url={ data.webhook_url } live={ live } />
			</Section>

			<Section
				id="connection"
				title={ __( 'Connection', 'korea-checkout' ) }
				description={
					<p>
						{ __(
							'Checks the saved key with Korea Checkout and shows your shop as the service sees it. Shop data is kept for a few hours; testing again refreshes it.',
							'korea-checkout'
						) }
					</p>
				}
			>
				<ConnectionPanel
					result={ connection }
					testing={ testing }
					blockedReason={ blockedReason }
					onTest={ runTest }
				/>
				{ shops.length > 1 && (
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Shop', 'korea-checkout' ) }
						value={ value( 'shop_id' ) }
						options={ [
							{
								value: '',
								label: __(
									'The account’s first shop',
									'korea-checkout'
								),
							},
							...shops.map( ( shop ) => ( {
								value: shop.id,
								label: `${ shop.name } (${ shop.id })`,
							} ) ),
						] }
						onChange={ ( next: string ) =>
							change(
								'shop_id',
								next === settings.shop_id ? undefined : next
							)
						}
					/>
				) }
				<FieldError field="shop_id" message={ errors.shop_id } />
			</Section>

			<Section
				id="methods"
				title={ __( 'Payment methods', 'korea-checkout' ) }
				description={
					<p>
						{ __(
							'What shoppers see at checkout. Switch methods off to hide them, and order them as shoppers should see them.',
							'korea-checkout'
						) }
					</p>
				}
			>
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __(
						'Offer Korea Checkout at checkout',
						'korea-checkout'
					) }
					checked={ value( 'enabled' ) }
					onChange={ ( next: boolean ) =>
						change(
							'enabled',
							next === settings.enabled ? undefined : next
						)
					}
				/>
				<TextControl
					__next40pxDefaultSize
					label={ __( 'Title', 'korea-checkout' ) }
					value={ value( 'title' ) }
					placeholder={ __( 'Korea Checkout', 'korea-checkout' ) }
					help={ __(
						'The name of the payment option at checkout. Leave empty for the default.',
						'korea-checkout'
					) }
					onChange={ ( next: string ) =>
						change(
							'title',
							next === settings.title ? undefined : next
						)
					}
				/>
				<FieldError field="title" message={ errors.title } />
				<TextareaControl
					label={ __( 'Description', 'korea-checkout' ) }
					value={ value( 'description' ) }
					rows={ 2 }
					onChange={ ( next: string ) =>
						change(
							'description',
							next === settings.description ? undefined : next
						)
					}
				/>
				<FieldError
					field="description"
					message={ errors.description }
				/>
				<MethodsList
					available={ shopMethods ?? choices.methods }
					fromShop={ shopMethods !== null }
					enabled={ value( 'enabled_methods' ) }
					onChange={ ( next ) => change( 'enabled_methods', next ) }
				/>
				<FieldError
					field="enabled_methods"
					message={ errors.enabled_methods }
				/>
			</Section>

			<Section
				id="statuses"
				title={ __( 'Order statuses', 'korea-checkout' ) }
				description={
					<p>
						{ __(
							'Orders follow their payment automatically. Override a status only when your store works differently, for example to complete paid orders that need no shipping.',
							'korea-checkout'
						) }
					</p>
				}
			>
				<StatusMap
					sessionStatuses={ choices.session_statuses }
					orderStatuses={ choices.order_statuses }
					map={ value( 'status_map' ) }
					error={ errors.status_map }
					onChange={ ( next ) => change( 'status_map', next ) }
				/>
			</Section>

			<Section
				id="checkout"
				title={ __( 'Checkout', 'korea-checkout' ) }
				description={
					<p>
						{ __(
							'What the checkout asks of shoppers, and how long a payment may take.',
							'korea-checkout'
						) }
					</p>
				}
			>
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __(
						'Korean address search (Daum postcode)',
						'korea-checkout'
					) }
					checked={ value( 'address_search' ) }
					onChange={ ( next: boolean ) =>
						change(
							'address_search',
							next === settings.address_search ? undefined : next
						)
					}
				/>
				<FieldError
					field="address_search"
					message={ errors.address_search }
				/>
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __(
						'Ask for the personal customs clearance code',
						'korea-checkout'
					) }
					help={ __(
						'For stores that ship from abroad to Korea.',
						'korea-checkout'
					) }
					checked={ value( 'customs_code' ) }
					onChange={ ( next: boolean ) =>
						change(
							'customs_code',
							next === settings.customs_code ? undefined : next
						)
					}
				/>
				<FieldError
					field="customs_code"
					message={ errors.customs_code }
				/>
				<TextControl
					__next40pxDefaultSize
					type="number"
					min={ choices.lifetime.min }
					max={ choices.lifetime.max }
					label={ __(
						'Checkout session lifetime (hours)',
						'korea-checkout'
					) }
					help={ sprintf(
						/* translators: 1: fewest hours, 2: most hours */
						__(
							'How long a shopper has to pay, and a virtual account waits for its deposit: %1$d to %2$d hours.',
							'korea-checkout'
						),
						choices.lifetime.min,
						choices.lifetime.max
					) }
					value={ String( value( 'session_lifetime' ) ) }
					onChange={ ( next: string ) =>
						change(
							'session_lifetime',
							next === String( settings.session_lifetime )
								? undefined
								: ( next as unknown as number )
						)
					}
				/>
				<FieldError
					field="session_lifetime"
					message={ errors.session_lifetime }
				/>
			</Section>

			<Section
				id="advanced"
				title={ __( 'Troubleshooting', 'korea-checkout' ) }
				description={
					<p>
						{ __(
							'Logs go to WooCommerce > Status > Logs, source “korea-checkout”. Keys, secrets and shoppers’ personal data are never written.',
							'korea-checkout'
						) }
					</p>
				}
			>
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __( 'Debug logging', 'korea-checkout' ) }
					help={ __(
						'Also log each API call and webhook. Turn off when done.',
						'korea-checkout'
					) }
					checked={ value( 'debug' ) }
					onChange={ ( next: boolean ) =>
						change(
							'debug',
							next === settings.debug ? undefined : next
						)
					}
				/>
				<FieldError field="debug" message={ errors.debug } />
			</Section>

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
						{ __( 'You have unsaved changes.', 'korea-checkout' ) }
					</span>
				) }
			</div>
		</div>
	);
}
