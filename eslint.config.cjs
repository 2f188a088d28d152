/**
 * ESLint flat config: the WordPress rules of @wordpress/scripts (with Prettier and typescript-eslint), plus
 * Node.js globals for the parts that run in Node (sandbox server, tools, tests, config files).
 */
const globals = require( 'globals' );
const wpPlugin = require( '@wordpress/eslint-plugin' );

const nodeFiles = [
	'sandbox/server/**',
	'sandbox/tests/**',
	'sandbox/*.{js,cjs,mjs,ts}',
	'tools/**',
	'tests/**',
	'*.{js,cjs,mjs,ts}',
];

module.exports = [
	{
		ignores: [
			'**/node_modules/**',
			'**/vendor/**',
			'build/**',
			'dist/**',
			'.cache/**',
			'.stack/**',
			'.sandbox/**',
			'sandbox/dist/**',
			'tests/e2e/artifacts/**',
		],
	},
	...wpPlugin.configs.recommended,
	{
		files: nodeFiles,
		languageOptions: {
			globals: { ...globals.node },
		},
		rules: {
			// Command-line tools and servers talk to their user through the console.
			'no-console': 'off',
			// Node code imports Node built-ins and dev packages; the grouping comments are for browser bundles.
			'@wordpress/dependency-group': 'off',
			'import/no-extraneous-dependencies': 'off',
			'import/no-unresolved': 'off',
		},
	},
	{
		files: [ '**/*.ts', '**/*.tsx' ],
		rules: {
			// TypeScript signatures carry names and types; a doc comment need not repeat every parameter.
			'jsdoc/require-param': 'off',
		},
	},
	{
		files: [ 'tests/**', 'sandbox/tests/**' ],
		rules: {
			// Tests assert where focus is in the one document they render; there is no iframe to get wrong.
			'@wordpress/no-global-active-element': 'off',
		},
	},
];
