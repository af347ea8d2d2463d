/**
 * The tags of the accounts on screen, for the filter's `tag:` term: read in
 * the background for the rows the dashboard shows and the selected one, at
 * most four accounts at a time, each once per load and kept until the next
 * load. Rows scrolled past before their turn are not read. Nothing here
 * delays a frame or a key: the reads start after the frame that asked for
 * them, and each answer only updates state.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Tag } from '../../domain/impact.js';
import type { OrgReader } from '../../org/gateway.js';
import type { TagsById } from '../filter-query.js';

export interface UseRowTags {
	/** The tags read in this load, by account id (an account whose tags could not be read is absent). */
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
export function useRowTags(gateway: Pick<OrgReader, 'accountTags'>, loadKey: string | undefined): UseRowTags {
	const [tags, setTags] = useState<TagsById>(NO_TAGS);
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

	return { tags, want };
}
