/** The account model, in the product's own terms (no SDK types leak past the adapters). */

import { displayText } from './display-text.js';

export const ACCOUNT_STATES = ['ACTIVE', 'PENDING_ACTIVATION', 'PENDING_CLOSURE', 'SUSPENDED', 'CLOSED'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

export type JoinedMethod = 'INVITED' | 'CREATED';

export interface Account {
	readonly id: string;
	readonly name: string;
	readonly email: string;
	readonly state: AccountState;
	/**
	 * Where `state` came from. The legacy `Status` field says SUSPENDED both for
	 * accounts suspended by AWS and for accounts closed by their owner, so a
	 * `Status`-derived SUSPENDED is ambiguous.
	 */
	readonly stateSource: 'State' | 'Status';
	readonly joinedMethod: JoinedMethod;
	/** ISO 8601. */
	readonly joinedAt: string;
	/** Id of the root or OU that holds the account ('' when not known). */
	readonly parentId: string;
	/** Human path of the parent, e.g. "Root/Workloads/Prod" ('' when not known). */
	readonly parentPath: string;
	/** ISO 8601; when the closure was requested, where known (sandbox, journal). */
	readonly closedAt?: string;
	/**
	 * The text as AWS gave it, for the fields whose display-safe form above
	 * differs (see display-text.ts); absent for the normal, clean account.
	 */
	readonly original?: OriginalText;
	/**
	 * The account as AWS returned it (its own field names, dates as Date or
	 * ISO text), as the adapter received it: not display-safe, for the raw view
	 * and scripts. Absent for an account read from the cache.
	 */
	readonly raw?: Readonly<Record<string, unknown>>;
}

/** Fields of an account as AWS gave them, before escaping for display. */
export interface OriginalText {
	readonly name?: string;
	readonly email?: string;
	readonly parentPath?: string;
}

export interface Organization {
	readonly id: string;
	readonly managementAccountId: string;
	readonly managementAccountEmail?: string;
	readonly featureSet: 'ALL' | 'CONSOLIDATED_BILLING';
}

export interface CallerIdentity {
	readonly accountId: string;
	readonly arn: string;
}

const STATE_SET = new Set<string>(ACCOUNT_STATES);

/**
 * Prefers the new `State` field; falls back to the legacy `Status` (retired by
 * AWS on 2026-09-09) only when `State` is absent or unknown.
 */
export function normalizeState(
	state: string | undefined,
	status: string | undefined,
): { state: AccountState; stateSource: 'State' | 'Status' } {
	if (state && STATE_SET.has(state)) {
		return { state: state as AccountState, stateSource: 'State' };
	}
	if (status && STATE_SET.has(status)) {
		return { state: status as AccountState, stateSource: 'Status' };
	}
	// An account the organization lists but whose state is unreadable is treated as active:
	// it exists and counts; no action depends on this fallback alone.
	return { state: 'ACTIVE', stateSource: state ? 'State' : 'Status' };
}

/**
 * The account's ARN: the one AWS gave when known (it carries the partition,
 * e.g. aws-us-gov), else built the way AWS builds it for the partition `aws`.
 */
export function accountArn(account: Account, organization: Pick<Organization, 'id' | 'managementAccountId'>): string {
	const given = account.raw?.Arn;
	if (typeof given === 'string' && given) return given;
	return `arn:aws:organizations::${organization.managementAccountId}:account/${organization.id}/${account.id}`;
}

/** AWS account ids are exactly 12 digits. */
export function isAccountId(value: string): boolean {
	return /^\d{12}$/.test(value);
}

/**
 * The account with its name, email and path made display-safe; the originals
 * are kept beside them only when they differ. Ids and dates are escaped
 * without keeping an original: AWS gives digits and ISO dates there.
 */
export function displayAccount(raw: Omit<Account, 'original'>): Account {
	const name = displayText(raw.name);
	const email = displayText(raw.email);
	const parentPath = displayText(raw.parentPath);
	const id = displayText(raw.id);
	const parentId = displayText(raw.parentId);
	const joinedAt = displayText(raw.joinedAt);
	const closedAt = raw.closedAt === undefined ? undefined : displayText(raw.closedAt);
	if (
		name === raw.name &&
		email === raw.email &&
		parentPath === raw.parentPath &&
		id === raw.id &&
		parentId === raw.parentId &&
		joinedAt === raw.joinedAt &&
		closedAt === raw.closedAt
	) {
		return raw;
	}
	const original: { name?: string; email?: string; parentPath?: string } = {};
	if (name !== raw.name) original.name = raw.name;
	if (email !== raw.email) original.email = raw.email;
	if (parentPath !== raw.parentPath) original.parentPath = raw.parentPath;
	return {
		...raw,
		id,
		name,
		email,
		parentId,
		parentPath,
		joinedAt,
		...(closedAt === undefined ? {} : { closedAt }),
		...(Object.keys(original).length > 0 ? { original } : {}),
	};
}

/** Name, email and path as AWS gave them (for `list --json` and anything written back for AWS). */
export function originalText(account: Account): Required<OriginalText> {
	return {
		name: account.original?.name ?? account.name,
		email: account.original?.email ?? account.email,
		parentPath: account.original?.parentPath ?? account.parentPath,
	};
}
