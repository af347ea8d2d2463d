/** The dashboard's view of the on-disk account cache (store/cache.ts). */
import type { OrgReader } from '../org/gateway.js';
import { isCacheable, readAccountCache, writeAccountCache, writeLastSeen } from '../store/cache.js';
import { readImpactCache, readTagCache, writeImpactCache, writeTagCache } from '../store/impact-cache.js';
import type { AccountsCache } from './hooks/use-accounts.js';
import type { ImpactCache } from './hooks/use-impact.js';

/** The cache of lists read from `sourceKey` (where the data came from), in `directory` or the default folder. */
export function accountsCache(sourceKey: string, directory?: string): AccountsCache {
	const key = (organizationId: string, callerAccountId: string) => ({ sourceKey, organizationId, callerAccountId });
	return {
		async read(organizationId, callerAccountId) {
			const result = await readAccountCache(key(organizationId, callerAccountId), directory);
			if (result.status === 'hit') return { accounts: result.accounts, savedAt: result.savedAt };
			if (result.status === 'ignored') return { note: result.note };
			return undefined;
		},
		async write(organizationId, callerAccountId, accounts) {
			await writeAccountCache(key(organizationId, callerAccountId), accounts, directory ? { directory } : {});
		},
		remember: (organizationId, callerAccountId) => writeLastSeen(key(organizationId, callerAccountId), directory),
	};
}

/** A cache for this gateway's lists, or undefined where lists are not cached (the sandbox, see store/cache.ts). */
export function accountsCacheFor(gateway: OrgReader, directory?: string): AccountsCache | undefined {
	return isCacheable(gateway) ? accountsCache(gateway.sourceKey, directory) : undefined;
}

/** The organization impact scan, cached with the list (same folder and key), where lists are cached. */
export function impactCacheFor(gateway: OrgReader, directory?: string): ImpactCache | undefined {
	if (!isCacheable(gateway)) return undefined;
	const key = (organizationId: string, callerAccountId: string) => ({
		sourceKey: gateway.sourceKey,
		organizationId,
		callerAccountId,
	});
	return {
		read: (organizationId, callerAccountId) => readImpactCache(key(organizationId, callerAccountId), directory),
		write: (organizationId, callerAccountId, impact) =>
			writeImpactCache(key(organizationId, callerAccountId), impact, directory ? { directory } : {}),
		readTags: (organizationId, callerAccountId) => readTagCache(key(organizationId, callerAccountId), directory),
		writeTags: (organizationId, callerAccountId, tags) =>
			writeTagCache(key(organizationId, callerAccountId), tags, directory ? { directory } : {}),
	};
}
