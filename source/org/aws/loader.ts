/**
 * Loads every account of an organization by walking its OU tree concurrently.
 *
 * ListAccounts pages 20 accounts at a time and each page needs the previous
 * page's token, so 10,000 accounts are 500 sequential round trips. The tree
 * walk lists every OU's accounts (ListAccountsForParent) side by side instead,
 * through a bounded pool of requests in flight, and reports each page as it
 * arrives, with the account's OU path already known.
 *
 * Completeness while accounts move: a walk is not a snapshot. An account that
 * moves from an OU not yet listed into one already listed is seen by neither
 * listing. Two ways prove the set complete, and the loader runs both side by
 * side and keeps whichever finishes first:
 * - the flat ListAccounts stream, paged from the start of the load: moves do
 *   not change it, so once it ends, every account the walk missed is known by
 *   id; each such account (only those moved during the load) is placed with
 *   ListParents. It costs the organization's pages one after another, the AWS
 *   CLI's own floor.
 * - a second walk, started after the first has finished: it sees every account
 *   where it is by then, so an account moved during the first walk is found.
 *   It costs twice the fullest parent's pages one after another.
 * With accounts spread over OUs the second walk wins (a fraction of the flat
 * stream's pages); with most accounts in one parent, or a few in each of many
 * OUs, the flat stream does (a second walk would page that parent again, or
 * send every OU's requests again). The flat stream runs in a lane of its own,
 * beside the pool, so the walks never delay its pages. When the first walk
 * ends, the second starts only if the flat stream, at its pace so far, would
 * not end first: its requests would only slow the stream down.
 * When one parent holds most accounts, the walk's listing of it only repeats
 * the flat stream's pages: once the tree is known and every other parent
 * listed, that last listing pauses if the flat stream would end first, and
 * the flat stream's accounts no walk saw are placed in it (where their
 * `Paths` say, when the endpoint sends them). Every other parent (and the
 * tree) is listed again meanwhile, so an account moved out of the first
 * walk's sight is found where it went, not taken for one of the paused
 * parent's. That parent is then paged once, by the flat stream alone.
 * An account seen in two places (moved while loading) is kept once; the latest
 * observation wins. An account seen by a walk and not found again is kept: it
 * either left the organization or moved again, and showing it until the next
 * refresh is safer than hiding an account that exists.
 *
 * Throttling: the listing client's standard retry mode (exponential backoff
 * with jitter, see clients.ts) absorbs TooManyRequestsException. If one still
 * escapes the SDK (its retry budget spent), the pool (request-pool.ts) halves
 * the number of requests in flight and sends that page again; the limit grows back one step
 * at a time after a run of successes. There are no sleeps here: the SDK paces
 * resends.
 */

import { setMaxListeners } from 'node:events';
import {
	DescribeOrganizationalUnitCommand,
	type ListAccountsCommandOutput,
	type ListAccountsForParentCommandOutput,
	type ListOrganizationalUnitsForParentCommandOutput,
	ListParentsCommand,
	type ListRootsCommandOutput,
	type OrganizationsClient,
	paginateListAccounts,
	paginateListAccountsForParent,
	paginateListOrganizationalUnitsForParent,
	paginateListRoots,
	type Account as SdkAccount,
} from '@aws-sdk/client-organizations';
import { type Account, displayAccount, type JoinedMethod, normalizeState } from '../../domain/account.js';
import { errorName, isThrottling, RequestPool, TaskGroup } from './request-pool.js';

/** Requests in flight by default: enough to hide round trips, few enough not to invite throttling. */
export const DEFAULT_CONCURRENCY = 8;
/** The most AWS returns per page for these listings. */
const PAGE_SIZE = 20;
/** How often one page is sent again after a throttling error escaped the SDK's own retries. */
const THROTTLED_PAGE_RESENDS = 5;
/** How often one OU's listing restarts when its pagination token became invalid. */
const LISTING_RESTARTS = 3;

export interface LoadAccountsOptions {
	readonly signal?: AbortSignal;
	/**
	 * Called with each page's accounts as it arrives. An account is reported
	 * again when a later observation changes it (moved while loading): merge by id.
	 */
	readonly onAccounts?: (accounts: readonly Account[]) => void;
	/** Requests in flight at most for the walks; the flat ListAccounts stream adds one beside them. */
	readonly concurrency?: number;
	/**
	 * Proving the result complete when accounts move during the load (the flat
	 * stream raced with a second walk, see above). Default true; false walks once.
	 */
	readonly verify?: boolean;
}

/**
 * An SDK account, in the product's terms, display-safe (the originals kept
 * beside); `parentPath` is the path as AWS names it, unescaped.
 */
export function toAccount(raw: SdkAccount, parentId: string, parentPath: string): Account {
	const { state, stateSource } = normalizeState(raw.State, raw.Status);
	const joinedMethod: JoinedMethod = raw.JoinedMethod === 'INVITED' ? 'INVITED' : 'CREATED';
	return displayAccount({
		id: raw.Id ?? '',
		name: raw.Name ?? '',
		email: raw.Email ?? '',
		state,
		stateSource,
		joinedMethod,
		joinedAt: raw.JoinedTimestamp ? raw.JoinedTimestamp.toISOString() : '',
		parentId,
		parentPath,
		raw: { ...raw },
	});
}

function sameAccount(a: Account, b: Account): boolean {
	return (
		a.name === b.name &&
		a.email === b.email &&
		a.state === b.state &&
		a.stateSource === b.stateSource &&
		a.joinedMethod === b.joinedMethod &&
		a.joinedAt === b.joinedAt &&
		a.parentId === b.parentId &&
		a.parentPath === b.parentPath &&
		a.original?.name === b.original?.name &&
		a.original?.email === b.original?.email &&
		a.original?.parentPath === b.original?.parentPath
	);
}

/** Whether an account record says what the kept one says, field by field (dates by their time). */
function sameRecord(kept: Readonly<Record<string, unknown>>, item: SdkAccount): boolean {
	const fields = Object.entries(item);
	if (fields.length !== Object.keys(kept).length) return false;
	for (const [field, value] of fields) {
		const keptValue = kept[field];
		if (keptValue === value) continue;
		if (keptValue instanceof Date && value instanceof Date && keptValue.getTime() === value.getTime()) continue;
		if (
			Array.isArray(keptValue) &&
			Array.isArray(value) &&
			keptValue.length === value.length &&
			keptValue.every((part, index) => part === value[index])
		) {
			continue;
		}
		return false;
	}
	return true;
}

/** A page token that no longer points anywhere (moto: the next account moved away; AWS: an expired token). */
function isStaleToken(error: unknown): boolean {
	const reason = (error as { Reason?: string } | undefined)?.Reason;
	return (
		errorName(error) === 'InvalidToken' ||
		(errorName(error) === 'InvalidInputException' &&
			(reason === 'INVALID_NEXT_TOKEN' || reason === 'INVALID_PAGINATION_TOKEN'))
	);
}

interface Page {
	readonly NextToken?: string | undefined;
}

/**
 * Every account of the organization reachable from its roots. Rejects with the
 * SDK's error (callers translate it), or with the signal's reason when aborted.
 */
export async function loadAccounts(client: OrganizationsClient, options: LoadAccountsOptions = {}): Promise<Account[]> {
	const { signal, onAccounts } = options;
	signal?.throwIfAborted();
	// Aborted by the caller, or by the loader itself on the first failure so nothing more is sent.
	const stop = new AbortController();
	// Every request in flight listens to it; Node's default of 10 listeners would warn on stderr.
	setMaxListeners(Math.max(10, 4 * (options.concurrency ?? DEFAULT_CONCURRENCY)), stop.signal);
	const forwardAbort = () => stop.abort(signal?.reason);
	signal?.addEventListener('abort', forwardAbort, { once: true });
	const pool = new RequestPool(Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY), stop.signal);
	const sendOptions = { abortSignal: stop.signal };
	const seen = new Map<string, Account>();
	/** Every root's and OU's path by id, as the walks found them. */
	const pathById = new Map<string, string>();

	/** Runs a paginated listing page by page, each page one request through the pool. */
	async function eachPage<TPage extends Page>(
		/** The pool's priority, or 'own lane': one request at a time beside the pool (the flat stream). */
		priority: 0 | 1 | 'own lane',
		paginate: (startingToken: string | undefined) => AsyncIterable<TPage>,
		onPage: (page: TPage) => void,
		/** Awaited before each later page: a listing the flat stream makes redundant waits here (paused). */
		beforeNextPage?: () => Promise<void> | undefined,
	): Promise<void> {
		let token: string | undefined;
		let resends = THROTTLED_PAGE_RESENDS;
		let restarts = LISTING_RESTARTS;
		let pages = paginate(token)[Symbol.asyncIterator]();
		for (;;) {
			let result: IteratorResult<TPage, unknown>;
			try {
				// A listing's later pages go first, as OU listings do: the fullest parent's pages in a row are
				// the walk's critical path, and must not queue behind every other parent's first page.
				result =
					priority === 'own lane'
						? await pages.next()
						: await pool.run(token === undefined ? priority : 0, () => pages.next());
			} catch (error) {
				if (stop.signal.aborted) throw stop.signal.reason;
				if (isThrottling(error) && resends-- > 0) {
					// The paginator ended with the error; resume from the page that failed.
					pages = paginate(token)[Symbol.asyncIterator]();
					continue;
				}
				if (isStaleToken(error) && token !== undefined && restarts-- > 0) {
					// Start this listing over; accounts seen twice are kept once.
					token = undefined;
					pages = paginate(token)[Symbol.asyncIterator]();
					continue;
				}
				throw error;
			}
			if (result.done) return;
			onPage(result.value);
			token = result.value.NextToken;
			// Stop here rather than ask the paginator once more: that would queue for a slot for nothing.
			if (!token) return;
			const wait = beforeNextPage?.();
			if (wait) {
				await wait;
				if (stop.signal.aborted) throw stop.signal.reason;
			}
		}
	}

	function observe(raw: readonly SdkAccount[] | undefined, parentId: string, parentPath: string): void {
		const changed: Account[] = [];
		for (const item of raw ?? []) {
			if (!item.Id) continue;
			// Seen again as it was (a second walk, say): the object kept, and on screen, stays; no copy is made.
			const kept = seen.get(item.Id);
			if (kept?.raw && kept.parentId === parentId && (kept.original?.parentPath ?? kept.parentPath) === parentPath) {
				if (sameRecord(kept.raw, item)) continue;
			}
			const account = toAccount(item, parentId, parentPath);
			const previous = seen.get(account.id);
			seen.set(account.id, account);
			if (!previous || !sameAccount(previous, account)) changed.push(account);
		}
		if (changed.length > 0 && !stop.signal.aborted) onAccounts?.(changed);
	}

	interface WalkOptions {
		/** The first walk watches for its last open listing, which the flat stream may make redundant. */
		readonly first?: boolean;
		/** A parent whose accounts are not listed (the paused one: the flat stream places them). */
		readonly skipAccountsOf?: string;
	}

	async function walk({ first = false, skipAccountsOf }: WalkOptions = {}): Promise<void> {
		const group = new TaskGroup(() => stop.abort(new Error('stopped after a failure')));
		/** Tree listings (roots, each parent's OUs) still running, and the parents whose accounts are still listed. */
		let treeListingsOpen = 0;
		const accountListingsOpen = new Set<string>();

		const track = (listing: Promise<void>, close: () => void): Promise<void> => listing.finally(close);

		const visit = (parentId: string, parentPath: string): void => {
			pathById.set(parentId, parentPath);
			treeListingsOpen++;
			group.add(
				track(
					eachPage<ListOrganizationalUnitsForParentCommandOutput>(
						0,
						(startingToken) =>
							paginateListOrganizationalUnitsForParent(
								{ client, pageSize: PAGE_SIZE, startingToken },
								{ ParentId: parentId },
								sendOptions,
							),
						(page) => {
							for (const ou of page.OrganizationalUnits ?? []) {
								if (ou.Id) visit(ou.Id, `${parentPath}/${ou.Name ?? ou.Id}`);
							}
						},
					),
					() => treeListingsOpen--,
				),
			);
			if (parentId === skipAccountsOf) return;
			accountListingsOpen.add(parentId);
			group.add(
				track(
					eachPage<ListAccountsForParentCommandOutput>(
						1,
						(startingToken) =>
							paginateListAccountsForParent(
								{ client, pageSize: PAGE_SIZE, startingToken },
								{ ParentId: parentId },
								sendOptions,
							),
						(page) => observe(page.Accounts, parentId, parentPath),
						// Only the last listing still open can be left to the flat stream: the tree is known, every
						// other parent listed, so what the flat stream lists and no walk saw belongs to this one.
						first
							? () =>
									treeListingsOpen === 0 && accountListingsOpen.size === 1 ? pauseIfRedundant(parentId) : undefined
							: undefined,
					),
					() => accountListingsOpen.delete(parentId),
				),
			);
		};

		treeListingsOpen++;
		group.add(
			track(
				eachPage<ListRootsCommandOutput>(
					0,
					(startingToken) => paginateListRoots({ client, pageSize: PAGE_SIZE, startingToken }, {}, sendOptions),
					(page) => {
						for (const root of page.Roots ?? []) {
							if (root.Id) visit(root.Id, root.Name ?? 'Root');
						}
					},
				),
				() => treeListingsOpen--,
			),
		);
		await group.done;
	}

	/** The flat stream's progress, to judge whether a second walk, or the rest of a listing, could finish before it. */
	const flat = { pages: 0, accounts: 0, started: 0, failed: false, read: new Set<string>() };
	/** The flat stream's accounts no walk had seen when their page came, by id. */
	const unseen = new Map<string, SdkAccount>();

	/**
	 * The first walk's last listing, left to the flat stream: what the flat
	 * stream lists and no walk has seen is placed in it (or where its Paths say).
	 */
	let paused: { readonly parentId: string; readonly gate: Promise<void> } | undefined;
	/** Settles when the flat stream, with the paused listing's complement, proves the set complete. */
	let settleComplement: { resolve: () => void; reject: (error: unknown) => void } | undefined;
	const viaComplement = new Promise<void>((resolve, reject) => {
		settleComplement = { resolve, reject };
	});
	viaComplement.catch(() => {});

	/**
	 * The flat ListAccounts stream: fills `unseen`; resolves false when it cannot
	 * be read (the walks then prove the set complete alone).
	 */
	async function readFlatStream(): Promise<boolean> {
		flat.started = performance.now();
		try {
			// Its own lane: one page after another, never queued behind the walk's requests.
			await eachPage<ListAccountsCommandOutput>(
				'own lane',
				(startingToken) => paginateListAccounts({ client, pageSize: PAGE_SIZE, startingToken }, {}, sendOptions),
				(page) => {
					flat.pages++;
					for (const item of page.Accounts ?? []) {
						if (!item.Id) continue;
						flat.accounts++;
						flat.read.add(item.Id);
						if (!seen.has(item.Id)) unseen.set(item.Id, item);
					}
					if (paused) placeProvisionally(paused.parentId);
				},
			);
			return true;
		} catch {
			if (stop.signal.aborted) throw stop.signal.reason;
			flat.failed = true;
			return false;
		}
	}

	/**
	 * Whether the flat stream will likely end before a second walk would: its
	 * pages still to come (the first walk counted the accounts) at its pace so
	 * far, against the first walk's own time. A second walk not needed is not
	 * sent: its requests would only slow the stream down.
	 */
	function flatStreamFinishesFirst(firstWalkMs: number): boolean {
		if (flat.pages === 0 || flat.failed) return false;
		const msPerPage = (performance.now() - flat.started) / flat.pages;
		const pagesLeft = Math.ceil(Math.max(0, seen.size - flat.accounts) / PAGE_SIZE);
		return pagesLeft * msPerPage <= firstWalkMs;
	}

	/**
	 * Whether the rest of parent P's listing, followed by a second walk (which
	 * pages P again), would take longer than the flat stream's rest: then P's
	 * listing stops here, and the flat stream places P's accounts. Both read
	 * 20 accounts a page, one page after another, so the comparison is in
	 * accounts: the walk's rest and second pass, |P| - seenP + |P|, against the
	 * flat stream's rest, K + |P| - F (K: the accounts of every other parent;
	 * F: those the flat stream has read). |P| is at least seenP; past that it
	 * is estimated from the share of other parents' accounts in the flat
	 * stream so far. On moto the two streams also slow each other down (one
	 * server process answers both); on AWS the rest of P only costs requests.
	 */
	function pauseIfRedundant(parentId: string): Promise<void> | undefined {
		if (paused) return paused.parentId === parentId ? paused.gate : undefined;
		if (flat.failed || flat.pages === 0) return undefined;
		let others = 0;
		for (const account of seen.values()) if (account.parentId !== parentId) others++;
		const seenHere = seen.size - others;
		const readByFlat = flat.accounts;
		if (readByFlat < others) {
			let othersReadByFlat = 0;
			for (const id of flat.read) if (seen.has(id) && seen.get(id)?.parentId !== parentId) othersReadByFlat++;
			const organization = othersReadByFlat > 0 ? (others * readByFlat) / othersReadByFlat : Number.POSITIVE_INFINITY;
			const here = Math.max(seenHere, organization - others);
			if (here < others + seenHere - readByFlat) return undefined;
		}
		return pause(parentId);
	}

	function pause(parentId: string): Promise<void> {
		let resume = () => {};
		const gate = new Promise<void>((resolve) => {
			resume = resolve;
		});
		stop.signal.addEventListener('abort', () => resume(), { once: true });
		paused = { parentId, gate };
		placeProvisionally(parentId);
		// Every other parent listed again (and the tree walked again, for OUs created meanwhile): an
		// account moved during the first walk out of its sight is found where it went.
		const relisted = walk({ skipAccountsOf: parentId });
		relisted.catch(() => {});
		Promise.all([flatStream, relisted]).then(
			async ([flatRead]) => {
				if (!flatRead) {
					// No flat stream after all: the paused listing goes on, and the walks prove the set.
					paused = undefined;
					resume();
					return;
				}
				await placeUnseen();
				settleComplement?.resolve();
			},
			(error: unknown) => settleComplement?.reject(error),
		);
		return gate;
	}

	/** The flat stream's accounts no walk has seen, shown in the paused parent (or where their Paths say) until a walk sees them. */
	function placeProvisionally(pausedParentId: string): void {
		const byParent = new Map<string, SdkAccount[]>();
		for (const [id, raw] of [...unseen]) {
			unseen.delete(id);
			if (seen.has(id)) continue;
			const parentId = parentFromPaths(raw) ?? pausedParentId;
			const known = pathById.get(parentId);
			if (known === undefined) {
				// A parent created during the load: placed at the end, with its path looked up.
				unseen.set(id, raw);
				continue;
			}
			byParent.set(parentId, [...(byParent.get(parentId) ?? []), raw]);
		}
		for (const [parentId, raws] of byParent) observe(raws, parentId, pathById.get(parentId) ?? '');
	}

	/** The path of a root or OU the walks did not list (created during the load): walked up with ListParents. */
	async function pathOfParent(parentId: string): Promise<string> {
		const known = pathById.get(parentId);
		if (known !== undefined) return known;
		const [parents, described] = await Promise.all([
			pool.run(0, () => client.send(new ListParentsCommand({ ChildId: parentId }), sendOptions)),
			pool.run(0, () =>
				client.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: parentId }), sendOptions),
			),
		]);
		const above = parents.Parents?.[0]?.Id;
		const path = `${above ? await pathOfParent(above) : 'Root'}/${described.OrganizationalUnit?.Name ?? parentId}`;
		pathById.set(parentId, path);
		return path;
	}

	/**
	 * Places the accounts the flat stream listed and no walk has seen (moved out
	 * of the walk's sight): where their Paths say, else where ListParents says.
	 */
	async function placeUnseen(): Promise<void> {
		const missed = [...unseen].filter(([id]) => !seen.has(id));
		if (missed.length === 0) return;
		const group = new TaskGroup(() => stop.abort(new Error('stopped after a failure')));
		for (const [id, raw] of missed) {
			group.add(
				(async () => {
					let parentId = parentFromPaths(raw);
					if (!parentId) {
						try {
							const parents = await pool.run(0, () =>
								client.send(new ListParentsCommand({ ChildId: id }), sendOptions),
							);
							parentId = parents.Parents?.[0]?.Id;
						} catch (error) {
							// Left the organization since the flat stream listed it: nothing to show.
							if (isGone(error)) return;
							throw error;
						}
					}
					if (parentId && !seen.has(id)) observe([raw], parentId, await pathOfParent(parentId));
				})(),
			);
		}
		await group.done;
	}

	const finished = new Error('the load is complete');
	let flatStream: Promise<boolean> = Promise.resolve(false);
	try {
		if (options.verify === false) {
			await walk();
			return Array.from(seen.values());
		}
		flatStream = readFlatStream();
		flatStream.catch(() => {});
		const firstWalkStarted = performance.now();
		const viaWalks = (async () => {
			await walk({ first: true });
			let secondWalk: Promise<void> | undefined;
			const startSecondWalk = (): Promise<void> => {
				secondWalk ??= walk();
				secondWalk.catch(() => {});
				return secondWalk;
			};
			if (!flatStreamFinishesFirst(performance.now() - firstWalkStarted)) startSecondWalk();
			// Without the flat stream (refused, or failed) only a second walk can finish the load.
			const viaFlatStream = flatStream.then((flatRead) => (flatRead ? placeUnseen() : startSecondWalk()));
			viaFlatStream.catch(() => {});
			await Promise.race(secondWalk ? [viaFlatStream, secondWalk] : [viaFlatStream]);
		})();
		viaWalks.catch(() => {});
		await Promise.race([viaWalks, viaComplement]);
		const accounts = Array.from(seen.values());
		// The slower proof is not needed any more: stop its requests.
		stop.abort(finished);
		return accounts;
	} catch (error) {
		if (signal?.aborted) throw signal.reason;
		throw error;
	} finally {
		signal?.removeEventListener('abort', forwardAbort);
	}
}

/**
 * The parent an account's Paths name (`o-…/r-…/ou-…/ACCOUNT_ID/`, sent by
 * endpoints since 2026; moto does not), or undefined without them.
 */
export function parentFromPaths(raw: SdkAccount): string | undefined {
	const parts = raw.Paths?.[0]?.split('/').filter((part) => part !== '');
	if (!parts || parts.length < 3 || parts[parts.length - 1] !== raw.Id) return undefined;
	const parent = parts[parts.length - 2];
	return parent?.startsWith('r-') || parent?.startsWith('ou-') ? parent : undefined;
}

/** The account is no longer in the organization. */
function isGone(error: unknown): boolean {
	const name = errorName(error);
	return name === 'ChildNotFoundException' || name === 'AccountNotFoundException';
}
