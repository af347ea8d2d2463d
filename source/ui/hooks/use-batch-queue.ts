/**
 * This organization's batch queue, and the one-line note at start when an
 * earlier run left accounts queued ("12 closures queued, 3 can run now").
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Account, Organization } from '../../domain/account.js';
import { queueSummary } from '../../domain/batch/queue-summary.js';
import { knownClosureTimes } from '../../domain/flow/closure-allowance.js';
import { CLOSURE_WINDOW_DAYS, closureAllowance } from '../../domain/quota.js';
import { BatchQueue } from '../../store/batch-queue.js';
import type { Journal } from '../../store/journal/journal.js';
import type { Settings } from '../../store/settings.js';

/** None without a settings folder of the user's (tests without one), or before the organization is known. */
export function useBatchQueue(
	settings: Settings | undefined,
	organizationId: string | undefined,
): BatchQueue | undefined {
	return useMemo(
		() => (settings && organizationId ? new BatchQueue(settings.directory, organizationId) : undefined),
		[settings, organizationId],
	);
}

/** The queue's note, once, when the first live list has loaded. */
export function useQueueNotice(
	queue: BatchQueue | undefined,
	journal: Journal | undefined,
	organization: Organization | undefined,
	accounts: readonly Account[],
	liveListLoaded: boolean,
	notify: (message: string) => void,
): void {
	const told = useRef(false);
	useEffect(() => {
		if (told.current || !queue || !organization || !liveListLoaded) return;
		told.current = true;
		const { batches, problem } = queue.read();
		const now = new Date();
		let closures: { accountId: string; at: string }[] = [];
		try {
			closures = journal?.closuresSince(new Date(now.getTime() - CLOSURE_WINDOW_DAYS * 24 * 60 * 60 * 1000)) ?? [];
		} catch {
			// As in the plan: AWS stays the authority.
		}
		const members = accounts.filter((account) => account.id !== organization.managementAccountId).length;
		const allowance = closureAllowance(members, knownClosureTimes(closures, accounts), now);
		const summary = queueSummary(
			batches.map((batch) => ({ verb: batch.verb, count: batch.accountIds.length, notBefore: batch.notBefore })),
			allowance.left,
			now,
		);
		const message = [summary, problem].filter(Boolean).join(' ');
		if (message) notify(message);
	}, [queue, journal, organization, accounts, liveListLoaded, notify]);
}
