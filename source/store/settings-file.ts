/**
 * The settings file as orgdash checks it before conf reads it: the stored
 * shape, the file operations (injectable for tests), what a damaged file is,
 * and a failed write's reason in words.
 */
import * as nodeFs from 'node:fs';
import { ensurePrivateFolder } from './private-files.js';

export interface ChecklistProgress {
	/** Ids of the ticked backup items. */
	readonly ticked: string[];
	readonly updatedAt: string;
}

export interface SettingsShape {
	/** The user's own account-quota figure (`--quota N`) per organization id, used when Service Quotas cannot answer. */
	quotas?: Record<string, number>;
	/** One figure for every organization, as earlier versions kept it; the first organization read adopts it. */
	quotaOverride?: number;
	/** Dashboard sort, remembered between runs. */
	sort?: string;
	/** `--read-only`, remembered until `--no-read-only`: nothing that changes AWS is offered or possible. */
	readOnlyMode?: boolean;
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

export const NODE_FILE_SYSTEM: SettingsFileSystem = {
	readFileSync: nodeFs.readFileSync,
	writeFileSync: nodeFs.writeFileSync,
	rmSync: nodeFs.rmSync,
	renameSync: nodeFs.renameSync,
	ensureFolder: ensurePrivateFolder,
};

function errorCode(error: unknown): string {
	if (error instanceof SyntaxError) return 'SyntaxError';
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'EEXIST') return 'ENOTDIR'; // mkdir of a path that is a file
	return code ?? (error instanceof Error ? error.message : String(error));
}

/** What a failed write means, in a word a user can search: EACCES, EROFS, ENOTDIR, ENOSPC... */
export function writeFailureReason(error: unknown): string {
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
export function parseSettings(text: string): SettingsShape | undefined {
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
	const quotas = record.quotas;
	if (quotas !== undefined) {
		if (typeof quotas !== 'object' || quotas === null || Array.isArray(quotas)) return undefined;
		const figures = Object.entries(quotas as Record<string, unknown>);
		if (!figures.every(([, figure]) => typeof figure === 'number')) return undefined;
		settings.quotas = Object.fromEntries(figures) as Record<string, number>;
	}
	if (typeof record.sort === 'string') settings.sort = record.sort;
	if (record.readOnlyMode === true) settings.readOnlyMode = true;
	return settings;
}

/** 2026-12-01T20-00-00Z: a time that sorts and is a valid file name everywhere. */
export function fileStamp(now: Date): string {
	return now
		.toISOString()
		.replace(/\.\d+Z$/, 'Z')
		.replace(/:/g, '-');
}
