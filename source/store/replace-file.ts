/**
 * Replaces a file of the settings folder whole: the new text goes to a
 * temporary file beside it (0600), then is renamed over the old one, so a
 * reader sees the old file or the new one, never half of one.
 *
 * The writes under way are known, so the process lets them end before it
 * exits (settleWrites): a quit right after a load would otherwise cut the
 * cache's write short and leave its temporary file behind. A temporary file
 * that a process killed mid-write left is removed by the next write of the
 * same file.
 */
import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PRIVATE_FILE_MODE } from './private-files.js';

const writesUnderWay = new Set<Promise<void>>();

export function replaceFile(path: string, text: string): Promise<void> {
	const write = (async () => {
		await removeAbandonedTemporaries(path);
		const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
		try {
			await writeFile(temporary, text, { mode: PRIVATE_FILE_MODE, flush: true });
			await rename(temporary, path);
		} catch (error) {
			await rm(temporary, { force: true });
			throw error;
		}
	})();
	writesUnderWay.add(write);
	const done = () => writesUnderWay.delete(write);
	write.then(done, done);
	return write;
}

/**
 * Waits for the writes under way to end (written or failed), and for those
 * they start in turn (a list, then the record of who it belongs to), at most
 * `timeoutMs` in all. Never rejects.
 */
export async function settleWrites(timeoutMs: number): Promise<void> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let timedOut = false;
	const deadline = new Promise<void>((resolve) => {
		timer = setTimeout(() => {
			timedOut = true;
			resolve();
		}, timeoutMs);
	});
	while (writesUnderWay.size > 0 && !timedOut) {
		await Promise.race([Promise.allSettled([...writesUnderWay]), deadline]);
	}
	clearTimeout(timer);
}

/** `<file>.<pid>.<hex>.tmp` of a process that is gone: what a write cut short left. Best effort. */
async function removeAbandonedTemporaries(path: string): Promise<void> {
	const prefix = `${basename(path)}.`;
	let names: string[];
	try {
		names = await readdir(dirname(path));
	} catch {
		return;
	}
	for (const name of names) {
		const pid = name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length))?.[1] : undefined;
		if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
		await rm(join(dirname(path), name), { force: true }).catch(() => undefined);
	}
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it runs, as another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
