/**
 * What counts toward the organization's account quota, the limit and where it
 * came from, the closure allowance, and the dates that follow a closure.
 * Pure: callers pass `now`.
 */

import type { Account } from './account.js';

/** Where the account-quota figure came from, most authoritative first. */
export type QuotaLimitSource = 'service-quotas' | 'aws-default' | 'user-setting' | 'documented-default';

export interface QuotaLookup {
	/** The applied value of the accounts quota, found in ListServiceQuotas, when it answered. */
	readonly applied?: number;
	/** The AWS default (GetAWSDefaultServiceQuota), when it answered. */
	readonly awsDefault?: number;
	/** The quota code the figure came from (codes may change: it is looked up, not assumed). */
	readonly quotaCode?: string;
	/** Why neither answered, when they did not. */
	readonly unavailableReason?: string;
	/** Invitations not yet answered: they count toward the quota too. */
	readonly invitations?: PendingInvitations;
}

/** Open or requested invitations (ListHandshakesForOrganization), or why they could not be read. */
export type PendingInvitations =
	| { readonly known: true; readonly count: number }
	| { readonly known: false; readonly reason: string };

/** Handshake states that still hold a slot: not yet accepted, declined, cancelled or expired. */
export const PENDING_HANDSHAKE_STATES: readonly string[] = ['OPEN', 'REQUESTED'];

/** How many invitations hold a slot, from the handshakes' states. */
export function countPendingInvitations(states: readonly (string | undefined)[]): number {
	return states.filter((state) => state !== undefined && PENDING_HANDSHAKE_STATES.includes(state)).length;
}

/** What counts toward the quota: the accounts, plus pending invitations when they are known. */
export function countedWithInvitations(usage: QuotaUsage, invitations: PendingInvitations | undefined): number {
	return usage.counted + (invitations?.known ? invitations.count : 0);
}

/** One quota as ListServiceQuotas describes it. */
export interface ListedQuota {
	readonly code?: string | undefined;
	readonly name?: string | undefined;
	readonly value?: number | undefined;
}

/** AWS's documented default maximum number of accounts in an organization. */
export const DOCUMENTED_DEFAULT_LIMIT = 10;
/**
 * Codes public code uses for the accounts quota ("Default maximum number of
 * accounts", "Maximum number of accounts"). AWS says codes may change, so the
 * quota is also found by its name.
 */
export const ACCOUNT_QUOTA_CODES: readonly string[] = ['L-29A0C5DF', 'L-E619E033'];
export const ACCOUNT_QUOTA_CODE = 'L-29A0C5DF';
const ACCOUNT_QUOTA_NAME = /^(default )?maximum number of accounts( in an organization)?$/i;

/** The organization's accounts quota among those ListServiceQuotas gives: by a known code, else by its name. */
export function findAccountQuota(quotas: readonly ListedQuota[]): ListedQuota | undefined {
	const withValue = quotas.filter((quota) => isPositive(quota.value));
	for (const code of ACCOUNT_QUOTA_CODES) {
		const byCode = withValue.find((quota) => quota.code === code);
		if (byCode) return byCode;
	}
	return withValue.find((quota) => ACCOUNT_QUOTA_NAME.test((quota.name ?? '').trim()));
}
/** Closed accounts are permanently deleted about 90 days after closure. */
export const POST_CLOSURE_DAYS = 90;
/** Closures are limited over a rolling window of this many days. */
export const CLOSURE_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(iso: string, days: number): string {
	return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

/** The day AWS may delete a closed account for good; also the last day it can be reopened through Support. */
export function deletionDate(closedAt: string): string {
	return addDays(closedAt, POST_CLOSURE_DAYS);
}

export interface QuotaUsage {
	/** Accounts that count toward the quota: every account the organization lists. */
	readonly counted: number;
	/** Of those, closed (or pending closure) and still counted until deletion. */
	readonly closedAwaitingDeletion: number;
	/** The soonest known deletion date among them (ISO), if any closure date is known. */
	readonly soonestDeletion: string | undefined;
	/** Closed accounts whose closure date is not known (closed outside orgdash). */
	readonly closedWithUnknownDate: number;
}

/**
 * Closed or closing by its owner. A SUSPENDED account counts as closed when
 * the legacy Status said so (Status reports closures as SUSPENDED) or when its
 * closure is on record (some endpoints report a closure as SUSPENDED); one
 * suspended by AWS, as the new State says, does not.
 */
function isClosing(account: Account, closedAt: string | undefined): boolean {
	if (account.state === 'CLOSED' || account.state === 'PENDING_CLOSURE') return true;
	return account.state === 'SUSPENDED' && (account.stateSource === 'Status' || closedAt !== undefined);
}

/**
 * Every account the organization lists counts, the management account and
 * closed members included: a closed member leaves the organization (and the
 * count) only when AWS deletes it at the end of the post-closure period.
 */
export function quotaUsage(accounts: readonly Account[], closedAtById?: ReadonlyMap<string, string>): QuotaUsage {
	let closedAwaitingDeletion = 0;
	let closedWithUnknownDate = 0;
	let soonest: string | undefined;
	for (const account of accounts) {
		const recorded = closedAtById?.get(account.id);
		if (!isClosing(account, account.closedAt ?? recorded)) continue;
		closedAwaitingDeletion++;
		const closedAt = [account.closedAt, recorded].find(isReadableDate);
		if (!closedAt) {
			closedWithUnknownDate++;
			continue;
		}
		const deletion = deletionDate(closedAt);
		if (!soonest || deletion < soonest) soonest = deletion;
	}
	return { counted: accounts.length, closedAwaitingDeletion, soonestDeletion: soonest, closedWithUnknownDate };
}

/** An unreadable date is treated as unknown: it must not stop the quota line from showing. */
function isReadableDate(value: string | undefined): value is string {
	return value !== undefined && Number.isFinite(Date.parse(value));
}

export interface QuotaLimit {
	readonly limit: number;
	readonly source: QuotaLimitSource;
	/** The Service Quotas code, when the figure came from Service Quotas. */
	readonly quotaCode?: string;
}

/**
 * The applied value from Service Quotas, then the user's setting, then the AWS
 * default, then the documented 10. The AWS default is only the unraised quota:
 * a limit the user set on purpose must not lose to it.
 */
export function resolveQuotaLimit(lookup: QuotaLookup, userSetting?: number): QuotaLimit {
	const code = lookup.quotaCode ? { quotaCode: lookup.quotaCode } : {};
	if (isPositive(lookup.applied)) return { limit: lookup.applied, source: 'service-quotas', ...code };
	if (isPositive(userSetting)) return { limit: userSetting, source: 'user-setting' };
	if (isPositive(lookup.awsDefault)) return { limit: lookup.awsDefault, source: 'aws-default', ...code };
	return { limit: DOCUMENTED_DEFAULT_LIMIT, source: 'documented-default' };
}

function isPositive(value: number | undefined): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

export const QUOTA_SOURCE_LABEL: Record<QuotaLimitSource, string> = {
	'service-quotas': 'Service Quotas',
	'aws-default': 'AWS default in Service Quotas',
	'user-setting': 'your setting (--quota)',
	'documented-default': 'documented default',
};

/** Where the limit came from, with the quota code when Service Quotas gave it. */
export function quotaSourceLabel(limit: QuotaLimit): string {
	const label = QUOTA_SOURCE_LABEL[limit.source];
	return limit.quotaCode ? `${label} ${limit.quotaCode}` : label;
}

export type QuotaLevel = 'ok' | 'near' | 'full' | 'over';

/** Near: 90% or more, or one slot left. */
export function quotaLevel(counted: number, limit: number): QuotaLevel {
	if (counted > limit) return 'over';
	if (counted === limit) return 'full';
	if (counted >= limit * 0.9 || limit - counted <= 1) return 'near';
	return 'ok';
}

export interface ClosureAllowance {
	/** Closures allowed in the rolling 30 days: the higher of 250 or 20% of members, at most 1,000. */
	readonly limit: number;
	/** Closures recorded (journal) in the last 30 days. */
	readonly used: number;
	readonly left: number;
	readonly spent: boolean;
}

/** The CloseAccount reference's rule; older pages said 10% with a minimum of 10, which AWS no longer applies. */
export const CLOSURE_ALLOWANCE_FLOOR = 250;
export const CLOSURE_ALLOWANCE_SHARE = 0.2;
export const CLOSURE_ALLOWANCE_CEILING = 1000;

/**
 * An estimate only: AWS is the authority and answers CLOSE_ACCOUNT_QUOTA_EXCEEDED.
 * `memberCount` excludes the management account.
 */
export function closureAllowance(memberCount: number, closuresAt: readonly string[], now: Date): ClosureAllowance {
	const share = Math.floor(memberCount * CLOSURE_ALLOWANCE_SHARE);
	const limit = Math.min(CLOSURE_ALLOWANCE_CEILING, Math.max(CLOSURE_ALLOWANCE_FLOOR, share));
	const windowStart = now.getTime() - CLOSURE_WINDOW_DAYS * DAY_MS;
	const used = closuresAt.filter((at) => Date.parse(at) > windowStart).length;
	const left = Math.max(0, limit - used);
	return { limit, used, left, spent: left === 0 };
}
