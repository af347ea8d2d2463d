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
 * - sort, quota and read-only mode are read from memory: conf reads the file on every get;
 * - the quota figure is kept per organization id: `--quota N` given with one
 *   organization says nothing of another. A figure an earlier version kept for
 *   every organization is adopted by the first organization read.
 *
 * What a valid file is, and a failed write's reason, are in settings-file.ts.
 */
import { basename, join } from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
import { PRIVATE_FILE_MODE, tightenMode } from './private-files.js';
import {
	type ChecklistProgress,
	fileStamp,
	NODE_FILE_SYSTEM,
	parseSettings,
	type SettingsFileSystem,
	type SettingsShape,
	writeFailureReason,
} from './settings-file.js';

const PROJECT_NAME = 'orgdash';
export const SETTINGS_FILE = 'config.json';

export function configDirectory(): string | undefined {
	return process.env.ORGDASH_CONFIG_DIR || undefined;
}

/** The settings folder: ORGDASH_CONFIG_DIR, else the one conf would choose (env-paths: ~/.config/orgdash...). */
export function settingsDirectory(): string {
	return configDirectory() ?? envPaths(PROJECT_NAME, { suffix: '' }).config;
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
			full: `Settings are read-only: ${this.path} cannot be written (${writeFailureReason(error)}); sort and checklist progress last until you quit.`,
			short: `settings read-only (${writeFailureReason(error)}): changes last until you quit`,
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

	/** The user's quota figure for this organization. */
	quotaFor(organizationId: string): number | undefined {
		const remembered = this.memory.quotas?.[organizationId];
		if (remembered !== undefined) return remembered;
		const legacy = this.memory.quotaOverride;
		if (legacy === undefined) return undefined;
		// Kept for every organization by an earlier version: it was set for the organization used then.
		this.setQuotaFor(organizationId, legacy);
		this.remember('quotaOverride', undefined);
		return legacy;
	}

	/** Remembers (or, with undefined, forgets) the figure of this organization only. */
	setQuotaFor(organizationId: string, value: number | undefined): void {
		const quotas = { ...this.memory.quotas };
		if (value === undefined) delete quotas[organizationId];
		else quotas[organizationId] = value;
		if (this.memory.quotaOverride !== undefined && value === undefined) {
			// `--quota off` also forgets a figure an earlier version kept for every organization.
			this.remember('quotaOverride', undefined);
		}
		this.remember('quotas', quotas);
	}

	/**
	 * Applies the command line's --quota to the organization it is used with:
	 * a figure is remembered for it, `off` forgets it. Returns the figure in use.
	 */
	applyQuotaFlag(organizationId: string, flag: number | 'off' | undefined): number | undefined {
		if (flag !== undefined) this.setQuotaFor(organizationId, flag === 'off' ? undefined : flag);
		return this.quotaFor(organizationId);
	}

	get sort(): string | undefined {
		return this.memory.sort;
	}

	set sort(value: string | undefined) {
		this.remember('sort', value);
	}

	/** Read-only mode (`--read-only`), remembered; false forgets it (`--no-read-only`). */
	get readOnlyMode(): boolean {
		return this.memory.readOnlyMode === true;
	}

	set readOnlyMode(value: boolean) {
		this.remember('readOnlyMode', value ? true : undefined);
	}

	/** A preference set, or forgotten when undefined: in memory at once, in the file when it can be written. */
	private remember<K extends 'quotaOverride' | 'quotas' | 'sort' | 'readOnlyMode'>(
		key: K,
		value: SettingsShape[K] | undefined,
	): void {
		if (value === undefined) {
			delete this.memory[key];
			this.write((store) => store.delete(key));
		} else {
			this.memory[key] = value;
			this.write((store) => store.set(key, value));
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
