/**
 * User preferences and flow progress, kept by conf (atomic writes, JSON, the
 * OS configuration folder) in `config.json`; ORGDASH_CONFIG_DIR moves it
 * (tests, sandboxes). The journal and the cache live beside it.
 *
 * A thin wrapper decides what conf gets to do:
 * - the folder is created 0700 (conf would leave it to the umask) and the
 *   file written 0600;
 * - the file is read and checked before conf reads it: a damaged one is moved
 *   aside as `config.json.damaged-<time>` and conf starts afresh (conf's own
 *   `clearInvalidConfig` would discard it without a word);
 * - a folder that cannot be written is found at the start by writing a small
 *   file, and then no conf is created at all: conf's writes retry a refused
 *   write synchronously for a second or more, so the settings stay in memory
 *   for the run with a one-line note, and nothing waits;
 * - a write that fails later switches to memory the same way, after that one
 *   failed write;
 * - sort and quota are read from memory: conf reads the file on every get.
 */
import * as nodeFs from 'node:fs';
import { basename, join } from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
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

/**
 * The file operations the wrapper itself does before conf takes over; tests
 * inject failing ones (EACCES, EROFS cannot be produced as root).
 */
export type SettingsFileSystem = Pick<typeof nodeFs, 'readFileSync' | 'writeFileSync' | 'rmSync' | 'renameSync'> & {
	/** Creates the folder 0700 (tightening it); throws as mkdir does. */
	ensureFolder(path: string): void;
};

const NODE_FILE_SYSTEM: SettingsFileSystem = {
	readFileSync: nodeFs.readFileSync,
	writeFileSync: nodeFs.writeFileSync,
	rmSync: nodeFs.rmSync,
	renameSync: nodeFs.renameSync,
	ensureFolder: ensurePrivateFolder,
};

const PROJECT_NAME = 'orgdash';
export const SETTINGS_FILE = 'config.json';

export function configDirectory(): string | undefined {
	return process.env.ORGDASH_CONFIG_DIR || undefined;
}

/** The settings folder: ORGDASH_CONFIG_DIR, else the one conf would choose (env-paths: ~/.config/orgdash...). */
export function settingsDirectory(): string {
	return configDirectory() ?? envPaths(PROJECT_NAME, { suffix: '' }).config;
}

function errorCode(error: unknown): string {
	if (error instanceof SyntaxError) return 'SyntaxError';
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
		case 'SyntaxError':
			return 'the file was damaged while orgdash ran';
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
	/** The settings as read at the start, with every change since: all of them once conf is gone. */
	private readonly memory: SettingsShape = { checklist: {} };
	/** Writes the file; undefined when the folder cannot be written (memory only, for this run). */
	private store: Conf<SettingsShape> | undefined;
	private readonly notes: Array<{ readonly full: string; readonly short: string }> = [];
	private readOnlyNoted = false;
	private readonly fs: SettingsFileSystem;

	constructor(
		cwd: string | undefined = configDirectory(),
		options: { fileSystem?: SettingsFileSystem; now?: () => Date } = {},
	) {
		this.fs = options.fileSystem ?? NODE_FILE_SYSTEM;
		this.directory = cwd ?? settingsDirectory();
		this.path = join(this.directory, SETTINGS_FILE);
		this.store = this.open(options.now ?? (() => new Date()));
	}

	/** False when changes are kept only in memory for this run. */
	get saved(): boolean {
		return this.store !== undefined;
	}

	/** One line for the screen or stderr when something about the settings needs saying (read-only, damaged file). */
	get note(): string | undefined {
		return this.notes.length > 0 ? this.notes.map((note) => note.full).join(' ') : undefined;
	}

	/** The same, short enough for the dashboard's status line. */
	get shortNote(): string | undefined {
		return this.notes.length > 0 ? this.notes.map((note) => note.short).join(' · ') : undefined;
	}

	/** Checks the folder and the file, then hands them to conf; undefined means memory only. */
	private open(now: () => Date): Conf<SettingsShape> | undefined {
		let writable = true;
		try {
			this.fs.ensureFolder(this.directory);
		} catch (error) {
			this.readOnly(error);
			writable = false;
		}
		let text: string | undefined;
		try {
			text = this.fs.readFileSync(this.path, 'utf8') as string;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && writable) {
				// A file that exists and cannot be read must not be overwritten with nothing.
				this.readOnly(error);
				writable = false;
			}
		}
		if (text !== undefined) {
			const parsed = parseSettings(text);
			if (parsed) Object.assign(this.memory, parsed);
			else writable = this.keepDamaged(now(), writable);
		}
		if (!writable || !this.folderTakesWrites()) return undefined;
		tightenMode(this.path, PRIVATE_FILE_MODE);
		try {
			return new Conf<SettingsShape>({
				projectName: PROJECT_NAME,
				projectSuffix: '',
				cwd: this.directory,
				defaults: { checklist: {} },
				// Checked above; a file damaged since must fail loudly here rather than be discarded.
				clearInvalidConfig: false,
				configFileMode: PRIVATE_FILE_MODE,
				// Checklist keys hold a slash and ids, never a path into the settings.
				accessPropertiesByDotNotation: false,
			});
		} catch (error) {
			this.readOnly(error);
			return undefined;
		}
	}

	/**
	 * Moves a damaged file aside so that conf starts afresh; false (read-only)
	 * when it cannot be moved: it is then the only record of the user's
	 * settings and is left alone.
	 */
	private keepDamaged(now: Date, writable: boolean): boolean {
		const leftAlone = {
			full: `The settings file ${this.path} is damaged; it is left as it is and defaults are used.`,
			short: 'settings file damaged: defaults used',
		};
		if (!writable) {
			this.notes.push(leftAlone);
			return false;
		}
		const copy = `${this.path}.damaged-${fileStamp(now)}`;
		try {
			// A rename, so the damaged settings exist under one name or the other at every moment.
			this.fs.renameSync(this.path, copy);
			tightenMode(copy, PRIVATE_FILE_MODE);
			this.notes.push({
				full: `The settings file was damaged and starts afresh; the damaged copy is ${copy}.`,
				short: `settings file damaged: started afresh, copy kept as ${basename(copy)}`,
			});
			return true;
		} catch (error) {
			this.notes.push(leftAlone);
			this.readOnly(error);
			return false;
		}
	}

	/** Writes and removes a small file: one quick attempt, where conf's first write would retry for a second or more. */
	private folderTakesWrites(): boolean {
		const probe = join(this.directory, `.${SETTINGS_FILE}.probe-${process.pid}`);
		try {
			this.fs.writeFileSync(probe, '', { mode: PRIVATE_FILE_MODE });
			this.fs.rmSync(probe, { force: true });
			return true;
		} catch (error) {
			try {
				this.fs.rmSync(probe, { force: true });
			} catch {
				// The folder that refused the write may refuse this too; nothing was left behind then.
			}
			this.readOnly(error);
			return false;
		}
	}

	private readOnly(error: unknown): void {
		if (this.readOnlyNoted) return;
		this.readOnlyNoted = true;
		this.notes.push({
			full: `Settings are read-only: ${this.path} cannot be written (${why(error)}); sort and checklist progress last until you quit.`,
			short: `settings read-only (${why(error)}): changes last until you quit`,
		});
	}

	/** Hands one change to conf; the first failure leaves the settings in memory for the rest of the run. */
	private write(change: (store: Conf<SettingsShape>) => void): void {
		if (!this.store) return;
		try {
			change(this.store);
		} catch (error) {
			this.store = undefined;
			this.readOnly(error);
		}
	}

	get quotaOverride(): number | undefined {
		return this.memory.quotaOverride;
	}

	set quotaOverride(value: number | undefined) {
		if (value === undefined) {
			delete this.memory.quotaOverride;
			this.write((store) => store.delete('quotaOverride'));
		} else {
			this.memory.quotaOverride = value;
			this.write((store) => store.set('quotaOverride', value));
		}
	}

	get sort(): string | undefined {
		return this.memory.sort;
	}

	set sort(value: string | undefined) {
		if (value === undefined) {
			delete this.memory.sort;
			this.write((store) => store.delete('sort'));
		} else {
			this.memory.sort = value;
			this.write((store) => store.set('sort', value));
		}
	}

	/** Read from the file while there is one: another orgdash may have ticked items since. */
	checklistProgress(organizationId: string, accountId: string): ChecklistProgress | undefined {
		return this.checklist()[`${organizationId}/${accountId}`];
	}

	saveChecklistProgress(organizationId: string, accountId: string, ticked: readonly string[]): void {
		this.changeChecklist((checklist) => {
			checklist[`${organizationId}/${accountId}`] = { ticked: [...ticked], updatedAt: new Date().toISOString() };
		});
	}

	clearChecklistProgress(organizationId: string, accountId: string): void {
		this.changeChecklist((checklist) => {
			delete checklist[`${organizationId}/${accountId}`];
		});
	}

	private checklist(): SettingsShape['checklist'] {
		if (this.store) {
			try {
				const stored = this.store.get('checklist');
				if (typeof stored === 'object' && stored !== null && !Array.isArray(stored)) return stored;
			} catch {
				// Unreadable since the start: what this run knows is still right.
			}
		}
		return this.memory.checklist;
	}

	private changeChecklist(change: (checklist: SettingsShape['checklist']) => void): void {
		const checklist = { ...this.checklist() };
		change(checklist);
		this.memory.checklist = checklist;
		this.write((store) => store.set('checklist', checklist));
	}
}
