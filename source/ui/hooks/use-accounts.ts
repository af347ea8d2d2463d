/**
 * Loads the organization through the gateway: rows appear as pages arrive, a
 * refresh keeps the current rows until the new ones replace them, a failure
 * keeps whatever was loaded, and the load is aborted on unmount. A cache (the
 * last known list) can be plugged in: its rows show at once, marked as cached
 * until AWS confirms them.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Account, CallerIdentity, Organization } from '../../domain/account.js';
import type { LoadFailure, LoadOperation } from '../../domain/explain-load.js';
import type { QuotaLookup } from '../../domain/quota.js';
import type { OrgReader } from '../../org/gateway.js';

export type CachedList = { readonly accounts: readonly Account[]; readonly savedAt: Date };

/** The last known account list of one organization as seen by one caller (see store/cache.ts). */
export interface AccountsCache {
	/** The list, nothing, or a note saying why a stored list was not usable. Never throws. */
	read(organizationId: string, callerAccountId: string): Promise<CachedList | { readonly note: string } | undefined>;
	write(organizationId: string, callerAccountId: string, accounts: readonly Account[]): Promise<void>;
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
	const { cache, publishIntervalMs = 100 } = options;
	const [state, setState] = useState<AccountsState>(INITIAL);
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
		const previous = stateRef.current;
		const base = new Map<string, Account>(previous.accounts.map((account) => [account.id, account]));
		let baseIsCache = previous.fromCache;
		const live = new Map<string, Account>();
		let timer: ReturnType<typeof setTimeout> | undefined;
		let published = false;

		const shown = (): { accounts: Account[]; cachedIds: ReadonlySet<string> } => {
			const accounts = [...live.values()];
			const cachedIds = new Set<string>();
			for (const [id, account] of base) {
				if (live.has(id)) continue;
				accounts.push(account);
				if (baseIsCache || previous.cachedIds.has(id)) cachedIds.add(id);
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

		const run = async () => {
			// Who is signed in is shown even when the organization cannot be read (a standalone account, say).
			const callerLookup = gateway.callerIdentity().then(
				(identity) => {
					update((s) => ({ ...s, caller: identity, callerError: undefined }));
					return identity;
				},
				(error: unknown) => {
					update((s) => ({ ...s, callerError: errorText(error) }));
					return undefined;
				},
			);
			const organization = await step('describeOrganization', () => gateway.describeOrganization());
			if (signal.aborted) return;
			update((s) => ({ ...s, organization }));
			const caller = await callerLookup;
			if (signal.aborted) return;

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
				} else if (cached && live.size === 0) {
					for (const account of cached.accounts) base.set(account.id, account);
					baseIsCache = true;
					const { accounts, cachedIds } = shown();
					update((s) => ({ ...s, accounts, cachedIds, fromCache: true, loadedAt: cached.savedAt }));
				}
			}

			const accounts = await step('listAccounts', () => gateway.listAccounts({ signal, onAccounts }));
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
