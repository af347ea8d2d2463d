/**
 * Settings, journal and cache hold account names, emails and what was done to
 * them: folders 0700, files 0600, whatever the umask, and tightened when found
 * looser (another tool, an old version, or a umask of 000 may have made them).
 */
import { chmodSync, fchmodSync, fstatSync, mkdirSync, statSync } from 'node:fs';

export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Bits that let the group or others in. */
const SHARED_BITS = 0o077;

/**
 * Takes group and other permissions away from a file or folder that has them.
 * Best effort: a path that is gone, or not ours to change, is left as it is.
 */
export function tightenMode(path: string, mode: number): void {
	try {
		if ((statSync(path).mode & SHARED_BITS) !== 0) chmodSync(path, mode);
	} catch {
		// Missing, or owned by someone else: nothing this program may do about it.
	}
}

/** The same for an open file. */
export function tightenOpenFile(fd: number): void {
	try {
		if ((fstatSync(fd).mode & SHARED_BITS) !== 0) fchmodSync(fd, PRIVATE_FILE_MODE);
	} catch {
		// As above.
	}
}

/**
 * Creates the folder (and missing parents) 0700 and tightens it if it already
 * existed looser. Throws what mkdir throws (EACCES, ENOTDIR, EROFS, ...).
 */
export function ensurePrivateFolder(path: string): void {
	mkdirSync(path, { recursive: true, mode: PRIVATE_FOLDER_MODE });
	tightenMode(path, PRIVATE_FOLDER_MODE);
}
