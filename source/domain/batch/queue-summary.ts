/** What the dashboard says at start about batches left queued: "12 closures queued, 3 can run now". */
import type { ActingVerb } from './verbs.js';

export interface QueuedBatchView {
	readonly verb: ActingVerb;
	readonly count: number;
	/** ISO; the closure allowance's next slot, when it was spent. */
	readonly notBefore?: string | undefined;
}

const NOUNS: Record<ActingVerb, [string, string]> = {
	close: ['closure', 'closures'],
	remove: ['removal', 'removals'],
	quarantine: ['quarantine move', 'quarantine moves'],
	'move-back': ['move back', 'moves back'],
};

/** How many of a batch could be sent now: none before its date; for closures, no more than the allowance left. */
export function runnableNow(batch: QueuedBatchView, allowanceLeft: number, now: Date): number {
	if (batch.notBefore && Date.parse(batch.notBefore) > now.getTime()) return 0;
	return batch.verb === 'close' ? Math.min(batch.count, allowanceLeft) : batch.count;
}

export function queueSummary(
	batches: readonly QueuedBatchView[],
	allowanceLeft: number,
	now: Date,
): string | undefined {
	const parts = batches
		.filter((batch) => batch.count > 0)
		.map((batch) => {
			const [one, many] = NOUNS[batch.verb];
			const runnable = runnableNow(batch, allowanceLeft, now);
			const waiting =
				runnable === 0 && batch.notBefore && Date.parse(batch.notBefore) > now.getTime()
					? ` (next slot ${batch.notBefore.slice(0, 10)})`
					: '';
			return `${batch.count} ${batch.count === 1 ? one : many} queued, ${runnable} can run now${waiting}`;
		});
	return parts.length > 0 ? `${parts.join('; ')}: Q opens the queue.` : undefined;
}
