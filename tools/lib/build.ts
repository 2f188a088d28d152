/**
 * The plugin's assets (build/), built with `npm run build` when the folder is missing or empty.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ToolError } from './process.ts';
import { REPO_ROOT } from './root.ts';

export function ensureBuild( say: ( line: string ) => void ): void {
	const build = join( REPO_ROOT, 'build' );
	if ( existsSync( build ) && readdirSync( build ).length > 0 ) {
		return;
	}
	say( 'build/ is missing: npm run build' );
	const result = spawnSync( 'npm', [ 'run', 'build' ], {
		cwd: REPO_ROOT,
		stdio: 'inherit',
	} );
	if ( result.status !== 0 ) {
		throw new ToolError( 'npm run build failed' );
	}
}
