import type { Account, CallerIdentity, Organization } from '../domain/account.js';
import type { AccountFacts } from '../domain/facts.js';
import type { AccountImpact, ImpactItem, OrganizationImpact, Tag } from '../domain/impact.js';
import type { QuotaLookup } from '../domain/quota.js';

export interface ListAccountsOptions {
	readonly signal?: AbortSignal;
	/**
	 * Called as accounts arrive, so rows can appear before the load ends. An
	 * account may be reported again when a later observation changes it (it
	 * moved while loading): merge by id.
	 */
	readonly onAccounts?: (accounts: readonly Account[]) => void;
}

/**
 * What the app needs from an organization, in domain types. Two adapters:
 * `aws` (SDK v3, any endpoint) and `sandbox` (in memory, follows AWS's rules).
 * Every failure is an OrgError carrying the AWS exception name.
 */
export interface OrgGateway {
	readonly kind: 'aws' | 'sandbox';
	/** Identifies where the data came from (for cache keys): profile, endpoint, region. */
	readonly sourceKey: string;
	describeOrganization(): Promise<Organization>;
	callerIdentity(): Promise<CallerIdentity>;
	/** Every account of the organization, with its parent path. */
	listAccounts(options?: ListAccountsOptions): Promise<Account[]>;
	describeAccount(accountId: string): Promise<Account>;
	accountQuota(): Promise<QuotaLookup>;
	/** `isManagement`: the Account API omits AccountId for the caller's own account. */
	accountFacts(accountId: string, isManagement: boolean): Promise<AccountFacts>;
	/**
	 * The organization-wide part of the impact scan, read once per load: the
	 * delegated administrators and every account's spend (one Cost Explorer
	 * call). Never throws: what cannot be read is unknown, with the reason.
	 */
	organizationImpact(): Promise<OrganizationImpact>;
	/**
	 * What closing or removing one account would break: a few calls for that
	 * account (spend is unknown here: it comes from organizationImpact). Never
	 * throws, as above.
	 */
	accountImpact(accountId: string): Promise<AccountImpact>;
	/** One account's tags (ListTagsForResource), for the list's rows. Never throws, as above. */
	accountTags(accountId: string): Promise<ImpactItem<readonly Tag[]>>;
	/** Destructive. Only ever called by the confirmed flow. */
	closeAccount(accountId: string): Promise<void>;
	/** Destructive. Only ever called by the confirmed flow. */
	removeAccount(accountId: string): Promise<void>;
}
