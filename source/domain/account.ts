/** The account model, in the product's own terms (no SDK types leak past the adapters). */

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

/** AWS account ids are exactly 12 digits. */
export function isAccountId(value: string): boolean {
	return /^\d{12}$/.test(value);
}
