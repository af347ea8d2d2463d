/**
 * Loads the organization through the gateway: rows appear as pages arrive, a
 * refresh keeps the current rows until the new ones replace them, a failure
 * keeps whatever was loaded, and the load is aborted on unmount. A cache (the
 * last known list) can be plugged in: its rows show at once, marked as cached
 * until AWS confirms them. The list last seen from this source can even show
 * before AWS has named the organization and the caller: then it is marked as
 * not yet checked, and it goes as soon as an answer names another
 * organization or caller, or cannot be had.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Account, CallerIdentity, Organization } from '../../domain/account.js';
import type { LoadFailure, LoadOperation } from '../../domain/explain-load.js';
import type { QuotaLookup } from '../../domain/quota.js';
import type { OrgReader } from '../../org/gateway.js';

export type CachedList = { readonly accounts: readonly Account[]; readonly savedAt: Date };

/** Whose list it is: the organization and the caller it was read for. */
export interface ListOwner {
	readonly organizationId: string;
	readonly callerAccountId: string;
}

/** The list last seen from this source, read before AWS has said which organization and caller are behind it now. */
export type LastSeenList = CachedList & ListOwner;

/** The last known account list of one organization as seen by one caller (see store/cache.ts). */
export interface AccountsCache {
	/** The list, nothing, or a note saying why a stored list was not usable. Never throws. */
	read(organizationId: string, callerAccountId: string): Promise<CachedList | { readonly note: string } | undefined>;
	/** Saves the list; it becomes the source's last seen. */
	write(organizationId: string, callerAccountId: string, accounts: readonly Account[]): Promise<void>;
	/** Records the organization and caller AWS named as the source's last seen (the next start looks for their list). */
	remember(organizationId: string, callerAccountId: string): Promise<void>;
}

export interface AccountsState {
	/** `loading` also while refreshing: rows already shown stay. */
	readonly status: 'loading' | 'ready' | 'failed';
	readonly organization?: Organization;
	readonly caller?: CallerIdentity;
	/** Why the caller identity is unknown, when it is. */
	readonly callerError?: string;
	/** Undefined while Service Quotas is being asked. */
	readonly quota?: QuotaLookup;
	readonly accounts: readonly Account[];
	/** Ids of rows shown from the cache and not yet confirmed by AWS: no action may be offered on them. */
	readonly cachedIds: ReadonlySet<string>;
	/** When the rows shown were read from AWS in full (or saved to the cache). */
	readonly loadedAt?: Date;
	/** True when the rows shown come from the cache and no live list has completed yet. */
	readonly fromCache: boolean;
	/**
	 * Whose cached rows are shown while AWS has not yet named the organization
	 * and the caller behind this source: set only then. The rows are cached
	 * (in `cachedIds`), so nothing is offered on them.
	 */
	readonly unchecked?: ListOwner;
	/** Accounts received from AWS during the current load (the spinner's count). */
	readonly received: number;
	readonly failure?: LoadFailure;
	/** Why a cached list was ignored, when it was. */
	readonly cacheNote?: string;
}

export interface UseAccounts extends AccountsState {
	/** Reloads everything; an ongoing load is aborted first. */
	refresh(): void;
	/** Replaces one account's row (after DescribeAccount), e.g. when a flow has changed its state. */
	updateAccount(account: Account): void;
}

export interface UseAccountsOptions {
	readonly cache?: AccountsCache;
	/** Shown from the first frame, unchecked, until AWS names the organization and the caller. */
	readonly lastSeen?: LastSeenList;
	/** How often rows arriving during a load are published, at most (ms). */
	readonly publishIntervalMs?: number;
}

const EMPTY_IDS: ReadonlySet<string> = new Set();

const INITIAL: AccountsState = {
	status: 'loading',
	accounts: [],
	cachedIds: EMPTY_IDS,
	fromCache: false,
	received: 0,
};

/** The first state: empty, or the list last seen from this source, every row cached and unchecked. */
function initialState(lastSeen: LastSeenList | undefined): AccountsState {
	if (!lastSeen || lastSeen.accounts.length === 0) return INITIAL;
	return {
		...INITIAL,
		accounts: lastSeen.accounts,
		cachedIds: new Set(lastSeen.accounts.map((account) => account.id)),
		fromCache: true,
		loadedAt: lastSeen.savedAt,
		unchecked: { organizationId: lastSeen.organizationId, callerAccountId: lastSeen.callerAccountId },
	};
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

class LoadStep extends Error {
	constructor(
		readonly operation: LoadOperation,
		readonly original: unknown,
	) {
		super(errorText(original));
	}
}

async function step<T>(operation: LoadOperation, call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		throw new LoadStep(operation, error);
	}
}

export function useAccounts(gateway: OrgReader, options: UseAccountsOptions = {}): UseAccounts {
	const { cache, lastSeen, publishIntervalMs = 100 } = options;
	const [state, setState] = useState<AccountsState>(() => initialState(lastSeen));
	const stateRef = useRef(state);
	stateRef.current = state;
	const controllerRef = useRef<AbortController | undefined>(undefined);
	const [generation, setGeneration] = useState(0);

	useEffect(() => {
		// `generation` changes on every refresh; it is what restarts this effect.
		void generation;
		const controller = new AbortController();
		controllerRef.current = controller;
		const { signal } = controller;
		const update = (change: (previous: AccountsState) => AccountsState) => {
			if (!signal.aborted) setState(change);
		};

		// What was on screen when this load began: kept until live rows replace it.
		// Only what the load needs of the state before it: the closures below keep nothing else of it alive.
		const previous = stateRef.current;
		const base = new Map<string, Account>(previous.accounts.map((account) => [account.id, account]));
		let baseIsCache = previous.fromCache;
		const previousCachedIds = previous.cachedIds;
		const previousOrganizationId = previous.organization?.id;
		const previousCallerAccountId = previous.caller?.accountId;
		const live = new Map<string, Account>();
		let timer: ReturnType<typeof setTimeout> | undefined;
		let published = false;

		const shown = (): { accounts: Account[]; cachedIds: ReadonlySet<string> } => {
			const accounts = [...live.values()];
			const cachedIds = new Set<string>();
			for (const [id, account] of base) {
				if (live.has(id)) continue;
				accounts.push(account);
				if (baseIsCache || previousCachedIds.has(id)) cachedIds.add(id);
			}
			return { accounts, cachedIds: cachedIds.size > 0 ? cachedIds : EMPTY_IDS };
		};

		const publish = () => {
			timer = undefined;
			published = true;
			const { accounts, cachedIds } = shown();
			update((s) => ({ ...s, accounts, cachedIds, received: live.size }));
		};

		const onAccounts = (batch: readonly Account[]) => {
			if (signal.aborted) return;
			for (const account of batch) live.set(account.id, account);
			// The first rows go out at once; later ones are batched so that 500 pages are not 500 renders.
			if (timer === undefined) timer = setTimeout(publish, published ? publishIntervalMs : 0);
		};

		update((s) => ({ ...s, status: 'loading', failure: undefined, received: 0 }));

		// Rows shown before AWS named the organization and the caller: they stay only if both answers are theirs.
		let unchecked = previous.unchecked;
		const dropUnchecked = (): Partial<AccountsState> => {
			if (!unchecked) return {};
			unchecked = undefined;
			base.clear();
			baseIsCache = false;
			const { accounts, cachedIds } = shown();
			return { accounts, cachedIds, fromCache: false, loadedAt: undefined, unchecked: undefined };
		};

		const run = async () => {
			// The listing starts at once, beside the organization and the caller: it needs neither and is the long
			// part, so waiting for them first would add their round trip to every load.
			const stopListing = new AbortController();
			signal.addEventListener('abort', () => stopListing.abort(signal.reason), { once: true });
			let listed = false;
			const listing = gateway.listAccounts({ signal: stopListing.signal, onAccounts }).finally(() => {
				listed = true;
			});
			listing.catch(() => {});
			// Who is signed in is shown even when the organization cannot be read (a standalone account, say).
			const callerLookup = gateway.callerIdentity().then(
				(identity) => {
					if (signal.aborted) return identity;
					const another = unchecked !== undefined && unchecked.callerAccountId !== identity.accountId;
					const dropped = another ? dropUnchecked() : {};
					update((s) => ({ ...s, caller: identity, callerError: undefined, ...dropped }));
					return identity;
				},
				(error: unknown) => {
					if (signal.aborted) return undefined;
					const dropped = dropUnchecked();
					update((s) => ({ ...s, callerError: errorText(error), ...dropped }));
					return undefined;
				},
			);
			let organization: Organization;
			try {
				organization = await step('describeOrganization', () => gateway.describeOrganization());
			} catch (error) {
				// The failure's panel replaces the rows: whose they are was never confirmed, nor the listing's.
				stopListing.abort(error);
				live.clear();
				const dropped = dropUnchecked();
				if (!signal.aborted) update((s) => ({ ...s, ...dropped }));
				throw error;
			}
			if (signal.aborted) return;
			const another = unchecked !== undefined && unchecked.organizationId !== organization.id;
			const dropped = another ? dropUnchecked() : {};
			update((s) => ({ ...s, organization, ...dropped }));
			const caller = await callerLookup;
			if (signal.aborted) return;
			if (caller && unchecked) {
				// Both answers name the organization and caller the rows were saved for: they are this source's list.
				unchecked = undefined;
				update((s) => ({ ...s, unchecked: undefined }));
			} else if (
				caller &&
				cache &&
				(previousOrganizationId !== organization.id || previousCallerAccountId !== caller.accountId)
			) {
				// The next start looks for this organization's list first.
				cache.remember(organization.id, caller.accountId).catch(() => undefined);
			}

			gateway.accountQuota().then(
				(quota) => update((s) => ({ ...s, quota })),
				(error: unknown) => update((s) => ({ ...s, quota: { unavailableReason: errorText(error) } })),
			);

			const callerAccountId = caller?.accountId;
			if (cache && callerAccountId && base.size === 0) {
				const cached = await cache.read(organization.id, callerAccountId);
				if (signal.aborted) return;
				if (cached && 'note' in cached) {
					update((s) => ({ ...s, cacheNote: cached.note }));
				} else if (cached && !listed) {
					// Rows the listing already sent stay above the cached ones (shown() puts live first).
					for (const account of cached.accounts) base.set(account.id, account);
					baseIsCache = true;
					const { accounts, cachedIds } = shown();
					update((s) => ({ ...s, accounts, cachedIds, fromCache: true, loadedAt: cached.savedAt }));
				}
			}

			const accounts = await step('listAccounts', () => listing);
			if (signal.aborted) return;
			clearTimeout(timer);
			update((s) => ({
				...s,
				status: 'ready',
				accounts,
				cachedIds: EMPTY_IDS,
				fromCache: false,
				received: accounts.length,
				loadedAt: new Date(),
			}));
			// The list is in the state now: the rows kept until it came (a cached list, the last load's) can go.
			base.clear();
			live.clear();
			if (cache && callerAccountId) {
				// A cache that cannot be written costs the next start its head start, nothing more.
				cache.write(organization.id, callerAccountId, accounts).catch(() => undefined);
			}
		};

		run().catch((error: unknown) => {
			if (signal.aborted) return;
			clearTimeout(timer);
			const failure: LoadFailure =
				error instanceof LoadStep
					? { operation: error.operation, error: error.original }
					: { operation: 'listAccounts', error };
			const { accounts, cachedIds } = shown();
			update((s) => ({ ...s, status: 'failed', failure, accounts, cachedIds, received: live.size }));
		});

		return () => {
			controller.abort();
			clearTimeout(timer);
		};
	}, [gateway, cache, publishIntervalMs, generation]);

	const refresh = useCallback(() => {
		controllerRef.current?.abort();
		setGeneration((value) => value + 1);
	}, []);

	const updateAccount = useCallback((account: Account) => {
		setState((s) => {
			const index = s.accounts.findIndex((item) => item.id === account.id);
			if (index === -1) return s;
			const accounts = [...s.accounts];
			accounts[index] = account;
			let cachedIds = s.cachedIds;
			if (cachedIds.has(account.id)) {
				const next = new Set(cachedIds);
				next.delete(account.id);
				cachedIds = next;
			}
			return { ...s, accounts, cachedIds };
		});
	}, []);

	return { ...state, refresh, updateAccount };
}
