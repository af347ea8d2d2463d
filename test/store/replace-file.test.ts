/**
 * Files replaced whole (the caches): 0600, never half written, what a write
 * cut short left removed by the next write, and the writes under way awaited
 * before the process ends.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceFile, settleWrites } from '../../source/store/replace-file.js';

let folder: string;

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'orgdash-replace-'));
});

afterEach(() => {
	rmSync(folder, { recursive: true, force: true });
});

/** The pid of a process that has ended. */
function endedPid(): number {
	const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
	return Number(ended.stdout);
}

describe('replaceFile', () => {
	it('writes the whole text, 0600, and leaves no temporary file', async () => {
		const path = join(folder, 'list.json');
		writeFileSync(path, 'old');
		await replaceFile(path, '{"new":true}');
		expect(readFileSync(path, 'utf8')).toBe('{"new":true}');
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(readdirSync(folder)).toEqual(['list.json']);
	});

	it("removes what a write cut short left (its process gone), not a running process's", async () => {
		const path = join(folder, 'list.json');
		const abandoned = `list.json.${endedPid()}.0a1b2c3d.tmp`;
		const underWay = `list.json.${process.ppid}.0a1b2c3d.tmp`;
		const another = `other.json.${endedPid()}.0a1b2c3d.tmp`;
		for (const name of [abandoned, underWay, another]) writeFileSync(join(folder, name), 'half');
		await replaceFile(path, 'new');
		expect(readdirSync(folder).sort()).toEqual([another, 'list.json', underWay].sort());
	});

	it('fails as the file system does, and leaves no temporary file', async () => {
		const path = join(folder, 'missing-folder', 'list.json');
		await expect(replaceFile(path, 'text')).rejects.toThrow(/ENOENT/);
		expect(existsSync(join(folder, 'missing-folder'))).toBe(false);
	});
});

describe('settleWrites', () => {
	it('waits for the writes under way, so an exit right after does not cut them short', async () => {
		const path = join(folder, 'big.json');
		const text = 'x'.repeat(5_000_000);
		void replaceFile(path, text);
		await settleWrites(10_000);
		expect(readFileSync(path, 'utf8').length).toBe(text.length);
		expect(readdirSync(folder)).toEqual(['big.json']);
	});

	it('waits for a write that one under way starts when it ends (a list, then who it belongs to)', async () => {
		const list = join(folder, 'list.json');
		const owner = join(folder, 'owner.json');
		void replaceFile(list, 'x'.repeat(1_000_000)).then(() => replaceFile(owner, '{"owner":true}'));
		await settleWrites(10_000);
		expect(readFileSync(owner, 'utf8')).toBe('{"owner":true}');
		expect(readdirSync(folder).sort()).toEqual(['list.json', 'owner.json']);
	});

	it('returns at once with nothing under way, and never rejects for a failed write', async () => {
		await settleWrites(10_000);
		const failed = replaceFile(join(folder, 'nowhere', 'x.json'), 'text');
		failed.catch(() => undefined);
		await expect(settleWrites(10_000)).resolves.toBeUndefined();
	});
});
