/**
 * The repository's root folder: the one constant every tool resolves paths from.
 */
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(
	new URL( '../..', import.meta.url )
).replace( /\/$/, '' );
