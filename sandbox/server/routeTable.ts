/** The routes' paths as patterns, so that a known path called with another method gets 405 instead of 404. */
export class RouteTable {
	private readonly routes: Array< { method: string; pattern: RegExp } > = [];

	add( methods: string | string[], url: string ): void {
		if ( url.includes( '*' ) ) {
			return;
		}
		const pattern = new RegExp(
			`^${ url
				.split( '/' )
				.map( ( part ) =>
					part.startsWith( ':' )
						? '[^/]+'
						: part.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' )
				)
				.join( '/' ) }$`
		);
		for ( const method of Array.isArray( methods )
			? methods
			: [ methods ] ) {
			this.routes.push( { method, pattern } );
		}
	}

	/** Methods that the path answers to, empty when the path is unknown. */
	allowed( path: string ): string[] {
		const methods = this.routes
			.filter( ( route ) => route.pattern.test( path ) )
			.map( ( route ) => route.method );
		return [ ...new Set( methods ) ].sort();
	}
}
