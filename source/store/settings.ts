/**
 * User preferences and flow progress, in one JSON file (`config.json`) in the
 * settings folder: the OS configuration folder, or ORGDASH_CONFIG_DIR (tests,
 * sandboxes). The journal and the cache live beside it.
 *
 * Kept in memory and written whole on each change (a temporary file renamed
 * over the old one), once, with no retries: a folder that cannot be written
 * (read-only, a file where the folder should be, no permission) is found at
 * the start by writing the file, and the settings then stay in memory for the
 * run, with a one-line note saying so; nothing waits and nothing throws.
 * A damaged file is kept beside the new one as `config.json.damaged-<time>`.
 */
import * as nodeFs from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { ensurePrivateFolder, PRIVATE_FILE_MODE, tightenMode } from './private-files.js';

export interface ChecklistProgress {
	/** Ids of the ticked backup items. */
	readonly ticked: string[];
	readonly updatedAt: string;
}

export interface SettingsShape {
	/** The user's own account-quota figure (`--quota N`), used when Service Quotas cannot answer. */
	quotaOverride?: number;
	/** Dashboard sort, remembered between runs. */
	sort?: string;
	/** Backup-checklist progress, keyed by `${organizationId}/${accountId}`. */
	checklist: Record<string, ChecklistProgress>;
}

/** The file operations the settings use; tests inject failing ones. */
export type SettingsFileSystem = Pick<
	typeof nodeFs,
	'readFileSync' | 'writeFileSync' | 'renameSync' | 'rmSync' | 'copyFileSync'
> & {
	/** Creates the folder 0700 (tightening it); throws as mkdir does. */
	ensureFolder(path: string): void;
};

const NODE_FILE_SYSTEM: SettingsFileSystem = {
	readFileSync: nodeFs.readFileSync,
	writeFileSync: nodeFs.writeFileSync,
	renameSync: nodeFs.renameSync,
	rmSync: nodeFs.rmSync,
	copyFileSync: nodeFs.copyFileSync,
	ensureFolder: ensurePrivateFolder,
};

export const SETTINGS_FILE = 'config.json';

export function configDirectory(): string | undefined {
	return process.env.ORGDASH_CONFIG_DIR || undefined;
}

/** The settings folder: ORGDASH_CONFIG_DIR, else the system's configuration folder for orgdash. */
export function settingsDirectory(): string {
	const chosen = configDirectory();
	if (chosen) return chosen;
	const home = homedir();
	if (process.platform === 'darwin') return join(home, 'Library', 'Preferences', 'orgdash');
	if (process.platform === 'win32') {
		return join(process.env.APPDATA || join(home, 'AppData', 'Roaming'), 'orgdash', 'Config');
	}
	return join(process.env.XDG_CONFIG_HOME || join(home, '.config'), 'orgdash');
}

function errorCode(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'EEXIST') return 'ENOTDIR'; // mkdir of a path that is a file
	return code ?? (error instanceof Error ? error.message : String(error));
}

/** What a failed write means, in a word a user can search: EACCES, EROFS, ENOTDIR, ENOSPC... */
function why(error: unknown): string {
	switch (errorCode(error)) {
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'EROFS':
			return 'read-only file system';
		case 'ENOTDIR':
			return 'a file is where the folder should be';
		case 'ENOSPC':
			return 'the disk is full';
		default:
			return errorCode(error);
	}
}

/** The settings as stored, or why not: a file that is not a settings object is damaged. */
function parseSettings(text: string): SettingsShape | undefined {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	const record = value as Record<string, unknown>;
	const checklist = record.checklist;
	if (checklist !== undefined && (typeof checklist !== 'object' || checklist === null || Array.isArray(checklist))) {
		return undefined;
	}
	const settings: SettingsShape = { checklist: (checklist as SettingsShape['checklist'] | undefined) ?? {} };
	if (typeof record.quotaOverride === 'number') settings.quotaOverride = record.quotaOverride;
	if (typeof record.sort === 'string') settings.sort = record.sort;
	return settings;
}

/** 2026-12-01T20-00-00Z: a time that sorts and is a valid file name everywhere. */
function fileStamp(now: Date): string {
	return now
		.toISOString()
		.replace(/\.\d+Z$/, 'Z')
		.replace(/:/g, '-');
}

export class Settings {
	/** The folder that holds the settings file; the journal and cache live beside it. */
	readonly directory: string;
	readonly path: string;
	private data: SettingsShape = { checklist: {} };
	private writable = true;
	private readonly notes: Array<{ readonly full: string; readonly short: string }> = [];
	private readonly fs: SettingsFileSystem;

	constructor(
		cwd: string | undefined = configDirectory(),
		options: { fileSystem?: SettingsFileSystem; now?: () => Date } = {},
	) {
		this.fs = options.fileSystem ?? NODE_FILE_SYSTEM;
		this.directory = cwd ?? settingsDirectory();
		this.path = join(this.directory, SETTINGS_FILE);
		this.open(options.now ?? (() => new Date()));
	}

	/** False when changes are kept only in memory for this run. */
	get saved(): boolean {
		return this.writable;
	}

	/** One line for the screen or stderr when something about the settings needs saying (read-only, damaged file). */
	get note(): string | undefined {
		return this.notes.length > 0 ? this.notes.map((note) => note.full).join(' ') : undefined;
	}

	/** The same, short enough for the dashboard's status line. */
	get shortNote(): string | undefined {
		return this.notes.length > 0 ? this.notes.map((note) => note.short).join(' · ') : undefined;
	}

	private open(now: () => Date): void {
		try {
			this.fs.ensureFolder(this.directory);
		} catch (error) {
			this.readOnly(error);
		}
		let text: string | undefined;
		try {
			text = this.fs.readFileSync(this.path, 'utf8') as string;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && this.writable) {
				// A file that exists and cannot be read must not be overwritten with nothing.
				this.readOnly(error);
			}
		}
		if (text !== undefined) {
			const parsed = parseSettings(text);
			if (parsed) this.data = parsed;
			else this.keepDamaged(now());
		}
		if (!this.writable) return;
		tightenMode(this.path, PRIVATE_FILE_MODE);
		// Writing now finds out whether the folder can be written at all, before anything depends on it.
		this.persist();
	}

	private keepDamaged(now: Date): void {
		const leftAlone = {
			full: `The settings file ${this.path} is damaged; it is left as it is and defaults are used.`,
			short: 'settings file damaged: defaults used',
		};
		if (!this.writable) {
			this.notes.push(leftAlone);
			return;
		}
		const copy = `${this.path}.damaged-${fileStamp(now)}`;
		try {
			this.fs.copyFileSync(this.path, copy);
			tightenMode(copy, PRIVATE_FILE_MODE);
			this.notes.push({
				full: `The settings file was damaged and starts afresh; the damaged copy is ${copy}.`,
				short: `settings file damaged: started afresh, copy kept as ${basename(copy)}`,
			});
		} catch (error) {
			// Without the copy the file is the only record of the user's settings: leave it alone.
			this.notes.push(leftAlone);
			this.readOnly(error);
		}
	}

	private readOnly(error: unknown): void {
		if (!this.writable) return;
		this.writable = false;
		this.notes.push({
			full: `Settings are read-only: ${this.path} cannot be written (${why(error)}); sort and checklist progress last until you quit.`,
			short: `settings read-only (${why(error)}): changes last until you quit`,
		});
	}

	/** Writes the whole file once; on failure the settings stay in memory (no retries, no waiting). */
	private persist(): void {
		if (!this.writable) return;
		const temporary = `${this.path}.tmp-${process.pid}`;
		try {
			this.fs.writeFileSync(temporary, `${JSON.stringify(this.data, null, '\t')}\n`, { mode: PRIVATE_FILE_MODE });
			this.fs.renameSync(temporary, this.path);
		} catch (error) {
			try {
				this.fs.rmSync(temporary, { force: true });
			} catch {
				// The folder that refused the write may refuse this too; nothing was left behind then.
			}
			this.readOnly(error);
		}
	}

	get quotaOverride(): number | undefined {
		return this.data.quotaOverride;
	}

	set quotaOverride(value: number | undefined) {
		if (value === undefined) delete this.data.quotaOverride;
		else this.data.quotaOverride = value;
		this.persist();
	}

	get sort(): string | undefined {
		return this.data.sort;
	}

	set sort(value: string | undefined) {
		if (value === undefined) delete this.data.sort;
		else this.data.sort = value;
		this.persist();
	}

	checklistProgress(organizationId: string, accountId: string): ChecklistProgress | undefined {
		return this.data.checklist[`${organizationId}/${accountId}`];
	}

	saveChecklistProgress(organizationId: string, accountId: string, ticked: readonly string[]): void {
		this.data.checklist = {
			...this.data.checklist,
			[`${organizationId}/${accountId}`]: { ticked: [...ticked], updatedAt: new Date().toISOString() },
		};
		this.persist();
	}

	clearChecklistProgress(organizationId: string, accountId: string): void {
		const checklist = { ...this.data.checklist };
		delete checklist[`${organizationId}/${accountId}`];
		this.data.checklist = checklist;
		this.persist();
	}
}
