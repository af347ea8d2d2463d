/**
 * The plan of a batch, before anything changes (like `terraform plan`): for
 * every account what will happen, why it is refused (with the fix), or that
 * it must wait for the closure allowance (with the date a slot frees); and the
 * totals, the account quota before and after, the allowance used and left.
 * Linear in the number of accounts: it is rebuilt for 10,000 rows at a key press.
 */
import type { Account, CallerIdentity, Organization } from '../account.js';
import { addDays, CLOSURE_WINDOW_DAYS, type ClosureAllowance, closureAllowance } from '../quota.js';
import { callerRefusal, closedMemberRefusal } from '../removal.js';
import type { ActingVerb } from './verbs.js';

export type PlanOutcome =
	| { readonly kind: 'act' }
	| { readonly kind: 'refused'; readonly code: RefusalCode; readonly why: string; readonly fix: string }
	/** The closure allowance is spent for this one: `until` is when a slot frees (ISO), when known. */
	| { readonly kind: 'wait'; readonly why: string; readonly until: string | undefined };

export type RefusalCode =
	| 'gone'
	| 'not-management-caller'
	| 'management-account'
	| 'cached-row'
	| 'already-closed'
	| 'closed-cannot-leave'
	| 'delegated-administrator'
	| 'already-quarantined'
	| 'not-quarantined'
	| 'no-former-parent';

export interface PlanEntry {
	readonly accountId: string;
	/** Display-safe (from the account), '' when the account is no longer listed. */
	readonly name: string;
	readonly outcome: PlanOutcome;
}

/** Where quarantined accounts go, and where each came from (the journal's moves). */
export interface QuarantineTarget {
	/** The quarantine OU's id when it exists already; undefined: it is created after the confirmation. */
	readonly ouId: string | undefined;
	/** Its path, e.g. Root/Suspended. */
	readonly ouPath: string;
}

export interface PlanInput {
	readonly verb: ActingVerb;
	/** The marked accounts (or the selected one), in the order they are shown. */
	readonly accountIds: readonly string[];
	readonly accountsById: ReadonlyMap<string, Account>;
	readonly organization: Organization;
	readonly caller: CallerIdentity;
	/** Rows from the cache not yet confirmed by a load. */
	readonly cachedIds: ReadonlySet<string>;
	/** Members of the organization, the management account excluded (the closure allowance). */
	readonly memberCount: number;
	/** Closures that count against the allowance (ISO), from the journal and the organization. */
	readonly closuresAt: readonly string[];
	/** ISO 8601. */
	readonly now: string;
	/** The account quota when known. */
	readonly quota?: { readonly counted: number; readonly limit: number } | undefined;
	/** Delegated administrators, when they were read; undefined: not known. */
	readonly delegatedAdministrators?: ReadonlySet<string> | undefined;
	readonly quarantine?: QuarantineTarget | undefined;
	/** For move back: each account's parent before it was quarantined (from the journal). */
	readonly formerParents?: ReadonlyMap<string, string> | undefined;
}

export interface PlanTotals {
	readonly act: number;
	readonly refused: number;
	readonly wait: number;
}

export interface Plan {
	readonly verb: ActingVerb;
	readonly entries: readonly PlanEntry[];
	readonly totals: PlanTotals;
	/** The ids that will be acted on, in order: exactly what the confirmation covers. */
	readonly acting: readonly string[];
	readonly quota: { readonly before: number; readonly after: number; readonly limit: number } | undefined;
	/** For close: the allowance before the batch, and what the batch leaves. */
	readonly allowance: (ClosureAllowance & { readonly leftAfter: number }) | undefined;
	/** For close, when some must wait: when the first waiting one can go. */
	readonly nextSlotAt: string | undefined;
}

const CLOSED_OR_CLOSING: ReadonlySet<Account['state']> = new Set(['CLOSED', 'PENDING_CLOSURE', 'SUSPENDED']);

function refused(code: RefusalCode, why: string, fix: string): PlanOutcome {
	return { kind: 'refused', code, why, fix };
}

/** Why one account cannot be part of the batch, whatever the verb. */
function commonRefusal(
	input: PlanInput,
	id: string,
	account: Account | undefined,
	caller: PlanOutcome | undefined,
): PlanOutcome | undefined {
	if (!account) {
		return refused(
			'gone',
			'It is no longer in the organization’s list.',
			'Nothing to do for it; r reloads the list if this is unexpected.',
		);
	}
	if (caller) return caller;
	if (input.cachedIds.has(id)) {
		return refused(
			'cached-row',
			'This row comes from the cache and its state has not been confirmed by AWS yet.',
			'Wait for the list to load (or press r), then plan again.',
		);
	}
	return undefined;
}

function closeRefusal(input: PlanInput, account: Account): PlanOutcome | undefined {
	if (account.id === input.organization.managementAccountId) {
		return refused(
			'management-account',
			'The management account cannot be closed with CloseAccount.',
			'Close it as its root user in the console, after every member (c on its row shows the steps).',
		);
	}
	if (CLOSED_OR_CLOSING.has(account.state)) {
		return refused(
			'already-closed',
			`It is already ${account.state === 'PENDING_CLOSURE' ? 'closing' : account.state.toLowerCase()}.`,
			'Nothing to do: it leaves the organization when AWS deletes it, about 90 days after its closure.',
		);
	}
	return undefined;
}

function removeRefusal(input: PlanInput, account: Account): PlanOutcome | undefined {
	if (account.id === input.organization.managementAccountId) {
		return refused(
			'management-account',
			'The management account cannot leave its own organization.',
			'Remove or close every member, then close it in the console.',
		);
	}
	const closed = closedMemberRefusal(account);
	if (closed) return refused('closed-cannot-leave', closed.why, closed.next);
	if (input.delegatedAdministrators?.has(account.id)) {
		return refused(
			'delegated-administrator',
			'It is a delegated administrator for a service of the organization: AWS refuses to remove it.',
			'Deregister it (organizations deregister-delegated-administrator) for each service, then plan again.',
		);
	}
	return undefined;
}

function quarantineRefusal(input: PlanInput, account: Account): PlanOutcome | undefined {
	if (account.id === input.organization.managementAccountId) {
		return refused(
			'management-account',
			'Service control policies never apply to the management account: quarantine would not stop anything in it.',
			'Leave it out of the batch.',
		);
	}
	const target = input.quarantine;
	if (target?.ouId !== undefined && account.parentId === target.ouId) {
		return refused('already-quarantined', `It is already in ${target.ouPath}.`, 'Nothing to do.');
	}
	return undefined;
}

function moveBackRefusal(input: PlanInput, account: Account): PlanOutcome | undefined {
	const target = input.quarantine;
	if (target?.ouId === undefined || account.parentId !== target.ouId) {
		return refused(
			'not-quarantined',
			`It is not in the quarantine OU${target ? ` (${target.ouPath})` : ''}.`,
			'Nothing to move back; move it by hand if it belongs elsewhere.',
		);
	}
	if (!input.formerParents?.get(account.id)) {
		return refused(
			'no-former-parent',
			'The journal has no record of where it was before it was quarantined.',
			'Move it by hand (organizations move-account) to the OU it belongs in.',
		);
	}
	return undefined;
}

const VERB_REFUSAL: Record<ActingVerb, (input: PlanInput, account: Account) => PlanOutcome | undefined> = {
	close: closeRefusal,
	remove: removeRefusal,
	quarantine: quarantineRefusal,
	'move-back': moveBackRefusal,
};

/**
 * When each of `waiting` closures can go: a slot frees when the oldest
 * closure in the window is 30 days old; the closures planned now take the
 * slots left first, and a waiting one may need a slot a later one frees.
 */
export function slotDates(
	closuresAt: readonly string[],
	planned: number,
	waiting: number,
	limit: number,
	now: string,
): string[] {
	const windowStart = Date.parse(now) - CLOSURE_WINDOW_DAYS * 24 * 60 * 60 * 1000;
	const times = closuresAt.filter((at) => Date.parse(at) > windowStart).sort();
	for (let index = 0; index < planned; index++) times.push(now);
	const dates: string[] = [];
	for (let index = 0; index < waiting; index++) {
		// The window holds `times.length` closures; one more fits once all but `limit - 1` of them are 30 days old.
		const frees = Math.max(0, times.length - limit);
		const at = times[frees];
		const date = addDays(at ?? now, CLOSURE_WINDOW_DAYS);
		dates.push(date);
		// The waiting closure itself takes the slot when it goes, and holds it 30 days.
		times.push(date);
	}
	return dates;
}

export function buildPlan(input: PlanInput): Plan {
	const { verb } = input;
	const entries: PlanEntry[] = [];
	const seen = new Set<string>();
	const allowance =
		verb === 'close' ? closureAllowance(input.memberCount, input.closuresAt, new Date(input.now)) : undefined;
	let slotsLeft = allowance?.left ?? Number.POSITIVE_INFINITY;
	const acting: string[] = [];
	const waitingIndexes: number[] = [];
	// The same for every account: read once.
	const notManagement = callerRefusal(input.caller, input.organization, verb === 'close' ? 'close' : 'move or remove');
	const callerOutcome = notManagement
		? refused('not-management-caller', notManagement.why, notManagement.next)
		: undefined;
	for (const id of input.accountIds) {
		if (seen.has(id)) continue;
		seen.add(id);
		const account = input.accountsById.get(id);
		const outcome =
			commonRefusal(input, id, account, callerOutcome) ?? (account ? VERB_REFUSAL[verb](input, account) : undefined);
		if (outcome) {
			entries.push({ accountId: id, name: account?.name ?? '', outcome });
			continue;
		}
		if (slotsLeft > 0) {
			slotsLeft--;
			acting.push(id);
			entries.push({ accountId: id, name: account?.name ?? '', outcome: { kind: 'act' } });
		} else {
			waitingIndexes.push(entries.length);
			entries.push({ accountId: id, name: account?.name ?? '', outcome: { kind: 'wait', why: '', until: undefined } });
		}
	}
	let nextSlotAt: string | undefined;
	if (allowance && waitingIndexes.length > 0) {
		const dates = slotDates(input.closuresAt, acting.length, waitingIndexes.length, allowance.limit, input.now);
		nextSlotAt = dates[0];
		waitingIndexes.forEach((entryIndex, index) => {
			const entry = entries[entryIndex] as PlanEntry;
			const until = dates[index];
			entries[entryIndex] = {
				...entry,
				outcome: {
					kind: 'wait',
					why: `The closure allowance (${allowance.limit} in 30 days) is spent by then: it stays queued until a slot frees${until ? ` on ${until.slice(0, 10)}` : ''}.`,
					until,
				},
			};
		});
	}
	const totals: PlanTotals = {
		act: acting.length,
		wait: waitingIndexes.length,
		refused: entries.length - acting.length - waitingIndexes.length,
	};
	// Only a removal frees slots at once; closed members keep counting for about 90 days, a moved one is still a member.
	const quota = input.quota
		? {
				before: input.quota.counted,
				after: verb === 'remove' ? input.quota.counted - acting.length : input.quota.counted,
				limit: input.quota.limit,
			}
		: undefined;
	return {
		verb,
		entries,
		totals,
		acting,
		quota,
		allowance: allowance ? { ...allowance, leftAfter: Math.max(0, allowance.left - acting.length) } : undefined,
		nextSlotAt,
	};
}

/** One line per outcome kind, for the plan's header and the queue's summary. */
export function totalsLine(plan: Plan): string {
	const parts = [`${plan.totals.act} will act`];
	if (plan.totals.wait > 0) parts.push(`${plan.totals.wait} must wait`);
	parts.push(`${plan.totals.refused} refused`);
	return parts.join(' · ');
}
