/** The plan's input from what the app holds: the list as loaded, the journal's closures, the quota. */
import type { Account, CallerIdentity, Organization } from '../domain/account.js';
import type { PlanInput, QuarantineTarget } from '../domain/batch/plan.js';
import type { ActingVerb } from '../domain/batch/verbs.js';
import { knownClosureTimes } from '../domain/flow/closure-allowance.js';
import {
	addDays,
	CLOSURE_WINDOW_DAYS,
	countedWithInvitations,
	type QuotaLookup,
	quotaUsage,
	resolveQuotaLimit,
} from '../domain/quota.js';
import type { Journal } from '../store/journal/journal.js';

export interface PlanSources {
	readonly verb: ActingVerb;
	readonly accountIds: readonly string[];
	readonly accounts: readonly Account[];
	readonly organization: Organization;
	readonly caller: CallerIdentity;
	readonly cachedIds: ReadonlySet<string>;
	readonly journal: Journal | undefined;
	readonly quota: QuotaLookup | undefined;
	readonly quotaOverride: number | undefined;
	readonly now: Date;
	readonly quarantine?: QuarantineTarget | undefined;
	readonly formerParents?: ReadonlyMap<string, string> | undefined;
}

export function planInput(sources: PlanSources): PlanInput {
	const { accounts, organization, journal, now } = sources;
	const windowStart = new Date(now.getTime() - CLOSURE_WINDOW_DAYS * 24 * 60 * 60 * 1000);
	let journalClosures: { accountId: string; at: string }[] = [];
	try {
		journalClosures = journal?.closuresSince(windowStart) ?? [];
	} catch {
		// An unreadable journal: the allowance is estimated from the organization alone; AWS stays the authority.
	}
	const usage = quotaUsage(accounts);
	const limit = sources.quota ? resolveQuotaLimit(sources.quota, sources.quotaOverride) : undefined;
	return {
		verb: sources.verb,
		accountIds: sources.accountIds,
		accountsById: new Map(accounts.map((account) => [account.id, account])),
		organization,
		caller: sources.caller,
		cachedIds: sources.cachedIds,
		memberCount: accounts.filter((account) => account.id !== organization.managementAccountId).length,
		closuresAt: knownClosureTimes(journalClosures, accounts),
		now: now.toISOString(),
		quota: limit
			? { counted: countedWithInvitations(usage, sources.quota?.invitations), limit: limit.limit }
			: undefined,
		quarantine: sources.quarantine,
		formerParents: sources.formerParents,
	};
}

/** When the oldest closure on record in the window leaves it: the allowance's next slot, as far as orgdash knows. */
export function nextSlotOnRecord(journal: Journal, accounts: readonly Account[], now: Date): string | undefined {
	const windowStart = new Date(now.getTime() - CLOSURE_WINDOW_DAYS * 24 * 60 * 60 * 1000);
	let closures: { accountId: string; at: string }[] = [];
	try {
		closures = journal.closuresSince(windowStart);
	} catch {
		// Only the organization's own dates, then.
	}
	const [oldest] = knownClosureTimes(closures, accounts)
		.filter((at) => Date.parse(at) > windowStart.getTime())
		.sort();
	return oldest ? addDays(oldest, CLOSURE_WINDOW_DAYS) : undefined;
}
