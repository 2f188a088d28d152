import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.ts';
import { invalidParameter } from '../errors.ts';
import { newId } from '../ids.ts';
import {
	createShopSchema,
	customDomainSchema,
	getShopSchema,
	patchShopSchema,
} from '../schemas/shop.ts';
import { checkUrl } from '../sessionInput.ts';
import { getShop, listShops, newShop, shopView } from '../shops.ts';
import type { PaymentMethod, Shop } from '../types.ts';

interface ShopBody {
	name?: string;
	description?: string | null;
	website?: string | null;
	business_info?: Partial< Shop[ 'business_info' ] >;
	contact?: Partial< Shop[ 'contact' ] >;
	settings?: Shop[ 'settings' ];
	payment_methods?: PaymentMethod[];
}

/** A sub-domain such as checkout.yourstore.com: the service supports sub-domains only. */
const DOMAIN_PATTERN =
	/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){2,}[a-z]{2,63}$/;

function applyShopFields( shop: Shop, body: ShopBody ): void {
	if ( body.website !== undefined && body.website !== null ) {
		checkUrl( body.website, 'website' );
	}
	if ( body.settings?.webhook_url !== undefined ) {
		checkUrl( String( body.settings.webhook_url ), 'settings.webhook_url' );
	}
	if ( body.name !== undefined ) {
		shop.name = body.name;
	}
	if ( body.description !== undefined ) {
		shop.description = body.description;
	}
	if ( body.website !== undefined ) {
		shop.website = body.website;
	}
	if ( body.business_info !== undefined ) {
		shop.business_info = { ...shop.business_info, ...body.business_info };
		shop.business_info.verified =
			shop.business_info.business_number !== null &&
			shop.business_info.business_name !== null;
	}
	if ( body.contact !== undefined ) {
		shop.contact = { ...shop.contact, ...body.contact };
	}
	if ( body.settings !== undefined ) {
		shop.settings = { ...shop.settings, ...body.settings };
	}
	if ( body.payment_methods !== undefined ) {
		shop.payment_methods = body.payment_methods;
	}
}

export function apiShopRoutes(
	app: FastifyInstance,
	ctx: SandboxContext
): void {
	app.get( '/api/shops', async () => ( {
		success: true,
		shops: listShops( ctx ).map( ( shop ) =>
			shopView( getShop( ctx, shop.id ) )
		),
	} ) );

	app.post< { Body: ShopBody & { name: string } } >(
		'/api/shops',
		{ schema: createShopSchema, config: { idempotent: true } },
		async ( request ) => {
			const shop = newShop( request.body.name, new Date( ctx.now() ) );
			applyShopFields( shop, request.body );
			ctx.store.mutate( ( state ) => {
				state.shops[ shop.id ] = shop;
			} );
			return shopView( shop );
		}
	);

	app.get< { Params: { shopId: string } } >(
		'/api/shops/:shopId',
		{ schema: getShopSchema },
		async ( request ) => shopView( getShop( ctx, request.params.shopId ) )
	);

	app.patch< { Params: { shopId: string }; Body: ShopBody } >(
		'/api/shops/:shopId',
		{ schema: patchShopSchema },
		async ( request ) => {
			const shop = getShop( ctx, request.params.shopId );
			const changed: Shop = structuredClone( shop );
			applyShopFields( changed, request.body );
			changed.updated_at = new Date( ctx.now() ).toISOString();
			ctx.store.mutate( ( state ) => {
				state.shops[ shop.id ] = changed;
			} );
			return shopView( changed );
		}
	);

	app.patch< {
		Params: { shopId: string };
		Body: { domain: string | null };
	} >(
		'/api/shops/:shopId/custom-domain',
		{ schema: customDomainSchema },
		async ( request ) => {
			const shop = getShop( ctx, request.params.shopId );
			const domain =
				request.body.domain === null
					? null
					: request.body.domain
							.trim()
							.toLowerCase()
							.replace( /\.$/, '' );
			if ( domain !== null && ! DOMAIN_PATTERN.test( domain ) ) {
				throw invalidParameter(
					'domain',
					'domain must be a sub-domain such as checkout.yourstore.com (no scheme, no path).'
				);
			}
			const now = new Date( ctx.now() ).toISOString();
			const records =
				domain === null
					? []
					: [
							{
								type: 'TXT',
								name: `_vercel-challenge.${ domain.split( '.' )[ 0 ] ?? '' }`,
								value: `vc-domain-verify-${ newId( '', 9 ).slice( 1 ) }`,
							},
						];
			ctx.store.mutate( () => {
				shop.custom_domain = domain;
				shop.domain_verification_status =
					domain === null ? null : 'pending';
				shop.domain_configuration_status =
					domain === null ? null : 'pending';
				shop.domain_verification_records = records;
				shop.domain_requested_at = domain === null ? null : now;
				shop.updated_at = now;
			} );
			return { success: true, domain, verification_records: records };
		}
	);
}
