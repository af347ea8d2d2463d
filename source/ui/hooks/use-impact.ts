/**
 * The impact scan in the background. Once a live list has loaded, the
 * organization's part (delegated administrators, spend: a few calls for the
 * whole organization) is read after the frame is drawn, and cached with the
 * list; a start shows the cached scan until then. One account's own part
 * (StackSets, Identity Center, policies, tags) is read only when a screen asks
 * for it (details, a flow), at most two accounts at a time, and kept until the
 * next load. Nothing here delays a frame or a key: every read is a promise
 * whose answer only updates state.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AccountImpact, OrganizationImpact, Tag } from '../../domain/impact.js';
import type { OrgReader } from '../../org/gateway.js';
import type { CostOf } from '../account-list.js';
import type { AccountsState } from './use-accounts.js';

/** The cached organization scan of one organization as seen by one caller (store/impact-cache.ts). */
export interface ImpactCache {
	/** Never throws. */
	read(
		organizationId: string,
		callerAccountId: string,
	): Promise<{ readonly impact: OrganizationImpact; readonly savedAt: Date } | undefined>;
	write(organizationId: string, callerAccountId: string, impact: OrganizationImpact): Promise<void>;
	/** The tags read for the list's rows at the last start (use-row-tags.ts); never throws. */
	readTags?(organizationId: string, callerAccountId: string): Promise<ReadonlyMap<string, readonly Tag[]> | undefined>;
	writeTags?(organizationId: string, callerAccountId: string, tags: ReadonlyMap<string, readonly Tag[]>): Promise<void>;
}

export interface UseImpact {
	/** The organization scan, live or cached; undefined until one is known. */
	readonly organization: OrganizationImpact | undefined;
	/** When that scan was read; undefined until one is known. */
	readonly scannedAt: Date | undefined;
	/** True while the scan shown comes from the cache. */
	readonly fromCache: boolean;
	/** One account's own reads, once they have answered. */
	accountImpact(accountId: string): AccountImpact | undefined;
	/** Reads one account's impact, unless it is read or being read. */
	request(accountId: string): void;
	/** The last month's spend of an account, for the cost sort; undefined when not known. */
	readonly costOf: CostOf;
}

/** Accounts whose own impact is read at once. */
const ACCOUNT_READS_IN_FLIGHT = 2;

interface ScanState {
	readonly organization?: OrganizationImpact;
	readonly scannedAt?: Date;
	readonly fromCache: boolean;
}

export function useImpact(gateway: OrgReader, accounts: AccountsState, cache?: ImpactCache): UseImpact {
	const [scan, setScan] = useState<ScanState>({ fromCache: false });
	const [ownImpacts, setOwnImpacts] = useState<ReadonlyMap<string, AccountImpact>>(new Map());
	const mounted = useRef(true);
	useEffect(
		() => () => {
			mounted.current = false;
		},
		[],
	);

	// Accounts asked for and not yet answered; the queue of those not yet sent; how many are on their way.
	const pending = useRef(new Set<string>());
	const queue = useRef<string[]>([]);
	const inFlight = useRef(0);

	const organizationId = accounts.organization?.id;
	const callerId = accounts.caller?.accountId;

	// The cached scan, as soon as the organization and caller are known, unless a live one came first.
	useEffect(() => {
		if (!cache || !organizationId || !callerId) return;
		let current = true;
		void cache.read(organizationId, callerId).then((cached) => {
			if (!current || !mounted.current || !cached) return;
			setScan((previous) =>
				previous.organization ? previous : { organization: cached.impact, scannedAt: cached.savedAt, fromCache: true },
			);
		});
		return () => {
			current = false;
		};
	}, [cache, organizationId, callerId]);

	// The live scan, after every complete live load (a reload reads it again), once the frame has been drawn.
	const liveLoadedAt = accounts.status === 'ready' && !accounts.fromCache ? accounts.loadedAt : undefined;
	useEffect(() => {
		if (!liveLoadedAt) return;
		let current = true;
		setOwnImpacts(new Map());
		pending.current.clear();
		queue.current.length = 0;
		const timer = setTimeout(() => {
			void gateway.organizationImpact().then((impact) => {
				if (!current || !mounted.current) return;
				setScan({ organization: impact, scannedAt: new Date(), fromCache: false });
				if (cache && organizationId && callerId) {
					// The cache is a convenience: a failed write only means the next start waits for the scan.
					cache.write(organizationId, callerId, impact).catch(() => undefined);
				}
			});
		}, 0);
		return () => {
			current = false;
			clearTimeout(timer);
		};
	}, [gateway, cache, liveLoadedAt, organizationId, callerId]);

	const pump = useCallback(() => {
		while (inFlight.current < ACCOUNT_READS_IN_FLIGHT && queue.current.length > 0) {
			// The latest request first: the account on screen now.
			const accountId = queue.current.pop() as string;
			inFlight.current++;
			void gateway.accountImpact(accountId).then((impact) => {
				inFlight.current--;
				if (!mounted.current) return;
				if (pending.current.delete(accountId)) {
					setOwnImpacts((previous) => new Map(previous).set(accountId, impact));
				}
				pump();
			});
		}
	}, [gateway]);

	const request = useCallback(
		(accountId: string) => {
			if (pending.current.has(accountId) || ownImpacts.has(accountId)) return;
			pending.current.add(accountId);
			queue.current.push(accountId);
			pump();
		},
		[ownImpacts, pump],
	);

	const accountImpact = useCallback((accountId: string) => ownImpacts.get(accountId), [ownImpacts]);

	const spend = scan.organization?.spend;
	const costOf = useMemo<CostOf>(
		() => (accountId) => (spend?.known ? (spend.value[accountId]?.lastMonth ?? 0) : undefined),
		[spend],
	);

	return {
		organization: scan.organization,
		scannedAt: scan.scannedAt,
		fromCache: scan.fromCache,
		accountImpact,
		request,
		costOf,
	};
}
