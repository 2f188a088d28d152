import type { SandboxContext } from './context.ts';
import { ApiError } from './errors.ts';
import { newId } from './ids.ts';
import { PAYMENT_METHODS, type Shop } from './types.ts';

/** A custom domain is checked this long after it is set (the service takes up to 24 h; the sandbox a moment). */
export const DOMAIN_CHECK_DELAY_MS = 1_000;

export function shopNotFound( shopId: string ): ApiError {
	return new ApiError(
		404,
		'shop_not_found',
		'No shop with this id exists for this key.',
		{ shopId, field: 'shopId' }
	);
}

export function newShop( name: string, now: Date ): Shop {
	const iso = now.toISOString();
	return {
		id: newId( 'shop', 8 ),
		name,
		description: null,
		website: null,
		status: 'active',
		business_info: {
			business_number: null,
			business_name: null,
			ceo_name: null,
			address: null,
			verified: false,
		},
		contact: { email: null, phone: null },
		settings: { currency: 'KRW', timezone: 'Asia/Seoul', language: 'ko' },
		payment_methods: [ ...PAYMENT_METHODS ],
		custom_domain: null,
		domain_verification_status: null,
		domain_configuration_status: null,
		domain_verification_records: [],
		domain_requested_at: null,
		created_at: iso,
		updated_at: iso,
	};
}

/** The one shop the sandbox starts with: every method on, business verified. */
export function ensureDefaultShop( ctx: SandboxContext ): void {
	if ( Object.keys( ctx.store.state.shops ).length > 0 ) {
		return;
	}
	const shop = newShop( ctx.config.shopName, new Date( ctx.now() ) );
	shop.business_info = {
		business_number: '123-45-67890',
		business_name: ctx.config.shopName,
		ceo_name: null,
		address: null,
		verified: true,
	};
	ctx.store.mutate( ( state ) => {
		state.shops[ shop.id ] = shop;
	} );
}

export function listShops( ctx: SandboxContext ): Shop[] {
	return Object.values( ctx.store.state.shops ).sort( ( a, b ) =>
		a.created_at.localeCompare( b.created_at )
	);
}

export function defaultShop( ctx: SandboxContext ): Shop {
	const first = listShops( ctx )[ 0 ];
	if ( first === undefined ) {
		throw new ApiError( 500, 'internal_error', 'The sandbox has no shop.' );
	}
	return first;
}

export function getShop( ctx: SandboxContext, shopId: string ): Shop {
	const shop = ctx.store.state.shops[ shopId ];
	if ( shop === undefined ) {
		throw shopNotFound( shopId );
	}
	settleDomainCheck( ctx, shop );
	return shop;
}

/**
 * Domains under the reserved `.invalid` top-level name fail verification; any other domain is verified and
 * configured once DOMAIN_CHECK_DELAY_MS has passed since it was set.
 */
export function settleDomainCheck( ctx: SandboxContext, shop: Shop ): void {
	if (
		shop.custom_domain === null ||
		shop.domain_verification_status !== 'pending' ||
		shop.domain_requested_at === null
	) {
		return;
	}
	if (
		ctx.now() - Date.parse( shop.domain_requested_at ) <
		DOMAIN_CHECK_DELAY_MS
	) {
		return;
	}
	const fails = shop.custom_domain.endsWith( '.invalid' );
	ctx.store.mutate( () => {
		shop.domain_verification_status = fails ? 'failed' : 'verified';
		shop.domain_configuration_status = fails ? 'failed' : 'configured';
		shop.updated_at = new Date( ctx.now() ).toISOString();
	} );
}

/** Where the hosted page of a session lives: the shop's verified custom domain, else the sandbox itself. */
export function checkoutOrigin( ctx: SandboxContext, shop: Shop ): string {
	settleDomainCheck( ctx, shop );
	if (
		shop.custom_domain !== null &&
		shop.domain_verification_status === 'verified' &&
		shop.domain_configuration_status === 'configured'
	) {
		return `https://${ shop.custom_domain }`;
	}
	return ctx.publicUrl();
}

/** GET /api/shops/{id} shows the shop without its internal bookkeeping. */
export function shopView( shop: Shop ): Record< string, unknown > {
	const {
		domain_requested_at: _requested,
		domain_verification_records: records,
		...rest
	} = shop;
	return { ...rest, domain_verification_records: records };
}
