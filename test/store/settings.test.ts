/**
 * The settings file: saved between runs, read-only with a note when its folder
 * cannot be written (no crash, no waiting), a damaged file kept as a copy, and
 * private modes. Tests run as root, which ignores mode bits: unwritable folders
 * are a file where the folder should be (ENOTDIR), or an injected failing
 * file-system operation in the checks made before conf is handed the file
 * (EACCES, EROFS).
 */
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateFolder } from '../../source/store/private-files.js';
import { Settings } from '../../source/store/settings.js';
import type { SettingsFileSystem } from '../../source/store/settings-file.js';

let root: string;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'orgdash-settings-'));
});

afterEach(() => {
	rmSync(root, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

function failing(code: string): Error {
	return Object.assign(new Error(`${code}: refused`), { code });
}

/** The real file system, with one operation replaced, counting the writes tried. */
function fileSystem(overrides: Partial<SettingsFileSystem> = {}) {
	let writes = 0;
	const real: SettingsFileSystem = {
		readFileSync: fs.readFileSync,
		writeFileSync: fs.writeFileSync,
		renameSync: fs.renameSync,
		rmSync: fs.rmSync,
		ensureFolder: ensurePrivateFolder,
	};
	const system: SettingsFileSystem = {
		...real,
		...overrides,
		writeFileSync: ((...args: Parameters<typeof fs.writeFileSync>) => {
			writes++;
			return (overrides.writeFileSync ?? real.writeFileSync)(...args);
		}) as typeof fs.writeFileSync,
	};
	return { system, writes: () => writes };
}

/** Ticks, sorts and a quota change, timed: in memory or on disk, none of it may wait. */
function useEverything(settings: Settings): number {
	const started = performance.now();
	for (let index = 0; index < 50; index++) {
		settings.saveChecklistProgress('o-1', '222222222222', [`item-${index}`]);
		settings.sort = index % 2 ? 'id' : 'name';
	}
	settings.setQuotaFor('o-1', 42);
	return performance.now() - started;
}

describe('settings', () => {
	it('are kept between runs, in a 0700 folder and a 0600 file', () => {
		const folder = join(root, 'a', 'orgdash');
		const settings = new Settings(folder);
		expect(settings.saved).toBe(true);
		expect(settings.note).toBeUndefined();
		settings.setQuotaFor('o-1', 25);
		settings.sort = 'state';
		settings.saveChecklistProgress('o-1', '222222222222', ['regions', 'email']);
		const again = new Settings(folder);
		expect(again.quotaFor('o-1')).toBe(25);
		expect(again.sort).toBe('state');
		expect(again.checklistProgress('o-1', '222222222222')?.ticked).toEqual(['regions', 'email']);
		again.clearChecklistProgress('o-1', '222222222222');
		again.setQuotaFor('o-1', undefined);
		const third = new Settings(folder);
		expect(third.checklistProgress('o-1', '222222222222')).toBeUndefined();
		expect(third.quotaFor('o-1')).toBeUndefined();
		expect(mode(folder)).toBe(0o700);
		expect(mode(join(folder, 'config.json'))).toBe(0o600);
		// No temporary file is left behind.
		expect(readdirSync(folder)).toEqual(['config.json']);
	});

	it('tighten a folder and file found open to everyone', () => {
		const folder = join(root, 'orgdash');
		mkdirSync(folder);
		fs.chmodSync(folder, 0o777);
		writeFileSync(join(folder, 'config.json'), '{"sort":"id","checklist":{}}');
		fs.chmodSync(join(folder, 'config.json'), 0o666);
		const settings = new Settings(folder);
		expect(settings.sort).toBe('id');
		expect(mode(folder)).toBe(0o700);
		expect(mode(join(folder, 'config.json'))).toBe(0o600);
	});

	it.each([
		['the settings folder is a file', (file: string) => file],
		['the settings folder is under a file', (file: string) => join(file, 'orgdash')],
	])('%s: read-only with a note, kept in memory, nothing waits', (_, folderOf) => {
		const file = join(root, 'plain-file');
		writeFileSync(file, 'not a folder');
		const settings = new Settings(folderOf(file));
		expect(settings.saved).toBe(false);
		expect(settings.note).toMatch(
			/^Settings are read-only: .+ cannot be written \(a file is where the folder should be\)/,
		);
		expect(settings.note).toContain('last until you quit');
		expect(useEverything(settings)).toBeLessThan(200);
		expect(settings.checklistProgress('o-1', '222222222222')?.ticked).toEqual(['item-49']);
		expect(settings.quotaFor('o-1')).toBe(42);
		expect(readFileSync(file, 'utf8')).toBe('not a folder');
	});

	it('a write refused (EACCES): read-only from then on, one attempt only, no retry loop', () => {
		const { system, writes } = fileSystem({
			writeFileSync: () => {
				throw failing('EACCES');
			},
		});
		const settings = new Settings(join(root, 'orgdash'), { fileSystem: system });
		expect(settings.saved).toBe(false);
		expect(settings.note).toMatch(/cannot be written \(permission denied\)/);
		expect(useEverything(settings)).toBeLessThan(200);
		expect(writes()).toBe(1);
		expect(settings.sort).toBe('id');
		expect(readdirSync(join(root, 'orgdash'))).toEqual([]);
	});

	it('a folder on a read-only file system (EROFS): read-only, the existing settings still read', () => {
		const folder = join(root, 'orgdash');
		mkdirSync(folder);
		writeFileSync(join(folder, 'config.json'), '{"quotaOverride":300,"checklist":{}}');
		const { system, writes } = fileSystem({
			ensureFolder: () => {
				throw failing('EROFS');
			},
		});
		const settings = new Settings(folder, { fileSystem: system });
		expect(settings.quotaFor('o-1')).toBe(300);
		expect(settings.note).toMatch(/read-only file system/);
		settings.sort = 'id';
		expect(writes()).toBe(0);
	});

	it('a write that starts failing later: the change stays in memory, the note appears, no write is tried again', () => {
		const folder = join(root, 'orgdash');
		const settings = new Settings(folder);
		expect(settings.saved).toBe(true);
		settings.sort = 'state';
		// The folder replaced by a file while orgdash runs: conf's next write fails (as root too).
		rmSync(folder, { recursive: true });
		writeFileSync(folder, 'not a folder');
		settings.sort = 'ou';
		expect(settings.sort).toBe('ou');
		expect(settings.saved).toBe(false);
		expect(settings.note).toMatch(/cannot be written \(a file is where the folder should be\)/);
		// With the way clear again, a write would recreate the folder: none is tried.
		rmSync(folder);
		expect(useEverything(settings)).toBeLessThan(200);
		expect(fs.existsSync(folder)).toBe(false);
		expect(settings.checklistProgress('o-1', '222222222222')?.ticked).toEqual(['item-49']);
		expect(settings.quotaFor('o-1')).toBe(42);
	});

	it('checklist progress saved by another orgdash meanwhile is kept', () => {
		const folder = join(root, 'orgdash');
		const first = new Settings(folder);
		const second = new Settings(folder);
		first.saveChecklistProgress('o-1', '222222222222', ['regions']);
		second.saveChecklistProgress('o-1', '333333333333', ['email']);
		expect(first.checklistProgress('o-1', '333333333333')?.ticked).toEqual(['email']);
		const third = new Settings(folder);
		expect(third.checklistProgress('o-1', '222222222222')?.ticked).toEqual(['regions']);
		expect(third.checklistProgress('o-1', '333333333333')?.ticked).toEqual(['email']);
	});

	it('a settings file that cannot be read is never overwritten', () => {
		const folder = join(root, 'orgdash');
		mkdirSync(join(folder, 'config.json'), { recursive: true });
		const settings = new Settings(folder);
		expect(settings.saved).toBe(false);
		expect(settings.note).toMatch(/read-only/);
		settings.sort = 'id';
		expect(statSync(join(folder, 'config.json')).isDirectory()).toBe(true);
	});

	it.each([
		['not JSON', '{"quotaOverride": 300, "checkl'],
		['not an object', '[1, 2, 3]'],
		['a checklist of the wrong kind', '{"quotaOverride": 300, "checklist": "all done"}'],
	])('a damaged file (%s) is kept as a dated copy, said so, and the settings start afresh', (_, text) => {
		const folder = join(root, 'orgdash');
		mkdirSync(folder);
		writeFileSync(join(folder, 'config.json'), text);
		const settings = new Settings(folder, { now: () => new Date('2026-12-01T20:00:00.123Z') });
		const copy = join(folder, 'config.json.damaged-2026-12-01T20-00-00Z');
		expect(readdirSync(folder).sort()).toEqual(['config.json', 'config.json.damaged-2026-12-01T20-00-00Z']);
		expect(readFileSync(copy, 'utf8')).toBe(text);
		expect(mode(copy)).toBe(0o600);
		expect(settings.note).toBe(`The settings file was damaged and starts afresh; the damaged copy is ${copy}.`);
		expect(settings.saved).toBe(true);
		expect(settings.quotaFor('o-1')).toBeUndefined();
		expect(JSON.parse(readFileSync(join(folder, 'config.json'), 'utf8'))).toEqual({ checklist: {} });
		// The next start finds a sound file and says nothing.
		expect(new Settings(folder).note).toBeUndefined();
	});

	it('a damaged file that cannot be moved aside is left untouched', () => {
		const folder = join(root, 'orgdash');
		mkdirSync(folder);
		writeFileSync(join(folder, 'config.json'), '{broken');
		const { system } = fileSystem({
			renameSync: () => {
				throw failing('EPERM');
			},
		});
		const settings = new Settings(folder, { fileSystem: system });
		expect(settings.saved).toBe(false);
		expect(settings.note).toContain('is damaged; it is left as it is and defaults are used');
		settings.sort = 'id';
		expect(readFileSync(join(folder, 'config.json'), 'utf8')).toBe('{broken');
	});
});

describe('read-only mode, remembered', () => {
	it('is kept between runs until turned off, and anything but true in the file means off', () => {
		const first = new Settings(root);
		expect(first.readOnlyMode).toBe(false);
		first.readOnlyMode = true;
		expect(new Settings(root).readOnlyMode).toBe(true);
		expect(JSON.parse(readFileSync(join(root, 'config.json'), 'utf8')).readOnlyMode).toBe(true);

		new Settings(root).readOnlyMode = false;
		expect(new Settings(root).readOnlyMode).toBe(false);
		expect(JSON.parse(readFileSync(join(root, 'config.json'), 'utf8'))).not.toHaveProperty('readOnlyMode');

		writeFileSync(join(root, 'config.json'), JSON.stringify({ checklist: {}, readOnlyMode: 'yes' }));
		expect(new Settings(root).readOnlyMode).toBe(false);
	});
});

describe('the quota figure per organization', () => {
	it('is kept for one organization and says nothing of another', () => {
		const folder = join(root, 'per-organization');
		const settings = new Settings(folder);
		settings.setQuotaFor('o-first', 50);
		expect(settings.quotaFor('o-second')).toBeUndefined();
		const again = new Settings(folder);
		expect(again.quotaFor('o-first')).toBe(50);
		expect(again.quotaFor('o-second')).toBeUndefined();
	});

	it('--quota applies to the organization it is used with; off forgets only that one', () => {
		const settings = new Settings(join(root, 'flag'));
		expect(settings.applyQuotaFlag('o-first', 40)).toBe(40);
		expect(settings.applyQuotaFlag('o-second', undefined)).toBeUndefined();
		expect(settings.applyQuotaFlag('o-second', 30)).toBe(30);
		expect(settings.applyQuotaFlag('o-second', 'off')).toBeUndefined();
		expect(settings.quotaFor('o-first')).toBe(40);
	});

	it('a figure an earlier version kept for every organization is adopted by the first organization read', () => {
		const folder = join(root, 'legacy');
		mkdirSync(folder, { recursive: true });
		writeFileSync(join(folder, 'config.json'), '{"quotaOverride":300,"checklist":{}}');
		const settings = new Settings(folder);
		expect(settings.quotaFor('o-first')).toBe(300);
		expect(settings.quotaFor('o-second')).toBeUndefined();
		const stored = JSON.parse(readFileSync(join(folder, 'config.json'), 'utf8'));
		expect(stored.quotas).toEqual({ 'o-first': 300 });
		expect(stored.quotaOverride).toBeUndefined();
	});

	it('a quotas entry that is not a number makes the file damaged, kept aside', () => {
		const folder = join(root, 'bad-quotas');
		mkdirSync(folder, { recursive: true });
		writeFileSync(join(folder, 'config.json'), '{"quotas":{"o-first":"fifty"},"checklist":{}}');
		const settings = new Settings(folder);
		expect(settings.note).toMatch(/damaged/);
		expect(settings.quotaFor('o-first')).toBeUndefined();
	});
});
