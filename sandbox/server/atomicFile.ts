import fs from 'node:fs';
import path from 'node:path';

/**
 * Replaces a file so that a reader, or a restart after a crash at any instant, sees either the old
 * or the new content, never a mix: write a temporary file, flush it to disk, rename it over the old one,
 * then flush the folder so the rename itself is durable.
 */
export function writeFileAtomic( file: string, content: string ): void {
	const temporary = `${ file }.${ process.pid }.tmp`;
	const fd = fs.openSync( temporary, 'w', 0o600 );
	try {
		fs.writeSync( fd, content );
		fs.fsyncSync( fd );
	} finally {
		fs.closeSync( fd );
	}
	fs.renameSync( temporary, file );
	syncDirectory( path.dirname( file ) );
}

function syncDirectory( directory: string ): void {
	let fd: number | undefined;
	try {
		fd = fs.openSync( directory, 'r' );
		fs.fsyncSync( fd );
	} catch {
		// Some file systems cannot fsync a folder; the rename is still atomic there.
	} finally {
		if ( fd !== undefined ) {
			fs.closeSync( fd );
		}
	}
}

/** Temporary files left behind by a process that died between write and rename. */
export function removeStaleTemporaries(
	directory: string,
	base: string
): void {
	for ( const name of fs.readdirSync( directory ) ) {
		if ( name.startsWith( `${ base }.` ) && name.endsWith( '.tmp' ) ) {
			fs.rmSync( path.join( directory, name ), { force: true } );
		}
	}
}
