/** Facts about one account that only the Account Management API knows, each known or not (and why not). */

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
