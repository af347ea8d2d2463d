/**
 * The tags of the accounts on screen, for the filter's `tag:` term: read in
 * the background for the rows the dashboard shows and the selected one, at
 * most four accounts at a time, each once per load and kept until the next
 * load. Rows scrolled past before their turn are not read. With a cache
 * (kept with the impact scan), the tags read at the last start stand in for
 * the accounts not read yet, and what is read is written back once the reads
 * pause. Nothing here delays a frame or a key: the reads start after the
 * frame that asked for them, and each answer only updates state.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Tag } from '../../domain/impact.js';
import type { OrgReader } from '../../org/gateway.js';
import type { TagsById } from '../filter-query.js';
import type { ImpactCache } from './use-impact.js';

export interface UseRowTags {
	/** The tags read in this load, else cached, by account id (an account whose tags are not known is absent). */
	readonly tags: TagsById;
	/** The accounts on screen now: those not read nor being read are queued, the rest of the queue dropped. */
	want(accountIds: readonly string[]): void;
}

/** Accounts whose tags are read at once. */
export const TAG_READS_IN_FLIGHT = 4;

const NO_TAGS: TagsById = new Map();

/**
 * `loadKey` names the load the tags belong to (the time the live list was
 * read); undefined while no list is complete, and nothing is read then.
 */
export function useRowTags(
	gateway: Pick<OrgReader, 'accountTags'>,
	loadKey: string | undefined,
	cached?: { readonly cache: ImpactCache; readonly organizationId: string; readonly callerId: string },
): UseRowTags {
	const [tags, setTags] = useState<TagsById>(NO_TAGS);
	const [fromCache, setFromCache] = useState<TagsById>(NO_TAGS);
	const mounted = useRef(true);
	useEffect(
		() => () => {
			mounted.current = false;
		},
		[],
	);
	// Accounts asked for in this load (answered or not), the queue not yet sent, and how many are on their way.
	const asked = useRef(new Set<string>());
	const queue = useRef<string[]>([]);
	const inFlight = useRef(0);
	const load = useRef(loadKey);

	// A new load forgets the last one's tags; answers still on their way for it are dropped.
	useEffect(() => {
		load.current = loadKey;
		asked.current = new Set();
		queue.current = [];
		setTags(NO_TAGS);
	}, [loadKey]);

	const cache = cached?.cache;
	const organizationId = cached?.organizationId;
	const callerId = cached?.callerId;
	useEffect(() => {
		setFromCache(NO_TAGS);
		if (!cache?.readTags || !organizationId || !callerId) return;
		let current = true;
		cache
			.readTags(organizationId, callerId)
			.then((read) => {
				if (current && mounted.current && read) setFromCache(read);
			})
			.catch(() => undefined);
		return () => {
			current = false;
		};
	}, [cache, organizationId, callerId]);

	// Once the reads pause, what is known is written back (the cache is a convenience: a failed write is ignored).
	const merged = useMemo(
		() => (fromCache.size === 0 ? tags : tags.size === 0 ? fromCache : new Map([...fromCache, ...tags])),
		[fromCache, tags],
	);
	const latest = useRef(merged);
	latest.current = merged;
	const written = useRef<TagsById>(NO_TAGS);
	const writeBack = useCallback(() => {
		if (!cache?.writeTags || !organizationId || !callerId) return;
		const known = latest.current;
		if (known === written.current || known.size === 0) return;
		written.current = known;
		cache.writeTags(organizationId, callerId, known).catch(() => undefined);
	}, [cache, organizationId, callerId]);
	const writeLater = useRef(writeBack);
	writeLater.current = writeBack;

	const pump = useCallback(() => {
		while (inFlight.current < TAG_READS_IN_FLIGHT && queue.current.length > 0) {
			const accountId = queue.current.shift() as string;
			const forLoad = load.current;
			asked.current.add(accountId);
			inFlight.current++;
			void gateway
				.accountTags(accountId)
				.then(
					(item) => (item.known ? item.value : undefined),
					() => undefined,
				)
				.then((read: readonly Tag[] | undefined) => {
					inFlight.current--;
					if (!mounted.current) return;
					if (read && load.current === forLoad) {
						setTags((previous) => new Map(previous).set(accountId, read));
					}
					pump();
					// The last answer of a batch: written after the render it causes.
					if (inFlight.current === 0 && queue.current.length === 0) setTimeout(() => writeLater.current(), 0);
				});
		}
	}, [gateway]);

	const want = useCallback(
		(accountIds: readonly string[]) => {
			if (!loadKey || load.current !== loadKey) return;
			queue.current = [...new Set(accountIds)].filter((id) => !asked.current.has(id));
			pump();
		},
		[loadKey, pump],
	);

	return { tags: merged, want };
}
