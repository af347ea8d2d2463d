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
