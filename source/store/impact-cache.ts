/**
 * The organization's impact scan (delegated administrators, spend), cached
 * with the account list: the same folder, the same key (source, organization,
 * caller), checked again on read, written atomically. A start shows the last
 * scan at once, marked with its age, while the new one runs. The accounts'
 * tags read for the list's rows are kept beside it (a file of their own), so
 * that the `tag:` filter has them on the next start. A damaged or foreign file
 * is ignored, never fatal; what is read back is made display-safe.
 */
import { readFile } from 'node:fs/promises';
import {
	displayOrganizationImpact,
	type ImpactItem,
	type OrganizationImpact,
	type Tag,
	UNKNOWN_REASON_TEXT,
	type UnknownReason,
	unknownItem,
} from '../domain/impact.js';
import { type CacheKey, cacheFilePath, defaultCacheDirectory } from './cache.js';
import { ensurePrivateFolder } from './private-files.js';
import { replaceFile } from './replace-file.js';

export const IMPACT_CACHE_VERSION = 1;

interface ImpactCacheFile extends CacheKey {
	readonly version: number;
	readonly savedAt: string;
	readonly impact: OrganizationImpact;
}

export function impactCachePath(directory: string, key: CacheKey): string {
	return cacheFilePath(directory, key).replace(/\.json$/, '.impact.json');
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An item as stored, or unknown when the file does not hold a valid one. */
function readItem<T>(value: unknown, check: (stored: unknown) => stored is T): ImpactItem<T> {
	if (isRecord(value) && typeof value.source === 'string') {
		if (value.known === true && check(value.value)) return { known: true, value: value.value, source: value.source };
		if (value.known === false && typeof value.detail === 'string') {
			const reason = isUnknownReason(value.reason) ? value.reason : 'failed';
			return { known: false, reason, detail: value.detail, source: value.source };
		}
	}
	return unknownItem('', 'not-read', 'the cached scan could not be read back');
}

function isUnknownReason(value: unknown): value is UnknownReason {
	return typeof value === 'string' && Object.hasOwn(UNKNOWN_REASON_TEXT, value);
}

function isServicesByAccount(value: unknown): value is Record<string, string[]> {
	return (
		isRecord(value) &&
		Object.values(value).every((services) => Array.isArray(services) && services.every((s) => typeof s === 'string'))
	);
}

function isSpendByAccount(
	value: unknown,
): value is OrganizationImpact['spend'] extends ImpactItem<infer T> ? T : never {
	return (
		isRecord(value) &&
		Object.values(value).every(
			(spend) =>
				isRecord(spend) &&
				typeof spend.month === 'string' &&
				typeof spend.lastMonth === 'number' &&
				typeof spend.monthToDate === 'number' &&
				typeof spend.currency === 'string',
		)
	);
}

/** Whether a file read was saved for this source, organization and caller: another's is never used. */
function savedFor(file: Record<string, unknown>, key: CacheKey): boolean {
	return (
		file.sourceKey === key.sourceKey &&
		file.organizationId === key.organizationId &&
		file.callerAccountId === key.callerAccountId
	);
}

/** The cached scan for exactly this key, or undefined (none, damaged, or another key's). Never throws. */
export async function readImpactCache(
	key: CacheKey,
	directory = defaultCacheDirectory(),
): Promise<{ readonly impact: OrganizationImpact; readonly savedAt: Date } | undefined> {
	try {
		const file: unknown = JSON.parse(await readFile(impactCachePath(directory, key), 'utf8'));
		if (!isRecord(file) || file.version !== IMPACT_CACHE_VERSION || !isRecord(file.impact)) return undefined;
		if (!savedFor(file, key)) return undefined;
		const savedAt = new Date(String(file.savedAt));
		if (Number.isNaN(savedAt.getTime())) return undefined;
		const impact = displayOrganizationImpact({
			delegatedAdministrators: readItem(file.impact.delegatedAdministrators, isServicesByAccount),
			spend: readItem(file.impact.spend, isSpendByAccount),
		});
		return { impact, savedAt };
	} catch {
		return undefined;
	}
}

/** Replaces the cached scan for this key: a temporary file renamed over the old one. */
export async function writeImpactCache(
	key: CacheKey,
	impact: OrganizationImpact,
	options: { directory?: string; savedAt?: Date } = {},
): Promise<void> {
	const directory = options.directory ?? defaultCacheDirectory();
	const path = impactCachePath(directory, key);
	ensurePrivateFolder(directory);
	const file: ImpactCacheFile = {
		version: IMPACT_CACHE_VERSION,
		...key,
		savedAt: (options.savedAt ?? new Date()).toISOString(),
		impact,
	};
	await replaceFile(path, JSON.stringify(file));
}

export const TAG_CACHE_VERSION = 1;

export function tagCachePath(directory: string, key: CacheKey): string {
	return cacheFilePath(directory, key).replace(/\.json$/, '.tags.json');
}

function isTagList(value: unknown): value is Tag[] {
	return (
		Array.isArray(value) &&
		value.every((tag) => isRecord(tag) && typeof tag.key === 'string' && typeof tag.value === 'string')
	);
}

/**
 * The cached tags by account id for exactly this key, or undefined (none,
 * damaged, or another key's). Only the filter reads them, never the screen.
 * Never throws.
 */
export async function readTagCache(
	key: CacheKey,
	directory = defaultCacheDirectory(),
): Promise<ReadonlyMap<string, readonly Tag[]> | undefined> {
	try {
		const file: unknown = JSON.parse(await readFile(tagCachePath(directory, key), 'utf8'));
		if (!isRecord(file) || file.version !== TAG_CACHE_VERSION || !isRecord(file.tags)) return undefined;
		if (!savedFor(file, key)) return undefined;
		const tags = new Map<string, readonly Tag[]>();
		for (const [accountId, list] of Object.entries(file.tags)) {
			if (/^\d{12}$/.test(accountId) && isTagList(list)) {
				tags.set(
					accountId,
					list.map((tag) => ({ key: tag.key, value: tag.value })),
				);
			}
		}
		return tags;
	} catch {
		return undefined;
	}
}

/** Replaces the cached tags for this key: a temporary file renamed over the old one. */
export async function writeTagCache(
	key: CacheKey,
	tags: ReadonlyMap<string, readonly Tag[]>,
	options: { directory?: string } = {},
): Promise<void> {
	const directory = options.directory ?? defaultCacheDirectory();
	const path = tagCachePath(directory, key);
	ensurePrivateFolder(directory);
	const file = { version: TAG_CACHE_VERSION, ...key, tags: Object.fromEntries(tags) };
	await replaceFile(path, JSON.stringify(file));
}
