/**
 * "Test connection" and what the API says about the shop, or why the connection does not work.
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { ConnectionResult, ShopDetails } from '../types';

interface ConnectionPanelProps {
	result: ConnectionResult | null;
	testing: boolean;
	/** Why the test cannot run now (unsaved changes, no key), or null. */
	blockedReason: string | null;
	onTest: ( refresh: boolean ) => void;
}

const DOMAIN_STATUS: Record< string, () => string > = {
	pending: () => __( 'pending', 'korea-checkout' ),
	verified: () => __( 'verified', 'korea-checkout' ),
	configured: () => __( 'configured', 'korea-checkout' ),
	failed: () => __( 'failed', 'korea-checkout' ),
};

function domainStatus( status: string ): string {
	return (
		DOMAIN_STATUS[ status ]?.() ??
		( status || __( 'unknown', 'korea-checkout' ) )
	);
}

function formatTime( unixSeconds: number ): string {
	return new Date( unixSeconds * 1000 ).toLocaleTimeString();
}

function ShopFacts( {
	shop,
	result,
}: {
	shop: ShopDetails;
	result: ConnectionResult;
} ) {
	const limit = result.rate_limit;
	const shopCount = result.shops?.length ?? 1;
	let choice = '';
	if ( shop.automatic ) {
		choice =
			shopCount === 1
				? __(
						'chosen automatically: the key’s only shop',
						'korea-checkout'
					)
				: __(
						'the account’s first shop, used until you choose one',
						'korea-checkout'
					);
	}
	return (
		<dl className="kc-shop-facts">
			<dt>{ __( 'Shop', 'korea-checkout' ) }</dt>
			<dd className="kc-shop-name">
				<strong>{ shop.name }</strong> <code>{ shop.id }</code>
				{ choice && <span className="kc-muted"> — { choice }</span> }
			</dd>

			<dt>{ __( 'Business verification', 'korea-checkout' ) }</dt>
			<dd>
				{ shop.business_verified
					? __( 'Verified', 'korea-checkout' )
					: __(
							'Not verified yet: complete the business verification in the Korea Checkout dashboard before taking live payments.',
							'korea-checkout'
						) }
				{ shop.business_verified && shop.business_number && (
					<span className="kc-muted">
						{ ' ' }
						({ shop.business_number })
					</span>
				) }
			</dd>

			<dt>{ __( 'Payment methods', 'korea-checkout' ) }</dt>
			<dd>
				{ shop.payment_methods.length > 0
					? shop.payment_methods
							.map( ( method ) => method.label )
							.join( ', ' )
					: __(
							'None: turn payment methods on in the Korea Checkout dashboard.',
							'korea-checkout'
						) }
			</dd>

			<dt>{ __( 'Custom domain', 'korea-checkout' ) }</dt>
			<dd>
				{ shop.custom_domain
					? sprintf(
							/* translators: 1: domain name, 2: verification status, 3: configuration status */
							__(
								'%1$s (verification: %2$s, configuration: %3$s)',
								'korea-checkout'
							),
							shop.custom_domain,
							domainStatus( shop.domain_verification_status ),
							domainStatus( shop.domain_configuration_status )
						)
					: __(
							'None: shoppers pay on Korea Checkout’s own domain.',
							'korea-checkout'
						) }
			</dd>

			<dt>{ __( 'Rate limit', 'korea-checkout' ) }</dt>
			<dd>
				{ limit
					? sprintf(
							/* translators: 1: requests left, 2: requests per minute, 3: a time */
							__(
								'%1$d of %2$d requests left this minute (resets at %3$s)',
								'korea-checkout'
							),
							limit.remaining,
							limit.limit,
							formatTime( limit.reset )
						)
					: __( 'Not reported', 'korea-checkout' ) }
			</dd>
		</dl>
	);
}

export function ConnectionPanel( {
	result,
	testing,
	blockedReason,
	onTest,
}: ConnectionPanelProps ) {
	return (
		<div className="kc-connection" aria-live="polite" aria-busy={ testing }>
			<div className="kc-connection__actions">
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ () => onTest( true ) }
					disabled={ testing || blockedReason !== null }
					isBusy={ testing }
				>
					{ __( 'Test connection', 'korea-checkout' ) }
				</Button>
				{ testing && <Spinner /> }
				{ blockedReason && (
					<span className="kc-muted">{ blockedReason }</span>
				) }
			</div>

			{ result && ! result.ok && result.problem && (
				<Notice
					status={
						result.problem.code === 'rate_limited'
							? 'warning'
							: 'error'
					}
					isDismissible={ false }
					className="kc-connection__problem"
				>
					<p>{ result.problem.message }</p>
				</Notice>
			) }

			{ result?.ok && result.shop && (
				<Notice
					status="success"
					isDismissible={ false }
					className="kc-connection__ok"
				>
					<p>
						{ sprintf(
							/* translators: %s: the API address */
							__(
								'Connected to %s with the saved key.',
								'korea-checkout'
							),
							result.api_url
						) }
					</p>
				</Notice>
			) }
			{ result?.ok && result.shop && (
				<ShopFacts shop={ result.shop } result={ result } />
			) }

			{ result && (
				<p className="kc-muted kc-connection__when">
					{ result.cached
						? sprintf(
								/* translators: %s: a time */
								__(
									'Shop data from %s (cached). “Test connection” asks Korea Checkout again.',
									'korea-checkout'
								),
								formatTime( result.checked_at )
							)
						: sprintf(
								/* translators: %s: a time */
								__( 'Checked at %s.', 'korea-checkout' ),
								formatTime( result.checked_at )
							) }
				</p>
			) }
		</div>
	);
}
