/**
 * The last known account list, kept on disk so that a start can show rows at
 * once while the live list loads.
 *
 * Safety: an entry is keyed on where the data came from (the gateway's
 * sourceKey: profile, region, endpoint), the organization id and the caller's
 * account. The key picks the file and is stored inside it and checked again on
 * read, so a list from another organization, profile, region or endpoint is
 * never returned. A corrupt or unreadable file is ignored with a note, never
 * fatal. Writes go to a temporary file that is then renamed over the old one,
 * so a reader sees either the old list or the new one, never half a file.
 *
 * Only the AWS adapter is cached: the sandbox is built in memory in a few
 * milliseconds, and each run starts it afresh, so a cached sandbox list (for
 * instance one taken after a closure in an earlier demo run) would show states
 * that the new sandbox contradicts.
 *
 * The file holds the text as AWS gave it; what is read back is made
 * display-safe (see display-text.ts), as the gateway's own accounts are, so a
 * hand-edited file cannot put escape sequences on the screen.
 *
 * The file is columnar JSON (one array per field, parent paths stored once)
 * so that 10,000 accounts parse in a few milliseconds.
 *
 * Beside the lists, one small file per source names the organization and
 * caller last seen from it (`last-<digest>.json`), so that a start can find
 * that list before AWS has said who is signed in: such a list is shown only
 * as not yet checked, and goes away if AWS then names another organization
 * or caller (ui/hooks/use-accounts.ts).
 */
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
	ACCOUNT_STATES,
	type Account,
	type AccountState,
	displayAccount,
	type JoinedMethod,
	originalText,
} from '../domain/account.js';
import type { OrgGateway } from '../org/gateway.js';
import { ensurePrivateFolder, PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE, tightenMode } from './private-files.js';
import { replaceFile } from './replace-file.js';
import { settingsDirectory } from './settings.js';

export const CACHE_FORMAT_VERSION = 1;
const CACHE_FOLDER = 'account-cache';

/** What a cached list belongs to; every part must match for the list to be shown. */
export interface CacheKey {
	/** OrgGateway.sourceKey: profile, region, endpoint. */
	readonly sourceKey: string;
	readonly organizationId: string;
	readonly callerAccountId: string;
}

export type CacheRead =
	| { readonly status: 'hit'; readonly accounts: Account[]; readonly savedAt: Date }
	| { readonly status: 'miss' }
	/** The file exists but cannot be used; `note` says why, for the screen. */
	| { readonly status: 'ignored'; readonly note: string };

interface CacheFile {
	readonly version: number;
	readonly sourceKey: string;
	readonly organizationId: string;
	readonly callerAccountId: string;
	readonly savedAt: string;
	readonly count: number;
	/** Distinct parent paths; `parentPathIndex` points into it. */
	readonly paths: string[];
	readonly columns: {
		readonly id: string[];
		readonly name: string[];
		readonly email: string[];
		/** Index into ACCOUNT_STATES. */
		readonly state: number[];
		/** 1 when the state came from the legacy Status field. */
		readonly fromStatus: number[];
		/** 1 for INVITED, 0 for CREATED. */
		readonly invited: number[];
		readonly joinedAt: string[];
		readonly parentId: string[];
		readonly parentPathIndex: number[];
		/** '' when unknown. */
		readonly closedAt: string[];
	};
}

/** Whether lists from this gateway are cached at all (see the module note on the sandbox). */
export function isCacheable(gateway: Pick<OrgGateway, 'kind'>): boolean {
	return gateway.kind === 'aws';
}

/** The folder that holds the cache files: beside the settings (ORGDASH_CONFIG_DIR honoured). */
export function defaultCacheDirectory(): string {
	return join(settingsDirectory(), CACHE_FOLDER);
}

export function cacheFilePath(directory: string, key: CacheKey): string {
	const digest = createHash('sha256')
		.update(JSON.stringify([key.sourceKey, key.organizationId, key.callerAccountId]))
		.digest('hex')
		.slice(0, 32);
	return join(directory, `accounts-${digest}.json`);
}

function encode(key: CacheKey, accounts: readonly Account[], savedAt: Date): CacheFile {
	const count = accounts.length;
	const pathIndex = new Map<string, number>();
	const paths: string[] = [];
	const columns = {
		id: new Array<string>(count),
		name: new Array<string>(count),
		email: new Array<string>(count),
		state: new Array<number>(count),
		fromStatus: new Array<number>(count),
		invited: new Array<number>(count),
		joinedAt: new Array<string>(count),
		parentId: new Array<string>(count),
		parentPathIndex: new Array<number>(count),
		closedAt: new Array<string>(count),
	};
	for (let i = 0; i < count; i++) {
		const account = accounts[i] as Account;
		const original = account.original ? originalText(account) : account;
		let index = pathIndex.get(original.parentPath);
		if (index === undefined) {
			index = paths.length;
			paths.push(original.parentPath);
			pathIndex.set(original.parentPath, index);
		}
		columns.id[i] = account.id;
		columns.name[i] = original.name;
		columns.email[i] = original.email;
		columns.state[i] = ACCOUNT_STATES.indexOf(account.state);
		columns.fromStatus[i] = account.stateSource === 'Status' ? 1 : 0;
		columns.invited[i] = account.joinedMethod === 'INVITED' ? 1 : 0;
		columns.joinedAt[i] = account.joinedAt;
		columns.parentId[i] = account.parentId;
		columns.parentPathIndex[i] = index;
		columns.closedAt[i] = account.closedAt ?? '';
	}
	return {
		version: CACHE_FORMAT_VERSION,
		sourceKey: key.sourceKey,
		organizationId: key.organizationId,
		callerAccountId: key.callerAccountId,
		savedAt: savedAt.toISOString(),
		count,
		paths,
		columns,
	};
}

function isStringArray(value: unknown, length: number): value is string[] {
	return Array.isArray(value) && value.length === length && value.every((item) => typeof item === 'string');
}

function isIndexArray(value: unknown, length: number, limit: number): value is number[] {
	return (
		Array.isArray(value) &&
		value.length === length &&
		value.every((item) => Number.isInteger(item) && item >= 0 && item < limit)
	);
}

/** Checks the whole shape, so a damaged file can never yield half-filled accounts. */
function decode(data: unknown): { file: CacheFile; accounts: Account[] } | string {
	if (typeof data !== 'object' || data === null) return 'it is not a cache file';
	const file = data as Partial<CacheFile>;
	if (file.version !== CACHE_FORMAT_VERSION)
		return `it has format ${String(file.version)}, not ${CACHE_FORMAT_VERSION}`;
	const { count, columns, paths } = file;
	if (
		typeof file.sourceKey !== 'string' ||
		typeof file.organizationId !== 'string' ||
		typeof file.callerAccountId !== 'string' ||
		typeof file.savedAt !== 'string' ||
		Number.isNaN(Date.parse(file.savedAt)) ||
		!Number.isInteger(count) ||
		(count as number) < 0 ||
		!isStringArray(paths, paths?.length ?? -1) ||
		typeof columns !== 'object' ||
		columns === null
	) {
		return 'its header is damaged';
	}
	const n = count as number;
	if (
		!isStringArray(columns.id, n) ||
		!isStringArray(columns.name, n) ||
		!isStringArray(columns.email, n) ||
		!isIndexArray(columns.state, n, ACCOUNT_STATES.length) ||
		!isIndexArray(columns.fromStatus, n, 2) ||
		!isIndexArray(columns.invited, n, 2) ||
		!isStringArray(columns.joinedAt, n) ||
		!isStringArray(columns.parentId, n) ||
		!isIndexArray(columns.parentPathIndex, n, paths.length) ||
		!isStringArray(columns.closedAt, n)
	) {
		return 'its account columns are damaged';
	}
	const accounts = new Array<Account>(n);
	for (let i = 0; i < n; i++) {
		const closedAt = columns.closedAt[i] as string;
		const account: Omit<Account, 'original'> = {
			id: columns.id[i] as string,
			name: columns.name[i] as string,
			email: columns.email[i] as string,
			state: ACCOUNT_STATES[columns.state[i] as number] as AccountState,
			stateSource: columns.fromStatus[i] === 1 ? 'Status' : 'State',
			joinedMethod: (columns.invited[i] === 1 ? 'INVITED' : 'CREATED') as JoinedMethod,
			joinedAt: columns.joinedAt[i] as string,
			parentId: columns.parentId[i] as string,
			parentPath: paths[columns.parentPathIndex[i] as number] as string,
		};
		accounts[i] = displayAccount(closedAt ? { ...account, closedAt } : account);
	}
	return { file: file as CacheFile, accounts };
}

function describeError(error: unknown): string {
	if (error instanceof SyntaxError) return 'it is not valid JSON';
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'EACCES' || code === 'EPERM') return 'it cannot be read (permission denied)';
	if (code === 'EISDIR') return 'it is a folder, not a file';
	return error instanceof Error ? error.message : String(error);
}

/**
 * The cached list for exactly this key, or a miss, or a note saying why the
 * file there was ignored. Never throws.
 */
export async function readAccountCache(key: CacheKey, directory = defaultCacheDirectory()): Promise<CacheRead> {
	const path = cacheFilePath(directory, key);
	tightenMode(directory, PRIVATE_FOLDER_MODE);
	tightenMode(path, PRIVATE_FILE_MODE);
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		// No file there, or a file where a folder of its path should be (the settings note says so): no cache.
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'miss' };
		return { status: 'ignored', note: `The cached account list was ignored: ${describeError(error)} (${path}).` };
	}
	let decoded: ReturnType<typeof decode>;
	try {
		decoded = decode(JSON.parse(text));
	} catch (error) {
		decoded = describeError(error);
	}
	if (typeof decoded === 'string') {
		return {
			status: 'ignored',
			note: `The cached account list was ignored: ${decoded} (${path}). It is replaced once the live list has loaded.`,
		};
	}
	const { file, accounts } = decoded;
	if (
		file.sourceKey !== key.sourceKey ||
		file.organizationId !== key.organizationId ||
		file.callerAccountId !== key.callerAccountId
	) {
		return {
			status: 'ignored',
			note: `The cached account list was ignored: it belongs to another organization, profile or endpoint (${path}).`,
		};
	}
	return { status: 'hit', accounts, savedAt: new Date(file.savedAt) };
}

/**
 * Replaces the cached list for this key. Atomic: the new content is written to
 * a temporary file in the same folder, then renamed over the old file.
 */
export async function writeAccountCache(
	key: CacheKey,
	accounts: readonly Account[],
	options: { directory?: string; savedAt?: Date } = {},
): Promise<string> {
	const directory = options.directory ?? defaultCacheDirectory();
	const path = cacheFilePath(directory, key);
	ensurePrivateFolder(directory);
	// Account names and emails are not for other users of the machine: the file is 0600.
	await replaceFile(path, JSON.stringify(encode(key, accounts, options.savedAt ?? new Date())));
	await writeLastSeen(key, directory);
	return path;
}

/** The organization and caller last seen from one source. */
interface LastSeenFile {
	readonly version: number;
	readonly sourceKey: string;
	readonly organizationId: string;
	readonly callerAccountId: string;
}

export function lastSeenFilePath(directory: string, sourceKey: string): string {
	const digest = createHash('sha256')
		.update(JSON.stringify([sourceKey]))
		.digest('hex')
		.slice(0, 32);
	return join(directory, `last-${digest}.json`);
}

/** Records `key`'s organization and caller as the last seen from its source. Atomic, as the lists are. */
export async function writeLastSeen(key: CacheKey, directory = defaultCacheDirectory()): Promise<void> {
	const path = lastSeenFilePath(directory, key.sourceKey);
	const file: LastSeenFile = {
		version: CACHE_FORMAT_VERSION,
		sourceKey: key.sourceKey,
		organizationId: key.organizationId,
		callerAccountId: key.callerAccountId,
	};
	ensurePrivateFolder(directory);
	await replaceFile(path, JSON.stringify(file));
}

/** The key of the list last seen from `sourceKey`, or undefined (none recorded, or a file that cannot be used). Never throws. */
export async function readLastSeen(
	sourceKey: string,
	directory = defaultCacheDirectory(),
): Promise<CacheKey | undefined> {
	try {
		const file = JSON.parse(await readFile(lastSeenFilePath(directory, sourceKey), 'utf8')) as Partial<LastSeenFile>;
		if (
			file.version !== CACHE_FORMAT_VERSION ||
			file.sourceKey !== sourceKey ||
			typeof file.organizationId !== 'string' ||
			typeof file.callerAccountId !== 'string'
		) {
			return undefined;
		}
		return { sourceKey, organizationId: file.organizationId, callerAccountId: file.callerAccountId };
	} catch {
		return undefined;
	}
}

/** The list last seen from `sourceKey`, with the organization and caller it was saved for; undefined when there is none to show. */
export async function readLastSeenList(
	sourceKey: string,
	directory = defaultCacheDirectory(),
): Promise<(CacheKey & { readonly accounts: Account[]; readonly savedAt: Date }) | undefined> {
	const key = await readLastSeen(sourceKey, directory);
	if (!key) return undefined;
	const read = await readAccountCache(key, directory);
	// A damaged or missing list is reported by the ordinary read, once AWS has named the organization.
	return read.status === 'hit' ? { ...key, accounts: read.accounts, savedAt: read.savedAt } : undefined;
}

/** Removes the cached list for this key, if any. */
export async function clearAccountCache(key: CacheKey, directory = defaultCacheDirectory()): Promise<void> {
	await rm(cacheFilePath(directory, key), { force: true });
}
