/**
 * `orgdash list --json`: the organization, its quota and every account, as
 * one JSON document for scripts. Names, emails and paths are the originals
 * AWS gave, not their display-safe form (jsonForTerminal keeps the printed
 * text safe).
 */
import { type AccountState, type JoinedMethod, originalText } from '../domain/account.js';
import { terminalSafeJson } from '../domain/display-text.js';
import type { LoadFailure, LoadOperation } from '../domain/explain-load.js';
import type { QuotaLimitSource, QuotaLookup } from '../domain/quota.js';
import { quotaUsage, resolveQuotaLimit } from '../domain/quota.js';
import type { OrgGateway } from '../org/gateway.js';
import { sortAccounts } from './account-list.js';

export interface ListDocument {
	readonly organization: { readonly id: string; readonly managementAccountId: string };
	readonly quota: {
		readonly counted: number;
		readonly limit: number;
		readonly limitSource: QuotaLimitSource;
		readonly closedAwaitingDeletion: number;
		/** Open or requested invitations, which count toward the quota too; null when they could not be read. */
		readonly pendingInvitations: number | null;
		/** Why pendingInvitations is null. */
		readonly pendingInvitationsUnknownReason?: string;
	};
	readonly accounts: ReadonlyArray<{
		readonly id: string;
		readonly name: string;
		readonly email: string;
		readonly state: AccountState;
		readonly joinedMethod: JoinedMethod;
		readonly joinedAt: string;
		readonly parentPath: string;
	}>;
}

/** Thrown when a step fails: which call, and the gateway's error. */
export class ListFailure extends Error {
	readonly failure: LoadFailure;

	constructor(operation: LoadOperation, error: unknown) {
		super(error instanceof Error ? error.message : String(error));
		this.failure = { operation, error };
	}
}

async function step<T>(operation: LoadOperation, call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		throw new ListFailure(operation, error);
	}
}

/** Reads the whole organization. Accounts are sorted by name, then id. Rejects with a ListFailure. */
export async function listDocument(
	gateway: OrgGateway,
	quotaOverride: number | undefined,
	recordedClosures?: (organizationId: string) => ReadonlyMap<string, string> | undefined,
): Promise<ListDocument> {
	const organization = await step('describeOrganization', () => gateway.describeOrganization());
	const [accounts, lookup] = await Promise.all([
		step('listAccounts', () => gateway.listAccounts()),
		// The quota figure has a fallback chain: a Service Quotas failure is not a failure of the list.
		gateway.accountQuota().catch(
			(error: unknown): QuotaLookup => ({
				unavailableReason: error instanceof Error ? error.message : String(error),
			}),
		),
	]);
	const usage = quotaUsage(accounts, recordedClosures?.(organization.id));
	const limit = resolveQuotaLimit(lookup, quotaOverride);
	return {
		organization: { id: organization.id, managementAccountId: organization.managementAccountId },
		quota: {
			counted: usage.counted,
			limit: limit.limit,
			limitSource: limit.source,
			closedAwaitingDeletion: usage.closedAwaitingDeletion,
			pendingInvitations: lookup.invitations?.known ? lookup.invitations.count : null,
			...(lookup.invitations?.known
				? {}
				: { pendingInvitationsUnknownReason: lookup.invitations?.reason ?? lookup.unavailableReason ?? 'not asked' }),
		},
		accounts: sortAccounts(accounts, 'name').map((account) => {
			const original = originalText(account);
			return {
				id: account.id,
				name: original.name,
				email: original.email,
				state: account.state,
				joinedMethod: account.joinedMethod,
				joinedAt: account.joinedAt,
				parentPath: original.parentPath,
			};
		}),
	};
}

/**
 * A document as printed JSON, safe on a terminal: JSON.stringify escapes C0
 * controls; C1 controls, DEL and bidi and other format characters are escaped
 * too. Parses to the same values.
 */
export function jsonForTerminal(document: unknown): string {
	return terminalSafeJson(JSON.stringify(document, null, 2));
}
