/**
 * `orgdash list --json`: the organization, its quota and every account, as
 * one JSON document for scripts. Names, emails and paths are the originals
 * AWS gave, not their display-safe form (jsonForTerminal keeps the printed
 * text safe).
 */
import {
	type Account,
	type AccountState,
	accountArn,
	type JoinedMethod,
	type Organization,
	originalText,
} from '../domain/account.js';
import { terminalSafeJson } from '../domain/display-text.js';
import type { LoadFailure, LoadOperation } from '../domain/explain-load.js';
import { type AccountImpact, mergeImpact } from '../domain/impact.js';
import type { QuotaLimitSource, QuotaLookup } from '../domain/quota.js';
import { quotaUsage, resolveQuotaLimit } from '../domain/quota.js';
import type { OrgReader } from '../org/gateway.js';
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
	readonly accounts: readonly ListedAccount[];
}

/**
 * One account in `list --json` and `--jsonl`. The names are the ones scripts
 * already read; AWS's own for each is in the readme (id: Id, arn: Arn, name:
 * Name, email: Email, state: State, joinedMethod: JoinedMethod, joinedAt:
 * JoinedTimestamp; parentPath has no AWS field).
 */
export interface ListedAccount {
	readonly id: string;
	readonly arn: string;
	readonly name: string;
	readonly email: string;
	readonly state: AccountState;
	readonly joinedMethod: JoinedMethod;
	readonly joinedAt: string;
	readonly parentPath: string;
	/** With --with-impact: what closing or removing it would break or cost, each item known or unknown with why. */
	readonly impact?: AccountImpact;
}

/** `--state` and `--ou`: which accounts are listed (all when empty). */
export interface ListFilter {
	readonly state?: AccountState;
	/** An OU path ("Root/Sandbox" or "Sandbox"): accounts in it or below it, case ignored. */
	readonly ou?: string;
}

/** The path with its "Root/" start and any slashes around it gone, lower case. */
function pathKey(path: string): string {
	const trimmed = path
		.trim()
		.replace(/^\/+|\/+$/g, '')
		.toLowerCase();
	return trimmed === 'root' ? '' : trimmed.replace(/^root\//, '');
}

/** Whether the account is listed under `filter` (its path as AWS gave it). */
export function matchesListFilter(account: Account, filter: ListFilter): boolean {
	if (filter.state !== undefined && account.state !== filter.state) return false;
	if (filter.ou !== undefined) {
		const wanted = pathKey(filter.ou);
		const path = pathKey(originalText(account).parentPath);
		if (wanted !== '' && path !== wanted && !path.startsWith(`${wanted}/`)) return false;
	}
	return true;
}

/** The account as scripts read it: the originals AWS gave, not their display-safe form. */
export function listedAccount(
	account: Account,
	organization: Pick<Organization, 'id' | 'managementAccountId'>,
): ListedAccount {
	const original = originalText(account);
	return {
		id: account.id,
		arn: accountArn(account, organization),
		name: original.name,
		email: original.email,
		state: account.state,
		joinedMethod: account.joinedMethod,
		joinedAt: account.joinedAt,
		parentPath: original.parentPath,
	};
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

/**
 * Reads the whole organization. Accounts are sorted by name, then id; the
 * quota counts every account, `filter` only chooses those listed. Rejects
 * with a ListFailure.
 */
export async function listDocument(
	gateway: OrgReader,
	/** The user's figure for the organization read (and --quota applied to it); undefined: none. */
	quotaOverride: (organizationId: string) => number | undefined,
	recordedClosures?: (organizationId: string) => ReadonlyMap<string, string> | undefined,
	filter: ListFilter = {},
	options: { readonly withImpact?: boolean; readonly now?: Date } = {},
): Promise<ListDocument> {
	// All three start at once: the listing is the long part and needs nothing from the others, so waiting
	// for the organization first would add a round trip to every run. A listing whose organization cannot
	// be read is stopped, and the organization's error is the one reported.
	const stopListing = new AbortController();
	const listing = gateway.listAccounts({ signal: stopListing.signal });
	listing.catch(() => {});
	// The quota figure has a fallback chain: a Service Quotas failure is not a failure of the list.
	const quotaLookup = gateway.accountQuota().catch(
		(error: unknown): QuotaLookup => ({
			unavailableReason: error instanceof Error ? error.message : String(error),
		}),
	);
	let organization: Organization;
	try {
		organization = await step('describeOrganization', () => gateway.describeOrganization());
	} catch (error) {
		stopListing.abort(error);
		throw error;
	}
	const [accounts, lookup] = await Promise.all([step('listAccounts', () => listing), quotaLookup]);
	const usage = quotaUsage(accounts, recordedClosures?.(organization.id));
	const limit = resolveQuotaLimit(lookup, quotaOverride(organization.id));
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
		accounts: await withImpact(
			gateway,
			sortAccounts(
				accounts.filter((account) => matchesListFilter(account, filter)),
				'name',
			).map((account) => listedAccount(account, organization)),
			options,
		),
	};
}

/** Accounts whose own impact is read at once for --with-impact: a few, so the organization's calls are not throttled. */
const IMPACT_READS_IN_FLIGHT = 4;

/** The accounts, each with its impact when asked: one organization scan, then each account's own reads. */
async function withImpact(
	gateway: OrgReader,
	listed: ListedAccount[],
	options: { readonly withImpact?: boolean; readonly now?: Date },
): Promise<ListedAccount[]> {
	if (!options.withImpact) return listed;
	const now = options.now ?? new Date();
	const scan = await gateway.organizationImpact();
	const result: ListedAccount[] = new Array(listed.length);
	let next = 0;
	const worker = async () => {
		while (next < listed.length) {
			const index = next++;
			const account = listed[index] as ListedAccount;
			const own = await gateway.accountImpact(account.id);
			result[index] = { ...account, impact: mergeImpact(account.id, own, scan, now) };
		}
	};
	await Promise.all(Array.from({ length: Math.min(IMPACT_READS_IN_FLIGHT, listed.length) }, worker));
	return result;
}

/**
 * `list --jsonl`: each account as soon as the gateway reports it, one JSON
 * line each, unsorted. An account reported again (it moved while the list was
 * read) is written again: the last line for an id is the current one.
 */
export async function streamAccounts(
	gateway: OrgReader,
	filter: ListFilter,
	write: (line: string) => void,
): Promise<void> {
	// The listing starts at once, as in listDocument; pages that come before the organization (needed for
	// each ARN) wait for it.
	let organization: Organization | undefined;
	const waiting: Account[] = [];
	const writeAll = (batch: readonly Account[], known: Organization) => {
		for (const account of batch) {
			if (matchesListFilter(account, filter)) {
				write(terminalSafeJson(JSON.stringify(listedAccount(account, known))));
			}
		}
	};
	const stopListing = new AbortController();
	const listing = gateway.listAccounts({
		signal: stopListing.signal,
		onAccounts: (batch) => {
			if (organization) writeAll(batch, organization);
			else waiting.push(...batch);
		},
	});
	listing.catch(() => {});
	try {
		organization = await step('describeOrganization', () => gateway.describeOrganization());
	} catch (error) {
		stopListing.abort(error);
		throw error;
	}
	writeAll(waiting.splice(0), organization);
	await step('listAccounts', () => listing);
}

/**
 * A document as printed JSON, safe on a terminal: JSON.stringify escapes C0
 * controls; C1 controls, DEL and bidi and other format characters are escaped
 * too. Parses to the same values.
 */
export function jsonForTerminal(document: unknown): string {
	return terminalSafeJson(JSON.stringify(document, null, 2));
}
