/**
 * The store's webhook address, to paste into the Korea Checkout dashboard, with a copy button.
 */
import { Button } from '@wordpress/components';
import { useCopyToClipboard } from '@wordpress/compose';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

interface WebhookUrlProps {
	url: string;
	live: boolean;
}

export function WebhookUrl( { url, live }: WebhookUrlProps ) {
	const [ copied, setCopied ] = useState( false );
	const ref = useCopyToClipboard< HTMLButtonElement >( url, () => {
		setCopied( true );
		window.setTimeout( () => setCopied( false ), 3000 );
	} );
	const insecure = live && ! url.startsWith( 'https://' );
	return (
		<div className="kc-webhook-url">
			<label className="kc-label" htmlFor="kc-webhook-url">
				{ __( 'Webhook address', 'korea-checkout' ) }
			</label>
			<div className="kc-webhook-url__row">
				<input
					id="kc-webhook-url"
					type="text"
					readOnly
					value={ url }
					onFocus={ ( event ) => event.currentTarget.select() }
				/>
				<Button __next40pxDefaultSize variant="secondary" ref={ ref }>
					{ copied
						? __( 'Copied', 'korea-checkout' )
						: __( 'Copy', 'korea-checkout' ) }
				</Button>
			</div>
			<p className="kc-help">
				{ __(
					'Enter this address as the webhook endpoint in your Korea Checkout dashboard, so orders are updated even when a shopper does not come back to the store.',
					'korea-checkout'
				) }
			</p>
			{ insecure && (
				<p className="kc-field-error" role="alert">
					{ __(
						'Live mode needs an HTTPS webhook address. Switch the site address to https:// first.',
						'korea-checkout'
					) }
				</p>
			) }
		</div>
	);
}
