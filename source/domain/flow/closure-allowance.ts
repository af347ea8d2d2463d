/** The closure allowance as a flow sees it: which closures count, what is left, when the next slot frees. */
import type { Account } from '../account.js';
import { addDays, CLOSURE_WINDOW_DAYS, type ClosureAllowance, closureAllowance } from '../quota.js';
import type { FlowContext } from './types.js';

/**
 * The closures to count against the allowance: those the journal recorded and
 * those the organization shows with a closure date, each account once.
 */
export function knownClosureTimes(
	journalClosures: readonly { readonly accountId: string; readonly at: string }[],
	accounts: readonly Account[],
): string[] {
	const byAccount = new Map<string, string>();
	for (const closure of journalClosures) byAccount.set(closure.accountId, closure.at);
	for (const account of accounts) {
		if (account.closedAt && (account.state === 'CLOSED' || account.state === 'PENDING_CLOSURE')) {
			byAccount.set(account.id, account.closedAt);
		}
	}
	return [...byAccount.values()];
}

/** What the closure allowance looks like right now, and when the next slot frees if it is spent. */
export interface AllowanceView extends ClosureAllowance {
	/** ISO; when the oldest closure in the window leaves it (only when spent). */
	readonly nextSlotAt: string | undefined;
}

export function allowanceView(context: FlowContext): AllowanceView {
	const now = new Date(context.startedAt);
	const allowance = closureAllowance(context.memberCount, context.closuresAt, now);
	let nextSlotAt: string | undefined;
	if (allowance.spent) {
		const windowStart = now.getTime() - CLOSURE_WINDOW_DAYS * 24 * 60 * 60 * 1000;
		const inWindow = context.closuresAt.filter((at) => Date.parse(at) > windowStart).sort();
		if (inWindow[0]) nextSlotAt = addDays(inWindow[0], CLOSURE_WINDOW_DAYS);
	}
	return { ...allowance, nextSlotAt };
}
