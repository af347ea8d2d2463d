/**
 * A settings folder for one run only: the demo's settings and journal are
 * written there, never into the user's own folder, and it is removed when the
 * process exits (mkdtemp makes it 0700).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function throwawayFolder(prefix: string): string {
	const folder = mkdtempSync(join(tmpdir(), prefix));
	// 'exit' runs on every ending through process.exit or an empty event loop; the command turns signals into one.
	process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
	return folder;
}
