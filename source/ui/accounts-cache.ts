/** The dashboard's view of the on-disk account cache (store/cache.ts), for the gateway it belongs to. */
import type { OrgGateway } from '../org/gateway.js';
import { isCacheable, readAccountCache, writeAccountCache } from '../store/cache.js';
import type { AccountsCache } from './hooks/useAccounts.js';

/** A cache for this gateway's lists, or undefined where lists are not cached (the sandbox). */
export function accountsCacheFor(gateway: OrgGateway, directory?: string): AccountsCache | undefined {
	if (!isCacheable(gateway)) return undefined;
	const key = (organizationId: string, callerAccountId: string) => ({
		sourceKey: gateway.sourceKey,
		organizationId,
		callerAccountId,
	});
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
	};
}
