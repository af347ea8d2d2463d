/** Facts about one account that only the Account Management API knows, each known or not (and why not). */
import { displayText } from './display-text.js';

/** A value the Account Management API may or may not give; never shown as empty when unknown. */
export type Fact<T> = { readonly known: true; readonly value: T } | { readonly known: false; readonly reason: string };

export interface AlternateContact {
	readonly type: 'BILLING' | 'OPERATIONS' | 'SECURITY';
	readonly name: string;
	readonly email: string;
	readonly phone: string;
	readonly title: string;
}

/** A region's opt-in status as ListRegions gives it; DISABLED regions are not listed. */
export type RegionOptStatus = 'ENABLED' | 'ENABLED_BY_DEFAULT' | 'ENABLING' | 'DISABLING';

/** The statuses asked of ListRegions: every region where the account may still hold resources. */
export const LISTED_REGION_STATUSES: readonly RegionOptStatus[] = [
	'ENABLED',
	'ENABLED_BY_DEFAULT',
	'ENABLING',
	'DISABLING',
];

export interface AccountRegion {
	readonly name: string;
	readonly status: RegionOptStatus;
}

/** The AWS GovCloud (US) account linked to this one (GetGovCloudAccountInformation). */
export interface LinkedGovCloud {
	readonly accountId: string;
	/** Its AccountState (ACTIVE, SUSPENDED, CLOSED, PENDING_ACTIVATION), when the answer gives one. */
	readonly state?: string;
}

/** What the Account Management API can tell about one account before it is closed. */
export interface AccountFacts {
	/** Regions enabled, enabled by default, being enabled or being disabled: where resources may still live. */
	readonly regions: Fact<AccountRegion[]>;
	readonly primaryEmail: Fact<string>;
	/** One entry per type; a type with no contact set is `known` with value null. */
	readonly alternateContacts: Fact<Record<AlternateContact['type'], AlternateContact | null>>;
	/** null: no GovCloud account is linked. */
	readonly govCloud: Fact<LinkedGovCloud | null>;
}

/** Sorted by name; a region that is being enabled or disabled carries its status ("eu-south-2 (ENABLING)"). */
export function regionsText(regions: readonly AccountRegion[]): string {
	if (regions.length === 0) return 'none reported';
	const names = [...regions]
		.sort((a, b) => a.name.localeCompare(b.name))
		.map((region) =>
			region.status === 'ENABLING' || region.status === 'DISABLING' ? `${region.name} (${region.status})` : region.name,
		);
	return `${regions.length}: ${names.join(', ')}`;
}

/** "081276345910 (ACTIVE)"; the state is left out when the answer gave none. */
export function govCloudText(govCloud: LinkedGovCloud | null): string {
	if (!govCloud) return 'none linked';
	return govCloud.state ? `${govCloud.accountId} (${govCloud.state})` : `${govCloud.accountId} (state not given)`;
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
		regions: displayFact(facts.regions, (regions) =>
			regions.map((region) => ({ name: displayText(region.name), status: region.status })),
		),
		primaryEmail: displayFact(facts.primaryEmail, displayText),
		alternateContacts: displayFact(facts.alternateContacts, (contacts) => ({
			BILLING: displayContact(contacts.BILLING),
			OPERATIONS: displayContact(contacts.OPERATIONS),
			SECURITY: displayContact(contacts.SECURITY),
		})),
		govCloud: displayFact(facts.govCloud, (linked) =>
			linked === null
				? null
				: { accountId: displayText(linked.accountId), ...(linked.state ? { state: displayText(linked.state) } : {}) },
		),
	};
}
