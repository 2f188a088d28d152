/**
 * Builds every `src/<feature>/index.ts(x)` into `build/<feature>.js` with its `.asset.php`, through
 * @wordpress/scripts and WooCommerce's dependency extraction, so that `@wordpress/*` and `@woocommerce/*`
 * imports become the globals WordPress and WooCommerce load at run time.
 */
const path = require( 'path' );
const fs = require( 'fs' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );
const WooCommerceDependencyExtractionWebpackPlugin = require( '@woocommerce/dependency-extraction-webpack-plugin' );

const srcDir = path.resolve( __dirname, 'src' );
const entry = {};
for ( const feature of fs.readdirSync( srcDir ) ) {
	for ( const file of [ 'index.ts', 'index.tsx' ] ) {
		const candidate = path.join( srcDir, feature, file );
		if ( fs.existsSync( candidate ) ) {
			entry[ feature ] = candidate;
		}
	}
}

module.exports = {
	...defaultConfig,
	entry,
	output: {
		...defaultConfig.output,
		path: path.resolve( __dirname, 'build' ),
	},
	plugins: [
		...defaultConfig.plugins.filter(
			( plugin ) => plugin.constructor.name !== 'DependencyExtractionWebpackPlugin'
		),
		new WooCommerceDependencyExtractionWebpackPlugin(),
	],
};
