import type { Account, CallerIdentity, Organization } from '../domain/account.js';
import type { QuarantineSetup } from '../domain/batch/quarantine.js';
import type { AccountFacts } from '../domain/facts.js';
import type { AccountImpact, ImpactItem, OrganizationImpact, Tag } from '../domain/impact.js';
import type { QuotaLookup } from '../domain/quota.js';
import type { RootAccessFeatures } from '../domain/root-access.js';

/** Where an adapter's AWS calls go, as resolved from the flags, the environment and the profile. */
export interface CallTarget {
	readonly profile?: string | undefined;
	readonly region: string;
	/** The endpoint of the Organizations calls when it is not AWS's own (moto, LocalStack). */
	readonly endpointUrl?: string | undefined;
}

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
 * What the app reads from an organization, in domain types. Two adapters:
 * `aws` (SDK v3, any endpoint) and `sandbox` (in memory, follows AWS's rules).
 * Every failure is an OrgError carrying the AWS exception name.
 */
export interface OrgReader {
	readonly kind: 'aws' | 'sandbox';
	/** Identifies where the data came from (for cache keys): profile, endpoint, region. */
	readonly sourceKey: string;
	/** Where AWS calls go, for the header: the profile (undefined: the default chain), the region, a custom endpoint. */
	readonly target?: CallTarget;
	describeOrganization(): Promise<Organization>;
	callerIdentity(): Promise<CallerIdentity>;
	/** Every account of the organization, with its parent path. */
	listAccounts(options?: ListAccountsOptions): Promise<Account[]>;
	describeAccount(accountId: string): Promise<Account>;
	accountQuota(): Promise<QuotaLookup>;
	/** `isManagement`: the Account API omits AccountId for the caller's own account. */
	accountFacts(accountId: string, isManagement: boolean): Promise<AccountFacts>;
	/**
	 * The organization's centralized root access features (iam:ListOrganizationsFeatures).
	 * Never rejects: an answer that cannot be had is unknown, with the reason.
	 */
	rootAccessFeatures(): Promise<RootAccessFeatures>;
	/** The quarantine OU (by name, under the root) and its deny-all policy (by name), as they are now. */
	quarantineSetup(ouName: string, policyName: string): Promise<QuarantineSetup>;
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
}

/** The reads and the calls that change AWS. In read-only mode the app gets only a reader (see read-only.ts). */
export interface OrgGateway extends OrgReader {
	/** Destructive. Only ever called by the confirmed flow. */
	closeAccount(accountId: string): Promise<void>;
	/** Destructive. Only ever called by the confirmed flow. */
	removeAccount(accountId: string): Promise<void>;
	/** Changes AWS; only after a batch's confirmation. EnablePolicyType SERVICE_CONTROL_POLICY on the root. */
	enableServiceControlPolicies(rootId: string): Promise<void>;
	/** Changes AWS; only after a batch's confirmation. */
	createOrganizationalUnit(parentId: string, name: string): Promise<{ readonly id: string; readonly path: string }>;
	/** Changes AWS; only after a batch's confirmation. A service control policy; returns its id. */
	createServiceControlPolicy(name: string, description: string, content: string): Promise<string>;
	/** Changes AWS; only after a batch's confirmation. */
	attachPolicy(policyId: string, targetId: string): Promise<void>;
	/** Changes AWS; only after a batch's confirmation (quarantine, move back). */
	moveAccount(accountId: string, fromParentId: string, toParentId: string): Promise<void>;
}
