import type { Account, CallerIdentity, Organization } from '../domain/account.js';
import { displayText } from '../domain/display-text.js';

/** A value the Account Management API may or may not give; never shown as empty when unknown. */
export type Fact<T> = { readonly known: true; readonly value: T } | { readonly known: false; readonly reason: string };

export interface AlternateContact {
	readonly type: 'BILLING' | 'OPERATIONS' | 'SECURITY';
	readonly name: string;
	readonly email: string;
	readonly phone: string;
	readonly title: string;
}

/** What the Account Management API can tell about one account before it is closed. */
export interface AccountFacts {
	readonly enabledRegions: Fact<string[]>;
	readonly primaryEmail: Fact<string>;
	/** One entry per type; a type with no contact set is `known` with value null. */
	readonly alternateContacts: Fact<Record<AlternateContact['type'], AlternateContact | null>>;
	readonly govCloudAccountId: Fact<string | null>;
}

function displayFact<T>(fact: Fact<T>, show: (value: T) => T): Fact<T> {
	return fact.known ? { known: true, value: show(fact.value) } : { known: false, reason: displayText(fact.reason) };
}

function displayContact(contact: AlternateContact | null): AlternateContact | null {
	if (!contact) return null;
	return {
		type: contact.type,
		name: displayText(contact.name),
		email: displayText(contact.email),
		phone: displayText(contact.phone),
		title: displayText(contact.title),
	};
}

/** The facts with every text AWS gave made display-safe (see display-text.ts); both adapters pass theirs through it. */
export function displayFacts(facts: AccountFacts): AccountFacts {
	return {
		enabledRegions: displayFact(facts.enabledRegions, (regions) => regions.map(displayText)),
		primaryEmail: displayFact(facts.primaryEmail, displayText),
		alternateContacts: displayFact(facts.alternateContacts, (contacts) => ({
			BILLING: displayContact(contacts.BILLING),
			OPERATIONS: displayContact(contacts.OPERATIONS),
			SECURITY: displayContact(contacts.SECURITY),
		})),
		govCloudAccountId: displayFact(facts.govCloudAccountId, (id) => (id === null ? null : displayText(id))),
	};
}

/** Where the account-quota figure came from, most authoritative first. */
export type QuotaLimitSource = 'service-quotas' | 'aws-default' | 'user-setting' | 'documented-default';

export interface QuotaLookup {
	/** The applied value from Service Quotas (GetServiceQuota), when it answered. */
	readonly applied?: number;
	/** The AWS default (GetAWSDefaultServiceQuota), when it answered. */
	readonly awsDefault?: number;
	/** Why neither answered, when they did not. */
	readonly unavailableReason?: string;
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
	/** Destructive. Only ever called by the confirmed flow. */
	closeAccount(accountId: string): Promise<void>;
	/** Destructive. Only ever called by the confirmed flow. */
	removeAccount(accountId: string): Promise<void>;
}
